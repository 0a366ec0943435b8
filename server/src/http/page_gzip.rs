//! Gzip for whole pages, with one compressor per thread used again for every page.
//!
//! A page arrives here complete (the islands check reads it whole), so it is compressed in one
//! call. A new compressor zeroes about a quarter of a megabyte of tables before its first
//! byte: measured on the lesson page, setting one up took more instructions than compressing
//! the page did, about a sixth of all the server spent on the page. Starting a used one
//! again clears only its hash table.
//!
//! Responses that are not pages (server functions, exports) keep the general compression
//! layer, which leaves a body it finds already encoded alone.

use app::domain::weighted_header::weight_of;
use axum::{
    body::{Body, Bytes},
    http::{HeaderMap, HeaderValue, header},
    response::Response,
};
use flate2::{Compress, Compression, Crc, FlushCompress, Status};
use std::cell::RefCell;

/// Pages smaller than this go as they are: gzip's own header and trailer outweigh the gain.
const MIN_SIZE: usize = 256;

/// The gzip member header: deflate, no name or time, fastest level, unknown system.
const HEADER: [u8; 10] = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x04, 0xff];

thread_local! {
    /// Raw deflate at the fastest level; the gzip header and trailer are written around it.
    static DEFLATE: RefCell<Compress> = RefCell::new(Compress::new(Compression::fast(), false));
}

/// Whether the request's `Accept-Encoding` takes gzip: named (or as `x-gzip`), else by `*`,
/// with a weight above zero. A named weight overrides the wildcard's.
pub fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|value| weight_of(value, &["gzip", "x-gzip"]).is_some_and(|w| w > 0))
}

/// `data` as one gzip member, or `None` if the compressor fails.
pub fn gzip(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(HEADER.len() + data.len() / 2 + 64);
    out.extend_from_slice(&HEADER);
    let finished = DEFLATE.with(|cell| {
        let mut deflate = cell.borrow_mut();
        deflate.reset();
        // Each round either finishes or fills the room it was given; a page needs a few at
        // most, and stored blocks bound the output at a little over the input.
        for _ in 0..64 {
            let read = usize::try_from(deflate.total_in()).ok()?;
            if out.capacity() - out.len() < 64 {
                out.reserve(data.len() / 2 + 64);
            }
            match deflate.compress_vec(&data[read..], &mut out, FlushCompress::Finish) {
                Ok(Status::StreamEnd) => return Some(()),
                Ok(_) => {}
                Err(error) => {
                    tracing::error!(%error, "a page could not be compressed");
                    return None;
                }
            }
        }
        tracing::error!("a page's compression did not finish");
        None
    });
    finished?;
    let mut crc = Crc::new();
    crc.update(data);
    out.extend_from_slice(&crc.sum().to_le_bytes());
    // ISIZE: the input's length modulo 2^32, as the format defines it.
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    Some(out)
}

/// The finished page `body` with `parts`, gzipped when the request took gzip and the page
/// is worth it, and marked as varying by the request's encodings either way.
pub fn finish(mut parts: axum::http::response::Parts, body: Bytes, accepts: bool) -> Response {
    parts
        .headers
        .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    let encoded = (accepts
        && body.len() >= MIN_SIZE
        && !parts.headers.contains_key(header::CONTENT_ENCODING))
    .then(|| gzip(&body))
    .flatten();
    let body = match encoded {
        Some(compressed) => {
            parts
                .headers
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            Bytes::from(compressed)
        }
        None => body,
    };
    parts
        .headers
        .insert(header::CONTENT_LENGTH, body.len().into());
    Response::from_parts(parts, Body::from(body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn headers(accept: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_ENCODING, accept.parse().unwrap());
        headers
    }

    fn gunzip(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(data)
            .read_to_end(&mut out)
            .expect("a valid gzip member");
        out
    }

    #[test]
    fn pages_decode_to_what_was_compressed_however_often_the_compressor_is_used() {
        let page = "<p>Selvhjælp er gensidighed, ligeværd og medmenneskelighed.</p>".repeat(300);
        let small = "<p>kort</p>";
        let mut noise = Vec::with_capacity(200_000);
        let mut x: u32 = 7;
        for _ in 0..200_000 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            noise.push((x >> 16) as u8);
        }
        for input in [
            page.as_bytes(),
            small.as_bytes(),
            b"",
            &noise,
            page.as_bytes(),
        ] {
            let packed = gzip(input).expect("compressed");
            assert_eq!(gunzip(&packed), input);
        }
        assert!(gzip(page.as_bytes()).unwrap().len() < page.len() / 10);
    }

    #[test]
    fn gzip_is_taken_only_when_asked_for_with_a_weight() {
        assert!(accepts_gzip(&headers("gzip, br")));
        assert!(accepts_gzip(&headers("br;q=1.0, GZIP;q=0.5")));
        assert!(accepts_gzip(&headers("x-gzip")));
        assert!(accepts_gzip(&headers("*")));
        assert!(!accepts_gzip(&headers("gzip;q=0, br")));
        assert!(!accepts_gzip(&headers("gzip;q=0, *")));
        assert!(!accepts_gzip(&headers("gzip;q=nonsense")));
        assert!(!accepts_gzip(&headers("br, identity")));
        assert!(!accepts_gzip(&headers("gzipped")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn small_or_already_encoded_pages_go_as_they_are() {
        let (parts, _) = Response::new(Body::empty()).into_parts();
        let response = finish(parts, Bytes::from_static(b"<p>kort</p>"), true);
        assert!(response.headers().get(header::CONTENT_ENCODING).is_none());
        assert_eq!(response.headers()[header::VARY], "accept-encoding");

        let page = Bytes::from("<p>tekst</p>".repeat(100));
        let (parts, _) = Response::new(Body::empty()).into_parts();
        let response = finish(parts, page.clone(), false);
        assert!(response.headers().get(header::CONTENT_ENCODING).is_none());
        assert_eq!(response.headers()[header::CONTENT_LENGTH], "1200");

        let (parts, _) = Response::new(Body::empty()).into_parts();
        let response = finish(parts, page, true);
        assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
    }
}

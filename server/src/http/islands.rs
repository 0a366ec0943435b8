//! Sends the islands script (and so the wasm) only with pages that contain an island.
//!
//! The shell always writes Leptos's hydration tags into the head, before the body that may
//! or may not hold an island has been rendered. Once the page is complete this layer looks
//! for an island and, when there is none, takes the tags out again, so a plain page loads no
//! JavaScript and no wasm at all. The page, whole here, is then gzipped in one go
//! ([`page_gzip`]).

use super::page_gzip;
use app::islands::ISLAND_TAG;
use axum::{
    body::{Bytes, to_bytes},
    extract::Request,
    http::{StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// Largest page read back; every list is paginated, so pages stay far below this.
const MAX_PAGE: usize = 16 * 1024 * 1024;

/// The first of the hydration tags: the module preload of the islands script.
const SCRIPT_START: &str = "<link rel=\"modulepreload\"";
/// The islands script that closes them.
const SCRIPT_MARK: &str = "hydrateIslands";
const SCRIPT_END: &str = "</script>";

/// Removes the hydration tags from HTML pages that contain no island, and compresses pages.
pub async fn only_with_islands(request: Request, next: Next) -> Response {
    let accepts_gzip = page_gzip::accepts_gzip(request.headers());
    let response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        return response;
    }
    let (parts, body) = response.into_parts();
    let bytes = match to_bytes(body, MAX_PAGE).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, "could not read a page to check it for islands");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let page = match std::str::from_utf8(&bytes).ok().and_then(without_script) {
        Some(stripped) => Bytes::from(stripped),
        None => bytes,
    };
    page_gzip::finish(parts, page, accepts_gzip)
}

/// The page without its hydration tags, or `None` when it keeps them: it has an island, or
/// the tags are not there as expected.
pub fn without_script(html: &str) -> Option<String> {
    if html.contains(ISLAND_TAG) {
        return None;
    }
    let start = html.find(SCRIPT_START)?;
    let mark = start + html[start..].find(SCRIPT_MARK)?;
    let end = mark + html[mark..].find(SCRIPT_END)? + SCRIPT_END.len();
    let mut page = String::with_capacity(html.len() - (end - start));
    page.push_str(&html[..start]);
    page.push_str(&html[end..]);
    Some(page)
}

#[cfg(test)]
mod tests {
    use super::without_script;

    const HEAD: &str = "<head><meta charset=\"utf-8\"/><link rel=\"modulepreload\" href=\"/pkg/igang.js\" crossorigin=\"n\"/><link rel=\"preload\" href=\"/pkg/igang.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"n\"/><script type=\"module\" nonce=\"n\">((root) => { function hydrateIslands() {} })(\"\");</script><title>Igang</title></head>";

    #[test]
    fn a_page_without_islands_loses_the_script_and_nothing_else() {
        let page = format!("<html>{HEAD}<body><p>Tekst</p></body></html>");
        let stripped = without_script(&page).expect("tags removed");
        assert_eq!(
            stripped,
            "<html><head><meta charset=\"utf-8\"/><title>Igang</title></head><body><p>Tekst</p></body></html>"
        );
    }

    #[test]
    fn a_page_with_an_island_keeps_the_script() {
        let page = format!(
            "<html>{HEAD}<body><leptos-island data-component=\"ValuesTabs_1\"></leptos-island></body></html>"
        );
        assert_eq!(without_script(&page), None);
    }

    #[test]
    fn a_page_without_the_tags_is_left_alone() {
        assert_eq!(without_script("<html><body>404</body></html>"), None);
        // A preload of something else, with no islands script after it, stays.
        let other = "<head><link rel=\"modulepreload\" href=\"/x.js\"/></head><body></body>";
        assert_eq!(without_script(other), None);
    }
}

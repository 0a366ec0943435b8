//! Built files: hashed names linked from the pages, kept by browsers for a year, brotli
//! copies served to browsers that accept them.

use igang_tests::{TestOptions, backends, spawn_app};
use reqwest::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, VARY};

#[tokio::test]
async fn hashed_files_are_linked_cached_for_a_year_and_served_precompressed() {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(site.path().join("hash.txt"), "js: j1\nwasm: w1\ncss: c55\n").unwrap();
    std::fs::write(pkg.join("igang.c55.css"), "body { color: #1f2a2e; }\n").unwrap();
    // Not real brotli: the file on disk is what must be served for `br`.
    std::fs::write(pkg.join("igang.c55.css.br"), "precompressed").unwrap();
    let app = spawn_app(
        &backends()[0],
        TestOptions {
            site_root: Some(site.path().to_owned()),
            ..Default::default()
        },
    )
    .await;
    let client = app.client();

    let page = app.page(&client, "/login").await.text().await.unwrap();
    assert!(
        page.contains("href=\"/pkg/igang.c55.css\""),
        "the page links the hashed name"
    );

    let css = client
        .get(app.url("/pkg/igang.c55.css"))
        .header(ACCEPT_ENCODING, "br")
        .send()
        .await
        .unwrap();
    assert_eq!(css.status(), 200);
    assert_eq!(
        css.headers()[CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(css.headers()[CONTENT_ENCODING], "br");
    assert!(
        css.headers()
            .get_all(VARY)
            .iter()
            .any(|v| v == "accept-encoding"),
        "caches keep the encodings apart"
    );
    assert_eq!(css.bytes().await.unwrap().as_ref(), b"precompressed");
    // What is not there now may be there after the next build: not cached for a year.
    let missing = client
        .get(app.url("/pkg/igang.nope.css"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    assert!(missing.headers().get(CACHE_CONTROL).is_none());
    app.stop().await;

    // A site built without hashed names is cached for minutes only.
    let plain = spawn_app(&backends()[0], TestOptions::default()).await;
    std::fs::write(plain.dir.path().join("site/pkg/igang.css"), "body {}\n").unwrap();
    let css = plain
        .client()
        .get(plain.url("/pkg/igang.css"))
        .send()
        .await
        .unwrap();
    assert_eq!(css.headers()[CACHE_CONTROL], "public, max-age=300");
    plain.stop().await;
}

/// The sign-in page, asked for with `encodings` as the browser's `Accept-Encoding`.
async fn login_page(app: &igang_tests::TestApp, encodings: &str) -> reqwest::Response {
    app.client()
        .get(app.url("/login"))
        .header(ACCEPT_ENCODING, encodings)
        .send()
        .await
        .unwrap()
}

/// `body` decoded from gzip.
fn gunzip(body: &[u8]) -> String {
    use std::io::Read;
    let mut html = String::new();
    flate2::read::GzDecoder::new(body)
        .read_to_string(&mut html)
        .unwrap();
    html
}

/// Pages are made per request: they come gzipped (quick to make) even to a browser that also
/// takes brotli, which is kept for the files compressed once at build time.
#[tokio::test]
async fn pages_come_gzipped() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let page = login_page(&app, "gzip, br").await;
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()[CONTENT_ENCODING], "gzip");
    assert!(
        page.headers()
            .get_all(VARY)
            .iter()
            .any(|v| v == "accept-encoding"),
        "caches keep the encodings apart"
    );
    let html = gunzip(&page.bytes().await.unwrap());
    assert!(html.contains("<html"), "the page decodes: {html:.200}");
    // Each page is compressed by the same compressor as the one before: it starts clean.
    let again = gunzip(&login_page(&app, "gzip").await.bytes().await.unwrap());
    assert!(again.contains("<html") && again.contains("</html>"));
    // A client that refuses gzip gets the page as it is.
    for refused in ["gzip;q=0, br", "identity"] {
        let plain = login_page(&app, refused).await;
        assert_eq!(plain.status(), 200);
        assert!(plain.headers().get(CONTENT_ENCODING).is_none(), "{refused}");
        assert!(plain.text().await.unwrap().contains("<html"), "{refused}");
    }
    app.stop().await;
}

use igang_tests::{TestOptions, backends, spawn_app};
use reqwest::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, SET_COOKIE, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};

use crate::endpoints;

#[tokio::test]
async fn cross_site_posts_are_refused_on_every_mutating_endpoint() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    for endpoint in endpoints::all("x") {
        // A fresh browser per endpoint: the language switch's own success sets a cookie.
        let client = app.client();
        let (path, form) = (endpoint.path, endpoint.form.as_slice());
        let foreign_origin = client
            .post(app.url(path))
            .header("origin", "https://evil.example")
            .form(form)
            .send()
            .await
            .unwrap();
        assert_eq!(foreign_origin.status(), 403, "{path} with a foreign Origin");
        assert!(foreign_origin.headers().get(SET_COOKIE).is_none());
        let body = foreign_origin.text().await.unwrap();
        assert!(body.contains("andet websted"), "{path}: {body}");

        let cross_site = client
            .post(app.url(path))
            .header("sec-fetch-site", "cross-site")
            .form(form)
            .send()
            .await
            .unwrap();
        assert_eq!(cross_site.status(), 403, "{path} marked cross-site");

        let null_origin = client
            .post(app.url(path))
            .header("origin", "null")
            .form(form)
            .send()
            .await
            .unwrap();
        assert_eq!(null_origin.status(), 403, "{path} from an opaque origin");

        let same_site_other_port = client
            .post(app.url(path))
            .header("origin", "http://127.0.0.1:1")
            .header("sec-fetch-site", "same-site")
            .form(form)
            .send()
            .await
            .unwrap();
        assert_eq!(
            same_site_other_port.status(),
            403,
            "{path} from a sibling origin"
        );

        let same_origin = client
            .post(app.url(path))
            .header("origin", &app.base_url)
            .header("sec-fetch-site", "same-origin")
            .form(form)
            .send()
            .await
            .unwrap();
        // Refusals of the function itself (wrong password, ...) are fine; the cross-site one is not.
        let body = same_origin.text().await.unwrap();
        assert!(
            !body.contains("andet websted"),
            "{path} from the site itself was refused: {body}"
        );
    }
    app.stop().await;
}

#[tokio::test]
async fn security_headers_are_on_pages_files_and_probes() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    for path in ["/", "/healthz", "/favicon-missing.ico", "/no/such/page"] {
        let response = app.client().get(app.url(path)).send().await.unwrap();
        let headers = response.headers();
        assert!(headers.contains_key(CONTENT_SECURITY_POLICY), "{path}");
        assert_eq!(headers[X_CONTENT_TYPE_OPTIONS], "nosniff", "{path}");
        assert_eq!(headers[REFERRER_POLICY], "same-origin", "{path}");
        assert_eq!(headers[X_FRAME_OPTIONS], "DENY", "{path}");
        assert!(
            !headers.contains_key("strict-transport-security"),
            "no HSTS over plain http"
        );
    }
    app.stop().await;
}

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
        // Each of these marks the post as coming from another site.
        let foreign: [&[(&str, &str)]; 5] = [
            &[("origin", "https://evil.example")],
            &[("sec-fetch-site", "cross-site")],
            &[("origin", "null")],
            &[
                ("origin", "http://127.0.0.1:1"),
                ("sec-fetch-site", "same-site"),
            ],
            &[("referer", "https://evil.example/page")],
        ];
        for headers in foreign {
            let mut request = client.post(app.url(path)).form(form);
            for (name, value) in headers {
                request = request.header(*name, *value);
            }
            let refused = request.send().await.unwrap();
            assert_eq!(refused.status(), 403, "{path} with {headers:?}");
            assert!(refused.headers().get(SET_COOKIE).is_none());
            let body = refused.text().await.unwrap();
            assert!(body.contains("andet websted"), "{path}: {body}");
        }

        let same_origin = client
            .post(app.url(path))
            .header("origin", &app.base_url)
            .header("referer", app.url("/"))
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

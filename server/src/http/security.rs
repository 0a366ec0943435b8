//! Security middleware: response headers with a per-request CSP nonce, and the cross-site
//! request check in front of every state-changing request.

use app::{
    domain::language::Language, language::language_of_request, security::CspNonce,
    state::SiteSettings,
};
use axum::{
    extract::{Request, State},
    http::{HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::sync::Arc;

/// Adds the security headers; the CSP allows only this response's hydration script.
pub async fn headers(
    State(site): State<Arc<SiteSettings>>,
    mut request: Request,
    next: Next,
) -> Response {
    let nonce = CspNonce::generate();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    let csp = format!(
        "default-src 'self'; script-src 'self' 'nonce-{}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        nonce.0
    );
    let headers = response.headers_mut();
    // A PDF is shown by the browser's own viewer, which a page policy (`object-src
    // 'none'`) would block; it runs none of our scripts, so it goes without one.
    let pdf = headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"application/pdf"));
    if !pdf && let Ok(value) = HeaderValue::from_str(&csp) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    if site.is_https() {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

/// Rejects state-changing requests that a browser marks as coming from another site.
///
/// Browsers send `Sec-Fetch-Site` and `Origin` with every such request; clients that send
/// neither (scripts, monitoring) cannot carry a visitor's cookies across sites and pass.
/// Without `Origin`, a `Referer` from another site is refused too.
pub async fn reject_cross_site(
    State(site): State<Arc<SiteSettings>>,
    request: Request,
    next: Next,
) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    ) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let same_site = is_same_site(
        headers.get("sec-fetch-site").map(HeaderValue::as_bytes),
        headers.get(header::ORIGIN).map(HeaderValue::as_bytes),
        headers.get(header::REFERER).map(HeaderValue::as_bytes),
        &site_origin(&site.base_url),
    );
    if same_site {
        return next.run(request).await;
    }
    let (parts, _) = request.into_parts();
    tracing::warn!(
        method = %parts.method,
        path = %parts.uri.path(),
        origin = ?parts.headers.get(header::ORIGIN),
        referer = ?parts.headers.get(header::REFERER),
        sec_fetch_site = ?parts.headers.get("sec-fetch-site"),
        "cross-site request refused"
    );
    let message = match language_of_request(&parts) {
        Language::Da => "Forespørgslen blev afvist, fordi den kom fra et andet websted.",
        Language::Nb => "Forespørselen ble avvist fordi den kom fra et annet nettsted.",
        Language::En => "The request was refused because it came from another site.",
    };
    (StatusCode::FORBIDDEN, message).into_response()
}

/// Whether a state-changing request's headers say it comes from this site (`site`, as
/// `scheme://host[:port]`): `Sec-Fetch-Site` same-origin or none, `Origin` this site, and
/// when there is no `Origin`, a `Referer` (if any) on this site. A header that is absent
/// says nothing; one that cannot be read is foreign.
fn is_same_site(
    fetch_site: Option<&[u8]>,
    origin: Option<&[u8]>,
    referer: Option<&[u8]>,
    site: &str,
) -> bool {
    let fetch_site_ok = fetch_site.is_none_or(|v| matches!(v, b"same-origin" | b"none"));
    let origin_ok = match (origin, referer) {
        (Some(origin), _) => origin == site.as_bytes(),
        (None, Some(referer)) => std::str::from_utf8(referer)
            .ok()
            .and_then(|r| url::Url::parse(r).ok())
            .is_some_and(|r| r.origin().ascii_serialization() == site),
        (None, None) => true,
    };
    fetch_site_ok && origin_ok
}

/// `scheme://host[:port]` of a base URL, as browsers write it in `Origin`.
fn site_origin(base_url: &str) -> String {
    url::Url::parse(base_url)
        .map(|u| u.origin().ascii_serialization())
        .unwrap_or_else(|_| base_url.to_owned())
}

#[cfg(test)]
mod tests {
    use super::{is_same_site, site_origin};

    #[test]
    fn requests_from_another_site_are_told_apart() {
        let site = "https://igang.example";
        // (Sec-Fetch-Site, Origin, Referer, same site)
        type Case = (
            Option<&'static str>,
            Option<&'static str>,
            Option<&'static str>,
            bool,
        );
        let cases: [Case; 11] = [
            (None, None, None, true),
            (Some("same-origin"), Some(site), None, true),
            (Some("none"), None, None, true),
            (Some("cross-site"), None, None, false),
            (Some("same-site"), None, None, false),
            (None, Some("https://evil.example"), None, false),
            (
                None,
                Some("https://evil.example"),
                Some("https://igang.example/x"),
                false,
            ),
            (
                None,
                None,
                Some("https://igang.example/courses?page=2"),
                true,
            ),
            (
                None,
                None,
                Some("https://evil.example/igang.example"),
                false,
            ),
            (None, None, Some("http://igang.example/"), false),
            (None, None, Some("not a url"), false),
        ];
        for (fetch_site, origin, referer, expected) in cases {
            assert_eq!(
                is_same_site(
                    fetch_site.map(str::as_bytes),
                    origin.map(str::as_bytes),
                    referer.map(str::as_bytes),
                    site
                ),
                expected,
                "{fetch_site:?} {origin:?} {referer:?}"
            );
        }
    }

    #[test]
    fn origin_drops_path_and_default_port() {
        assert_eq!(
            site_origin("https://igang.example/"),
            "https://igang.example"
        );
        assert_eq!(
            site_origin("https://igang.example:443"),
            "https://igang.example"
        );
        assert_eq!(
            site_origin("http://127.0.0.1:3000"),
            "http://127.0.0.1:3000"
        );
    }
}

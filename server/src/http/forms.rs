//! A form refused without JavaScript comes back with what was typed in it.
//!
//! A plain form post to a server function is answered with a redirect back to the page, the
//! error in the address. Followed as it is, that page would show the error above empty
//! fields. This layer renders the page at once instead, as the answer to the post, with the
//! typed values (never passwords) on the request for the fields to show again. Its forms then
//! post from an `/api/...` address, so a cookie remembers the page for the next answer.

use app::{
    components::form::KeptForm,
    domain::redirect::safe_local_path,
    errors::AppError,
    security::{cookie_header, cookie_value},
    state::SiteSettings,
};
use axum::{
    Router,
    body::{Body, to_bytes},
    extract::{Request, State},
    http::{HeaderValue, Method, StatusCode, Uri, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use leptos::server_fn::error::ServerFnUrlError;
use std::sync::Arc;
use tower::ServiceExt;

/// The cookie naming the page a refused form was shown on.
pub const FORM_PAGE_COOKIE: &str = "igang_form_page";

/// Largest form read (the longest field, a lesson's text, is far below this).
const MAX_FORM: usize = 2 * 1024 * 1024;

/// What the layer needs: the pages, to render one again, and the site, for cookie flags.
#[derive(Clone)]
pub struct Forms {
    pub pages: Router,
    pub site: Arc<SiteSettings>,
}

/// Answers a refused plain form post with its page, the error shown and the values kept.
pub async fn keep_refused(State(forms): State<Forms>, request: Request, next: Next) -> Response {
    if !is_plain_form_post(&request) {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_FORM).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    point_referer_at_page(&mut parts.headers);
    let kept = KeptForm::from_pairs(url::form_urlencoded::parse(&bytes).into_owned());
    let (headers, extensions) = (parts.headers.clone(), parts.extensions.clone());
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let Some((page, error)) = refused(&response) else {
        return response;
    };
    let mut again = Request::new(Body::empty());
    *again.method_mut() = Method::GET;
    *again.uri_mut() = page.clone();
    *again.headers_mut() = headers;
    again.headers_mut().remove(header::CONTENT_TYPE);
    again.headers_mut().remove(header::CONTENT_LENGTH);
    *again.extensions_mut() = extensions;
    again.extensions_mut().insert(kept);
    let Ok(mut answer) = forms.pages.oneshot(again).await;
    if answer.status().is_success() {
        *answer.status_mut() = error.status();
    }
    // Cookies the server function set (a session ended, say) still reach the browser.
    for cookie in response.headers().get_all(header::SET_COOKIE) {
        answer
            .headers_mut()
            .append(header::SET_COOKIE, cookie.clone());
    }
    let remembered: String =
        url::form_urlencoded::byte_serialize(without_error(&page).as_bytes()).collect();
    let cookie = cookie_header(
        FORM_PAGE_COOKIE,
        &remembered,
        "/api",
        3600,
        "Lax",
        forms.site.is_https(),
    );
    if let Ok(cookie) = HeaderValue::from_str(&cookie) {
        answer.headers_mut().append(header::SET_COOKIE, cookie);
    }
    answer
}

/// The page's path and query, less the error Leptos added to it.
fn without_error(page: &Uri) -> String {
    let query: String = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(
            url::form_urlencoded::parse(page.query().unwrap_or_default().as_bytes())
                .filter(|(key, _)| key != "__path" && key != "__err"),
        )
        .finish();
    if query.is_empty() {
        page.path().to_owned()
    } else {
        format!("{}?{query}", page.path())
    }
}

/// A form posted by a browser without JavaScript to a server function.
fn is_plain_form_post(request: &Request) -> bool {
    let header_has = |name, needle: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains(needle))
    };
    request.method() == Method::POST
        && request.uri().path().starts_with("/api/")
        && header_has(header::ACCEPT, "text/html")
        && header_has(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
}

/// A form on a page rendered as the answer to a post names that post's `/api/...` address as
/// its referrer; the page it really stands on (path and query) is in the cookie, or, when
/// the cookie is gone, the front page stands in.
fn point_referer_at_page(headers: &mut axum::http::HeaderMap) {
    let Some(referer) = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| url::Url::parse(v).ok())
    else {
        return;
    };
    if !referer.path().starts_with("/api/") {
        return;
    }
    let page = cookie_value(headers, FORM_PAGE_COOKIE)
        .map(|value| {
            url::form_urlencoded::parse(format!("p={value}").as_bytes())
                .map(|(_, v)| v.into_owned())
                .collect::<String>()
        })
        .unwrap_or_default();
    let (path, query) = page.split_once('?').unwrap_or((page.as_str(), ""));
    let mut fixed = referer;
    if is_page_path(path) {
        fixed.set_path(path);
        fixed.set_query((!query.is_empty()).then_some(query));
    } else {
        fixed.set_path("/");
        fixed.set_query(None);
    }
    if let Ok(value) = HeaderValue::from_str(fixed.as_str()) {
        headers.insert(header::REFERER, value);
    }
}

/// A path of this site that is a page, safe to put in a cookie.
fn is_page_path(path: &str) -> bool {
    safe_local_path(Some(path)) == path
        && !path.starts_with("/api/")
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/-_.~%".contains(&b))
}

/// The page a refused post is sent back to, and the error, when the answer is such a redirect.
fn refused(response: &Response) -> Option<(Uri, AppError)> {
    if response.status() != StatusCode::FOUND {
        return None;
    }
    let location = response.headers().get(header::LOCATION)?.to_str().ok()?;
    let location = url::Url::parse(location)
        .or_else(|_| url::Url::parse("http://localhost")?.join(location))
        .ok()?;
    let error = location
        .query_pairs()
        .find(|(key, _)| key == "__err")
        .map(|(_, value)| ServerFnUrlError::<AppError>::decode_err(&value))?;
    if !is_page_path(location.path()) {
        return None;
    }
    let page = match location.query() {
        Some(query) => format!("{}?{query}", location.path()),
        None => location.path().to_owned(),
    };
    Some((page.parse().ok()?, error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_of_pages_are_remembered() {
        assert!(is_page_path("/signup"));
        assert!(is_page_path("/authoring/lessons/12"));
        assert!(!is_page_path("/api/auth/sign-up"));
        assert!(!is_page_path("//evil.example/x"));
        assert!(!is_page_path("/a; Path=/"));
        assert!(!is_page_path("https://evil.example/"));
    }

    #[test]
    fn a_referer_on_an_api_address_points_at_the_remembered_page() {
        let mut headers = axum::http::HeaderMap::new();
        headers.insert(
            header::REFERER,
            "http://igang.test/api/auth/sign-up".parse().unwrap(),
        );
        headers.insert(
            header::COOKIE,
            format!("{FORM_PAGE_COOKIE}=/signup").parse().unwrap(),
        );
        point_referer_at_page(&mut headers);
        assert_eq!(headers[header::REFERER], "http://igang.test/signup");

        // A referer that is a page already is left as it is.
        headers.insert(
            header::REFERER,
            "http://igang.test/login?next=/learn".parse().unwrap(),
        );
        point_referer_at_page(&mut headers);
        assert_eq!(
            headers[header::REFERER],
            "http://igang.test/login?next=/learn"
        );

        // The page's query comes back too.
        headers.insert(
            header::REFERER,
            "http://igang.test/api/auth/log-in".parse().unwrap(),
        );
        headers.insert(
            header::COOKIE,
            format!("{FORM_PAGE_COOKIE}=%2Flogin%3Fnext%3D%252Flearn")
                .parse()
                .unwrap(),
        );
        point_referer_at_page(&mut headers);
        assert_eq!(
            headers[header::REFERER],
            "http://igang.test/login?next=%2Flearn"
        );

        // Without the cookie, or with one naming no page of the site, the front page.
        for cookie in ["other=1", "igang_form_page=%2F%2Fevil.example"] {
            headers.insert(
                header::REFERER,
                "http://igang.test/api/auth/log-in".parse().unwrap(),
            );
            headers.insert(header::COOKIE, cookie.parse().unwrap());
            point_referer_at_page(&mut headers);
            assert_eq!(headers[header::REFERER], "http://igang.test/", "{cookie}");
        }
    }

    #[test]
    fn the_remembered_page_keeps_its_query_but_not_the_error() {
        let page: Uri = "/login?next=%2Flearn&__path=%2Fapi%2Fx&__err=abc"
            .parse()
            .unwrap();
        assert_eq!(without_error(&page), "/login?next=%2Flearn");
        assert_eq!(
            without_error(&"/signup?__err=x".parse().unwrap()),
            "/signup"
        );
    }
}

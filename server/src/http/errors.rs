//! Gives server-function errors the HTTP status that fits them (422, 401, 429, ...).
//!
//! Server functions answer every error with 500; the typed error in the body says what
//! really happened, so the status is set here, once, for all of them.

use app::errors::AppError;
use axum::{
    body::{Body, to_bytes},
    extract::Request,
    http::{
        HeaderValue, StatusCode,
        header::{CACHE_CONTROL, CONTENT_TYPE, RETRY_AFTER},
    },
    middleware::Next,
    response::Response,
};

use app::errors::UNAVAILABLE_RETRY_SECS as OUTAGE_RETRY_SECS;

/// The answer while the database cannot be reached: 503 with `Retry-After`, the typed error
/// for a server function's caller, a short page in the three languages for a browser.
pub fn outage(wants_json: bool) -> Response {
    let (content_type, body) = if wants_json {
        (
            "application/json",
            serde_json::to_string(&AppError::Unavailable).unwrap_or_default(),
        )
    } else {
        ("text/html; charset=utf-8", OUTAGE_PAGE.to_owned())
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(RETRY_AFTER, HeaderValue::from_static(OUTAGE_RETRY_SECS));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Whether the request asks for JSON (a server function's own caller) rather than a page.
pub fn wants_json(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(axum::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("json"))
}

/// A last net under every handler: a 500 answered while the database does not answer a
/// ping is an outage, and is answered as one (503, `Retry-After`, the outage message), so
/// the files, feeds and downloads written by hand say "try again" too.
pub async fn outage_for_failures(
    axum::extract::State(db): axum::extract::State<sea_orm::DatabaseConnection>,
    request: Request,
    next: Next,
) -> Response {
    let json = wants_json(request.headers());
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let answers = tokio::time::timeout(std::time::Duration::from_secs(2), db.ping()).await;
    if matches!(answers, Ok(Ok(()))) {
        response
    } else {
        outage(json)
    }
}

/// The page shown while the database cannot be reached.
const OUTAGE_PAGE: &str = r#"<!DOCTYPE html>
<html lang="da">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Igang – et øjeblik</title></head>
<body>
<main>
<h1>Igang er ikke til at nå lige nu</h1>
<p>Vi kan ikke få kontakt med vores database, så intet er gemt eller hentet. Prøv igen om et øjeblik.</p>
<p lang="nb">Vi får ikke kontakt med databasen vår, så ingenting er lagret eller hentet. Prøv igjen om et øyeblikk.</p>
<p lang="en">We cannot reach our database, so nothing was saved or loaded. Please try again in a moment.</p>
</main>
</body>
</html>
"#;

/// Largest error body read back (typed errors are a few hundred bytes).
const MAX_ERROR_BODY: usize = 64 * 1024;

/// Rewrites the status of failed server-function responses from their typed error.
pub async fn server_fn_status(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key("serverfnerror")
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = error.status();
        let retry_after = match error {
            AppError::RateLimited { minutes } => {
                HeaderValue::from_str(&(u64::from(minutes) * 60).to_string()).ok()
            }
            AppError::Unavailable => Some(HeaderValue::from_static(OUTAGE_RETRY_SECS)),
            _ => None,
        };
        if let Some(value) = retry_after {
            parts.headers.insert(RETRY_AFTER, value);
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

//! Gives server-function errors the HTTP status that fits them (422, 401, 429, ...).
//!
//! Server functions answer every error with 500; the typed error in the body says what
//! really happened, so the status is set here, once, for all of them.

use app::errors::AppError;
use axum::{
    body::{Body, to_bytes},
    extract::Request,
    http::{HeaderValue, StatusCode, header::RETRY_AFTER},
    middleware::Next,
    response::Response,
};

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
            _ => None,
        };
        if let Some(value) = retry_after {
            parts.headers.insert(RETRY_AFTER, value);
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

//! Resolves the session cookie and the client address before any handler runs.

use app::{api::context::ClientIp, auth, language::AccountLanguage, state::AppState};
use axum::{
    extract::{ConnectInfo, Request, State},
    middleware::Next,
    response::Response,
};
use std::net::SocketAddr;

/// Puts the signed-in person (if any), their language and the client address into the
/// request, for pages, server functions and rate limits.
pub async fn attach(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    let forwarded = state
        .site
        .trust_proxy
        .then(|| {
            request
                .headers()
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.rsplit(',').next())
                .and_then(|ip| ip.trim().parse().ok())
        })
        .flatten();
    if let Some(ip) = forwarded.or(peer) {
        request.extensions_mut().insert(ClientIp(ip));
    }
    // Files and probes need no session: no lookup for them.
    let path = request.uri().path();
    if path.starts_with("/pkg/") || path == "/healthz" || path == "/readyz" {
        return next.run(request).await;
    }
    match auth::resolve(&state.db, request.headers()).await {
        Ok(Some(found)) => {
            if let Ok(language) = found.user.language.parse() {
                request.extensions_mut().insert(AccountLanguage(language));
            }
            request.extensions_mut().insert(found);
        }
        Ok(None) => {}
        // Without the database nobody can be told who they are: the request is answered
        // "try again shortly" rather than treated as a visitor's (which would send a
        // signed-in person to the sign-in page).
        Err(app::store::StoreError::Db(error)) if app::store::db::is_unreachable(&error) => {
            tracing::warn!(%error, "session lookup: database unreachable");
            let json = crate::http::errors::wants_json(request.headers());
            return crate::http::errors::outage(json);
        }
        // Any other failure must not sign anyone in; the request goes on as a visitor's.
        Err(error) => tracing::error!(%error, "session lookup failed"),
    }
    next.run(request).await
}

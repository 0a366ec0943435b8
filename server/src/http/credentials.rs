//! What a verifier fetches to check a certificate's Open Badges credential, all public and
//! readable from other sites:
//! - `GET /verify/{code}/credential.jwt`: the credential, signed (VC-JWT);
//! - `GET /issuer`: the issuer's profile;
//! - `GET /issuer/jwks.json` and `GET /issuer/keys/{key_id}`: the keys that sign;
//! - `GET /issuer/achievements/{slug}`: a programme as an achievement;
//! - `GET /status/{list}`: a revocation list, signed, as it stands now.

use app::{
    credentials::{self, CredentialError, MEDIA_TYPE},
    documents::credential::{self as document, Addresses},
    domain::{certification::CertificateCode, language::Language},
    state::AppState,
};
use axum::{
    Json,
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::Utc;
use serde_json::Value;

fn addresses(state: &AppState) -> Addresses {
    Addresses::new(&state.site.base_url)
}

/// Headers every answer here carries: readable by any site, kept for `max_age` seconds.
fn public(media_type: &str, max_age: u32) -> [(header::HeaderName, HeaderValue); 3] {
    let cache = if max_age == 0 {
        HeaderValue::from_static("no-cache")
    } else {
        HeaderValue::from_str(&format!("public, max-age={max_age}"))
            .unwrap_or(HeaderValue::from_static("no-cache"))
    };
    [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_str(media_type).unwrap_or(HeaderValue::from_static("text/plain")),
        ),
        (header::CACHE_CONTROL, cache),
        (
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        ),
    ]
}

fn json(document: Value, media_type: &str, max_age: u32) -> Response {
    (public(media_type, max_age), Json(document)).into_response()
}

fn not_found(what: &'static str) -> Response {
    (StatusCode::NOT_FOUND, what).into_response()
}

fn failed(error: &CredentialError) -> Response {
    tracing::error!(%error, "credential failed");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "The credential could not be made; try again.",
    )
        .into_response()
}

/// `GET /verify/{code}/credential.jwt`.
pub async fn credential(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    let Some(code) = CertificateCode::parse(&code) else {
        return not_found("No certificate has this code.");
    };
    let at = addresses(&state);
    match credentials::certificate(&state.db, &state.site.secret_key, &at, &code).await {
        Ok(Some(token)) => {
            let mut response = (public(MEDIA_TYPE, 0), token).into_response();
            if let Ok(value) =
                HeaderValue::from_str(&format!("attachment; filename=\"certificate-{code}.jwt\""))
            {
                response
                    .headers_mut()
                    .insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Ok(None) => not_found("No certificate has this code."),
        Err(error) => failed(&error),
    }
}

/// `GET /issuer`.
pub async fn issuer(State(state): State<AppState>) -> Response {
    json(
        document::issuer_profile(&addresses(&state)),
        "application/ld+json",
        3600,
    )
}

/// `GET /issuer/jwks.json`.
pub async fn key_set(State(state): State<AppState>) -> Response {
    match credentials::key_set(&state.db, &addresses(&state)).await {
        Ok(keys) => json(keys, "application/jwk-set+json", 300),
        Err(error) => failed(&error),
    }
}

/// `GET /issuer/keys/{key_id}`.
pub async fn key(State(state): State<AppState>, Path(key_id): Path<String>) -> Response {
    match credentials::key(&state.db, &addresses(&state), &key_id).await {
        Ok(Some(jwk)) => json(jwk, "application/jwk+json", 3600),
        Ok(None) => not_found("No key has this name."),
        Err(error) => failed(&error),
    }
}

/// `GET /issuer/achievements/{slug}`, in the language the client asks for.
pub async fn achievement(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Response {
    let language = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Language::from_accept_language)
        .unwrap_or_default();
    match credentials::achievement(&state.db, &addresses(&state), &slug, language).await {
        Ok(Some(found)) => {
            let mut response = json(found, "application/ld+json", 300);
            response
                .headers_mut()
                .insert(header::VARY, HeaderValue::from_static("accept-language"));
            response
        }
        Ok(None) => not_found("No programme has this name."),
        Err(error) => failed(&error),
    }
}

/// `GET /status/{list}`: never kept by caches, so a revocation shows at once.
pub async fn status_list(State(state): State<AppState>, Path(list): Path<String>) -> Response {
    let Ok(list) = list.parse::<u32>() else {
        return not_found("No such list.");
    };
    let at = addresses(&state);
    match credentials::status_list(&state.db, &state.site.secret_key, &at, list, Utc::now()).await {
        Ok(Some(token)) => (public(MEDIA_TYPE, 0), token).into_response(),
        Ok(None) => not_found("No such list."),
        Err(error) => failed(&error),
    }
}

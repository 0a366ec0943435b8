//! `GET /account/my-data.json`: everything stored about the signed-in person, as one JSON
//! file to keep.

use app::{auth::Auth, domain::authz::SecondFactor, errors::AppError, state::AppState};
use axum::{
    Extension,
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

/// `GET /account/my-data.json`.
pub async fn download(State(state): State<AppState>, auth: Option<Extension<Auth>>) -> Response {
    let Some(Extension(auth)) = auth.filter(|a| a.second_factor != SecondFactor::Pending) else {
        let refused = AppError::Unauthenticated;
        return (refused.status(), refused.to_string()).into_response();
    };
    let document = match app::store::my_data::export(&state.db, auth.user.id).await {
        Ok(Some(document)) => document,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, "personal data export failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match serde_json::to_vec_pretty(&document) {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "application/json; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"igang-my-data.json\"",
                ),
                (header::CACHE_CONTROL, "no-store"),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "personal data export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

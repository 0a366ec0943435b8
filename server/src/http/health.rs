//! Liveness and readiness probes.

use axum::{extract::State, http::StatusCode};
use sea_orm::DatabaseConnection;

/// `/healthz`: the process answers.
pub async fn live() -> &'static str {
    "ok"
}

/// `/readyz`: the database answers too.
pub async fn ready(State(db): State<DatabaseConnection>) -> (StatusCode, &'static str) {
    match db.ping().await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(error) => {
            tracing::warn!(%error, "readiness check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

//! What every request handler and server function can reach.

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;
use std::sync::Arc;
use tokio::sync::Notify;

/// Settings about the public site that pages and server functions need.
#[derive(Clone)]
pub struct SiteSettings {
    /// The public base URL, without a trailing slash (`https://igang.example`).
    pub base_url: String,
    /// Whether `X-Forwarded-For` from a reverse proxy names the client.
    pub trust_proxy: bool,
    /// The server's secret key, for signing tokens. Never logged.
    pub secret_key: [u8; 32],
    /// Where uploaded images are kept.
    pub media_dir: std::path::PathBuf,
    /// Days a request to an igangsætter waits for an answer.
    pub request_days: i64,
    /// Years an account may go unused before it is removed; never when `None`.
    pub retention_years: Option<i64>,
}

impl SiteSettings {
    /// Whether the site is served over https, so cookies must be `Secure`.
    pub fn is_https(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}

/// Shared state: options, database pool, site settings and the mail worker's doorbell.
#[derive(Clone, FromRef)]
pub struct AppState {
    /// Leptos options (site root, output name, address).
    pub leptos_options: LeptosOptions,
    /// The connection pool.
    pub db: DatabaseConnection,
    /// Public site settings.
    pub site: Arc<SiteSettings>,
    /// Rung after a message is queued, so the worker sends it without waiting for its next poll.
    pub mail_wakeup: Arc<Notify>,
}

impl std::fmt::Debug for SiteSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SiteSettings")
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

//! Hourly housekeeping: forget what is no longer needed (ended sessions, old rate-limit
//! counts, long-expired links).

use app::store::{StoreResult, rate_limit, sessions, tokens};
use chrono::{Duration, Utc};
use sea_orm::DatabaseConnection;
use tokio::sync::watch;

/// How many rows one pass removed, per kind.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Pruned {
    /// Ended sessions.
    pub sessions: u64,
    /// Rate-limit attempts older than a day.
    pub attempts: u64,
    /// Links that expired over a week ago.
    pub tokens: u64,
}

/// One pass.
pub async fn run_once(db: &DatabaseConnection) -> StoreResult<Pruned> {
    let now = Utc::now();
    Ok(Pruned {
        sessions: sessions::prune(db, now).await?,
        attempts: rate_limit::prune(db, now - Duration::days(1)).await?,
        tokens: tokens::prune(db, now).await?,
    })
}

/// Runs a pass every hour, the first an hour after start (start-up has enough to do), until
/// `shutdown` turns true.
pub async fn run(db: DatabaseConnection, mut shutdown: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            _ = tokio::time::sleep(std::time::Duration::from_secs(3600)) => {}
            _ = shutdown.changed() => {}
        }
        if *shutdown.borrow() {
            break;
        }
        match run_once(&db).await {
            Ok(pruned) if pruned != Pruned::default() => tracing::info!(?pruned, "housekeeping"),
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "housekeeping failed; will try again"),
        }
    }
}

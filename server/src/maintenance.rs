//! Hourly housekeeping: forget what is no longer needed (ended sessions, old rate-limit
//! counts, long-expired links, copies of old mail, old audit details), remove accounts left
//! unused past the retention period, and send the reminders that came due.

use app::{
    state::AppState,
    store::{StoreResult, audit, outbox, rate_limit, sessions, tokens},
};
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
    /// Copies of mail sent or given up on over [`MAIL_KEPT_DAYS`] ago.
    pub mail: u64,
    /// Audit events over [`AUDIT_DETAIL_DAYS`] old whose detail was emptied.
    pub audit_details: u64,
}

/// Days a copy of a sent message is kept.
pub const MAIL_KEPT_DAYS: i64 = 30;
/// Days an audit event keeps its detail.
pub const AUDIT_DETAIL_DAYS: i64 = 365;

/// One pass.
pub async fn run_once(db: &DatabaseConnection) -> StoreResult<Pruned> {
    let now = Utc::now();
    Ok(Pruned {
        sessions: sessions::prune(db, now).await?,
        attempts: rate_limit::prune(db, now - Duration::days(1)).await?,
        tokens: tokens::prune(db, now).await?,
        mail: outbox::prune(db, now - Duration::days(MAIL_KEPT_DAYS)).await?,
        audit_details: audit::forget_details(db, now - Duration::days(AUDIT_DETAIL_DAYS)).await?,
    })
}

/// Queues the reminders due now and wakes the mail worker when there were any.
pub async fn remind(
    state: &AppState,
) -> Result<app::reminders::Sent, app::reminders::ReminderError> {
    let sent = app::reminders::send_due(&state.db, &state.site.base_url, Utc::now()).await?;
    if sent != app::reminders::Sent::default() {
        app::mail::ring(&state.mail_wakeup);
    }
    Ok(sent)
}

/// Runs a pass every hour, the first an hour after start (start-up has enough to do), until
/// `shutdown` turns true.
pub async fn run(state: AppState, mut shutdown: watch::Receiver<bool>) {
    let db = state.db.clone();
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
        if let Some(years) = state.site.retention_years {
            match app::retention::pass(&state.db, &state.site.base_url, years, Utc::now()).await {
                Ok(done) if done != app::retention::Retained::default() => {
                    tracing::info!(?done, "unused accounts");
                    app::mail::ring(&state.mail_wakeup);
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "retention pass failed; will try again"),
            }
        }
        match remind(&state).await {
            Ok(sent) if sent != app::reminders::Sent::default() => {
                tracing::info!(?sent, "reminders queued")
            }
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "reminders failed; will try again"),
        }
    }
}

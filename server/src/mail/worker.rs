//! The outbox worker: sends due messages, retries failures with exponential back-off.

use super::Transport;
use crate::config::MailConfig;
use app::{
    domain::retry::retry_delay,
    store::{StoreResult, outbox},
};
use chrono::Utc;
use lettre::{
    Message,
    message::{Mailbox, MultiPart},
};
use sea_orm::DatabaseConnection;
use std::sync::Arc;
use tokio::sync::{Notify, watch};

/// How many messages one look at the outbox takes at most.
const BATCH: u64 = 20;

/// What one pass over the outbox did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    /// Messages handed over successfully.
    pub sent: usize,
    /// Messages whose attempt failed (retried later or given up).
    pub failed: usize,
}

/// Delivers queued mail in the background.
#[derive(Clone)]
pub struct MailWorker {
    db: DatabaseConnection,
    transport: Transport,
    config: MailConfig,
    wakeup: Arc<Notify>,
}

impl MailWorker {
    /// A worker for `db`'s outbox.
    pub fn new(
        db: DatabaseConnection,
        transport: Transport,
        config: MailConfig,
        wakeup: Arc<Notify>,
    ) -> Self {
        MailWorker {
            db,
            transport,
            config,
            wakeup,
        }
    }

    /// Runs until `shutdown` turns true, finishing the message in hand first.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        tracing::info!("mail worker started");
        loop {
            match self.deliver_due().await {
                Ok(report) if report != DeliveryReport::default() => {
                    tracing::info!(sent = report.sent, failed = report.failed, "outbox pass")
                }
                Ok(_) => {}
                Err(error) => tracing::error!(%error, "outbox pass failed; will look again"),
            }
            tokio::select! {
                _ = self.wakeup.notified() => {}
                _ = tokio::time::sleep(self.config.poll_interval) => {}
                _ = shutdown.changed() => {}
            }
            if *shutdown.borrow() {
                break;
            }
        }
        tracing::info!("mail worker stopped");
    }

    /// Sends every message that is due now.
    pub async fn deliver_due(&self) -> StoreResult<DeliveryReport> {
        let mut report = DeliveryReport::default();
        loop {
            let now = Utc::now();
            let due = outbox::due(&self.db, now, BATCH).await?;
            if due.is_empty() {
                return Ok(report);
            }
            let mut claimed_any = false;
            for message in due {
                let lease_until = Utc::now() + chrono::Duration::minutes(2);
                if !outbox::claim(&self.db, message.id, Utc::now(), lease_until).await? {
                    continue;
                }
                claimed_any = true;
                if self.deliver(message).await? {
                    report.sent += 1;
                } else {
                    report.failed += 1;
                }
            }
            if !claimed_any {
                // Everything due is leased by another worker.
                return Ok(report);
            }
        }
    }

    /// Attempts one message; true when delivered.
    async fn deliver(&self, row: outbox::OutboxMessage) -> StoreResult<bool> {
        let attempts = row.attempts + 1;
        let result = match self.build(&row) {
            Ok(message) => self.transport.send(message).await.map_err(|e| (e, false)),
            // A malformed stored message never improves: give up at once.
            Err(e) => Err((e, true)),
        };
        match result {
            Ok(()) => {
                outbox::mark_sent(&self.db, row.id, Utc::now()).await?;
                tracing::info!(outbox_id = row.id, template = %row.template, attempts, "mail sent");
                Ok(true)
            }
            Err((error, permanent)) => {
                let give_up = permanent || attempts as u32 >= self.config.max_attempts;
                let delay = retry_delay(
                    attempts as u32,
                    self.config.retry_base,
                    self.config.retry_cap,
                );
                let next = Utc::now()
                    + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::hours(1));
                outbox::record_failure(&self.db, row.id, attempts, next, &error, give_up).await?;
                if give_up {
                    tracing::error!(outbox_id = row.id, attempts, %error, "mail given up");
                } else {
                    tracing::warn!(outbox_id = row.id, attempts, retry_in_ms = delay.as_millis() as u64, %error, "mail not sent; will retry");
                }
                Ok(false)
            }
        }
    }

    fn build(&self, row: &outbox::OutboxMessage) -> Result<Message, String> {
        let to: Mailbox = row
            .recipient
            .parse()
            .map_err(|e| format!("recipient {:?}: {e}", row.recipient))?;
        Message::builder()
            .from(self.config.from.clone())
            .to(to)
            .subject(row.subject.clone())
            .multipart(MultiPart::alternative_plain_html(
                row.body_text.clone(),
                row.body_html.clone(),
            ))
            .map_err(|e| e.to_string())
    }
}

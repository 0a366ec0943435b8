//! Reminders by mail: the day before a workshop, and 90, 30 and 7 days before a certificate
//! expires. Each goes out once: its row is marked in the transaction that queues the mail,
//! so two servers, or a pass after a restart, never send it twice.

use crate::{
    domain::{certification::validity, email::EmailAddress, language::Language},
    mail::{self, MailError, Template},
    store::{
        StoreError, certification, db::begin_write, entities::user, workshops,
        workshops::WorkshopError,
    },
};
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

/// How many reminders one pass queued.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Sent {
    /// Workshop reminders, one per seated person.
    pub workshops: usize,
    /// Expiry reminders.
    pub certificates: usize,
}

/// Certificates looked at in one pass; the rest wait for the next.
const BATCH: u64 = 500;

/// Why a pass stopped.
#[derive(Debug, thiserror::Error)]
pub enum ReminderError {
    /// Reading or marking the rows failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Reading the workshops failed.
    #[error(transparent)]
    Workshop(#[from] WorkshopError),
    /// A mail could not be rendered or queued.
    #[error(transparent)]
    Mail(#[from] MailError),
}

impl From<sea_orm::DbErr> for ReminderError {
    fn from(error: sea_orm::DbErr) -> Self {
        ReminderError::Store(error.into())
    }
}

fn language_of(person: &user::Model) -> Language {
    person.language.parse().unwrap_or(Language::Da)
}

/// Queues every reminder due at `now`; links point at `base_url`.
pub async fn send_due(
    db: &DatabaseConnection,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<Sent, ReminderError> {
    let mut sent = Sent::default();
    for workshop in workshops::reminders::due(db, now).await? {
        let txn = begin_write(db).await?;
        if !workshops::reminders::claim(&txn, &workshop, now).await? {
            continue;
        }
        for person in workshops::reminders::seated(&txn, &workshop).await? {
            let Ok(to) = EmailAddress::parse(&person.email) else {
                continue;
            };
            mail::queue(
                &txn,
                &to,
                language_of(&person),
                Template::WorkshopReminder,
                serde_json::json!({
                    "name": person.display_name,
                    "workshop": workshop.title,
                    "when": crate::api::dates::local_time(workshop.starts_at),
                    "place": workshop.place,
                    "link": format!("{base_url}/workshops"),
                }),
            )
            .await?;
            sent.workshops += 1;
        }
        txn.commit().await?;
    }

    let first = validity::REMINDER_DAYS[0];
    let last = validity::REMINDER_DAYS[validity::REMINDER_DAYS.len() - 1];
    let expiring = certification::reminders::expiring(db, now, first, last, BATCH).await?;
    if expiring.is_empty() {
        return Ok(sent);
    }
    let programmes = certification::all(db).await?;
    for (certificate, holder) in expiring {
        let Some(expires_at) = certificate.expires_at else {
            continue;
        };
        let last_sent = certificate.last_reminder_days.map(i64::from);
        let Some(days) = validity::reminder_due(expires_at, last_sent, now) else {
            continue;
        };
        let Ok(to) = EmailAddress::parse(&holder.email) else {
            continue;
        };
        let language = language_of(&holder);
        let programme = programmes
            .iter()
            .find(|p| p.id == certificate.programme_id)
            .map(|p| p.titles.get(language).to_owned())
            .unwrap_or_default();
        let txn = begin_write(db).await?;
        if !certification::reminders::claim(&txn, &certificate, days).await? {
            continue;
        }
        mail::queue(
            &txn,
            &to,
            language,
            Template::CertificateExpiring,
            serde_json::json!({
                "name": holder.display_name,
                "programme": programme,
                "days": days,
                "expires": crate::api::dates::date(expires_at),
                "link": format!("{base_url}/certificates"),
            }),
        )
        .await?;
        txn.commit().await?;
        sent.certificates += 1;
    }
    Ok(sent)
}

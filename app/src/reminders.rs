//! Reminders by mail: the day before a workshop, and 90, 30 and 7 days before a certificate
//! expires; and the notice to a coordinator that a request to an igangsætter expired
//! unanswered. Each goes out once: its row is marked in the transaction that queues the
//! mail, so two servers, or a pass after a restart, never send it twice.

use crate::{
    domain::{certification::validity, email::EmailAddress, language::Language},
    mail::{self, MailError, Template},
    store::{
        StoreError, certification, db::begin_write, entities::user, groups, requests, workshops,
        workshops::WorkshopError,
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, QueryFilter};

/// How many reminders one pass queued.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Sent {
    /// Workshop reminders, one per seated person.
    pub workshops: usize,
    /// Expiry reminders.
    pub certificates: usize,
    /// Requests to igangsættere that expired unanswered, each told to its coordinator.
    pub expired_requests: usize,
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
            // A removed account has nobody to remind.
            if person.deleted_at.is_some() {
                continue;
            }
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

    sent.expired_requests = expire_requests(db, base_url, now).await?;

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
        if holder.deleted_at.is_some() {
            continue;
        }
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

/// Marks the requests not answered in time as expired, each in the transaction that queues
/// the mail telling the coordinator who sent it; how many expired.
async fn expire_requests(
    db: &DatabaseConnection,
    base_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, ReminderError> {
    use sea_orm::EntityTrait;
    let overdue = requests::overdue(db, now, BATCH).await?;
    let group_ids: Vec<i32> = overdue.iter().map(|r| r.group_id).collect();
    let found = groups::by_ids(db, &group_ids).await?;
    let mut people: Vec<i32> = overdue.iter().map(|r| r.user_id).collect();
    people.extend(overdue.iter().filter_map(|r| r.sent_by));
    people.sort_unstable();
    people.dedup();
    let people = user::Entity::find()
        .filter(user::Column::Id.is_in(people))
        .all(db)
        .await?;
    let mut expired = 0;
    for request in overdue {
        let txn = begin_write(db).await?;
        if !requests::expire(&txn, request.id, now).await? {
            continue;
        }
        let coordinator = request
            .sent_by
            .and_then(|id| people.iter().find(|p| p.id == id));
        let asked = people.iter().find(|p| p.id == request.user_id);
        let group = found.iter().find(|g| g.id == request.group_id);
        if let (Some(coordinator), Some(asked), Some(group)) = (coordinator, asked, group)
            && let Ok(to) = EmailAddress::parse(&coordinator.email)
        {
            mail::queue_about(
                &txn,
                &to,
                language_of(coordinator),
                Template::RequestExpired,
                serde_json::json!({
                    "name": coordinator.display_name,
                    "person": asked.display_name,
                    "group": group.plan.title,
                    "expires": crate::api::dates::date(request.expires_at),
                    "link": format!("{base_url}/groups/{}", group.id),
                }),
                Some(asked.id),
            )
            .await?;
        }
        txn.commit().await?;
        expired += 1;
    }
    Ok(expired)
}

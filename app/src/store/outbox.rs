//! The outbox: messages are written here in the same breath as the change that causes them,
//! and the worker delivers them. Nothing is deleted before it is sent or given up on, so an
//! outage delays mail but never loses it; the copies go a while after.

use super::{StoreError, StoreResult, entities::outbox_message as message};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, UpdateMany,
    sea_query::{Expr, ExprTrait},
};

pub use message::Model as OutboxMessage;

/// Waiting to be sent (or to be retried).
pub const PENDING: &str = "pending";
/// Delivered to the SMTP server or the mail folder.
pub const SENT: &str = "sent";
/// Given up after the maximum number of attempts; kept for inspection.
pub const FAILED: &str = "failed";

/// A rendered message ready to be queued.
#[derive(Clone, Debug)]
pub struct NewMessage {
    /// Recipient address.
    pub recipient: String,
    /// Template name, for logs and statistics.
    pub template: String,
    /// Language code the message was rendered in.
    pub language: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body_text: String,
    /// HTML body.
    pub body_html: String,
    /// The person the message names who is not its recipient, if any.
    pub about_user_id: Option<i32>,
}

/// Adds a message to the outbox, due now.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    new: NewMessage,
    now: DateTime<Utc>,
) -> StoreResult<i32> {
    let row = message::ActiveModel {
        recipient: Set(new.recipient),
        template: Set(new.template),
        language: Set(new.language),
        subject: Set(new.subject),
        body_text: Set(new.body_text),
        body_html: Set(new.body_html),
        about_user_id: Set(new.about_user_id),
        status: Set(PENDING.to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        locked_until: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// Up to `limit` messages that are due and not leased by a worker, oldest first.
pub async fn due(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    limit: u64,
) -> StoreResult<Vec<OutboxMessage>> {
    Ok(message::Entity::find()
        .filter(message::Column::Status.eq(PENDING))
        .filter(message::Column::NextAttemptAt.lte(now))
        .filter(
            message::Column::LockedUntil
                .is_null()
                .or(message::Column::LockedUntil.lt(now)),
        )
        .order_by_asc(message::Column::NextAttemptAt)
        .order_by_asc(message::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Leases a message to this worker until `lease_until`; false if another worker holds it.
///
/// A conditional update, so it is safe with several server processes on one database.
pub async fn claim(
    db: &impl ConnectionTrait,
    id: i32,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
) -> StoreResult<bool> {
    let result = message::Entity::update_many()
        .col_expr(message::Column::LockedUntil, Expr::value(lease_until))
        .filter(message::Column::Id.eq(id))
        .filter(message::Column::Status.eq(PENDING))
        .filter(
            message::Column::LockedUntil
                .is_null()
                .or(message::Column::LockedUntil.lt(now)),
        )
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Records a successful delivery.
pub async fn mark_sent(db: &impl ConnectionTrait, id: i32, now: DateTime<Utc>) -> StoreResult<()> {
    let changes = message::Entity::update_many()
        .col_expr(message::Column::Status, Expr::value(SENT))
        .col_expr(message::Column::SentAt, Expr::value(now))
        .col_expr(
            message::Column::Attempts,
            Expr::col(message::Column::Attempts).add(1),
        );
    end_attempt(db, id, changes).await
}

/// Records a failed attempt: when to try next, or that the message is given up.
pub async fn record_failure(
    db: &impl ConnectionTrait,
    id: i32,
    attempts: i32,
    next_attempt_at: DateTime<Utc>,
    error: &str,
    give_up: bool,
) -> StoreResult<()> {
    let status = if give_up { FAILED } else { PENDING };
    let error: String = error.chars().take(2000).collect();
    let changes = message::Entity::update_many()
        .col_expr(message::Column::Status, Expr::value(status))
        .col_expr(message::Column::Attempts, Expr::value(attempts))
        .col_expr(message::Column::NextAttemptAt, Expr::value(next_attempt_at))
        .col_expr(message::Column::LastError, Expr::value(Some(error)));
    end_attempt(db, id, changes).await
}

/// Ends a delivery attempt on message `id`: applies `changes` and releases the worker's
/// lease; `NotFound` if there is no such message.
async fn end_attempt(
    db: &impl ConnectionTrait,
    id: i32,
    changes: UpdateMany<message::Entity>,
) -> StoreResult<()> {
    let result = changes
        .col_expr(
            message::Column::LockedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(message::Column::Id.eq(id))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Err(StoreError::NotFound("outbox message"));
    }
    Ok(())
}

/// One message by id.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> StoreResult<Option<OutboxMessage>> {
    Ok(message::Entity::find_by_id(id).one(db).await?)
}

/// Deletes the messages sent or given up on before `before` (their copies hold addresses and
/// names); how many.
pub async fn prune(db: &impl ConnectionTrait, before: DateTime<Utc>) -> StoreResult<u64> {
    Ok(message::Entity::delete_many()
        .filter(message::Column::Status.is_in([SENT, FAILED]))
        .filter(message::Column::CreatedAt.lt(before))
        .exec(db)
        .await?
        .rows_affected)
}

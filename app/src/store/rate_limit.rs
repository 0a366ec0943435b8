//! Attempt counting shared by every server process: one row per attempt, counted per window.

use super::{StoreResult, entities::auth_attempt};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

/// A limit: at most `max` attempts per `window`.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    /// Attempts allowed in the window.
    pub max: u64,
    /// The sliding window.
    pub window: Duration,
}

/// Counts one attempt in `bucket`, then refuses it if the bucket is over its limit;
/// `Err(wait)` tells how long until the next is allowed.
///
/// Recording before counting means parallel requests see each other: a burst cannot slip
/// past the limit between one request's check and its record.
pub async fn hit(
    db: &impl ConnectionTrait,
    bucket: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> StoreResult<Result<(), Duration>> {
    record(db, bucket, now).await?;
    let over = Limit {
        max: limit.max + 1,
        window: limit.window,
    };
    check(db, bucket, over, now).await
}

/// Whether `bucket` is below its limit, without counting an attempt.
pub async fn check(
    db: &impl ConnectionTrait,
    bucket: &str,
    limit: Limit,
    now: DateTime<Utc>,
) -> StoreResult<Result<(), Duration>> {
    let since = now - limit.window;
    let recent = auth_attempt::Entity::find()
        .filter(auth_attempt::Column::Bucket.eq(bucket))
        .filter(auth_attempt::Column::At.gt(since));
    if recent.clone().count(db).await? < limit.max {
        return Ok(Ok(()));
    }
    let oldest = recent
        .order_by_asc(auth_attempt::Column::At)
        .one(db)
        .await?
        .map_or(now, |a| a.at);
    Ok(Err((oldest + limit.window - now).max(Duration::seconds(1))))
}

/// Counts one attempt without checking.
pub async fn record(
    db: &impl ConnectionTrait,
    bucket: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    auth_attempt::ActiveModel {
        bucket: Set(bucket.to_owned()),
        at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Forgets the attempts in `bucket` (after a successful sign-in).
pub async fn clear(db: &impl ConnectionTrait, bucket: &str) -> StoreResult<()> {
    auth_attempt::Entity::delete_many()
        .filter(auth_attempt::Column::Bucket.eq(bucket))
        .exec(db)
        .await?;
    Ok(())
}

/// Deletes attempts older than `before`; run from time to time.
pub async fn prune(db: &impl ConnectionTrait, before: DateTime<Utc>) -> StoreResult<u64> {
    Ok(auth_attempt::Entity::delete_many()
        .filter(auth_attempt::Column::At.lt(before))
        .exec(db)
        .await?
        .rows_affected)
}

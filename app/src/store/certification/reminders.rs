//! Expiry reminders: the certificates whose next reminder may be due, and taking one.

use crate::store::{
    StoreResult,
    entities::{certificate, user},
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::Expr,
};

/// Held, unrevoked certificates expiring within `window_days` of `now` whose last reminder
/// was not yet the final one (`last_days`), with their holders; at most `limit`.
pub async fn expiring(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    window_days: i64,
    last_days: i64,
    limit: u64,
) -> StoreResult<Vec<(certificate::Model, user::Model)>> {
    let rows = certificate::Entity::find()
        .filter(certificate::Column::RevokedAt.is_null())
        .filter(certificate::Column::UserId.is_not_null())
        .filter(certificate::Column::ExpiresAt.gt(now))
        .filter(certificate::Column::ExpiresAt.lte(now + Duration::days(window_days)))
        .filter(
            Condition::any()
                .add(certificate::Column::LastReminderDays.is_null())
                .add(certificate::Column::LastReminderDays.gt(last_days)),
        )
        .order_by_asc(certificate::Column::ExpiresAt)
        .limit(limit)
        .all(db)
        .await?;
    let holders = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().filter_map(|r| r.user_id)))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let holder = holders.iter().find(|u| Some(u.id) == row.user_id)?.clone();
            Some((row, holder))
        })
        .collect())
}

/// Records that the `days` reminder went out; false when it (or a later one) already had.
pub async fn claim(
    db: &impl ConnectionTrait,
    certificate: &certificate::Model,
    days: i64,
) -> StoreResult<bool> {
    let days = i32::try_from(days).unwrap_or(i32::MAX);
    let result = certificate::Entity::update_many()
        .col_expr(certificate::Column::LastReminderDays, Expr::value(days))
        .filter(certificate::Column::Id.eq(certificate.id))
        .filter(
            Condition::any()
                .add(certificate::Column::LastReminderDays.is_null())
                .add(certificate::Column::LastReminderDays.gt(days)),
        )
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

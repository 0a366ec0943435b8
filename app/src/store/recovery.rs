//! Single-use recovery codes, stored as hashes.

use super::{StoreResult, entities::recovery_code};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, sea_query::Expr};

/// Replaces a person's recovery codes with new ones (given as hashes).
pub async fn replace(
    db: &impl ConnectionTrait,
    user_id: i32,
    hashes: Vec<String>,
) -> StoreResult<()> {
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    if hashes.is_empty() {
        return Ok(());
    }
    let rows = hashes
        .into_iter()
        .map(|code_hash| recovery_code::ActiveModel {
            user_id: Set(user_id),
            code_hash: Set(code_hash),
            used_at: Set(None),
            ..Default::default()
        });
    recovery_code::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

/// Uses a code; false if it is unknown or already used.
pub async fn consume(
    db: &impl ConnectionTrait,
    user_id: i32,
    code_hash: &str,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let result = recovery_code::Entity::update_many()
        .col_expr(recovery_code::Column::UsedAt, Expr::value(Some(now)))
        .filter(recovery_code::Column::UserId.eq(user_id))
        .filter(recovery_code::Column::CodeHash.eq(code_hash))
        .filter(recovery_code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

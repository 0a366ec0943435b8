//! Server-side sessions: the cookie holds a secret, the table holds its hash.

use super::{
    StoreResult,
    entities::{session, user, user_role},
    packed,
};
use crate::domain::role::Role;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult,
    QueryFilter, QuerySelect, QueryTrait, Set,
    sea_query::{Expr, ExprTrait, Query},
};

pub use session::Model as Session;
use user::Model as User;

/// A session ends this long after sign-in, however active.
pub const ABSOLUTE_LIFETIME: Duration = Duration::days(14);
/// A session ends after this long without a request.
pub const IDLE_TIMEOUT: Duration = Duration::hours(4);
/// `last_seen_at` is written at most this often, to keep reads cheap.
const TOUCH_EVERY: Duration = Duration::minutes(5);

/// Starts a session for `user_id`; `token_hash` is the hash of the cookie's secret.
pub async fn create(
    db: &impl ConnectionTrait,
    user_id: i32,
    token_hash: String,
    second_factor_done: bool,
    now: DateTime<Utc>,
) -> StoreResult<Session> {
    // A sign-in keeps the account in use: the retention period starts again.
    user::Entity::update_many()
        .col_expr(user::Column::LastSignedInAt, Expr::value(Some(now)))
        .col_expr(
            user::Column::RetentionWarnedAt,
            Expr::value(None::<DateTime<Utc>>),
        )
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    Ok(session::ActiveModel {
        token_hash: Set(token_hash),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + ABSOLUTE_LIFETIME),
        second_factor_at: Set(second_factor_done.then_some(now)),
        reauthenticated_at: Set(Some(now)),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// The live session with this token hash, its account and the account's roles, read in
/// one statement (a session is looked up on every request); expired ones are deleted on
/// sight.
pub async fn find_live(
    db: &impl ConnectionTrait,
    token_hash: &str,
    now: DateTime<Utc>,
) -> StoreResult<Option<(Session, User, Vec<(Role, Option<i32>)>)>> {
    let roles = Query::select()
        .expr(packed::rows_as_json(
            db.get_database_backend(),
            [
                Expr::col((user_role::Entity, user_role::Column::Role)),
                Expr::col((user_role::Entity, user_role::Column::CentreId)),
            ],
        ))
        .from(user_role::Entity)
        .and_where(
            Expr::col((user_role::Entity, user_role::Column::UserId))
                .equals((session::Entity, session::Column::UserId)),
        )
        .to_owned();
    let statement = session::Entity::find()
        .filter(session::Column::TokenHash.eq(token_hash))
        .find_also_related(user::Entity)
        .column_as(Expr::from(roles), "roles")
        .into_query();
    let Some(row) = db.query_one(&statement).await? else {
        return Ok(None);
    };
    let found = session::Model::from_query_result(&row, "A_")?;
    let Some(account) = user::Model::from_query_result_optional(&row, "B_")? else {
        return Ok(None);
    };
    let roles: Option<String> = row.try_get("", "roles")?;
    let roles = packed::unpack::<(String, Option<i32>)>(roles.as_deref(), "roles")?
        .into_iter()
        .map(|(role, centre)| {
            role.parse::<Role>()
                .map(|role| (role, centre))
                .map_err(|e| DbErr::Type(e.to_string()))
        })
        .collect::<Result<_, _>>()?;
    if found.expires_at <= now || found.last_seen_at + IDLE_TIMEOUT <= now {
        session::Entity::delete_by_id(found.id).exec(db).await?;
        return Ok(None);
    }
    if now - found.last_seen_at >= TOUCH_EVERY {
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, Expr::value(now))
            .filter(session::Column::Id.eq(found.id))
            .exec(db)
            .await?;
    }
    Ok(Some((found, account, roles)))
}

/// Records that the second factor was checked in this session, under a new secret
/// (`token_hash`): the session gains staff powers, so a cookie from before the step,
/// planted or copied, does not carry over.
pub async fn mark_second_factor(
    db: &impl ConnectionTrait,
    id: i32,
    token_hash: String,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    session::Entity::update_many()
        .col_expr(session::Column::TokenHash, Expr::value(token_hash))
        .col_expr(session::Column::SecondFactorAt, Expr::value(Some(now)))
        .col_expr(session::Column::ReauthenticatedAt, Expr::value(Some(now)))
        .filter(session::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Records that the person re-entered their password (or code) just now.
pub async fn mark_reauthenticated(
    db: &impl ConnectionTrait,
    id: i32,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    session::Entity::update_many()
        .col_expr(session::Column::ReauthenticatedAt, Expr::value(Some(now)))
        .filter(session::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends one session.
pub async fn delete(db: &impl ConnectionTrait, id: i32) -> StoreResult<()> {
    session::Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}

/// Ends every session of a person, except `keep` if given; returns how many ended.
pub async fn delete_all_for_user(
    db: &impl ConnectionTrait,
    user_id: i32,
    keep: Option<i32>,
) -> StoreResult<u64> {
    let mut query = session::Entity::delete_many().filter(session::Column::UserId.eq(user_id));
    if let Some(keep) = keep {
        query = query.filter(session::Column::Id.ne(keep));
    }
    Ok(query.exec(db).await?.rows_affected)
}

/// Deletes sessions past their absolute lifetime or idle timeout; returns how many.
pub async fn prune(db: &impl ConnectionTrait, now: DateTime<Utc>) -> StoreResult<u64> {
    use sea_orm::Condition;
    Ok(session::Entity::delete_many()
        .filter(
            Condition::any()
                .add(session::Column::ExpiresAt.lte(now))
                .add(session::Column::LastSeenAt.lte(now - IDLE_TIMEOUT)),
        )
        .exec(db)
        .await?
        .rows_affected)
}

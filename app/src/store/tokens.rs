//! Single-use, expiring secrets sent by mail.

use super::{StoreResult, entities::one_time_token};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, sea_query::Expr,
};

pub use one_time_token::Model as OneTimeToken;

/// What a token lets its holder do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Confirm the address given at sign-up.
    VerifyEmail,
    /// Choose a new password.
    ResetPassword,
    /// Move the account to a new address.
    ChangeEmail,
    /// Join as coordinator or trainer.
    Invitation,
}

impl Purpose {
    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "verify_email",
            Purpose::ResetPassword => "reset_password",
            Purpose::ChangeEmail => "change_email",
            Purpose::Invitation => "invitation",
        }
    }

    /// How long a token of this kind stays valid.
    pub fn lifetime(self) -> Duration {
        match self {
            Purpose::VerifyEmail | Purpose::ChangeEmail => Duration::hours(48),
            Purpose::ResetPassword => Duration::minutes(30),
            Purpose::Invitation => Duration::days(7),
        }
    }
}

/// A token to create.
#[derive(Clone, Debug)]
pub struct NewToken {
    /// Hash of the secret that goes into the link.
    pub token_hash: String,
    /// What it is for.
    pub purpose: Purpose,
    /// The account it acts on, if one exists yet.
    pub user_id: Option<i32>,
    /// The address it was sent to.
    pub email: Option<String>,
    /// Extra data (JSON), e.g. the role an invitation grants.
    pub payload: Option<String>,
}

/// Stores a token, valid from `now` for its purpose's lifetime.
pub async fn create(
    db: &impl ConnectionTrait,
    new: NewToken,
    now: DateTime<Utc>,
) -> StoreResult<OneTimeToken> {
    Ok(one_time_token::ActiveModel {
        token_hash: Set(new.token_hash),
        purpose: Set(new.purpose.as_str().to_owned()),
        user_id: Set(new.user_id),
        email: Set(new.email),
        payload: Set(new.payload),
        created_at: Set(now),
        expires_at: Set(now + new.purpose.lifetime()),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// The unused, unexpired token of this purpose with this hash.
pub async fn find_valid(
    db: &impl ConnectionTrait,
    token_hash: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> StoreResult<Option<OneTimeToken>> {
    Ok(one_time_token::Entity::find()
        .filter(one_time_token::Column::TokenHash.eq(token_hash))
        .filter(one_time_token::Column::Purpose.eq(purpose.as_str()))
        .filter(one_time_token::Column::UsedAt.is_null())
        .filter(one_time_token::Column::ExpiresAt.gt(now))
        .one(db)
        .await?)
}

/// Marks a token used; false if it was used meanwhile (a replay or a double click).
pub async fn consume(db: &impl ConnectionTrait, id: i32, now: DateTime<Utc>) -> StoreResult<bool> {
    let result = one_time_token::Entity::update_many()
        .col_expr(one_time_token::Column::UsedAt, Expr::value(Some(now)))
        .filter(one_time_token::Column::Id.eq(id))
        .filter(one_time_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Voids every unused token of an account (after its password or address changed).
pub async fn void_all_for_user(
    db: &impl ConnectionTrait,
    user_id: i32,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    one_time_token::Entity::update_many()
        .col_expr(one_time_token::Column::UsedAt, Expr::value(Some(now)))
        .filter(one_time_token::Column::UserId.eq(user_id))
        .filter(one_time_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Voids the unused tokens of one purpose for an account (e.g. older reset links).
pub async fn void_for_user(
    db: &impl ConnectionTrait,
    user_id: i32,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    one_time_token::Entity::update_many()
        .col_expr(one_time_token::Column::UsedAt, Expr::value(Some(now)))
        .filter(one_time_token::Column::UserId.eq(user_id))
        .filter(one_time_token::Column::Purpose.eq(purpose.as_str()))
        .filter(one_time_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// The unused, unexpired token `id` of `purpose`, if there is one.
pub async fn find_open(
    db: &impl ConnectionTrait,
    id: i32,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> StoreResult<Option<OneTimeToken>> {
    Ok(one_time_token::Entity::find_by_id(id)
        .filter(one_time_token::Column::Purpose.eq(purpose.as_str()))
        .filter(one_time_token::Column::UsedAt.is_null())
        .filter(one_time_token::Column::ExpiresAt.gt(now))
        .one(db)
        .await?)
}

/// Deletes token `id` while it is still unused; false if it was used meanwhile.
pub async fn delete_unused(db: &impl ConnectionTrait, id: i32) -> StoreResult<bool> {
    let result = one_time_token::Entity::delete_many()
        .filter(one_time_token::Column::Id.eq(id))
        .filter(one_time_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Tokens of one purpose created since `since`, newest first (bounded to 1,000).
pub async fn recent_of_purpose(
    db: &impl ConnectionTrait,
    purpose: Purpose,
    since: DateTime<Utc>,
) -> StoreResult<Vec<OneTimeToken>> {
    use sea_orm::{QueryOrder, QuerySelect};
    Ok(one_time_token::Entity::find()
        .filter(one_time_token::Column::Purpose.eq(purpose.as_str()))
        .filter(one_time_token::Column::CreatedAt.gt(since))
        .order_by_desc(one_time_token::Column::CreatedAt)
        .order_by_desc(one_time_token::Column::Id)
        .limit(1000)
        .all(db)
        .await?)
}

/// Deletes tokens that expired more than a week ago (used or not); returns how many.
pub async fn prune(db: &impl ConnectionTrait, now: DateTime<Utc>) -> StoreResult<u64> {
    Ok(one_time_token::Entity::delete_many()
        .filter(one_time_token::Column::ExpiresAt.lt(now - Duration::days(7)))
        .exec(db)
        .await?
        .rows_affected)
}

//! People and their roles.

use super::{
    StoreError, StoreResult,
    entities::{user, user_role},
};
use crate::domain::{email::EmailAddress, language::Language, role::Role};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
    sea_query::{Expr, ExprTrait},
};

pub use user::Model as User;

/// A new account.
#[derive(Clone, Debug)]
pub struct NewUser {
    /// Login and contact address.
    pub email: EmailAddress,
    /// How the person is addressed.
    pub display_name: String,
    /// Preferred language.
    pub language: Language,
    /// Argon2id hash, if the person has a password yet.
    pub password_hash: Option<String>,
    /// Whether the address is already known to work.
    pub email_verified: bool,
}

/// Creates an account; fails with `Conflict` if the email is taken.
pub async fn create_user(
    db: &impl ConnectionTrait,
    new: NewUser,
    now: DateTime<Utc>,
) -> StoreResult<User> {
    if find_by_email(db, &new.email).await?.is_some() {
        return Err(StoreError::Conflict("account with this email"));
    }
    let row = user::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        email: Set(new.email.as_str().to_owned()),
        display_name: Set(new.display_name),
        language: Set(new.language.code().to_owned()),
        password_hash: Set(new.password_hash),
        email_verified_at: Set(new.email_verified.then_some(now)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row)
}

/// The account with this email, if any.
pub async fn find_by_email(
    db: &impl ConnectionTrait,
    email: &EmailAddress,
) -> StoreResult<Option<User>> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email.as_str()))
        .one(db)
        .await?)
}

/// The account with this id, if any.
pub async fn find_by_id(db: &impl ConnectionTrait, id: i32) -> StoreResult<Option<User>> {
    Ok(user::Entity::find_by_id(id).one(db).await?)
}

/// Records that the account's address is confirmed.
pub async fn mark_email_verified(
    db: &impl ConnectionTrait,
    id: i32,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    user::Entity::update_many()
        .col_expr(user::Column::EmailVerifiedAt, Expr::value(Some(now)))
        .filter(user::Column::Id.eq(id))
        .filter(user::Column::EmailVerifiedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Replaces the password hash.
pub async fn set_password_hash(
    db: &impl ConnectionTrait,
    id: i32,
    hash: String,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let result = user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(Some(hash)))
        .col_expr(user::Column::PasswordChangedAt, Expr::value(Some(now)))
        .filter(user::Column::Id.eq(id))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Err(StoreError::NotFound("account"));
    }
    Ok(())
}

/// Grants a role (for coordinators, at one centre); granting it twice changes nothing.
pub async fn grant_role(
    db: &impl ConnectionTrait,
    user_id: i32,
    role: Role,
    centre_id: Option<i32>,
) -> StoreResult<()> {
    let existing = user_role::Entity::find()
        .filter(user_role::Column::UserId.eq(user_id))
        .filter(user_role::Column::Role.eq(role))
        .filter(match centre_id {
            Some(id) => user_role::Column::CentreId.eq(id),
            None => user_role::Column::CentreId.is_null(),
        })
        .one(db)
        .await?;
    if existing.is_none() {
        user_role::ActiveModel {
            user_id: Set(user_id),
            role: Set(role),
            centre_id: Set(centre_id),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// The roles a person holds, with the centre each applies to.
pub async fn roles_of(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> StoreResult<Vec<(Role, Option<i32>)>> {
    let rows = user_role::Entity::find()
        .filter(user_role::Column::UserId.eq(user_id))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|r| (r.role, r.centre_id)).collect())
}

/// Stores a new, not yet confirmed authenticator secret (sealed).
pub async fn set_pending_totp(
    db: &impl ConnectionTrait,
    id: i32,
    sealed: String,
) -> StoreResult<()> {
    replace_totp(db, id, Some(sealed)).await
}

/// Puts `secret` (sealed) in place of the account's authenticator, switched off and with no
/// code used yet; `None` removes it.
async fn replace_totp(
    db: &impl ConnectionTrait,
    id: i32,
    secret: Option<String>,
) -> StoreResult<()> {
    user::Entity::update_many()
        .col_expr(user::Column::TotpSecret, Expr::value(secret))
        .col_expr(
            user::Column::TotpEnabledAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(user::Column::TotpLastStep, Expr::value(Option::<i64>::None))
        .filter(user::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Turns the pending authenticator on, with the step of the code that confirmed it.
pub async fn enable_totp(
    db: &impl ConnectionTrait,
    id: i32,
    step: i64,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    user::Entity::update_many()
        .col_expr(user::Column::TotpEnabledAt, Expr::value(Some(now)))
        .col_expr(user::Column::TotpLastStep, Expr::value(Some(step)))
        .filter(user::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Records an accepted code's step; false if that step (or a later one) was already used.
pub async fn record_totp_step(db: &impl ConnectionTrait, id: i32, step: i64) -> StoreResult<bool> {
    let result = user::Entity::update_many()
        .col_expr(user::Column::TotpLastStep, Expr::value(Some(step)))
        .filter(user::Column::Id.eq(id))
        .filter(
            user::Column::TotpLastStep
                .is_null()
                .or(user::Column::TotpLastStep.lt(step)),
        )
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Changes the display name and preferred language.
pub async fn update_profile(
    db: &impl ConnectionTrait,
    id: i32,
    display_name: &str,
    language: Language,
) -> StoreResult<()> {
    user::Entity::update_many()
        .col_expr(user::Column::DisplayName, Expr::value(display_name))
        .col_expr(user::Column::Language, Expr::value(language.code()))
        .filter(user::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Moves the account to a new, confirmed address; `Conflict` if another account has it.
pub async fn set_email(
    db: &impl ConnectionTrait,
    id: i32,
    email: &EmailAddress,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let taken = find_by_email(db, email)
        .await?
        .is_some_and(|other| other.id != id);
    if taken {
        return Err(StoreError::Conflict("account with this email"));
    }
    user::Entity::update_many()
        .col_expr(user::Column::Email, Expr::value(email.as_str()))
        .col_expr(user::Column::EmailVerifiedAt, Expr::value(Some(now)))
        .filter(user::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// The account with this public id, if any.
pub async fn find_by_public_id(
    db: &impl ConnectionTrait,
    public_id: &str,
) -> StoreResult<Option<User>> {
    Ok(user::Entity::find()
        .filter(user::Column::PublicId.eq(public_id))
        .one(db)
        .await?)
}

/// Accounts whose name or email contains `query` (any case), sorted by name; one page and the total.
pub async fn search(
    db: &impl ConnectionTrait,
    query: &str,
    page: u64,
    per_page: u64,
) -> StoreResult<(Vec<User>, u64)> {
    use sea_orm::{Condition, PaginatorTrait, QueryOrder, sea_query::Func};
    let pattern = format!("%{}%", query.to_lowercase().replace(['%', '_'], ""));
    let filter = Condition::any()
        .add(Expr::expr(Func::lower(Expr::col(user::Column::Email))).like(pattern.clone()))
        .add(Expr::expr(Func::lower(Expr::col(user::Column::DisplayName))).like(pattern));
    let paginator = user::Entity::find()
        .filter(filter)
        .filter(user::Column::DeletedAt.is_null())
        .order_by_asc(user::Column::DisplayName)
        .order_by_asc(user::Column::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    Ok((paginator.fetch_page(page).await?, total))
}

/// The roles of many accounts in one query.
pub async fn roles_of_many(
    db: &impl ConnectionTrait,
    user_ids: Vec<i32>,
) -> StoreResult<std::collections::HashMap<i32, Vec<(Role, Option<i32>)>>> {
    let mut out: std::collections::HashMap<i32, Vec<(Role, Option<i32>)>> =
        std::collections::HashMap::new();
    if user_ids.is_empty() {
        return Ok(out);
    }
    for row in user_role::Entity::find()
        .filter(user_role::Column::UserId.is_in(user_ids))
        .all(db)
        .await?
    {
        out.entry(row.user_id)
            .or_default()
            .push((row.role, row.centre_id));
    }
    Ok(out)
}

/// Email addresses of many accounts in one query.
pub async fn emails_of(
    db: &impl ConnectionTrait,
    ids: Vec<i32>,
) -> StoreResult<std::collections::HashMap<i32, String>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.email))
        .collect())
}

/// Removes a role (at every centre, for coordinators).
pub async fn revoke_role(db: &impl ConnectionTrait, user_id: i32, role: Role) -> StoreResult<()> {
    user_role::Entity::delete_many()
        .filter(user_role::Column::UserId.eq(user_id))
        .filter(user_role::Column::Role.eq(role))
        .exec(db)
        .await?;
    Ok(())
}

/// Removes the authenticator entirely.
pub async fn clear_totp(db: &impl ConnectionTrait, id: i32) -> StoreResult<()> {
    replace_totp(db, id, None).await
}

/// How many accounts hold `role`.
pub async fn count_with_role(db: &impl ConnectionTrait, role: Role) -> StoreResult<u64> {
    use sea_orm::{PaginatorTrait, QuerySelect};
    Ok(user_role::Entity::find()
        .select_only()
        .column(user_role::Column::UserId)
        .distinct()
        .filter(user_role::Column::Role.eq(role))
        .count(db)
        .await?)
}

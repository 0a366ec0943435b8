//! A person with an account.

use sea_orm::entity::prelude::*;

/// Row of `users`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub public_id: String,
    #[sea_orm(unique)]
    pub email: String,
    pub display_name: String,
    pub language: String,
    pub password_hash: Option<String>,
    pub email_verified_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    #[sea_orm(column_type = "Text", nullable)]
    pub totp_secret: Option<String>,
    pub totp_enabled_at: Option<DateTimeUtc>,
    pub password_changed_at: Option<DateTimeUtc>,
    pub totp_last_step: Option<i64>,
    /// When the account was removed at its owner's wish; the row holds nothing about them.
    pub deleted_at: Option<DateTimeUtc>,
    /// When its owner last signed in.
    pub last_signed_in_at: Option<DateTimeUtc>,
    /// When its owner was told that the unused account will be removed.
    pub retention_warned_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

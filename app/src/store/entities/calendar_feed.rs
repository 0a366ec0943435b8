//! A person's calendar feed of their workshops.

use sea_orm::entity::prelude::*;

/// Row of `calendar_feeds`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "calendar_feeds")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    /// SHA-256 of the secret in the feed's address, as hex.
    pub token_hash: String,
    /// The secret, sealed with the server key, so the address can be shown again.
    pub sealed_token: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

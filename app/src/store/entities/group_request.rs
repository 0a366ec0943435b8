//! A request to an igangsætter to start a group.

use sea_orm::entity::prelude::*;

/// Row of `group_requests`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "group_requests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub group_id: i32,
    /// The igangsætter asked.
    pub user_id: i32,
    /// The coordinator who asked; none once their account is deleted.
    pub sent_by: Option<i32>,
    /// The coordinator's personal message.
    pub message: String,
    /// Where the request stands.
    pub status: String,
    /// The igangsætter's reason for declining, if they gave one.
    pub reason: Option<String>,
    pub sent_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub answered_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! The outcome-survey link of a group.

use sea_orm::entity::prelude::*;

/// Row of `group_surveys`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "group_surveys")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub group_id: i32,
    /// The random part of the link handed to participants.
    pub token: String,
    pub opened_at: DateTimeUtc,
    /// After this, the link takes no more answers.
    pub closes_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

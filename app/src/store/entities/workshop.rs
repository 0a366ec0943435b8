//! An in-person workshop of a programme.

use crate::domain::ids::{ProgrammeId, WorkshopId};
use sea_orm::entity::prelude::*;

/// Row of `workshops`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "workshops")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: WorkshopId,
    pub programme_id: ProgrammeId,
    pub title: String,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub place: String,
    pub capacity: i32,
    pub language: String,
    pub description: String,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    /// When the reminders for the day before went out.
    pub reminded_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

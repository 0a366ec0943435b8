//! A volunteer's place at a workshop: a seat or on the waiting list.

use crate::domain::{ids::WorkshopId, workshops::Placement};
use sea_orm::entity::prelude::*;

/// Row of `workshop_signups`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "workshop_signups")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub workshop_id: WorkshopId,
    pub user_id: i32,
    pub placement: Placement,
    pub signed_up_at: DateTimeUtc,
    /// Whether they came; none until the trainer marks it.
    pub attended: Option<bool>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

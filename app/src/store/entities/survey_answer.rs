//! One participant's outcome-survey answer: a point per statement and the month, nothing
//! about who answered.

use sea_orm::entity::prelude::*;

/// Row of `survey_answers`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_answers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub group_id: i32,
    /// `YYYY-MM`.
    pub month: String,
    pub seen: i16,
    pub less_alone: i16,
    pub insight: i16,
    pub talking: i16,
    pub mastery: i16,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! A course of a programme: one of the alternatives of a requirement, or a refresher.

use crate::domain::ids::{CourseId, ProgrammeId};
use sea_orm::entity::prelude::*;

/// Row of `programme_courses`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "programme_courses")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub programme_id: ProgrammeId,
    /// Rows with the same number are alternatives; none marks a refresher.
    pub requirement: Option<i32>,
    pub course_id: CourseId,
    pub min_version: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

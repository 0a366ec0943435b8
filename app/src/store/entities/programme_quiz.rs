//! A quiz of a programme with a minimum best score.

use crate::domain::ids::{CourseId, ProgrammeId};
use sea_orm::entity::prelude::*;

/// Row of `programme_quizzes`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "programme_quizzes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub programme_id: ProgrammeId,
    /// Rows with the same number are alternatives.
    pub requirement: i32,
    pub course_id: CourseId,
    pub lesson_slug: String,
    pub min_percent: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! A lesson a learner has completed.

use crate::domain::ids::{EnrolmentId, LessonId};
use sea_orm::entity::prelude::*;

/// Row of `lesson_completions`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lesson_completions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub enrolment_id: EnrolmentId,
    pub lesson_id: LessonId,
    pub completed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! One submitted quiz attempt, kept for good.

use crate::domain::ids::{EnrolmentId, LessonId};
use sea_orm::entity::prelude::*;

/// Row of `quiz_attempts`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quiz_attempts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub enrolment_id: EnrolmentId,
    pub lesson_id: LessonId,
    /// 1 for the first attempt at this quiz.
    pub number: i32,
    /// The form's one-time key.
    pub submission: String,
    /// Chosen option ids per question id, as JSON.
    pub answers: String,
    pub right_answers: i32,
    pub scored: i32,
    pub percent: i32,
    pub passed: bool,
    pub submitted_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! A learner's written answer to a reflection question.

use crate::domain::ids::{EnrolmentId, LessonId, QuestionId, ReflectionId};
use crate::domain::learning::ReflectionState;
use sea_orm::entity::prelude::*;

/// Row of `reflections`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reflections")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: ReflectionId,
    pub enrolment_id: EnrolmentId,
    pub question_id: QuestionId,
    pub lesson_id: LessonId,
    pub answer: String,
    /// `draft`, `submitted`, `accepted` or `revise`.
    pub state: ReflectionState,
    pub submitted_at: Option<DateTimeUtc>,
    /// The reviewer's comment to the learner.
    pub comment: Option<String>,
    pub reviewed_by: Option<i32>,
    pub reviewed_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

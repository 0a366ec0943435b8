//! A question of a lesson's quiz.

use crate::domain::course::{QuestionKind, ReviewMode};
use crate::domain::ids::{LessonId, QuestionId, VersionId};
use sea_orm::entity::prelude::*;

/// Row of `questions`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "questions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: QuestionId,
    pub version_id: VersionId,
    pub lesson_id: LessonId,
    pub key: String,
    pub position: i32,
    pub kind: QuestionKind,
    pub case_text: Option<String>,
    pub prompt: String,
    pub guidance: Option<String>,
    pub review: Option<ReviewMode>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

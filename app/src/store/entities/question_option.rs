//! An option of a question.

use crate::domain::ids::{OptionId, QuestionId, VersionId};
use sea_orm::entity::prelude::*;

/// Row of `question_options`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "question_options")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: OptionId,
    pub version_id: VersionId,
    pub question_id: QuestionId,
    pub position: i32,
    pub text: String,
    pub correct: bool,
    pub explanation: String,
    pub pinned: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

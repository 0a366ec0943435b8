//! An option of a question.

use sea_orm::entity::prelude::*;

/// Row of `question_options`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "question_options")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub version_id: i32,
    pub question_id: i32,
    pub position: i32,
    pub text: String,
    pub correct: bool,
    pub explanation: String,
    pub pinned: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

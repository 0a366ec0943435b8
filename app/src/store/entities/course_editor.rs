//! A trainer who may change a course: its texts, its drafts, publishing and its editors.

use crate::domain::ids::CourseId;
use sea_orm::entity::prelude::*;

/// Row of `course_editors`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "course_editors")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub course_id: CourseId,
    pub user_id: i32,
    pub added_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

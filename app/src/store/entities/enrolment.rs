//! A learner's place in one course, bound to the version they started.

use sea_orm::entity::prelude::*;

/// Row of `enrolments`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "enrolments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    pub course_id: i32,
    pub version_id: i32,
    /// The centre the learner takes the course with, if they named one.
    pub centre_id: Option<i32>,
    pub started_at: DateTimeUtc,
    pub last_activity_at: DateTimeUtc,
    pub completed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! A learner's place in one course, bound to the version they started.

use crate::domain::ids::{CourseId, EnrolmentId, VersionId};
use sea_orm::entity::prelude::*;

/// Row of `enrolments`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "enrolments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: EnrolmentId,
    pub user_id: i32,
    pub course_id: CourseId,
    pub version_id: VersionId,
    /// The centre the learner takes the course with, if they named one.
    pub centre_id: Option<i32>,
    pub started_at: DateTimeUtc,
    pub last_activity_at: DateTimeUtc,
    pub completed_at: Option<DateTimeUtc>,
    /// How many of the version's lessons are completed (one per completion row).
    pub lessons_done: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

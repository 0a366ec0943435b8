//! One numbered version of a course's content.

use crate::domain::course::VersionState;
use crate::domain::ids::{CourseId, VersionId};
use sea_orm::entity::prelude::*;

/// Row of `course_versions`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "course_versions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: VersionId,
    pub course_id: CourseId,
    pub number: i32,
    pub state: VersionState,
    pub title: String,
    pub summary: String,
    pub leads_to_certificate: bool,
    pub body: String,
    pub body_html: String,
    /// What changed against the version before, as JSON, fixed when published.
    pub changes: Option<String>,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub published_by: Option<i32>,
    pub published_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::course::Entity",
        from = "Column::CourseId",
        to = "super::course::Column::Id"
    )]
    Course,
}

impl Related<super::course::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Course.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

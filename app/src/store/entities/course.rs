//! A course: its lasting identity, language and status. Content lives in versions.

use crate::domain::course::CourseStatus;
use crate::domain::ids::{CourseId, VersionId};
use sea_orm::entity::prelude::*;

/// Row of `courses`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "courses")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: CourseId,
    #[sea_orm(unique)]
    pub public_id: String,
    #[sea_orm(unique)]
    pub slug: String,
    pub language: String,
    pub status: CourseStatus,
    pub published_version_id: Option<VersionId>,
    pub created_by: Option<i32>,
    /// The centre the course belongs to; none for the platform's own courses.
    pub owner_centre_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! A module of one course version.

use crate::domain::ids::{ModuleId, VersionId};
use sea_orm::entity::prelude::*;

/// Row of `course_modules`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "course_modules")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: ModuleId,
    pub version_id: VersionId,
    /// Follows the module from version to version.
    pub key: String,
    pub position: i32,
    pub slug: String,
    pub title: String,
    pub topic: String,
    pub requires_previous: bool,
    pub summary: String,
    pub body: String,
    pub body_html: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! A lesson of one module; a quiz when `pass_mark` is set.

use crate::domain::ids::{LessonId, ModuleId, VersionId};
use sea_orm::entity::prelude::*;

/// Row of `lessons`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lessons")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: LessonId,
    pub version_id: VersionId,
    pub module_id: ModuleId,
    /// Follows the lesson from version to version.
    pub key: String,
    pub position: i32,
    pub slug: String,
    pub title: String,
    pub minutes: i32,
    pub body: String,
    pub body_html: String,
    pub pass_mark: Option<i32>,
    /// Attempts allowed at the quiz; none means no limit.
    pub max_attempts: Option<i32>,
    /// Minutes to wait between quiz attempts.
    pub cooldown_minutes: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! A certification programme.

use crate::domain::{certification::ReflectionRule, ids::ProgrammeId};
use sea_orm::entity::prelude::*;

/// Row of `programmes`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "programmes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: ProgrammeId,
    pub slug: String,
    /// The title per language, as JSON.
    pub titles: String,
    /// What earns the certificate, per language, as JSON.
    pub criteria: String,
    pub reflections: ReflectionRule,
    pub workshops: i32,
    /// The practical part a trainer signs off; none when there is no sign-off.
    pub sign_off: Option<String>,
    pub validity_months: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! A volunteer waiting for, or given, a trainer's sign-off of a programme's practical part.

use crate::domain::ids::ProgrammeId;
use sea_orm::entity::prelude::*;

/// Row of `sign_offs`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_offs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub programme_id: ProgrammeId,
    pub user_id: i32,
    pub requested_at: DateTimeUtc,
    pub signed_by: Option<i32>,
    pub signed_at: Option<DateTimeUtc>,
    pub note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

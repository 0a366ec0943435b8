use sea_orm_migration::prelude::*;

use crate::{
    helpers::Replaced, m20261213_000018_matching_from_indexes::REPLACED as REPLACED_BEFORE,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Matching's search index also holds whose profile each entry is. SQLite keeps a table's
/// integer key in every index already; PostgreSQL does not, and without it read each of the
/// thousands of profiles within reach of a large town from the table itself.
const REPLACED: Replaced = Replaced {
    table: "igangsaetter_profiles",
    old: REPLACED_BEFORE[0].new,
    new: (
        "idx_profiles_within_reach_by_owner",
        &[
            "available",
            "lat",
            "lon",
            "travel_km",
            "place_id",
            "availability",
            "capacity",
            "topics",
            "languages",
            "user_id",
        ],
    ),
};

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        REPLACED.up(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        REPLACED.down(manager).await
    }
}

use sea_orm_migration::prelude::*;

use crate::helpers::Replaced;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Matching reads everything it needs of the people within reach of a group from these two
/// indexes, without visiting the tables: each profile entry holds what scoring weighs, and
/// each group entry holds its state and when it was matched (the two counts of a person's
/// groups).
pub(crate) const REPLACED: [Replaced; 2] = [
    Replaced {
        table: "igangsaetter_profiles",
        old: (
            "idx_profiles_available_lat_lon_travel",
            &["available", "lat", "lon", "travel_km"],
        ),
        new: (
            "idx_profiles_within_reach",
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
            ],
        ),
    },
    Replaced {
        table: "groups",
        old: (
            "idx_groups_igangsaetter_status",
            &["igangsaetter_id", "status"],
        ),
        new: (
            "idx_groups_igangsaetter_status_matched",
            &["igangsaetter_id", "status", "matched_at"],
        ),
    },
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for r in &REPLACED {
            r.up(manager).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for r in &REPLACED {
            r.down(manager).await?;
        }
        Ok(())
    }
}

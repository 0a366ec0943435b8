use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{a, fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One profile per igangsætter. The home town is a GeoNames id from the shipped
        // list; its coordinates are copied beside it so a search for people near a group
        // narrows by an index on them before measuring distances. Topics and languages are
        // short comma-separated codes, availability one bit per weekday and part of the day.
        manager
            .create_table(
                Table::create()
                    .table(a("igangsaetter_profiles"))
                    .col(integer(a("user_id")).primary_key())
                    .col(integer(a("place_id")))
                    .col(double(a("lat")))
                    .col(double(a("lon")))
                    .col(integer(a("travel_km")))
                    .col(string_len(a("topics"), 400))
                    .col(string_len(a("languages"), 40))
                    .col(integer(a("availability")))
                    .col(integer(a("capacity")))
                    .col(boolean(a("available")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .foreign_key(&mut fk(
                        "igangsaetter_profiles",
                        "user_id",
                        "users",
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_profiles_available_lat_lon",
                "igangsaetter_profiles",
                &["available", "lat", "lon"],
                false,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(a("igangsaetter_profiles")).to_owned())
            .await
    }
}

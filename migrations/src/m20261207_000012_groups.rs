use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{a, fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A group a centre needs an igangsætter for, and its life: each step's date, and the
        // igangsætter once one accepted. Nothing about participants is stored. The town's
        // coordinates are copied beside its id, as for profiles.
        manager
            .create_table(
                Table::create()
                    .table(a("groups"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("centre_id")))
                    .col(integer_null(a("created_by")))
                    .col(string_len(a("title"), 120))
                    .col(string_len(a("topic"), 40))
                    .col(string_len(a("kind"), 20))
                    .col(string_len(a("language"), 8))
                    .col(integer(a("place_id")))
                    .col(double(a("lat")))
                    .col(double(a("lon")))
                    .col(string_len(a("weekday"), 3))
                    .col(string_len(a("meets_at"), 5))
                    .col(string_len(a("cadence"), 12))
                    .col(date(a("starts_on")))
                    .col(integer(a("meetings")))
                    .col(text(a("description")))
                    .col(string_len(a("status"), 12))
                    .col(integer_null(a("igangsaetter_id")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone_null(a("matched_at")))
                    .col(timestamp_with_time_zone_null(a("running_at")))
                    .col(timestamp_with_time_zone_null(a("self_led_at")))
                    .col(timestamp_with_time_zone_null(a("ended_at")))
                    .col(string_len_null(a("ending_reason"), 300))
                    .foreign_key(&mut fk(
                        "groups",
                        "centre_id",
                        "centres",
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "groups",
                        "created_by",
                        "users",
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        "groups",
                        "igangsaetter_id",
                        "users",
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, columns) in [
            ("idx_groups_centre_status", ["centre_id", "status"]),
            (
                "idx_groups_igangsaetter_status",
                ["igangsaetter_id", "status"],
            ),
        ] {
            manager
                .create_index(index(name, "groups", &columns, false))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(a("groups")).to_owned())
            .await
    }
}

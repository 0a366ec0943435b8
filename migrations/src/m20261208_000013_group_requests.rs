use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{a, fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A coordinator's request to an igangsætter to start a group, with its personal
        // message, and its answer: accepted, declined (with an optional reason), withdrawn
        // or expired.
        manager
            .create_table(
                Table::create()
                    .table(a("group_requests"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("group_id")))
                    .col(integer(a("user_id")))
                    .col(integer_null(a("sent_by")))
                    .col(text(a("message")))
                    .col(string_len(a("status"), 12))
                    .col(string_len_null(a("reason"), 300))
                    .col(timestamp_with_time_zone(a("sent_at")))
                    .col(timestamp_with_time_zone(a("expires_at")))
                    .col(timestamp_with_time_zone_null(a("answered_at")))
                    .foreign_key(&mut fk(
                        "group_requests",
                        "group_id",
                        "groups",
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "group_requests",
                        "user_id",
                        "users",
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "group_requests",
                        "sent_by",
                        "users",
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, columns) in [
            ("idx_requests_user_status", ["user_id", "status"]),
            ("idx_requests_group_status", ["group_id", "status"]),
            ("idx_requests_status_expires", ["status", "expires_at"]),
        ] {
            manager
                .create_index(index(name, "group_requests", &columns, false))
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(a("group_requests")).to_owned())
            .await
    }
}

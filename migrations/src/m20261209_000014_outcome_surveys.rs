use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{a, fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A group's outcome survey: the link its centre hands the participants, open for a
        // while; and the answers, one point of the scale per statement, filed under their
        // month only, with nothing about who answered.
        manager
            .create_table(
                Table::create()
                    .table(a("group_surveys"))
                    .col(integer(a("group_id")).primary_key())
                    .col(string_len_uniq(a("token"), 64))
                    .col(timestamp_with_time_zone(a("opened_at")))
                    .col(timestamp_with_time_zone(a("closes_at")))
                    .foreign_key(&mut fk(
                        "group_surveys",
                        "group_id",
                        "groups",
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("survey_answers"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("group_id")))
                    .col(string_len(a("month"), 7))
                    .col(small_integer(a("seen")))
                    .col(small_integer(a("less_alone")))
                    .col(small_integer(a("insight")))
                    .col(small_integer(a("talking")))
                    .col(small_integer(a("mastery")))
                    .foreign_key(&mut fk(
                        "survey_answers",
                        "group_id",
                        "groups",
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_survey_answers_group",
                "survey_answers",
                &["group_id"],
                false,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(a("survey_answers")).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(a("group_surveys")).to_owned())
            .await
    }
}

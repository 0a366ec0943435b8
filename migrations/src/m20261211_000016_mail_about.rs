use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{a, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Whom a message sent to someone else is about (the igangsætter named in a
        // coordinator's notice, the coordinator whose words an igangsætter receives), so
        // removing that person's account removes the copies that name them.
        manager
            .alter_table(
                Table::alter()
                    .table(a("outbox"))
                    .add_column(integer_null(a("about_user_id")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_outbox_about_user",
                "outbox",
                &["about_user_id"],
                false,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_outbox_about_user")
                    .table(a("outbox"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(a("outbox"))
                    .drop_column(a("about_user_id"))
                    .to_owned(),
            )
            .await
    }
}

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // The keys that sign credentials: the private half sealed with the server key, the
        // public half as the JWK coordinates verifiers read. A retired key signs nothing new
        // but stays published, so what it signed still verifies.
        manager
            .create_table(
                Table::create()
                    .table(Alias::new("signing_keys"))
                    .col(pk_auto(Alias::new("id")))
                    .col(string_len_uniq(Alias::new("key_id"), 64))
                    .col(string_len(Alias::new("algorithm"), 16))
                    .col(text(Alias::new("sealed_private_key")))
                    .col(string_len(Alias::new("public_x"), 64))
                    .col(string_len(Alias::new("public_y"), 64))
                    .col(timestamp_with_time_zone(Alias::new("created_at")))
                    .col(timestamp_with_time_zone_null(Alias::new("retired_at")))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Alias::new("signing_keys")).to_owned())
            .await
    }
}

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Options kept last when a quiz shows its options in a shuffled order.
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("question_options"))
                    .add_column(boolean(Alias::new("pinned")).default(false))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("question_options"))
                    .drop_column(Alias::new("pinned"))
                    .to_owned(),
            )
            .await
    }
}

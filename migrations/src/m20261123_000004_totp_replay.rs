use sea_orm_migration::prelude::*;

use crate::m20261123_000001_people_and_centres::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // The last accepted 30-second step, so a code cannot be used twice.
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(
                        ColumnDef::new(TotpColumns::TotpLastStep)
                            .big_integer()
                            .null(),
                    )
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum TotpColumns {
    TotpLastStep,
}

use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::a;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The columns added to `users`, one statement each (SQLite alters one at a time).
const COLUMNS: [&str; 3] = ["deleted_at", "last_signed_in_at", "retention_warned_at"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // When an account was removed at its owner's wish (the row stays, emptied of
        // everything about the person, so the figures it counts in stay as they were); when
        // its owner last signed in; and when they were told that an unused account will be
        // removed.
        for column in COLUMNS {
            manager
                .alter_table(
                    Table::alter()
                        .table(a("users"))
                        .add_column(timestamp_with_time_zone_null(a(column)))
                        .to_owned(),
                )
                .await?;
        }
        // Accounts already in use: their last sign-in is the newest one the audit log holds,
        // so a retention period counts from there, not from when the account was made.
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE users SET last_signed_in_at = (SELECT MAX(a.at) FROM audit_log a \
                 WHERE a.event = 'logged_in' AND a.subject_id = users.id)",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in COLUMNS {
            manager
                .alter_table(
                    Table::alter()
                        .table(a("users"))
                        .drop_column(a(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{a, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

const PROFILES: &str = "igangsaetter_profiles";
const OLD_SEARCH: (&str, [&str; 3]) = (
    "idx_profiles_available_lat_lon",
    ["available", "lat", "lon"],
);
const NEW_SEARCH: (&str, [&str; 4]) = (
    "idx_profiles_available_lat_lon_travel",
    ["available", "lat", "lon", "travel_km"],
);

async fn replace_index(
    manager: &SchemaManager<'_>,
    old: &str,
    (name, columns): (&str, &[&str]),
) -> Result<(), DbErr> {
    manager
        .drop_index(Index::drop().name(old).table(a(PROFILES)).to_owned())
        .await?;
    manager
        .create_index(index(name, PROFILES, columns, false))
        .await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Matching's rectangle search also holds each person's travel distance, so those
        // further away than they travel are left out from the index alone; a certificate's
        // validity is read from its holder's index entry.
        replace_index(manager, OLD_SEARCH.0, (NEW_SEARCH.0, &NEW_SEARCH.1)).await?;
        manager
            .create_index(index(
                "idx_certificates_holder_validity",
                "certificates",
                &["user_id", "revoked_at", "expires_at"],
                false,
            ))
            .await?;
        // How many of its version's lessons an enrolment has completed, counted with each
        // completion, so figures over thousands of learners read one row per learner rather
        // than every lesson each of them did.
        manager
            .alter_table(
                Table::alter()
                    .table(a("enrolments"))
                    .add_column(integer(a("lessons_done")).default(0))
                    .to_owned(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE enrolments SET lessons_done = \
                 (SELECT COUNT(*) FROM lesson_completions c WHERE c.enrolment_id = enrolments.id)",
            )
            .await?;
        // The training figures per course (enrolled, halfway, completed) from the index alone.
        manager
            .create_index(index(
                "idx_enrolments_course_progress",
                "enrolments",
                &["course_id", "version_id", "lessons_done", "completed_at"],
                false,
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_enrolments_course_progress")
                    .table(a("enrolments"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(a("enrolments"))
                    .drop_column(a("lessons_done"))
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_certificates_holder_validity")
                    .table(a("certificates"))
                    .to_owned(),
            )
            .await?;
        replace_index(manager, NEW_SEARCH.0, (OLD_SEARCH.0, &OLD_SEARCH.1)).await
    }
}

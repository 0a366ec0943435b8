use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{a, fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A unique index named `name` on `table`'s `columns`.
fn unique(name: &str, table: &str, columns: &[&str]) -> IndexCreateStatement {
    index(name, table, columns, true)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, SetNull};
        // Per-quiz limits: attempts in all, and minutes to wait between attempts.
        for column in ["max_attempts", "cooldown_minutes"] {
            manager
                .alter_table(
                    Table::alter()
                        .table(a("lessons"))
                        .add_column(integer_null(a(column)))
                        .to_owned(),
                )
                .await?;
        }

        // The trainers who teach a course and so follow its learners.
        manager
            .create_table(
                Table::create()
                    .table(a("course_trainers"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("course_id")))
                    .col(integer(a("user_id")))
                    .col(timestamp_with_time_zone(a("added_at")))
                    .foreign_key(&mut fk("course_trainers", "course_id", "courses", Cascade))
                    .foreign_key(&mut fk("course_trainers", "user_id", "users", Cascade))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique(
                "idx_course_trainers_pair",
                "course_trainers",
                &["course_id", "user_id"],
            ))
            .await?;

        // A learner's place in one course, bound to the version they started.
        manager
            .create_table(
                Table::create()
                    .table(a("enrolments"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("user_id")))
                    .col(integer(a("course_id")))
                    .col(integer(a("version_id")))
                    .col(integer_null(a("centre_id")))
                    .col(timestamp_with_time_zone(a("started_at")))
                    .col(timestamp_with_time_zone(a("last_activity_at")))
                    .col(timestamp_with_time_zone_null(a("completed_at")))
                    .foreign_key(&mut fk("enrolments", "user_id", "users", Cascade))
                    .foreign_key(&mut fk("enrolments", "course_id", "courses", Cascade))
                    .foreign_key(&mut fk(
                        "enrolments",
                        "version_id",
                        "course_versions",
                        Cascade,
                    ))
                    .foreign_key(&mut fk("enrolments", "centre_id", "centres", SetNull))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique(
                "idx_enrolments_learner",
                "enrolments",
                &["user_id", "course_id"],
            ))
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_enrolments_course")
                    .table(a("enrolments"))
                    .col(a("course_id"))
                    .col(a("last_activity_at"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(a("lesson_completions"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("enrolment_id")))
                    .col(integer(a("lesson_id")))
                    .col(timestamp_with_time_zone(a("completed_at")))
                    .foreign_key(&mut fk(
                        "lesson_completions",
                        "enrolment_id",
                        "enrolments",
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "lesson_completions",
                        "lesson_id",
                        "lessons",
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique(
                "idx_lesson_completions_pair",
                "lesson_completions",
                &["enrolment_id", "lesson_id"],
            ))
            .await?;

        // Every quiz attempt is kept. `submission` is the form's one-time key: sending the
        // same form twice finds the first attempt instead of making a second.
        manager
            .create_table(
                Table::create()
                    .table(a("quiz_attempts"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("enrolment_id")))
                    .col(integer(a("lesson_id")))
                    .col(integer(a("number")))
                    .col(string_len(a("submission"), 36))
                    .col(text(a("answers")))
                    .col(integer(a("right_answers")))
                    .col(integer(a("scored")))
                    .col(integer(a("percent")))
                    .col(boolean(a("passed")))
                    .col(timestamp_with_time_zone(a("submitted_at")))
                    .foreign_key(&mut fk(
                        "quiz_attempts",
                        "enrolment_id",
                        "enrolments",
                        Cascade,
                    ))
                    .foreign_key(&mut fk("quiz_attempts", "lesson_id", "lessons", Cascade))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique(
                "idx_quiz_attempts_number",
                "quiz_attempts",
                &["enrolment_id", "lesson_id", "number"],
            ))
            .await?;
        manager
            .create_index(unique(
                "idx_quiz_attempts_submission",
                "quiz_attempts",
                &["enrolment_id", "submission"],
            ))
            .await?;

        // One written answer per reflection question and learner, revised in place.
        manager
            .create_table(
                Table::create()
                    .table(a("reflections"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("enrolment_id")))
                    .col(integer(a("question_id")))
                    .col(integer(a("lesson_id")))
                    .col(text(a("answer")))
                    .col(string_len(a("state"), 16))
                    .col(timestamp_with_time_zone_null(a("submitted_at")))
                    .col(text_null(a("comment")))
                    .col(integer_null(a("reviewed_by")))
                    .col(timestamp_with_time_zone_null(a("reviewed_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .foreign_key(&mut fk(
                        "reflections",
                        "enrolment_id",
                        "enrolments",
                        Cascade,
                    ))
                    .foreign_key(&mut fk("reflections", "question_id", "questions", Cascade))
                    .foreign_key(&mut fk("reflections", "reviewed_by", "users", SetNull))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique(
                "idx_reflections_pair",
                "reflections",
                &["enrolment_id", "question_id"],
            ))
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_reflections_state")
                    .table(a("reflections"))
                    .col(a("state"))
                    .col(a("submitted_at"))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "reflections",
            "quiz_attempts",
            "lesson_completions",
            "enrolments",
            "course_trainers",
        ] {
            manager
                .drop_table(Table::drop().table(a(table)).to_owned())
                .await?;
        }
        for column in ["cooldown_minutes", "max_attempts"] {
            manager
                .alter_table(
                    Table::alter()
                        .table(a("lessons"))
                        .drop_column(a(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

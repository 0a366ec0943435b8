use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261123_000001_people_and_centres::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn cascade(from: (Alias, Alias), to: (Alias, Alias)) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn set_null(table: &str, column: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(Alias::new(table), Alias::new(column))
        .to(Users::Table, Users::Id)
        .on_delete(ForeignKeyAction::SetNull)
        .to_owned()
}

fn a(name: &str) -> Alias {
    Alias::new(name)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // A course is the lasting identity; its content lives in numbered versions.
        manager
            .create_table(
                Table::create()
                    .table(a("courses"))
                    .col(pk_auto(a("id")))
                    .col(string_len_uniq(a("public_id"), 36))
                    .col(string_len_uniq(a("slug"), 80))
                    .col(string_len(a("language"), 5))
                    .col(string_len(a("status"), 16))
                    .col(integer_null(a("published_version_id")))
                    .col(integer_null(a("created_by")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .foreign_key(&mut set_null("courses", "created_by"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(a("course_versions"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("course_id")))
                    .col(integer(a("number")))
                    .col(string_len(a("state"), 16))
                    .col(string_len(a("title"), 200))
                    .col(text(a("summary")))
                    .col(boolean(a("leads_to_certificate")))
                    .col(text(a("body")))
                    .col(text(a("body_html")))
                    .col(text_null(a("changes")))
                    .col(integer_null(a("created_by")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .col(integer_null(a("published_by")))
                    .col(timestamp_with_time_zone_null(a("published_at")))
                    .foreign_key(&mut cascade(
                        (a("course_versions"), a("course_id")),
                        (a("courses"), a("id")),
                    ))
                    .foreign_key(&mut set_null("course_versions", "created_by"))
                    .foreign_key(&mut set_null("course_versions", "published_by"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_course_versions_number")
                    .table(a("course_versions"))
                    .col(a("course_id"))
                    .col(a("number"))
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(a("course_modules"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("version_id")))
                    .col(string_len(a("key"), 36))
                    .col(integer(a("position")))
                    .col(string_len(a("slug"), 80))
                    .col(string_len(a("title"), 200))
                    .col(string_len(a("topic"), 64))
                    .col(boolean(a("requires_previous")))
                    .col(text(a("summary")))
                    .col(text(a("body")))
                    .col(text(a("body_html")))
                    .foreign_key(&mut cascade(
                        (a("course_modules"), a("version_id")),
                        (a("course_versions"), a("id")),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(a("lessons"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("version_id")))
                    .col(integer(a("module_id")))
                    .col(string_len(a("key"), 36))
                    .col(integer(a("position")))
                    .col(string_len(a("slug"), 80))
                    .col(string_len(a("title"), 200))
                    .col(integer(a("minutes")))
                    .col(text(a("body")))
                    .col(text(a("body_html")))
                    .col(integer_null(a("pass_mark")))
                    .foreign_key(&mut cascade(
                        (a("lessons"), a("module_id")),
                        (a("course_modules"), a("id")),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(a("questions"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("version_id")))
                    .col(integer(a("lesson_id")))
                    .col(string_len(a("key"), 36))
                    .col(integer(a("position")))
                    .col(string_len(a("kind"), 24))
                    .col(text_null(a("case_text")))
                    .col(text(a("prompt")))
                    .col(text_null(a("guidance")))
                    .col(string_len_null(a("review"), 16))
                    .foreign_key(&mut cascade(
                        (a("questions"), a("lesson_id")),
                        (a("lessons"), a("id")),
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(a("question_options"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("version_id")))
                    .col(integer(a("question_id")))
                    .col(integer(a("position")))
                    .col(text(a("text")))
                    .col(boolean(a("correct")))
                    .col(text(a("explanation")))
                    .foreign_key(&mut cascade(
                        (a("question_options"), a("question_id")),
                        (a("questions"), a("id")),
                    ))
                    .to_owned(),
            )
            .await?;

        for (table, column) in [
            ("course_modules", "version_id"),
            ("lessons", "version_id"),
            ("lessons", "module_id"),
            ("questions", "version_id"),
            ("questions", "lesson_id"),
            ("question_options", "version_id"),
            ("question_options", "question_id"),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(format!("idx_{table}_{column}"))
                        .table(a(table))
                        .col(a(column))
                        .to_owned(),
                )
                .await?;
        }

        // Images used in lessons; the bytes live on disk under the data folder.
        manager
            .create_table(
                Table::create()
                    .table(a("media"))
                    .col(pk_auto(a("id")))
                    .col(string_len_uniq(a("name"), 80))
                    .col(string_len(a("content_type"), 32))
                    .col(big_integer(a("size")))
                    .col(integer_null(a("uploaded_by")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .foreign_key(&mut set_null("media", "uploaded_by"))
                    .to_owned(),
            )
            .await
    }
}

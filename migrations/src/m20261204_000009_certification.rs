use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{a, fk, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Tables in the order they are created (dropped in reverse).
const TABLES: [&str; 8] = [
    "programmes",
    "programme_courses",
    "programme_quizzes",
    "workshops",
    "workshop_signups",
    "sign_offs",
    "certificates",
    "calendar_feeds",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, Restrict, SetNull};
        // A certification programme: titles and criteria per language (JSON), what the
        // reflections need, workshops to attend, the practical part a trainer signs off
        // (none: no sign-off) and how long a certificate holds (none: for good).
        manager
            .create_table(
                Table::create()
                    .table(a("programmes"))
                    .col(pk_auto(a("id")))
                    .col(string_len_uniq(a("slug"), 80))
                    .col(text(a("titles")))
                    .col(text(a("criteria")))
                    .col(string_len(a("reflections"), 16))
                    .col(integer(a("workshops")))
                    .col(text_null(a("sign_off")))
                    .col(integer_null(a("validity_months")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone(a("updated_at")))
                    .to_owned(),
            )
            .await?;
        // Courses of a programme: rows sharing a requirement number are alternatives (the
        // same course in each language); rows without one are refreshers that renew.
        manager
            .create_table(
                Table::create()
                    .table(a("programme_courses"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("programme_id")))
                    .col(integer_null(a("requirement")))
                    .col(integer(a("course_id")))
                    .col(integer_null(a("min_version")))
                    .foreign_key(&mut fk(
                        "programme_courses",
                        "programme_id",
                        "programmes",
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "programme_courses",
                        "course_id",
                        "courses",
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_programme_courses_programme",
                "programme_courses",
                &["programme_id"],
                false,
            ))
            .await?;
        // Quizzes with a minimum best score, named by their lesson's slug.
        manager
            .create_table(
                Table::create()
                    .table(a("programme_quizzes"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("programme_id")))
                    .col(integer(a("requirement")))
                    .col(integer(a("course_id")))
                    .col(string_len(a("lesson_slug"), 80))
                    .col(integer(a("min_percent")))
                    .foreign_key(&mut fk(
                        "programme_quizzes",
                        "programme_id",
                        "programmes",
                        Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "programme_quizzes",
                        "course_id",
                        "courses",
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_programme_quizzes_programme",
                "programme_quizzes",
                &["programme_id"],
                false,
            ))
            .await?;
        // In-person workshops of a programme.
        manager
            .create_table(
                Table::create()
                    .table(a("workshops"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("programme_id")))
                    .col(string_len(a("title"), 200))
                    .col(timestamp_with_time_zone(a("starts_at")))
                    .col(timestamp_with_time_zone(a("ends_at")))
                    .col(text(a("place")))
                    .col(integer(a("capacity")))
                    .col(string_len(a("language"), 5))
                    .col(text(a("description")))
                    .col(integer_null(a("created_by")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .col(timestamp_with_time_zone_null(a("reminded_at")))
                    .foreign_key(&mut fk("workshops", "programme_id", "programmes", Restrict))
                    .foreign_key(&mut fk("workshops", "created_by", "users", SetNull))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_workshops_start",
                "workshops",
                &["starts_at"],
                false,
            ))
            .await?;
        // Who signed up: a seat or the waiting list (in sign-up order), and, once the
        // trainer marked it, whether they came.
        manager
            .create_table(
                Table::create()
                    .table(a("workshop_signups"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("workshop_id")))
                    .col(integer(a("user_id")))
                    .col(string_len(a("placement"), 16))
                    .col(timestamp_with_time_zone(a("signed_up_at")))
                    .col(boolean_null(a("attended")))
                    .foreign_key(&mut fk(
                        "workshop_signups",
                        "workshop_id",
                        "workshops",
                        Cascade,
                    ))
                    .foreign_key(&mut fk("workshop_signups", "user_id", "users", Cascade))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_workshop_signups_pair",
                "workshop_signups",
                &["workshop_id", "user_id"],
                true,
            ))
            .await?;
        manager
            .create_index(index(
                "idx_workshop_signups_user",
                "workshop_signups",
                &["user_id"],
                false,
            ))
            .await?;
        // Volunteers who met everything but the practical part, and the trainer's sign-off.
        manager
            .create_table(
                Table::create()
                    .table(a("sign_offs"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("programme_id")))
                    .col(integer(a("user_id")))
                    .col(timestamp_with_time_zone(a("requested_at")))
                    .col(integer_null(a("signed_by")))
                    .col(timestamp_with_time_zone_null(a("signed_at")))
                    .col(text_null(a("note")))
                    .foreign_key(&mut fk("sign_offs", "programme_id", "programmes", Cascade))
                    .foreign_key(&mut fk("sign_offs", "user_id", "users", Cascade))
                    .foreign_key(&mut fk("sign_offs", "signed_by", "users", SetNull))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_sign_offs_pair",
                "sign_offs",
                &["programme_id", "user_id"],
                true,
            ))
            .await?;
        // Certificates: the public code, the holder (their name as issued, so the record
        // can outlive the account), the dates, and a revocation with its reason.
        manager
            .create_table(
                Table::create()
                    .table(a("certificates"))
                    .col(pk_auto(a("id")))
                    .col(string_len_uniq(a("code"), 24))
                    .col(integer(a("programme_id")))
                    .col(integer_null(a("user_id")))
                    .col(string_len_null(a("holder_name"), 120))
                    .col(string_len(a("language"), 5))
                    .col(timestamp_with_time_zone(a("issued_at")))
                    .col(timestamp_with_time_zone_null(a("expires_at")))
                    .col(timestamp_with_time_zone_null(a("renewed_at")))
                    .col(integer_null(a("last_reminder_days")))
                    .col(timestamp_with_time_zone_null(a("revoked_at")))
                    .col(text_null(a("revocation_reason")))
                    .foreign_key(&mut fk(
                        "certificates",
                        "programme_id",
                        "programmes",
                        Restrict,
                    ))
                    .foreign_key(&mut fk("certificates", "user_id", "users", SetNull))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_certificates_holder",
                "certificates",
                &["user_id", "programme_id"],
                true,
            ))
            .await?;
        manager
            .create_index(index(
                "idx_certificates_expiry",
                "certificates",
                &["expires_at"],
                false,
            ))
            .await?;
        // A person's calendar feed of their workshops: looked up by the hash of its secret,
        // the secret itself kept sealed with the server key so its link can be shown again.
        manager
            .create_table(
                Table::create()
                    .table(a("calendar_feeds"))
                    .col(pk_auto(a("id")))
                    .col(integer_uniq(a("user_id")))
                    .col(string_len_uniq(a("token_hash"), 64))
                    .col(text(a("sealed_token")))
                    .col(timestamp_with_time_zone(a("created_at")))
                    .foreign_key(&mut fk("calendar_feeds", "user_id", "users", Cascade))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES.iter().rev() {
            manager
                .drop_table(Table::drop().table(a(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}

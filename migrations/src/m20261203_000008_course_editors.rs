use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::a;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::Cascade;
        // Who may change a course: its editors (administrators may change every course).
        manager
            .create_table(
                Table::create()
                    .table(a("course_editors"))
                    .col(pk_auto(a("id")))
                    .col(integer(a("course_id")))
                    .col(integer(a("user_id")))
                    .col(timestamp_with_time_zone(a("added_at")))
                    .foreign_key(
                        ForeignKey::create()
                            .from(a("course_editors"), a("course_id"))
                            .to(a("courses"), a("id"))
                            .on_delete(Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(a("course_editors"), a("user_id"))
                            .to(a("users"), a("id"))
                            .on_delete(Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_course_editors_pair")
                    .table(a("course_editors"))
                    .col(a("course_id"))
                    .col(a("user_id"))
                    .unique()
                    .to_owned(),
            )
            .await?;
        // The organisation a course belongs to; none for the platform's own courses.
        manager
            .alter_table(
                Table::alter()
                    .table(a("courses"))
                    .add_column(integer_null(a("owner_centre_id")))
                    .to_owned(),
            )
            .await?;
        // Existing courses keep the people who work on them: their trainers and whoever
        // created them become their editors.
        let db = manager.get_connection();
        db.execute_unprepared(
            "INSERT INTO course_editors (course_id, user_id, added_at) \
             SELECT course_id, user_id, added_at FROM course_trainers",
        )
        .await?;
        db.execute_unprepared(
            "INSERT INTO course_editors (course_id, user_id, added_at) \
             SELECT c.id, c.created_by, c.created_at FROM courses c \
             WHERE c.created_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM course_editors e \
             WHERE e.course_id = c.id AND e.user_id = c.created_by)",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(a("courses"))
                    .drop_column(a("owner_centre_id"))
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(a("course_editors")).to_owned())
            .await
    }
}

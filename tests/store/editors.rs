//! Course editors in the store: existing courses keep the people who worked on them when the
//! editors arrive, and a new course's creator is its first editor.

use crate::setup::{person, published_course};

/// An account written with the columns `users` had before the editors arrived.
async fn early_person(db: &impl ConnectionTrait, email: &str, now: chrono::DateTime<Utc>) -> i32 {
    let insert = Query::insert()
        .into_table(Alias::new("users"))
        .columns(
            [
                "public_id",
                "email",
                "display_name",
                "language",
                "created_at",
            ]
            .map(Alias::new),
        )
        .values_panic([
            email.into(),
            email.into(),
            email.into(),
            "da".into(),
            now.into(),
        ])
        .to_owned();
    db.execute(&insert).await.unwrap();
    let select = Query::select()
        .column(Alias::new("id"))
        .from(Alias::new("users"))
        .and_where(sea_orm::ExprTrait::eq(
            sea_orm::sea_query::Expr::col(Alias::new("email")),
            email,
        ))
        .to_owned();
    db.query_one(&select)
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<i32>(0)
        .unwrap()
}
use app::{
    domain::ids::CourseId,
    store::{courses, entities::course_trainer},
};
use chrono::Utc;
use igang_tests::{backends, store_database, store_database_before};
use migrations::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectionTrait, EntityTrait, Set,
    sea_query::{Alias, Query},
};

/// The migrations before the one that brings course editors.
const BEFORE_EDITORS: u32 = 7;

#[tokio::test]
async fn existing_courses_get_their_trainers_and_creator_as_editors() {
    for backend in backends() {
        let store = store_database_before(&backend, Some(BEFORE_EDITORS)).await;
        let db = &store.db;
        let now = Utc::now();
        let (creator, trainer) = (
            early_person(db, "skaber@frivillig.test", now).await,
            early_person(db, "underviser@frivillig.test", now).await,
        );
        // Course 1 was created by one person and taught by another; course 2 (shipped) has
        // no creator and is taught by both.
        for (slug, created_by) in [("eget-kursus", Some(creator)), ("faelles-kursus", None)] {
            let insert = Query::insert()
                .into_table(Alias::new("courses"))
                .columns(
                    [
                        "public_id",
                        "slug",
                        "language",
                        "status",
                        "created_by",
                        "created_at",
                        "updated_at",
                    ]
                    .map(Alias::new),
                )
                .values_panic([
                    slug.into(),
                    slug.into(),
                    "da".into(),
                    "draft".into(),
                    created_by.into(),
                    now.into(),
                    now.into(),
                ])
                .to_owned();
            db.execute(&insert).await.unwrap();
        }
        for (course, user) in [(1, trainer), (2, creator), (2, trainer)] {
            course_trainer::Entity::insert(course_trainer::ActiveModel {
                course_id: Set(CourseId::new(course)),
                user_id: Set(user),
                added_at: Set(now),
                ..Default::default()
            })
            .exec(db)
            .await
            .unwrap();
        }
        Migrator::up(db, None).await.unwrap();
        for course in [1, 2] {
            let course = CourseId::new(course);
            for user in [creator, trainer] {
                assert!(
                    courses::is_editor(db, course, user).await.unwrap(),
                    "{}: {user} edits {course}",
                    backend.name()
                );
            }
            assert_eq!(courses::editors_of(db, course).await.unwrap().len(), 2);
        }
        store.close().await;
    }
}

#[tokio::test]
async fn the_creator_is_the_first_editor_and_the_shipped_courses_have_none() {
    for backend in backends() {
        let store = store_database(&backend).await;
        let db = &store.db;
        let now = Utc::now();
        let (shipped, _) = published_course(db, now).await;
        assert!(
            courses::editors_of(db, shipped.id)
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(shipped.owner_centre_id, None, "the platform's own course");
        let trainer = person(db, "ny@frivillig.test", now).await;
        let mut doc = courses::load_content(db, shipped.published_version_id.unwrap())
            .await
            .unwrap()
            .doc(&shipped);
        doc.slug = courses::free_slug(db, &doc.slug).await.unwrap();
        let copy = courses::create(db, &doc, Some(trainer), now).await.unwrap();
        assert!(courses::is_editor(db, copy.id, trainer).await.unwrap());
        assert!(!courses::is_editor(db, shipped.id, trainer).await.unwrap());
        courses::add_editor(db, shipped.id, trainer, now)
            .await
            .unwrap();
        courses::add_editor(db, shipped.id, trainer, now)
            .await
            .unwrap();
        assert_eq!(
            courses::edited_by(db, trainer).await.unwrap().len(),
            2,
            "named once"
        );
        assert!(
            courses::remove_editor(db, shipped.id, trainer)
                .await
                .unwrap()
        );
        assert!(
            !courses::remove_editor(db, shipped.id, trainer)
                .await
                .unwrap()
        );
        store.close().await;
    }
}

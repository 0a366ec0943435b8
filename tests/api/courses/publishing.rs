//! Publishing: confirmation, the catalogue, frozen versions, new versions and the course's
//! status.

use super::{editor, in_catalogue, overview};
use app::domain::ids::LessonId;
use app::{
    api::authoring::{PublishPreview, VersionEntry},
    domain::{
        course::{Change, CourseStatus, VersionState},
        role::Role,
    },
    errors::{AppError, Problem},
    store::courses,
};
use igang_tests::{
    TestApp, TestOptions, backends,
    client::LessonForm,
    fixtures::{app_error, json, ok, publish_draft, small_course, staff, volunteer},
    spawn_app,
};

/// A trainer's small course, published, and a volunteer's browser.
struct Published {
    trainer: reqwest::Client,
    volunteer: reqwest::Client,
    /// The course's public id.
    id: String,
    /// Its lesson in version 1.
    lesson: LessonId,
    slug: String,
}

async fn published(app: &TestApp) -> Published {
    let trainer = staff(app, "trainer@x.test", Role::Trainer, None).await;
    let volunteer = volunteer(app, "volunteer@x.test").await;
    let (id, lesson) = small_course(app, &trainer, "Et lille kursus").await;
    publish_draft(app, &trainer, &id).await;
    let slug = courses::find(&app.db, &id).await.unwrap().slug;
    Published {
        trainer,
        volunteer,
        id,
        lesson,
        slug,
    }
}

async fn publish_preview(app: &TestApp, trainer: &reqwest::Client, course: &str) -> PublishPreview {
    json(app.load_publish_preview(trainer, course).await).await
}

/// Starts version 2 and changes its lesson; returns the changed lesson's id.
async fn changed_in_version_2(app: &TestApp, course: &Published) -> LessonId {
    let number: i32 = json(app.start_draft(&course.trainer, &course.id).await).await;
    assert_eq!(number, 2);
    let draft = editor(app, &course.trainer, &course.id).await;
    let lesson = draft.modules[0].lessons[0].id;
    let text = LessonForm::new("Gensidighed i praksis", "15", "Ny tekst.").quiz("75");
    ok(app.update_lesson(&course.trainer, lesson, text).await).await;
    lesson
}

#[tokio::test]
async fn a_trainer_builds_and_publishes_a_course_and_volunteers_find_it() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "trainer@x.test", Role::Trainer, None).await;
        let volunteer = volunteer(&app, "volunteer@x.test").await;

        let (id, _) = small_course(&app, &trainer, "Et lille kursus").await;
        let course = editor(&app, &trainer, &id).await;
        assert_eq!(course.status, CourseStatus::Draft, "{}", backend.name());
        assert_eq!(course.state, VersionState::Draft);
        assert_eq!(course.version, 1);
        assert_eq!(course.slug, "et-lille-kursus");
        assert_eq!(course.flaws, vec![]);
        assert_eq!(course.modules[0].lessons[0].questions, 1);
        assert!(
            !course.modules[0].requires_previous,
            "the first module never waits"
        );

        // Not in the catalogue, and not reachable by address, before it is published.
        assert!(!in_catalogue(&app, &volunteer, &course.slug).await);
        let hidden = app.load_course_overview(&volunteer, &course.slug).await;
        assert_eq!(hidden.status(), 404);

        // Publishing asks for confirmation.
        let unconfirmed = app.publish(&trainer, &id, false).await;
        assert_eq!(
            app_error(unconfirmed).await,
            AppError::field("confirm", Problem::MustConfirm)
        );
        let preview = publish_preview(&app, &trainer, &id).await;
        assert_eq!((preview.version, preview.replaces), (1, None));
        ok(app.publish(&trainer, &id, true).await).await;

        let listed = super::catalogue(&app, &volunteer, "da").await;
        let card = listed
            .iter()
            .find(|c| c.slug == course.slug)
            .expect("in the catalogue");
        assert_eq!(card.title, "Et lille kursus");
        assert_eq!(card.modules, ["Værdierne"]);
        assert_eq!(card.minutes, 12);
        app.stop().await;
    }
}

#[tokio::test]
async fn a_published_version_is_frozen_and_editing_starts_a_draft_of_its_own() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let course = published(&app).await;
        let trainer = &course.trainer;
        let form = LessonForm::new("Ændret", "12", "");
        let frozen = app.update_lesson(trainer, course.lesson, form).await;
        assert_eq!(frozen.status(), 409, "{}", backend.name());
        assert_eq!(app_error(frozen).await, AppError::NotEditable);
        let number: i32 = json(app.start_draft(trainer, &course.id).await).await;
        assert_eq!(number, 2);
        let again: i32 = json(app.start_draft(trainer, &course.id).await).await;
        assert_eq!(again, 2, "a second click reuses the draft");
        let draft = editor(&app, trainer, &course.id).await;
        assert_eq!((draft.version, draft.published), (2, Some(1)));
        assert_ne!(
            draft.modules[0].lessons[0].id, course.lesson,
            "the draft has its own copy"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn learners_see_the_published_version_until_the_next_is_published() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let course = published(&app).await;
        let (trainer, volunteer) = (&course.trainer, &course.volunteer);
        changed_in_version_2(&app, &course).await;
        let preview = publish_preview(&app, trainer, &course.id).await;
        assert_eq!((preview.version, preview.replaces), (2, Some(1)));
        assert_eq!(
            preview.changes,
            vec![Change::LessonChanged(
                "Værdierne".into(),
                "Gensidighed i praksis".into()
            )]
        );
        // Learners still see version 1 until version 2 is published.
        let before = overview(&app, volunteer, &course.slug).await;
        assert_eq!(before.version, 1, "{}", backend.name());
        assert_eq!(before.modules[0].lessons[0].title, "Gensidighed");
        ok(app.publish(trainer, &course.id, true).await).await;
        let after = overview(&app, volunteer, &course.slug).await;
        assert_eq!(after.version, 2);
        assert_eq!(after.modules[0].lessons[0].title, "Gensidighed i praksis");

        let history: Vec<VersionEntry> = json(app.version_history(trainer, &course.id).await).await;
        let states: Vec<(i32, VersionState)> =
            history.iter().map(|v| (v.number, v.state)).collect();
        assert_eq!(
            states,
            [(2, VersionState::Published), (1, VersionState::Superseded)]
        );
        assert_eq!(history[0].changes, preview.changes);
        // Version 1 is kept as it was, for the learners who started it.
        let old = courses::lesson(&app.db, course.lesson).await.unwrap();
        assert_eq!((old.title.as_str(), old.minutes), ("Gensidighed", 12));

        // Nothing new: publishing again says so.
        let nothing = app.publish(trainer, &course.id, true).await;
        assert_eq!(app_error(nothing).await, AppError::NothingToPublish);
        app.stop().await;
    }
}

#[tokio::test]
async fn unpublished_and_archived_courses_leave_the_catalogue() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let course = published(&app).await;
        let (trainer, volunteer, id) = (&course.trainer, &course.volunteer, &course.id);
        // Unpublish hides it; publish brings it back; archive hides it and freezes it.
        ok(app.set_course_status(trainer, id, "unpublish", true).await).await;
        assert!(
            !in_catalogue(&app, volunteer, &course.slug).await,
            "{}",
            backend.name()
        );
        app.publish(trainer, id, true).await;
        assert!(in_catalogue(&app, volunteer, &course.slug).await);
        ok(app.set_course_status(trainer, id, "archive", true).await).await;
        assert!(!in_catalogue(&app, volunteer, &course.slug).await);
        let archived = app.start_draft(trainer, id).await;
        assert_eq!(app_error(archived).await, AppError::NotEditable);
        ok(app.set_course_status(trainer, id, "restore", true).await).await;
        assert_eq!(editor(&app, trainer, id).await.status, CourseStatus::Draft);
        app.stop().await;
    }
}

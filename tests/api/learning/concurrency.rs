//! Repeated and concurrent submissions never count twice.

use super::{
    SLUG, add_reading_lesson, answers, attempt_count, enrol, key, quiz_course, standing, started,
};
use app::domain::ids::LessonId;
use app::{
    domain::role::Role,
    errors::AppError,
    store::{courses, entities::lesson_completion},
};
use futures::future::join_all;
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{app_error, ok, publish_draft, small_course, staff, volunteer},
    spawn_app,
};
use sea_orm::{EntityTrait, PaginatorTrait};

/// A learner's browser on a published one-attempt quiz, and the quiz lesson.
async fn one_attempt_quiz(app: &TestApp, learner: &str) -> (reqwest::Client, LessonId) {
    let trainer = staff(app, "trainer@x.test", Role::Trainer, None).await;
    let (_, slug, lesson) = quiz_course(app, &trainer, "Samtidig", ("1", "")).await;
    let client = volunteer(app, learner).await;
    enrol(app, &client, &slug, "").await;
    (client, lesson)
}

#[tokio::test]
async fn the_same_quiz_form_sent_at_once_is_one_attempt() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (di, lesson) = one_attempt_quiz(&app, "di@x.test").await;
        let wrong = answers(&app, lesson, false).await;
        // A double click: the same form eight times at once makes one attempt.
        let submission = key();
        let same =
            join_all((0..8).map(|_| app.submit_quiz(&di, lesson, &submission, &wrong))).await;
        for r in same {
            ok(r).await;
        }
        assert_eq!(attempt_count(&app).await, 1, "{}", backend.name());
        app.stop().await;
    }
}

#[tokio::test]
async fn fresh_forms_from_several_tabs_get_no_second_attempt() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (ed, lesson) = one_attempt_quiz(&app, "ed@x.test").await;
        let wrong = answers(&app, lesson, false).await;
        // Two tabs on a one-attempt quiz, with fresh forms: none gets a second attempt, and
        // no request fails on the server's side.
        let tabs = join_all((0..6).map(|_| {
            let submission = key();
            let (app, ed, wrong) = (&app, &ed, &wrong);
            async move { app.submit_quiz(ed, lesson, &submission, wrong).await }
        }))
        .await;
        let mut accepted = 0;
        for r in tabs {
            let status = r.status();
            assert!(status.as_u16() < 500, "{}: {status}", backend.name());
            if status.is_success() {
                accepted += 1;
            } else {
                let error = app_error(r).await;
                assert!(
                    matches!(error, AppError::NoAttemptsLeft | AppError::Busy),
                    "{error:?}"
                );
            }
        }
        assert_eq!(accepted, 1);
        assert_eq!(attempt_count(&app).await, 1);
        app.stop().await;
    }
}

#[tokio::test]
async fn marking_a_lesson_done_from_several_tabs_counts_once() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let di = volunteer(&app, "di@x.test").await;
        let first = enrol(&app, &di, SLUG, "").await;
        let marks = join_all((0..6).map(|_| app.mark_lesson_done(&di, first))).await;
        for r in marks {
            ok(r).await;
        }
        let completions = lesson_completion::Entity::find()
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(completions, 1, "{}", backend.name());
        app.stop().await;
    }
}

#[tokio::test]
async fn the_last_two_requirements_met_at_the_same_moment_still_complete_the_course() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "trainer@x.test", Role::Trainer, None).await;
        let (id, lesson) = small_course(&app, &trainer, "To på én gang").await;
        let reading = add_reading_lesson(&app, &trainer, &id, "Læsning").await;
        publish_draft(&app, &trainer, &id).await;
        let slug = courses::find(&app.db, &id).await.unwrap().slug;
        let fie = volunteer(&app, "fie@x.test").await;
        enrol(&app, &fie, &slug, "").await;
        let right = answers(&app, lesson, true).await;
        let submission = key();
        let (quiz, read) = tokio::join!(
            app.submit_quiz(&fie, lesson, &submission, &right),
            app.mark_lesson_done(&fie, reading)
        );
        assert!(quiz.status().is_success() && read.status().is_success());
        let progress = started(standing(&app, &fie, &slug).await);
        assert!(progress.completed, "{}: {progress:?}", backend.name());
        app.stop().await;
    }
}

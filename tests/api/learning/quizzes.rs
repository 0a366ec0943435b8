//! Quiz limits: attempts, the cool-down, completion, and new versions of a course.

use super::{
    add_reading_lesson, answers, attempt_count, enrol, key, overview, player, quiz_course,
    standing, started,
};
use app::domain::ids::LessonId;
use app::{
    api::learning::Done,
    domain::role::Role,
    errors::{AppError, Problem},
    store::entities::{lesson, quiz_attempt},
};
use igang_tests::{
    TestOptions, backends,
    client::LessonForm,
    fixtures::{app_error, json, ok, publish_draft, staff, volunteer},
    spawn_app,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::Expr};

#[tokio::test]
async fn attempt_limits_and_the_cool_down_hold_until_the_course_is_completed() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "trainer@x.test", Role::Trainer, None).await;
        let no_attempts = LessonForm::new("x", "5", "").quiz_limited("80", "0", "");
        let bad_limits = app.update_lesson(&trainer, 1, no_attempts).await;
        assert_eq!(
            app_error(bad_limits).await,
            AppError::field("attempts", Problem::OutOfRange),
            "{}",
            backend.name()
        );
        let (_, slug, lesson) = quiz_course(&app, &trainer, "Grænser", ("2", "10")).await;
        let bo = volunteer(&app, "bo@x.test").await;
        assert_eq!(enrol(&app, &bo, &slug, "").await, lesson);
        let right = answers(&app, lesson, true).await;
        let wrong = answers(&app, lesson, false).await;

        let _: Done = json(app.submit_quiz(&bo, lesson, &key(), &wrong).await).await;
        let quiz = player(&app, &bo, lesson).await.quiz.unwrap();
        assert_eq!(
            (quiz.can_attempt, quiz.wait_minutes, quiz.attempts_left),
            (false, Some(10), Some(1))
        );
        let cooling = app.submit_quiz(&bo, lesson, &key(), &right).await;
        assert_eq!(cooling.status(), 429);
        assert_eq!(
            app_error(cooling).await,
            AppError::CoolingDown { minutes: 10 }
        );
        // Eleven minutes later.
        quiz_attempt::Entity::update_many()
            .col_expr(
                quiz_attempt::Column::SubmittedAt,
                Expr::value(chrono::Utc::now() - chrono::Duration::minutes(11)),
            )
            .exec(&app.db)
            .await
            .unwrap();
        let passed: Done = json(app.submit_quiz(&bo, lesson, &key(), &right).await).await;
        assert!(
            passed.course_completed,
            "the only lesson completes the course at once"
        );
        let progress = started(standing(&app, &bo, &slug).await);
        assert!(progress.completed);
        assert_eq!(progress.percent, 100);
        let none_left = app.submit_quiz(&bo, lesson, &key(), &right).await;
        assert_eq!(app_error(none_left).await, AppError::NoAttemptsLeft);
        assert_eq!(attempt_count(&app).await, 2);
        app.stop().await;
    }
}

#[tokio::test]
async fn a_new_version_leaves_a_learners_progress_where_it_was() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "trainer@x.test", Role::Trainer, None).await;
        let (course_id, slug, lesson) = quiz_course(&app, &trainer, "Grænser", ("2", "10")).await;
        let bo = volunteer(&app, "bo@x.test").await;
        enrol(&app, &bo, &slug, "").await;
        let right = answers(&app, lesson, true).await;
        let passed: Done = json(app.submit_quiz(&bo, lesson, &key(), &right).await).await;
        assert!(passed.course_completed, "{}", backend.name());

        // A new version leaves Bo's progress where it was.
        ok(app.start_draft(&trainer, &course_id).await).await;
        let draft_lesson: LessonId = lesson::Entity::find()
            .filter(lesson::Column::Id.ne(lesson))
            .order_by_desc(lesson::Column::Id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .id;
        let draft_page = app.load_player(&bo, draft_lesson).await;
        assert_eq!(draft_page.status(), 404, "a draft's lesson is not found");
        add_reading_lesson(&app, &trainer, &course_id, "Ny lektion").await;
        publish_draft(&app, &trainer, &course_id).await;
        let progress = started(standing(&app, &bo, &slug).await);
        assert_eq!((progress.version, progress.percent), (1, 100));
        assert!(progress.completed && progress.newer_version);
        assert_eq!(player(&app, &bo, lesson).await.progress.percent, 100);
        // Lessons of the new version are not Bo's.
        let v2 = overview(&app, &bo, &slug).await;
        assert_eq!(v2.version, 2);
        let v2_lesson = v2.modules[0].lessons[1].id;
        let r = app.load_player(&bo, v2_lesson).await;
        assert_eq!(app_error(r).await, AppError::NotEnrolled);
        // Someone starting now gets version 2.
        let cy = volunteer(&app, "cy@x.test").await;
        enrol(&app, &cy, &slug, "").await;
        let progress = started(standing(&app, &cy, &slug).await);
        assert_eq!((progress.version, progress.percent), (2, 0));
        assert!(!progress.newer_version);
        app.stop().await;
    }
}

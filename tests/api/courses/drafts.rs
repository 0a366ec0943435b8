//! Drafts are checked as they are written and before they are published.

use super::editor;
use app::domain::ids::LessonId;
use app::{
    api::{authoring::LessonEditor, catalogue::LessonPage},
    domain::{course::FlawKind, role::Role},
    errors::{AppError, Problem},
};
use igang_tests::{
    TestApp, TestOptions, backends,
    client::LessonForm,
    fixtures::{app_error, json, ok, small_course, staff},
    spawn_app,
};

/// A trainer's browser and their small course's id and lesson.
async fn draft(app: &TestApp) -> (reqwest::Client, String, LessonId) {
    let trainer = staff(app, "trainer@x.test", Role::Trainer, None).await;
    let (id, lesson) = small_course(app, &trainer, "Kladde").await;
    (trainer, id, lesson)
}

async fn lesson_editor(app: &TestApp, trainer: &reqwest::Client, lesson: LessonId) -> LessonEditor {
    json(app.load_lesson_editor(trainer, lesson).await).await
}

#[tokio::test]
async fn questions_and_lessons_are_checked_before_they_are_saved() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (trainer, _, lesson) = draft(&app).await;

        // A single-choice question with two right answers is refused, and nothing is saved.
        let two_right = [
            ("kind", "single_choice"),
            ("prompt", "Hvilken?"),
            ("options[0][text]", "A"),
            ("options[0][correct]", "on"),
            ("options[1][text]", "B"),
            ("options[1][correct]", "on"),
        ];
        let wrong = app.save_question(&trainer, lesson, &two_right).await;
        assert_eq!(wrong.status(), 422, "{}", backend.name());
        assert_eq!(
            app_error(wrong).await,
            AppError::field("options", Problem::NotAllowed)
        );
        for (form, field, problem) in [
            (
                vec![("kind", "scenario"), ("prompt", "Hvad gør du?")],
                "case",
                Problem::Required,
            ),
            (
                vec![("kind", "essay"), ("prompt", "?")],
                "kind",
                Problem::NotAllowed,
            ),
            (
                vec![("kind", "reflection"), ("prompt", "?"), ("review", "never")],
                "review",
                Problem::NotAllowed,
            ),
        ] {
            let r = app.save_question(&trainer, lesson, &form).await;
            assert_eq!(
                app_error(r).await.problem_for(field),
                Some(problem),
                "{form:?}"
            );
        }
        let too_long = LessonForm::new("L", "9999", "");
        let bad_minutes = app.update_lesson(&trainer, lesson, too_long).await;
        assert_eq!(
            app_error(bad_minutes).await,
            AppError::field("minutes", Problem::OutOfRange)
        );
        let lesson_view = lesson_editor(&app, &trainer, lesson).await;
        assert_eq!(lesson_view.questions.len(), 1);
        assert_eq!(lesson_view.minutes, 12);
        app.stop().await;
    }
}

#[tokio::test]
async fn a_module_without_lessons_keeps_a_course_from_being_published() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (trainer, id, _) = draft(&app).await;
        let added = app
            .add_module(&trainer, &id, "Egne emner", "custom", "Lokale aftaler")
            .await;
        let _: i32 = json(added).await;
        let course = editor(&app, &trainer, &id).await;
        assert_eq!(course.modules[1].topic, "custom:lokale-aftaler");
        assert!(course.modules[1].requires_previous);
        match app_error(app.publish(&trainer, &id, true).await).await {
            AppError::CourseFlaws(flaws) => {
                assert_eq!(flaws.len(), 1, "{}", backend.name());
                assert_eq!(flaws[0].place.to_string(), "module 2");
                assert_eq!(flaws[0].kind, FlawKind::NoLessons);
            }
            other => panic!("{other:?}"),
        }

        // Order and removal: move the new module up, then delete it (with confirmation).
        let module = course.modules[1].id;
        ok(app.move_item(&trainer, "module", module, "up").await).await;
        let course = editor(&app, &trainer, &id).await;
        assert_eq!(course.modules[0].title, "Egne emner");
        assert!(
            !course.modules[0].requires_previous,
            "now first, so it cannot wait"
        );
        let unconfirmed = app.delete_item(&trainer, "module", module, false).await;
        assert_eq!(
            app_error(unconfirmed).await,
            AppError::field("confirm", Problem::MustConfirm)
        );
        ok(app.delete_item(&trainer, "module", module, true).await).await;
        let course = editor(&app, &trainer, &id).await;
        assert_eq!(course.modules.len(), 1);
        assert_eq!(course.flaws, vec![]);
        app.stop().await;
    }
}

#[tokio::test]
async fn nothing_written_is_thrown_away_by_a_discard_or_a_quiz_switch() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (trainer, id, lesson) = draft(&app).await;
        // A draft of a never-published course cannot be thrown away: there is nothing to keep.
        let discard = app.discard_draft(&trainer, &id, true).await;
        assert_eq!(
            app_error(discard).await,
            AppError::NotEditable,
            "{}",
            backend.name()
        );

        // A quiz with questions cannot be switched off: its questions would be lost.
        let off = app
            .update_lesson(&trainer, lesson, LessonForm::new("L", "5", ""))
            .await;
        assert_eq!(
            app_error(off).await,
            AppError::field("quiz", Problem::HasQuestions)
        );
        // The first question of a lesson without a quiz turns the quiz on.
        let module = editor(&app, &trainer, &id).await.modules[0].id;
        let plain: LessonId = json(app.add_lesson(&trainer, module, "Uden quiz").await).await;
        assert_eq!(lesson_editor(&app, &trainer, plain).await.pass_mark, None);
        let reflection = [
            ("kind", "reflection"),
            ("prompt", "Hvad tager du med?"),
            ("review", "on_submit"),
        ];
        let _: i32 = json(app.save_question(&trainer, plain, &reflection).await).await;
        assert_eq!(
            lesson_editor(&app, &trainer, plain).await.pass_mark,
            Some(80)
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn authored_html_is_cleaned_before_any_learner_sees_it() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (trainer, _, lesson) = draft(&app).await;
        let body =
            "Hej <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))";
        let saved = app
            .update_lesson(&trainer, lesson, LessonForm::new("L", "5", body).quiz("75"))
            .await;
        ok(saved).await;
        let page: LessonPage = json(app.preview_lesson(&trainer, lesson).await).await;
        let html = page.body_html.to_lowercase();
        assert!(html.starts_with("<p>hej"), "{}: {html}", backend.name());
        for bad in ["<script", "onerror", "javascript:", "src="] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert_eq!(page.questions.len(), 1);
        assert_eq!(page.questions[0].options.len(), 2);
        app.stop().await;
    }
}

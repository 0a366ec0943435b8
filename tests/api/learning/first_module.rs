//! A volunteer works through the first module of the shipped course: starting, reading, the
//! quiz, the reflection, and where the dashboard picks up again.

use super::{
    SLUG, answers, attempt_count, enrol, first_module, key, pass_quiz, player, read,
    send_reflection, standing, started,
};
use app::domain::ids::LessonId;
use app::{
    api::learning::{Dashboard, Done, Standing},
    domain::learning::ReflectionState,
    errors::{AppError, Problem},
    store::entities::enrolment,
};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{app_error, json, ok, volunteer},
    spawn_app,
};
use sea_orm::{EntityTrait, PaginatorTrait};

/// Ada's browser, signed in, and the lessons of the first module of the shipped course.
async fn ada(app: &TestApp) -> (reqwest::Client, Vec<LessonId>) {
    let ada = volunteer(app, "ada@x.test").await;
    let first = first_module(app, &ada, SLUG).await;
    assert_eq!(first.len(), 4);
    (ada, first)
}

/// Ada's browser with the course started.
async fn ada_started(app: &TestApp) -> (reqwest::Client, Vec<LessonId>) {
    let (ada, first) = ada(app).await;
    assert_eq!(enrol(app, &ada, SLUG, "").await, first[0]);
    (ada, first)
}

/// Ada's browser with the first module's reading lessons done and its quiz passed; returns
/// the quiz lesson, whose reflection is still to be sent.
async fn ada_past_the_quiz(app: &TestApp) -> (reqwest::Client, LessonId) {
    let (ada, first) = ada_started(app).await;
    read(app, &ada, &first[..3]).await;
    pass_quiz(app, &ada, first[3]).await;
    (ada, first[3])
}

#[tokio::test]
async fn nothing_is_a_learners_before_they_start_and_starting_twice_is_one_enrolment() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (ada, first) = ada(&app).await;
        let visitor = app.client();
        assert_eq!(standing(&app, &visitor, SLUG).await, Standing::Visitor);
        assert!(matches!(
            standing(&app, &ada, SLUG).await,
            Standing::NotStarted(_)
        ));

        // Nothing is theirs before they start.
        let early = app.load_player(&ada, first[0]).await;
        assert_eq!(early.status(), 409, "{}", backend.name());
        assert_eq!(app_error(early).await, AppError::NotEnrolled);
        let anonymous = app.enrol(&visitor, SLUG, "").await;
        assert_eq!(anonymous.status(), 401);
        let unknown_centre = app.enrol(&ada, SLUG, "nope").await;
        assert_eq!(
            app_error(unknown_centre).await,
            AppError::field("centre", Problem::NotAllowed)
        );

        // Starting opens the first lesson; starting again is the same enrolment.
        assert_eq!(enrol(&app, &ada, SLUG, "").await, first[0]);
        assert_eq!(enrol(&app, &ada, SLUG, "").await, first[0]);
        assert_eq!(enrolment::Entity::find().count(&app.db).await.unwrap(), 1);
        let progress = started(standing(&app, &ada, SLUG).await);
        assert_eq!((progress.percent, progress.next), (0, Some(first[0])));
        assert!(progress.modules[0].unlocked);
        assert!(!progress.modules[1].unlocked);
        let course = super::overview(&app, &ada, SLUG).await;
        assert_eq!(
            progress.modules[1].waits_for.as_deref(),
            Some(course.modules[0].title.as_str())
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn the_next_module_stays_locked_and_reading_a_lesson_counts_once() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (ada, first) = ada_started(&app).await;
        let second = super::overview(&app, &ada, SLUG).await.modules[1].lessons[0].id;

        // The second module is locked and says why; its text is withheld.
        let locked = player(&app, &ada, second).await;
        assert!(locked.locked, "{}", backend.name());
        assert!(locked.lesson.body_html.is_empty());
        assert!(locked.waits_for.is_some());
        let refused = app.mark_lesson_done(&ada, second).await;
        assert_eq!(app_error(refused).await, AppError::Locked);

        // Reading: marking done twice counts once.
        let lesson = player(&app, &ada, first[0]).await;
        assert!(!lesson.done && !lesson.locked && lesson.quiz.is_none());
        assert!(lesson.lesson.body_html.contains("<h2"));
        read(&app, &ada, &[first[0], first[0]]).await;
        let progress = started(standing(&app, &ada, SLUG).await);
        assert_eq!(progress.modules[0].done, 1);
        assert_eq!(progress.next, Some(first[1]));
        app.stop().await;
    }
}

#[tokio::test]
async fn bad_quiz_answers_change_nothing() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (ada, first) = ada_started(&app).await;
        let course = super::overview(&app, &ada, SLUG).await;

        // The quiz lesson is completed by its quiz and its reflection, not by a button.
        let quiz_lesson = first[3];
        let by_button = app.mark_lesson_done(&ada, quiz_lesson).await;
        assert_eq!(
            app_error(by_button).await,
            AppError::field("lesson", Problem::QuizFirst),
            "{}",
            backend.name()
        );
        let page = player(&app, &ada, quiz_lesson).await;
        let quiz = page.quiz.clone().expect("a quiz");
        assert!(quiz.can_attempt && quiz.attempts.is_empty());
        assert_eq!(page.reflections.len(), 1);
        assert!(
            page.lesson.questions.iter().all(|q| q.kind != "reflection"),
            "reflections are asked separately"
        );

        let right = answers(&app, quiz_lesson, true).await;
        let mut foreign = right.clone();
        foreign[0].1 = 999_999;
        let r = app.submit_quiz(&ada, quiz_lesson, &key(), &foreign).await;
        assert_eq!(
            app_error(r).await,
            AppError::field("answers", Problem::NotAllowed)
        );
        let other_lesson_question = answers(&app, course.modules[1].lessons[3].id, true).await;
        let r = app
            .submit_quiz(&ada, quiz_lesson, &key(), &other_lesson_question)
            .await;
        assert_eq!(r.status(), 422);
        let r = app
            .submit_quiz(&ada, quiz_lesson, &key(), &right[1..])
            .await;
        match app_error(r).await {
            AppError::Invalid(fields) => {
                assert_eq!(fields.len(), 1);
                assert_eq!(fields[0].problem, Problem::Required);
            }
            other => panic!("{other:?}"),
        }
        let r = app
            .submit_quiz(&ada, quiz_lesson, "not-a-key", &right)
            .await;
        assert_eq!(r.status(), 422);
        assert_eq!(attempt_count(&app).await, 0);
        app.stop().await;
    }
}

#[tokio::test]
async fn a_failed_attempt_keeps_the_answers_hidden_and_a_pass_shows_them() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (ada, first) = ada_started(&app).await;
        let quiz_lesson = first[3];

        // A failed attempt, then a pass; the same form sent twice is one attempt.
        let wrong = answers(&app, quiz_lesson, false).await;
        let failed: Done = json(app.submit_quiz(&ada, quiz_lesson, &key(), &wrong).await).await;
        assert!(!failed.course_completed, "{}", backend.name());
        let quiz = player(&app, &ada, quiz_lesson).await.quiz.unwrap();
        assert_eq!(quiz.attempts.len(), 1);
        assert!(!quiz.attempts[0].passed);
        assert_eq!(quiz.attempts[0].percent, 0);
        assert!(
            !quiz.revealed && quiz.feedback.is_empty(),
            "right answers stay hidden"
        );
        assert_eq!(quiz.verdicts.len(), 5);
        assert!(quiz.verdicts.values().all(|right| !right));
        let right = answers(&app, quiz_lesson, true).await;
        let submission = key();
        for _ in 0..2 {
            ok(app
                .submit_quiz(&ada, quiz_lesson, &submission, &right)
                .await)
            .await;
        }
        assert_eq!(attempt_count(&app).await, 2);
        let page = player(&app, &ada, quiz_lesson).await;
        let quiz = page.quiz.clone().unwrap();
        assert!(quiz.attempts[1].passed);
        assert!(quiz.revealed, "passing shows the right answers");
        assert!(
            quiz.feedback
                .values()
                .flatten()
                .any(|f| f.correct && !f.explanation.is_empty())
        );
        assert!(!page.done, "the reflection is still to be sent");
        app.stop().await;
    }
}

#[tokio::test]
async fn a_sent_reflection_completes_the_lesson_and_opens_the_next_module() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (ada, quiz_lesson) = ada_past_the_quiz(&app).await;

        // The reflection: a draft, then sent, which completes the lesson and opens module 2.
        let question = player(&app, &ada, quiz_lesson).await.reflections[0].question;
        let save = |answer: &'static str, send: bool| {
            app.save_reflection(&ada, quiz_lesson, question, answer, send)
        };
        let empty = save(" ", true).await;
        assert_eq!(
            app_error(empty).await,
            AppError::field("answer", Problem::Required),
            "{}",
            backend.name()
        );
        ok(save("Et første udkast", false).await).await;
        let page = player(&app, &ada, quiz_lesson).await;
        assert_eq!(page.reflections[0].state, ReflectionState::Draft);
        assert_eq!(page.reflections[0].answer, "Et første udkast");
        let answer = "Jeg siger til min mand, at jeg ikke fortæller om gruppen.";
        ok(save(answer, true).await).await;
        let again = save("Ændret", false).await;
        assert_eq!(app_error(again).await, AppError::AlreadySent);
        let page = player(&app, &ada, quiz_lesson).await;
        assert!(page.done);
        assert_eq!(page.reflections[0].state, ReflectionState::Submitted);
        let progress = started(standing(&app, &ada, SLUG).await);
        assert_eq!(progress.modules[0].done, 4);
        assert!(progress.modules[1].unlocked);
        let second = super::overview(&app, &ada, SLUG).await.modules[1].lessons[0].id;
        assert_eq!(progress.next, Some(second));
        assert!(!progress.completed);
        app.stop().await;
    }
}

#[tokio::test]
async fn the_dashboard_resumes_after_the_first_module_and_the_pages_render() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (ada, quiz_lesson) = ada_past_the_quiz(&app).await;
        send_reflection(&app, &ada, quiz_lesson, "Jeg fortæller ikke om gruppen.").await;
        let second = super::overview(&app, &ada, SLUG).await.modules[1].lessons[0].id;

        // The dashboard resumes at the right place and lists the reflection.
        let dashboard: Dashboard = json(app.load_dashboard(&ada, 1).await).await;
        assert_eq!(dashboard.courses.items.len(), 1, "{}", backend.name());
        let card = &dashboard.courses.items[0];
        assert_eq!(card.next, Some(second));
        assert!(card.percent > 0 && card.percent < 100);
        assert_eq!(dashboard.reflections.len(), 1);
        assert_eq!(dashboard.reflections[0].lesson, quiz_lesson);

        // The pages render for the learner.
        let html = app.page(&ada, &format!("/learn/lessons/{second}")).await;
        assert_eq!(html.status(), 200);
        let html = html.text().await.unwrap();
        assert!(html.contains("<progress"), "progress bar on the page");
        assert!(app.page(&ada, "/learn").await.status().is_success());
        app.stop().await;
    }
}

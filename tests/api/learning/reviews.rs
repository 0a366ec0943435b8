//! Trainers review sent reflections: who sees the queue, revisions with a comment, the mail
//! that says so, and acceptance.

use super::{
    classroom::{Classroom, classroom},
    player, send_reflection,
};
use app::domain::ids::ReflectionId;
use app::{
    api::{admin::Page, teaching::QueueEntry},
    domain::learning::ReflectionState,
    errors::{AppError, Problem},
    store::entities::outbox_message,
};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{app_error, json, ok},
    spawn_app,
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

const FIRST_ANSWER: &str = "Jeg taler ikke om gruppen derhjemme.";
const COMMENT: &str = "Hvem kan du spørge til råds?";

/// The first page of the reflections waiting for `trainer`.
pub(super) async fn queue(app: &TestApp, trainer: &reqwest::Client) -> Page<QueueEntry> {
    json(app.review_queue(trainer, 1).await).await
}

/// Asta sends her first answer; returns the id of the reflection waiting in Tove's queue.
pub(super) async fn sent(app: &TestApp, class: &Classroom) -> ReflectionId {
    send_reflection(app, &class.asta, class.quiz_lesson, FIRST_ANSWER).await;
    queue(app, &class.tove).await.items[0].id
}

/// Mails about a reviewed reflection.
async fn review_mails(app: &TestApp) -> u64 {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Template.eq("reflection_reviewed"))
        .count(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn only_the_courses_trainers_see_and_review_a_sent_reflection() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let class = classroom(&app).await;
        send_reflection(&app, &class.asta, class.quiz_lesson, FIRST_ANSWER).await;

        let waiting = queue(&app, &class.tove).await;
        assert_eq!(waiting.total, 1, "{}", backend.name());
        let entry = &waiting.items[0];
        assert_eq!(entry.learner, "asta");
        assert!(entry.answer.contains("derhjemme"));
        assert!(entry.guidance.is_some());
        assert_eq!(queue(&app, &class.otto).await.total, 0);
        for client in [&class.otto, &class.bent] {
            let refused = app
                .review_reflection(client, entry.id, "accept", None)
                .await;
            assert_eq!(app_error(refused).await, AppError::Forbidden);
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn asking_for_a_revision_needs_a_comment_and_the_mail_keeps_it_in_igang() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let class = classroom(&app).await;
        let id = sent(&app, &class).await;
        let tove = &class.tove;

        // Asking for a revision needs a comment; the mail says there is feedback, not what.
        let bare = app.review_reflection(tove, id, "revise", None).await;
        assert_eq!(
            app_error(bare).await,
            AppError::field("comment", Problem::Required),
            "{}",
            backend.name()
        );
        ok(app
            .review_reflection(tove, id, "revise", Some(COMMENT))
            .await)
        .await;
        let twice = app.review_reflection(tove, id, "accept", None).await;
        assert_eq!(app_error(twice).await, AppError::AlreadyReviewed);
        let mails = outbox_message::Entity::find()
            .filter(outbox_message::Column::Recipient.eq("asta@x.test"))
            .filter(outbox_message::Column::Template.eq("reflection_reviewed"))
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(mails.len(), 1);
        assert!(mails[0].body_text.contains("/learn/lessons/"));
        assert!(
            !mails[0].body_text.contains("spørge til råds"),
            "the comment stays in Igang"
        );
        assert!(
            !mails[0].body_text.contains("derhjemme"),
            "so does the answer"
        );

        let page = player(&app, &class.asta, class.quiz_lesson).await;
        assert_eq!(page.reflections[0].state, ReflectionState::Revise);
        assert_eq!(page.reflections[0].comment.as_deref(), Some(COMMENT));
        app.stop().await;
    }
}

#[tokio::test]
async fn a_revised_answer_is_sent_again_and_accepted() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let class = classroom(&app).await;
        let id = sent(&app, &class).await;
        let tove = &class.tove;
        ok(app
            .review_reflection(tove, id, "revise", Some(COMMENT))
            .await)
        .await;

        let revised = "Jeg kan spørge min koordinator.";
        send_reflection(&app, &class.asta, class.quiz_lesson, revised).await;
        let id = queue(&app, tove).await.items[0].id;
        ok(app.review_reflection(tove, id, "accept", None).await).await;
        let page = player(&app, &class.asta, class.quiz_lesson).await;
        assert_eq!(
            page.reflections[0].state,
            ReflectionState::Accepted,
            "{}",
            backend.name()
        );
        assert_eq!(review_mails(&app).await, 2);
        app.stop().await;
    }
}

//! Learning in the store: enrolling, marking lessons done, quiz attempts and reflections, each
//! written as the domain's rules decide.

use crate::setup::{enrolled, published_course};
use app::{
    domain::{
        course::QuestionKind,
        ids::{LessonId, OptionId},
        learning::{ReflectionState, grading::Answers},
    },
    store::{
        courses::{LessonRow, VersionContent},
        learning::{self, LearningError},
    },
};
use chrono::Utc;
use igang_tests::{backends, store_database};
use std::collections::BTreeSet;

/// Every lesson of the version in reading order.
fn lessons(content: &VersionContent) -> Vec<&LessonRow> {
    content
        .modules
        .iter()
        .flat_map(|m| content.lessons_of(m.id))
        .collect()
}

/// The right answers to a lesson's scored questions.
fn right_answers(content: &VersionContent, lesson: LessonId) -> Answers {
    content
        .questions_of(lesson)
        .iter()
        .filter(|q| q.kind != QuestionKind::Reflection)
        .map(|q| {
            let right = content.options_of(q.id).iter().filter(|o| o.correct);
            (q.id, right.map(|o| o.id).collect())
        })
        .collect()
}

#[tokio::test]
async fn enrolling_twice_keeps_one_enrolment_on_the_published_version() {
    for backend in backends() {
        let store = store_database(&backend).await;
        let db = &store.db;
        let now = Utc::now();
        let (course, content) = published_course(db, now).await;
        let first = enrolled(db, &course, "ida@frivillig.test", now).await;
        let again = learning::enrol(db, first.enrolment.user_id, &course, None, now)
            .await
            .unwrap();
        assert_eq!(again.id, first.enrolment.id);
        assert_eq!(again.version_id, content.version.id);
        assert_eq!(first.progress.percent, 0);
        assert_eq!(first.progress.next, Some(lessons(&content)[0].id));
        store.close().await;
    }
}

#[tokio::test]
async fn a_quiz_lesson_is_completed_by_its_quiz_and_answers_must_fit() {
    for backend in backends() {
        let store = store_database(&backend).await;
        let db = &store.db;
        let now = Utc::now();
        let (course, content) = published_course(db, now).await;
        let seat = enrolled(db, &course, "ole@frivillig.test", now).await;
        let quiz = lessons(&content)
            .into_iter()
            .find(|l| {
                l.pass_mark.is_some()
                    && seat.unlocked(l.id)
                    && content
                        .questions_of(l.id)
                        .iter()
                        .any(|q| q.kind != QuestionKind::Reflection)
            })
            .expect("an open lesson with a scored quiz")
            .id;
        assert!(matches!(
            learning::mark_done(db, &seat, quiz, now).await,
            Err(LearningError::QuizFirst)
        ));
        let right = right_answers(&content, quiz);
        let first_question = *right.keys().min().unwrap();
        let mut some = right.clone();
        some.remove(&first_question);
        match learning::submit_attempt(db, &seat, quiz, "a", &some, now).await {
            Err(LearningError::Unanswered(ids)) => assert_eq!(ids, [first_question]),
            other => panic!("unanswered question accepted: {other:?}"),
        }
        let mut foreign = right.clone();
        foreign.insert(first_question, BTreeSet::from([OptionId::new(-1)]));
        assert!(matches!(
            learning::submit_attempt(db, &seat, quiz, "b", &foreign, now).await,
            Err(LearningError::BadAnswer)
        ));
        let sent = learning::submit_attempt(db, &seat, quiz, "c", &right, now)
            .await
            .unwrap();
        assert!(sent.attempt.passed);
        assert_eq!(sent.attempt.percent, 100);
        // The same form again is the same attempt, not a second one.
        let again = learning::submit_attempt(db, &seat, quiz, "c", &right, now)
            .await
            .unwrap();
        assert_eq!(again.attempt.id, sent.attempt.id);
        assert_eq!(
            learning::attempts(db, seat.enrolment.id, quiz)
                .await
                .unwrap()
                .len(),
            1
        );
        // The lesson is completed once every reflection in it is sent as well.
        let reflections: Vec<_> = content
            .questions_of(quiz)
            .iter()
            .filter(|q| q.kind == QuestionKind::Reflection)
            .map(|q| q.id)
            .collect();
        let done = || async { learning::completed(db, seat.enrolment.id).await.unwrap() };
        assert_eq!(done().await.contains(&quiz), reflections.is_empty());
        for question in reflections {
            learning::save_reflection(db, &seat, question, "Mine tanker", true, now)
                .await
                .unwrap();
        }
        assert!(done().await.contains(&quiz));
        store.close().await;
    }
}

#[tokio::test]
async fn a_locked_module_refuses_its_lessons_until_the_one_before_is_done() {
    for backend in backends() {
        let store = store_database(&backend).await;
        let db = &store.db;
        let now = Utc::now();
        let (course, content) = published_course(db, now).await;
        let seat = enrolled(db, &course, "liv@frivillig.test", now).await;
        let Some(locked) = lessons(&content).into_iter().find(|l| !seat.unlocked(l.id)) else {
            panic!("the shipped course has a module that waits for the one before");
        };
        let refused = learning::mark_done(db, &seat, locked.id, now).await;
        assert!(matches!(refused, Err(LearningError::Locked)), "{refused:?}");
        store.close().await;
    }
}

#[tokio::test]
async fn a_sent_reflection_waits_for_review_and_cannot_change() {
    for backend in backends() {
        let store = store_database(&backend).await;
        let db = &store.db;
        let now = Utc::now();
        let (course, content) = published_course(db, now).await;
        let seat = enrolled(db, &course, "mia@frivillig.test", now).await;
        let Some(question) = lessons(&content)
            .into_iter()
            .filter(|l| seat.unlocked(l.id))
            .flat_map(|l| content.questions_of(l.id))
            .find(|q| {
                q.kind == QuestionKind::Reflection
                    && q.review.is_none_or(|r| r.as_str() == "trainer")
            })
        else {
            panic!("an open reflection a trainer reads");
        };
        let draft =
            learning::save_reflection(db, &seat, question.id, "Først et udkast", false, now)
                .await
                .unwrap();
        assert_eq!(draft.reflection.state, ReflectionState::Draft);
        let sent = learning::save_reflection(db, &seat, question.id, "Mit svar", true, now)
            .await
            .unwrap();
        assert_eq!(sent.reflection.state, ReflectionState::Submitted);
        assert!(matches!(
            learning::save_reflection(db, &seat, question.id, "Ændret", true, now).await,
            Err(LearningError::AlreadySent)
        ));
        let (queue, waiting) = learning::review_queue(db, None, 0, 10).await.unwrap();
        assert_eq!(waiting, 1);
        assert_eq!(queue[0].reflection.id, sent.reflection.id);
        learning::review(
            db,
            sent.reflection.id,
            seat.enrolment.user_id,
            false,
            Some("Uddyb".into()),
            now,
        )
        .await
        .unwrap();
        assert!(matches!(
            learning::review(
                db,
                sent.reflection.id,
                seat.enrolment.user_id,
                true,
                None,
                now
            )
            .await,
            Err(LearningError::AlreadyReviewed)
        ));
        let revised = learning::save_reflection(db, &seat, question.id, "Uddybet svar", true, now)
            .await
            .unwrap();
        assert_eq!(
            revised.reflection.state,
            ReflectionState::Submitted,
            "revise opens it again"
        );
        store.close().await;
    }
}

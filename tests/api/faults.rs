//! What is left when things break: the server killed in the middle of learners' writes.

use crate::learning::SLUG;
use app::{
    api::{
        catalogue::CourseOverview,
        learning::{MarkLessonDone, SubmitQuiz},
    },
    domain::ids::LessonId,
    store::{
        courses,
        entities::{enrolment, lesson_completion, quiz_attempt},
    },
};
use futures::future::join_all;
use igang_tests::{
    TestApp, backends,
    courses::{answers, submission_key},
    fixtures::{json, ok, volunteer},
    process::spawn_process,
};
use leptos::server_fn::ServerFn;
use sea_orm::EntityTrait;
use std::{
    collections::HashSet,
    sync::{Arc, Mutex},
    time::Duration,
};

/// A write the server answered with success: who, which lesson, whether it was a quiz
/// attempt (else the lesson marked done), and whether it completed the lesson (a lesson
/// with a reflection waits for that too).
type Answered = (String, LessonId, bool, bool);

/// A lesson of the stream: its right quiz answers (none without a quiz) and whether it asks
/// for a reflection.
type StreamLesson = (LessonId, Vec<(String, i32)>, bool);

/// Posts `form` to the server function at `path`; `None` when no answer came (the server is
/// gone), else whether it succeeded.
async fn try_call(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    form: &[(String, String)],
) -> Option<bool> {
    let sent = app
        .same_origin_post(client, path)
        .header("sec-fetch-site", "same-origin")
        .header("accept", "application/json")
        .form(form)
        .send()
        .await
        .ok()?;
    let status = sent.status();
    // A body cut short means no answer either.
    sent.bytes().await.ok()?;
    Some(status.is_success())
}

/// Whether lesson `lesson` asks for a written reflection.
async fn has_reflection(app: &TestApp, lesson: LessonId) -> bool {
    let row = courses::lesson(&app.db, lesson).await.unwrap();
    let tree = courses::load_content(&app.db, row.version_id)
        .await
        .unwrap();
    tree.questions_of(lesson)
        .iter()
        .any(|q| q.kind.as_str() == "reflection")
}

/// One learner going through the course lesson by lesson, again and again: a quiz lesson
/// gets its right answers, any other is marked done. Ends only at the first request
/// without an answer, so every stream is cut short by the crash.
async fn learner_stream(
    app: &TestApp,
    who: String,
    client: reqwest::Client,
    lessons: Vec<StreamLesson>,
    answered: Arc<Mutex<Vec<Answered>>>,
) {
    for (lesson, right, reflection) in lessons.into_iter().cycle() {
        let quiz = !right.is_empty();
        let mut form = vec![("lesson".to_owned(), lesson.to_string())];
        let path = if quiz {
            form.push(("submission".to_owned(), submission_key()));
            for (key, option) in &right {
                form.push((format!("answers[{key}]"), option.to_string()));
            }
            SubmitQuiz::PATH
        } else {
            MarkLessonDone::PATH
        };
        match try_call(app, &client, path, &form).await {
            None => return,
            Some(true) => answered
                .lock()
                .unwrap()
                .push((who.clone(), lesson, quiz, !reflection)),
            Some(false) => {}
        }
    }
}

#[tokio::test]
async fn a_crash_loses_no_answered_write_and_leaves_none_half_written() {
    for backend in backends() {
        let mut app = spawn_process(&backend).await;
        let mut learners = Vec::new();
        for n in 0..6 {
            let who = format!("elev{n}@x.test");
            let client = volunteer(&app, &who).await;
            ok(app.enrol(&client, SLUG, "").await).await;
            learners.push((who, client));
        }
        let course: CourseOverview =
            json(app.load_course_overview(&learners[0].1, SLUG).await).await;
        // The stream answers quizzes and marks reading lessons done; a lesson with only a
        // reflection waits for a person's text and is left out.
        let mut lessons: Vec<StreamLesson> = Vec::new();
        let mut reflective = HashSet::new();
        for module in &course.modules {
            for lesson in &module.lessons {
                let right = answers(&app, lesson.id, true).await;
                let reflection = has_reflection(&app, lesson.id).await;
                if reflection {
                    reflective.insert(lesson.id);
                }
                if !(reflection && right.is_empty()) {
                    lessons.push((lesson.id, right, reflection));
                }
            }
        }
        assert!(
            lessons.iter().any(|(_, a, _)| !a.is_empty()),
            "the course has quizzes"
        );

        // Six learners write at once; the server is killed (`kill -9`) once twenty writes
        // are answered, while the others are in flight.
        let answered = Arc::new(Mutex::new(Vec::new()));
        let streams = learners.iter().map(|(who, client)| {
            learner_stream(
                &app,
                who.clone(),
                client.clone(),
                lessons.clone(),
                answered.clone(),
            )
        });
        let pid = app.process_id();
        let killer = async {
            igang_tests::eventually(
                Duration::from_secs(60),
                "twenty answered writes",
                || async { (answered.lock().unwrap().len() >= 20).then_some(()) },
            )
            .await;
            let killed = std::process::Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status()
                .unwrap();
            assert!(killed.success());
        };
        tokio::join!(join_all(streams), killer);
        app.kill_hard().await;
        // Every stream ran until the crash cut it off.
        let answered = answered.lock().unwrap().clone();

        app.restart().await;
        let enrolments: Vec<enrolment::Model> =
            enrolment::Entity::find().all(&app.db).await.unwrap();
        let completions = lesson_completion::Entity::find()
            .all(&app.db)
            .await
            .unwrap();
        let attempts = quiz_attempt::Entity::find().all(&app.db).await.unwrap();
        let done: HashSet<(i32, LessonId)> = completions
            .iter()
            .map(|c| (c.enrolment_id.get(), c.lesson_id))
            .collect();
        let learner_ids: Vec<(String, i32)> = {
            let mut ids = Vec::new();
            for (who, _) in &learners {
                let user = app::store::people::find_by_email(
                    &app.db,
                    &app::domain::email::EmailAddress::parse(who).unwrap(),
                )
                .await
                .unwrap()
                .unwrap();
                let enrolment = enrolments
                    .iter()
                    .find(|e| e.user_id == user.id)
                    .expect("enrolled");
                ids.push((who.clone(), enrolment.id.get()));
            }
            ids
        };
        let enrolment_of = |who: &str| {
            learner_ids
                .iter()
                .find(|(w, _)| w == who)
                .map(|(_, id)| *id)
                .unwrap()
        };
        for (who, lesson, quiz, completes) in &answered {
            let enrolment = enrolment_of(who);
            assert!(
                !completes || done.contains(&(enrolment, *lesson)),
                "{}: {who}'s answered lesson {lesson} is completed after the crash",
                backend.name()
            );
            if *quiz {
                // The attempt and the completion it brought are one transaction.
                assert!(
                    attempts
                        .iter()
                        .any(|a| a.enrolment_id.get() == enrolment && a.lesson_id == *lesson),
                    "{}: {who}'s answered attempt at {lesson} is kept",
                    backend.name()
                );
            }
        }
        // Nothing half-written: every passed attempt completed its lesson in the same
        // transaction, and every stored attempt is whole.
        for attempt in &attempts {
            assert!(serde_json::from_str::<serde_json::Value>(&attempt.answers).is_ok());
            if attempt.passed && !reflective.contains(&attempt.lesson_id) {
                assert!(
                    done.contains(&(attempt.enrolment_id.get(), attempt.lesson_id)),
                    "{}: a passed attempt without its completion",
                    backend.name()
                );
            }
        }
        // The restarted server serves the learners as before.
        let again = app.load_course_overview(&learners[0].1, SLUG).await;
        assert!(again.status().is_success());
        app.stop().await;
    }
}

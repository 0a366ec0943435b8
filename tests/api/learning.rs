//! Taking courses over HTTP: starting, reading, quizzes, reflections, completion, versions,
//! repeated and concurrent submissions, the review queue with its mail, and the learner
//! overview with its filters, export and visibility rules.

use app::domain::ids::LessonId;
mod classroom;
mod concurrency;
mod first_module;
mod learners;
mod quizzes;
mod reviews;
mod trainers;

use app::{
    api::{
        authoring::CourseEditor,
        catalogue::CourseOverview,
        learning::{MyProgress, PlayerLesson, Standing},
    },
    store::{courses, entities::quiz_attempt},
};
use igang_tests::{
    TestApp,
    client::LessonForm,
    fixtures::{json, ok, publish_draft, small_course},
};
use sea_orm::{EntityTrait, PaginatorTrait};

/// The shipped Danish course.
pub(crate) const SLUG: &str = "igangsaetteruddannelse";

pub(crate) async fn overview(
    app: &TestApp,
    client: &reqwest::Client,
    slug: &str,
) -> CourseOverview {
    json(app.load_course_overview(client, slug).await).await
}

async fn standing(app: &TestApp, client: &reqwest::Client, slug: &str) -> Standing {
    json(app.load_standing(client, slug).await).await
}

pub(crate) async fn player(
    app: &TestApp,
    client: &reqwest::Client,
    lesson: LessonId,
) -> PlayerLesson {
    json(app.load_player(client, lesson).await).await
}

/// Starts the course at `centre` (a public id, or none when empty); returns the lesson to open.
pub(crate) async fn enrol(
    app: &TestApp,
    client: &reqwest::Client,
    slug: &str,
    centre: &str,
) -> LessonId {
    json(app.enrol(client, slug, centre).await).await
}

/// The learner's progress in a course they started.
fn started(s: Standing) -> MyProgress {
    match s {
        Standing::Started(p) => p,
        other => panic!("not started: {other:?}"),
    }
}

/// The lessons of the course's first module, in order.
async fn first_module(app: &TestApp, client: &reqwest::Client, slug: &str) -> Vec<LessonId> {
    let course = overview(app, client, slug).await;
    course.modules[0].lessons.iter().map(|l| l.id).collect()
}

/// Answers for a lesson's scored questions: right ones, or the first wrong option of each.
pub(crate) async fn answers(app: &TestApp, lesson_id: LessonId, right: bool) -> Vec<(String, i32)> {
    igang_tests::courses::answers(app, lesson_id, right).await
}

/// A fresh submission key, as each quiz form carries.
pub(crate) fn key() -> String {
    igang_tests::courses::submission_key()
}

async fn attempt_count(app: &TestApp) -> u64 {
    quiz_attempt::Entity::find().count(&app.db).await.unwrap()
}

/// Marks reading lessons done.
async fn read(app: &TestApp, client: &reqwest::Client, lessons: &[LessonId]) {
    for lesson in lessons {
        ok(app.mark_lesson_done(client, lesson).await).await;
    }
}

/// Sends the right answers to the lesson's quiz.
pub(crate) async fn pass_quiz(app: &TestApp, client: &reqwest::Client, lesson: LessonId) {
    let right = answers(app, lesson, true).await;
    ok(app.submit_quiz(client, lesson, &key(), &right).await).await;
}

/// Sends `text` as the answer to the lesson's (first) reflection question.
async fn send_reflection(app: &TestApp, client: &reqwest::Client, lesson: LessonId, text: &str) {
    let question = player(app, client, lesson).await.reflections[0].question;
    ok(app
        .save_reflection(client, lesson, question, text, true)
        .await)
    .await;
}

/// Adds a lesson without a quiz to the first module of the course's draft; returns its id.
async fn add_reading_lesson(
    app: &TestApp,
    trainer: &reqwest::Client,
    course: &str,
    title: &str,
) -> LessonId {
    let editor: CourseEditor = json(app.load_course_editor(trainer, course).await).await;
    let module = editor.modules[0].id;
    let lesson: LessonId = json(app.add_lesson(trainer, module, title).await).await;
    let text = LessonForm::new(title, "3", "Tekst.");
    ok(app.update_lesson(trainer, lesson, text).await).await;
    lesson
}

/// A published course with one lesson whose quiz has one single-choice question; returns
/// the course's id, its short name and the lesson id. `limits` are (attempts, cool-down).
async fn quiz_course(
    app: &TestApp,
    trainer: &reqwest::Client,
    title: &str,
    (attempts, cooldown): (&str, &str),
) -> (String, String, LessonId) {
    let (id, lesson) = small_course(app, trainer, title).await;
    let text = LessonForm::new("Lektion", "5", "Tekst.").quiz_limited("100", attempts, cooldown);
    ok(app.update_lesson(trainer, lesson, text).await).await;
    publish_draft(app, trainer, &id).await;
    let slug = courses::find(&app.db, &id).await.unwrap().slug;
    (id, slug, lesson)
}

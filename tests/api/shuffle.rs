//! Quiz options in a new order at each attempt, the same order on a reload, pinned options
//! last, and marking by option whatever the order.

use app::domain::ids::{LessonId, OptionId, QuestionId};
use app::{
    api::learning::PlayerLesson,
    domain::role::Role,
    store::{
        courses::{self, VersionContent},
        entities::question_option,
    },
};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{json, ok, publish_draft, small_course, staff, volunteer},
    spawn_app,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

const PROMPT: &str = "Hvad gør du, når en ny deltager tier hele mødet?";
const OPTIONS: [&str; 6] = [
    "Spørger direkte ind til hende foran de andre",
    "Lader hende være og taler kort med hende bagefter",
    "Beder gruppen om at gå en runde, hvor alle siger noget",
    "Foreslår, at hun kommer igen, når hun er klar til at tale",
    "Skriver til hende dagen efter",
    "Ingen af disse",
];

async fn player(app: &TestApp, client: &reqwest::Client, lesson: LessonId) -> PlayerLesson {
    json(app.load_player(client, lesson).await).await
}

/// The option texts of the question in the order the player shows them.
async fn shown(app: &TestApp, client: &reqwest::Client, lesson: LessonId) -> (Vec<String>, String) {
    let page = player(app, client, lesson).await;
    let question = page
        .lesson
        .questions
        .iter()
        .find(|q| q.prompt == PROMPT)
        .expect("the question is shown");
    let texts = question.options.iter().map(|(_, t)| t.clone()).collect();
    (texts, page.quiz.expect("a quiz").submission)
}

/// Sends one attempt with (question, option) answers; returns whether it passed.
async fn attempt(
    app: &TestApp,
    client: &reqwest::Client,
    lesson: LessonId,
    submission: &str,
    answers: &[(QuestionId, OptionId)],
) -> Option<bool> {
    let answers: Vec<(String, i32)> = answers
        .iter()
        .map(|(q, o)| (format!("q{q}"), o.get()))
        .collect();
    ok(app.submit_quiz(client, lesson, submission, &answers).await).await;
    let page = player(app, client, lesson).await;
    page.quiz.expect("a quiz").attempts.last().map(|a| a.passed)
}

/// The first right (or wrong) option of a question.
fn option(content: &VersionContent, question: QuestionId, correct: bool) -> OptionId {
    let options = content.options_of(question);
    options.iter().find(|o| o.correct == correct).unwrap().id
}

/// A published course whose quiz has this question, with its last option pinned, besides
/// the small course's own; returns the course's id.
async fn course_with_a_pinned_option(app: &TestApp) -> String {
    let trainer = staff(app, "lone@frivillig.test", Role::Trainer, None).await;
    let (course, lesson) = small_course(app, &trainer, "Blandet").await;
    let mut form: Vec<(String, String)> = vec![
        ("kind".into(), "single_choice".into()),
        ("prompt".into(), PROMPT.into()),
    ];
    for (i, text) in OPTIONS.iter().enumerate() {
        form.push((format!("options[{i}][text]"), (*text).into()));
        form.push((format!("options[{i}][explanation]"), "Fordi.".into()));
    }
    form.push(("options[1][correct]".into(), "on".into()));
    form.push(("options[5][pinned]".into(), "on".into()));
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let question: QuestionId = json(app.save_question(&trainer, lesson, &form).await).await;
    let pinned = question_option::Entity::find()
        .filter(question_option::Column::QuestionId.eq(question))
        .filter(question_option::Column::Pinned.eq(true))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(pinned.len(), 1, "{}", app.backend.name());
    publish_draft(app, &trainer, &course).await;
    course
}

/// The published version's content, its lesson, and the ids of this question and of the
/// other one (the published lesson has new ids).
async fn published_quiz(
    app: &TestApp,
    course: &str,
) -> (VersionContent, LessonId, QuestionId, QuestionId) {
    let live = courses::find(&app.db, course).await.unwrap();
    let content = courses::load_content(&app.db, live.published_version_id.unwrap())
        .await
        .unwrap();
    let lesson = content.lessons.values().flatten().next().unwrap().id;
    let questions = content.questions_of(lesson);
    let question = questions.iter().find(|q| q.prompt == PROMPT).unwrap().id;
    let other = questions.iter().find(|q| q.prompt != PROMPT).unwrap().id;
    (content, lesson, question, other)
}

#[tokio::test]
async fn options_are_shuffled_per_attempt_with_pinned_ones_last() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let course = course_with_a_pinned_option(&app).await;
        let slug = courses::find(&app.db, &course).await.unwrap().slug;
        let freja = volunteer(&app, "freja@frivillig.test").await;
        let _: i32 = json(app.enrol(&freja, &slug, "").await).await;
        let (tree, live_lesson, live_question, other) = published_quiz(&app, &course).await;
        let wrong_option = option(&tree, live_question, false);
        let other_wrong = option(&tree, other, false);

        let mut orders = Vec::new();
        for round in 1..=4 {
            let (first, submission) = shown(&app, &freja, live_lesson).await;
            let (again, _) = shown(&app, &freja, live_lesson).await;
            assert_eq!(
                first,
                again,
                "{}: a reload keeps attempt {round}'s order",
                backend.name()
            );
            assert_eq!(
                first.last().map(String::as_str),
                Some(OPTIONS[5]),
                "{}: pinned last",
                backend.name()
            );
            let mut sorted = first.clone();
            sorted.sort();
            let mut written: Vec<String> = OPTIONS.iter().map(|t| (*t).to_owned()).collect();
            written.sort();
            assert_eq!(sorted, written, "{}: every option once", backend.name());
            orders.push(first);
            // A wrong attempt: marked by option, so it fails whatever the order.
            let answers = [(live_question, wrong_option), (other, other_wrong)];
            let passed = attempt(&app, &freja, live_lesson, &submission, &answers).await;
            assert_eq!(
                passed,
                Some(false),
                "{}: the wrong answer is marked wrong",
                backend.name()
            );
        }
        // The right option passes, wherever it is shown.
        let (_, submission) = shown(&app, &freja, live_lesson).await;
        let right = option(&tree, live_question, true);
        let other_right = option(&tree, other, true);
        let answers = [(live_question, right), (other, other_right)];
        let passed = attempt(&app, &freja, live_lesson, &submission, &answers).await;
        assert_eq!(
            passed,
            Some(true),
            "{}: the right answers pass",
            backend.name()
        );
        orders.dedup();
        assert!(
            orders.len() > 1,
            "{}: the order changes between attempts: {orders:?}",
            backend.name()
        );
        app.stop().await;
    }
}

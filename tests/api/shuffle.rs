//! Quiz options in a new order at each attempt, the same order on a reload, pinned options
//! last, and marking by option whatever the order.

use app::{
    api::{
        authoring::{Publish, SaveQuestion},
        learning::{Enrol, LoadPlayer, PlayerLesson, SubmitQuiz},
    },
    domain::role::Role,
    store::{courses, entities::question_option},
};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{account, json, sign_in, staff},
    spawn_app,
};
use leptos::server_fn::ServerFn;
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

/// The option texts of the question in the order the player shows them.
async fn shown(app: &TestApp, client: &reqwest::Client, lesson: i32) -> (Vec<String>, String) {
    let page: PlayerLesson = json(
        app.call(client, LoadPlayer::PATH, &[("lesson", &lesson.to_string())])
            .await,
    )
    .await;
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
    lesson: i32,
    submission: &str,
    answers: &[(i32, i32)],
) -> Option<bool> {
    let lesson_field = lesson.to_string();
    let fields: Vec<(String, String)> = answers
        .iter()
        .map(|(q, o)| (format!("answers[q{q}]"), o.to_string()))
        .collect();
    let mut form = vec![
        ("lesson", lesson_field.as_str()),
        ("submission", submission),
    ];
    form.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let sent = app.call(client, SubmitQuiz::PATH, &form).await;
    assert!(sent.status().is_success(), "{}", sent.text().await.unwrap());
    let page: PlayerLesson = json(
        app.call(client, LoadPlayer::PATH, &[("lesson", &lesson.to_string())])
            .await,
    )
    .await;
    page.quiz.expect("a quiz").attempts.last().map(|a| a.passed)
}

#[tokio::test]
async fn options_are_shuffled_per_attempt_with_pinned_ones_last() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "lone@frivillig.test", Role::Trainer, None).await;
        let (course, lesson) = crate::courses::small_course(&app, &trainer, "Blandet").await;
        let lesson_id = lesson.to_string();
        let mut form: Vec<(String, String)> = vec![
            ("lesson".into(), lesson_id.clone()),
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
        let question: i32 = json(app.call(&trainer, SaveQuestion::PATH, &form).await).await;
        let pinned = question_option::Entity::find()
            .filter(question_option::Column::QuestionId.eq(question))
            .filter(question_option::Column::Pinned.eq(true))
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(pinned.len(), 1, "{}", backend.name());
        let published = app
            .call(
                &trainer,
                Publish::PATH,
                &[("course", &course), ("confirm", "yes")],
            )
            .await;
        assert!(published.status().is_success(), "{}", backend.name());
        let slug = courses::find(&app.db, &course).await.unwrap().slug;

        account(&app, "freja@frivillig.test", Role::Volunteer).await;
        let freja = sign_in(&app, "freja@frivillig.test").await;
        let _: i32 = json(
            app.call(&freja, Enrol::PATH, &[("slug", &slug), ("centre", "")])
                .await,
        )
        .await;
        // The published lesson has new ids: find this question's options there.
        let live = courses::find(&app.db, &course).await.unwrap();
        let tree = courses::load_tree(&app.db, live.published_version_id.unwrap())
            .await
            .unwrap();
        let live_lesson = tree.lessons.values().flatten().next().unwrap().id;
        let live_question = tree
            .questions_of(live_lesson)
            .iter()
            .find(|q| q.prompt == PROMPT)
            .unwrap()
            .id;
        let wrong_option = tree
            .options_of(live_question)
            .iter()
            .find(|o| !o.correct)
            .unwrap()
            .id;
        let other = tree
            .questions_of(live_lesson)
            .iter()
            .find(|q| q.prompt != PROMPT)
            .unwrap();
        let other_wrong = tree
            .options_of(other.id)
            .iter()
            .find(|o| !o.correct)
            .unwrap()
            .id;

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
            let answers = [(live_question, wrong_option), (other.id, other_wrong)];
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
        let right = tree
            .options_of(live_question)
            .iter()
            .find(|o| o.correct)
            .unwrap()
            .id;
        let other_right = tree
            .options_of(other.id)
            .iter()
            .find(|o| o.correct)
            .unwrap()
            .id;
        let answers = [(live_question, right), (other.id, other_right)];
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

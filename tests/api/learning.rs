//! Taking courses over HTTP: starting, reading, quizzes, reflections, completion, versions,
//! repeated and concurrent submissions, the review queue with its mail, and the learner
//! overview with its filters, export and visibility rules.

use app::{
    api::{
        admin::Page,
        authoring::{AddLesson, Publish, StartDraft, UpdateLesson},
        catalogue::{CourseOverview, LoadCourseOverview},
        learning::{
            Dashboard, Done, Enrol, LoadDashboard, LoadPlayer, LoadStanding, MarkLessonDone,
            PlayerLesson, SaveReflection, Standing, SubmitQuiz,
        },
        teaching::{
            AddCourseTrainer, LearnerOverview, ListTeaching, LoadLearners, QueueEntry, ReviewQueue,
            ReviewReflection, TaughtCourse,
        },
    },
    domain::{
        learning::{LearnerStatus, ReflectionState},
        role::Role,
    },
    errors::{AppError, Problem},
    store::{
        courses,
        entities::{enrolment, lesson, outbox_message, quiz_attempt},
        learning,
    },
};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{account, app_error, centre, json, sign_in, staff},
    spawn_app,
};
use leptos::server_fn::ServerFn;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, sea_query::Expr};

const SLUG: &str = "igangsaetteruddannelse";

async fn overview(app: &TestApp, client: &reqwest::Client, slug: &str) -> CourseOverview {
    json(
        app.call(client, LoadCourseOverview::PATH, &[("slug", slug)])
            .await,
    )
    .await
}

async fn standing(app: &TestApp, client: &reqwest::Client, slug: &str) -> Standing {
    json(
        app.call(client, LoadStanding::PATH, &[("slug", slug)])
            .await,
    )
    .await
}

async fn player(app: &TestApp, client: &reqwest::Client, lesson: i32) -> PlayerLesson {
    json(
        app.call(client, LoadPlayer::PATH, &[("lesson", &lesson.to_string())])
            .await,
    )
    .await
}

async fn enrol(app: &TestApp, client: &reqwest::Client, slug: &str, centre: &str) -> i32 {
    json(
        app.call(client, Enrol::PATH, &[("slug", slug), ("centre", centre)])
            .await,
    )
    .await
}

async fn done(app: &TestApp, client: &reqwest::Client, lesson: i32) -> reqwest::Response {
    app.call(
        client,
        MarkLessonDone::PATH,
        &[("lesson", &lesson.to_string())],
    )
    .await
}

/// Sends a quiz with `answers` as (field key, option id) pairs.
async fn submit(
    app: &TestApp,
    client: &reqwest::Client,
    lesson: i32,
    submission: &str,
    answers: &[(String, i32)],
) -> reqwest::Response {
    let lesson = lesson.to_string();
    let fields: Vec<(String, String)> = answers
        .iter()
        .map(|(k, o)| (format!("answers[{k}]"), o.to_string()))
        .collect();
    let mut form: Vec<(&str, &str)> = vec![("lesson", &lesson), ("submission", submission)];
    form.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    app.call(client, SubmitQuiz::PATH, &form).await
}

/// Answers for a lesson's scored questions: right ones, or the first wrong option of each.
async fn answers(app: &TestApp, lesson_id: i32, right: bool) -> Vec<(String, i32)> {
    let row = courses::lesson(&app.db, lesson_id).await.unwrap();
    let tree = courses::load_tree(&app.db, row.version_id).await.unwrap();
    let mut out = Vec::new();
    for q in tree.questions_of(lesson_id) {
        if q.kind.as_str() == "reflection" {
            continue;
        }
        let options = tree.options_of(q.id);
        if right {
            let correct: Vec<i32> = options.iter().filter(|o| o.correct).map(|o| o.id).collect();
            if q.kind.as_str() == "multiple_choice" {
                out.extend(correct.iter().map(|o| (format!("q{}o{o}", q.id), *o)));
            } else {
                out.push((format!("q{}", q.id), correct[0]));
            }
        } else {
            let wrong = options.iter().find(|o| !o.correct).unwrap();
            let key = if q.kind.as_str() == "multiple_choice" {
                format!("q{}o{}", q.id, wrong.id)
            } else {
                format!("q{}", q.id)
            };
            out.push((key, wrong.id));
        }
    }
    out
}

fn key() -> String {
    uuid::Uuid::new_v4().to_string()
}

fn started(s: Standing) -> app::api::learning::MyProgress {
    match s {
        Standing::Started(p) => p,
        other => panic!("not started: {other:?}"),
    }
}

async fn attempt_count(app: &TestApp) -> u64 {
    quiz_attempt::Entity::find().count(&app.db).await.unwrap()
}

#[tokio::test]
async fn a_volunteer_works_through_the_first_module_of_the_shipped_course() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        account(&app, "ada@x.test", Role::Volunteer).await;
        let ada = sign_in(&app, "ada@x.test").await;
        let visitor = app.client();
        assert_eq!(standing(&app, &visitor, SLUG).await, Standing::Visitor);
        assert!(matches!(
            standing(&app, &ada, SLUG).await,
            Standing::NotStarted(_)
        ));
        let course = overview(&app, &ada, SLUG).await;
        let first: Vec<i32> = course.modules[0].lessons.iter().map(|l| l.id).collect();
        let second = course.modules[1].lessons[0].id;
        assert_eq!(first.len(), 4);

        // Nothing is theirs before they start.
        let early = app
            .call(&ada, LoadPlayer::PATH, &[("lesson", &first[0].to_string())])
            .await;
        assert_eq!(early.status(), 409);
        assert_eq!(app_error(early).await, AppError::NotEnrolled);
        let anonymous = app.call(&visitor, Enrol::PATH, &[("slug", SLUG)]).await;
        assert_eq!(anonymous.status(), 401);
        let unknown_centre = app
            .call(&ada, Enrol::PATH, &[("slug", SLUG), ("centre", "nope")])
            .await;
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
        assert_eq!(
            progress.modules[1].waits_for.as_deref(),
            Some(course.modules[0].title.as_str())
        );

        // The second module is locked and says why; its text is withheld.
        let locked = player(&app, &ada, second).await;
        assert!(locked.locked);
        assert!(locked.lesson.body_html.is_empty());
        assert!(locked.waits_for.is_some());
        assert_eq!(
            app_error(done(&app, &ada, second).await).await,
            AppError::Locked
        );

        // Reading: marking done twice counts once.
        let lesson = player(&app, &ada, first[0]).await;
        assert!(!lesson.done && !lesson.locked && lesson.quiz.is_none());
        assert!(lesson.lesson.body_html.contains("<h2"));
        for _ in 0..2 {
            let r = done(&app, &ada, first[0]).await;
            assert!(r.status().is_success());
        }
        let progress = started(standing(&app, &ada, SLUG).await);
        assert_eq!(progress.modules[0].done, 1);
        assert_eq!(progress.next, Some(first[1]));
        for id in &first[1..3] {
            assert!(done(&app, &ada, *id).await.status().is_success());
        }

        // The quiz lesson is completed by its quiz and its reflection, not by a button.
        let quiz_lesson = first[3];
        assert_eq!(
            app_error(done(&app, &ada, quiz_lesson).await).await,
            AppError::field("lesson", Problem::QuizFirst)
        );
        let page = player(&app, &ada, quiz_lesson).await;
        let quiz = page.quiz.clone().expect("a quiz");
        assert!(quiz.can_attempt && quiz.attempts.is_empty());
        assert_eq!(page.reflections.len(), 1);
        assert!(
            page.lesson.questions.iter().all(|q| q.kind != "reflection"),
            "reflections are asked separately"
        );

        // Bad answers change nothing.
        let right = answers(&app, quiz_lesson, true).await;
        let mut foreign = right.clone();
        foreign[0].1 = 999_999;
        let r = submit(&app, &ada, quiz_lesson, &key(), &foreign).await;
        assert_eq!(
            app_error(r).await,
            AppError::field("answers", Problem::NotAllowed)
        );
        let other_lesson_question = answers(&app, course.modules[1].lessons[3].id, true).await;
        let r = submit(&app, &ada, quiz_lesson, &key(), &other_lesson_question).await;
        assert_eq!(r.status(), 422);
        let r = submit(&app, &ada, quiz_lesson, &key(), &right[1..]).await;
        match app_error(r).await {
            AppError::Invalid(fields) => {
                assert_eq!(fields.len(), 1);
                assert_eq!(fields[0].problem, Problem::Required);
            }
            other => panic!("{other:?}"),
        }
        let r = submit(&app, &ada, quiz_lesson, "not-a-key", &right).await;
        assert_eq!(r.status(), 422);
        assert_eq!(attempt_count(&app).await, 0);

        // A failed attempt, then a pass; the same form sent twice is one attempt.
        let wrong = answers(&app, quiz_lesson, false).await;
        let failed: Done = json(submit(&app, &ada, quiz_lesson, &key(), &wrong).await).await;
        assert!(!failed.course_completed);
        let page = player(&app, &ada, quiz_lesson).await;
        let quiz = page.quiz.unwrap();
        assert_eq!(quiz.attempts.len(), 1);
        assert!(!quiz.attempts[0].passed);
        assert_eq!(quiz.attempts[0].percent, 0);
        assert!(
            !quiz.revealed && quiz.feedback.is_empty(),
            "right answers stay hidden"
        );
        assert_eq!(quiz.verdicts.len(), 5);
        assert!(quiz.verdicts.values().all(|right| !right));
        let submission = key();
        for _ in 0..2 {
            let r = submit(&app, &ada, quiz_lesson, &submission, &right).await;
            assert!(r.status().is_success(), "{}", r.text().await.unwrap());
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

        // The reflection: a draft, then sent, which completes the lesson and opens module 2.
        let question = page.reflections[0].question.to_string();
        let lesson_id = quiz_lesson.to_string();
        let empty = app
            .call(
                &ada,
                SaveReflection::PATH,
                &[
                    ("lesson", &lesson_id),
                    ("question", &question),
                    ("answer", " "),
                    ("send", "1"),
                ],
            )
            .await;
        assert_eq!(
            app_error(empty).await,
            AppError::field("answer", Problem::Required)
        );
        let draft = app
            .call(
                &ada,
                SaveReflection::PATH,
                &[
                    ("lesson", &lesson_id),
                    ("question", &question),
                    ("answer", "Et første udkast"),
                ],
            )
            .await;
        assert!(draft.status().is_success());
        let page = player(&app, &ada, quiz_lesson).await;
        assert_eq!(page.reflections[0].state, ReflectionState::Draft);
        assert_eq!(page.reflections[0].answer, "Et første udkast");
        let sent = app
            .call(
                &ada,
                SaveReflection::PATH,
                &[
                    ("lesson", &lesson_id),
                    ("question", &question),
                    (
                        "answer",
                        "Jeg siger til min mand, at jeg ikke fortæller om gruppen.",
                    ),
                    ("send", "1"),
                ],
            )
            .await;
        assert!(sent.status().is_success());
        let again = app
            .call(
                &ada,
                SaveReflection::PATH,
                &[
                    ("lesson", &lesson_id),
                    ("question", &question),
                    ("answer", "Ændret"),
                ],
            )
            .await;
        assert_eq!(app_error(again).await, AppError::AlreadySent);
        let page = player(&app, &ada, quiz_lesson).await;
        assert!(page.done);
        assert_eq!(page.reflections[0].state, ReflectionState::Submitted);
        let progress = started(standing(&app, &ada, SLUG).await);
        assert_eq!(progress.modules[0].done, 4);
        assert!(progress.modules[1].unlocked);
        assert_eq!(progress.next, Some(second));
        assert!(!progress.completed);

        // The dashboard resumes at the right place and lists the reflection.
        let dashboard: Dashboard =
            json(app.call(&ada, LoadDashboard::PATH, &[("page", "1")]).await).await;
        assert_eq!(dashboard.courses.items.len(), 1);
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

/// Publishes the course's draft.
async fn publish(app: &TestApp, trainer: &reqwest::Client, course: &str) {
    let published = app
        .call(
            trainer,
            Publish::PATH,
            &[("course", course), ("confirm", "yes")],
        )
        .await;
    assert!(
        published.status().is_success(),
        "{}",
        published.text().await.unwrap()
    );
}

/// Adds a lesson without a quiz to the first module of the course's draft; returns its id.
async fn add_reading_lesson(
    app: &TestApp,
    trainer: &reqwest::Client,
    course: &str,
    title: &str,
) -> i32 {
    let editor: app::api::authoring::CourseEditor = json(
        app.call(
            trainer,
            app::api::authoring::LoadCourseEditor::PATH,
            &[("course", course)],
        )
        .await,
    )
    .await;
    let module = editor.modules[0].id.to_string();
    let lesson: i32 = json(
        app.call(
            trainer,
            AddLesson::PATH,
            &[("module", &module), ("title", title)],
        )
        .await,
    )
    .await;
    let saved = app
        .call(
            trainer,
            UpdateLesson::PATH,
            &[
                ("lesson", &lesson.to_string()),
                ("title", title),
                ("minutes", "3"),
                ("body", "Tekst."),
            ],
        )
        .await;
    assert!(
        saved.status().is_success(),
        "{}",
        saved.text().await.unwrap()
    );
    lesson
}

/// A published course with one lesson whose quiz has one single-choice question; returns
/// the course's id, its short name and the lesson id. `limits` are (attempts, cool-down).
async fn quiz_course(
    app: &TestApp,
    trainer: &reqwest::Client,
    title: &str,
    limits: (&str, &str),
) -> (String, String, i32) {
    let (id, lesson) = crate::courses::small_course(app, trainer, title).await;
    let lesson_id = lesson.to_string();
    let saved = app
        .call(
            trainer,
            UpdateLesson::PATH,
            &[
                ("lesson", &lesson_id),
                ("title", "Lektion"),
                ("minutes", "5"),
                ("body", "Tekst."),
                ("quiz", "on"),
                ("pass_mark", "100"),
                ("attempts", limits.0),
                ("cooldown_minutes", limits.1),
            ],
        )
        .await;
    assert!(
        saved.status().is_success(),
        "{}",
        saved.text().await.unwrap()
    );
    publish(app, trainer, &id).await;
    let slug = courses::find(&app.db, &id).await.unwrap().slug;
    (id, slug, lesson)
}

#[tokio::test]
async fn attempt_limits_cool_down_completion_and_versions() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "trainer@x.test", Role::Trainer, None).await;
        let bad_limits = app
            .call(
                &trainer,
                UpdateLesson::PATH,
                &[
                    ("lesson", "1"),
                    ("title", "x"),
                    ("minutes", "5"),
                    ("body", ""),
                    ("quiz", "on"),
                    ("pass_mark", "80"),
                    ("attempts", "0"),
                ],
            )
            .await;
        assert_eq!(
            app_error(bad_limits).await,
            AppError::field("attempts", Problem::OutOfRange)
        );
        let (course_id, slug, lesson) = quiz_course(&app, &trainer, "Grænser", ("2", "10")).await;
        account(&app, "bo@x.test", Role::Volunteer).await;
        let bo = sign_in(&app, "bo@x.test").await;
        assert_eq!(enrol(&app, &bo, &slug, "").await, lesson);
        let right = answers(&app, lesson, true).await;
        let wrong = answers(&app, lesson, false).await;

        let _: Done = json(submit(&app, &bo, lesson, &key(), &wrong).await).await;
        let page = player(&app, &bo, lesson).await;
        let quiz = page.quiz.unwrap();
        assert_eq!(
            (quiz.can_attempt, quiz.wait_minutes, quiz.attempts_left),
            (false, Some(10), Some(1))
        );
        let cooling = submit(&app, &bo, lesson, &key(), &right).await;
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
        let passed: Done = json(submit(&app, &bo, lesson, &key(), &right).await).await;
        assert!(
            passed.course_completed,
            "the only lesson completes the course at once"
        );
        let progress = started(standing(&app, &bo, &slug).await);
        assert!(progress.completed);
        assert_eq!(progress.percent, 100);
        let none_left = submit(&app, &bo, lesson, &key(), &right).await;
        assert_eq!(app_error(none_left).await, AppError::NoAttemptsLeft);
        assert_eq!(attempt_count(&app).await, 2);

        // A new version leaves Bo's progress where it was.
        assert!(
            app.call(&trainer, StartDraft::PATH, &[("course", &course_id)])
                .await
                .status()
                .is_success()
        );
        let draft_lesson: i32 = lesson::Entity::find()
            .filter(lesson::Column::Id.ne(lesson))
            .order_by_desc(lesson::Column::Id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .id;
        let draft_page = app
            .call(
                &bo,
                LoadPlayer::PATH,
                &[("lesson", &draft_lesson.to_string())],
            )
            .await;
        assert_eq!(draft_page.status(), 404, "a draft's lesson is not found");
        add_reading_lesson(&app, &trainer, &course_id, "Ny lektion").await;
        publish(&app, &trainer, &course_id).await;
        let progress = started(standing(&app, &bo, &slug).await);
        assert_eq!((progress.version, progress.percent), (1, 100));
        assert!(progress.completed && progress.newer_version);
        assert_eq!(player(&app, &bo, lesson).await.progress.percent, 100);
        // Lessons of the new version are not Bo's.
        let v2 = overview(&app, &bo, &slug).await;
        assert_eq!(v2.version, 2);
        let v2_lesson = v2.modules[0].lessons[1].id;
        let r = app
            .call(&bo, LoadPlayer::PATH, &[("lesson", &v2_lesson.to_string())])
            .await;
        assert_eq!(app_error(r).await, AppError::NotEnrolled);
        // Someone starting now gets version 2.
        account(&app, "cy@x.test", Role::Volunteer).await;
        let cy = sign_in(&app, "cy@x.test").await;
        enrol(&app, &cy, &slug, "").await;
        let progress = started(standing(&app, &cy, &slug).await);
        assert_eq!((progress.version, progress.percent), (2, 0));
        assert!(!progress.newer_version);
        app.stop().await;
    }
}

#[tokio::test]
async fn repeated_and_concurrent_submissions_never_double_count() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "trainer@x.test", Role::Trainer, None).await;
        let (_, slug, lesson) = quiz_course(&app, &trainer, "Samtidig", ("1", "")).await;
        account(&app, "di@x.test", Role::Volunteer).await;
        let di = sign_in(&app, "di@x.test").await;
        enrol(&app, &di, &slug, "").await;
        let wrong = answers(&app, lesson, false).await;

        // A double click: the same form eight times at once makes one attempt.
        let submission = key();
        let same = futures::future::join_all(
            (0..8).map(|_| submit(&app, &di, lesson, &submission, &wrong)),
        )
        .await;
        for r in same {
            assert!(r.status().is_success(), "{}", r.text().await.unwrap());
        }
        assert_eq!(attempt_count(&app).await, 1);

        // Two tabs on a one-attempt quiz, with fresh forms: none gets a second attempt, and
        // no request fails on the server's side.
        account(&app, "ed@x.test", Role::Volunteer).await;
        let ed = sign_in(&app, "ed@x.test").await;
        enrol(&app, &ed, &slug, "").await;
        let tabs = futures::future::join_all((0..6).map(|_| {
            let submission = key();
            let (app, ed, wrong) = (&app, &ed, &wrong);
            async move { submit(app, ed, lesson, &submission, wrong).await }
        }))
        .await;
        let mut ok = 0;
        for r in tabs {
            let status = r.status();
            assert!(status.as_u16() < 500, "{status}");
            if status.is_success() {
                ok += 1;
            } else {
                let error = app_error(r).await;
                assert!(
                    matches!(error, AppError::NoAttemptsLeft | AppError::Busy),
                    "{error:?}"
                );
            }
        }
        assert_eq!(ok, 1);
        assert_eq!(attempt_count(&app).await, 2);

        // Marking a lesson done from several tabs at once counts once.
        let first = enrol(&app, &di, SLUG, "").await;
        let marks = futures::future::join_all((0..6).map(|_| done(&app, &di, first))).await;
        for r in marks {
            assert!(r.status().is_success(), "{}", r.text().await.unwrap());
        }
        let completions = app::store::entities::lesson_completion::Entity::find()
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(completions, 1);

        // The last two requirements met at the same moment still complete the course.
        let (id, lesson) = crate::courses::small_course(&app, &trainer, "To på én gang").await;
        let reading = add_reading_lesson(&app, &trainer, &id, "Læsning").await;
        publish(&app, &trainer, &id).await;
        let slug = courses::find(&app.db, &id).await.unwrap().slug;
        account(&app, "fie@x.test", Role::Volunteer).await;
        let fie = sign_in(&app, "fie@x.test").await;
        enrol(&app, &fie, &slug, "").await;
        let right = answers(&app, lesson, true).await;
        let submission = key();
        let (quiz, read) = tokio::join!(
            submit(&app, &fie, lesson, &submission, &right),
            done(&app, &fie, reading)
        );
        assert!(quiz.status().is_success() && read.status().is_success());
        let progress = started(standing(&app, &fie, &slug).await);
        assert!(progress.completed, "{progress:?}");
        app.stop().await;
    }
}

#[tokio::test]
async fn trainers_review_reflections_and_follow_learners() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let north = centre(&app, "Center Nord").await;
        let south = centre(&app, "Center Syd").await;
        let trainer_id = account(&app, "tove@x.test", Role::Trainer).await;
        let tove = staff_signed_in(&app, "tove@x.test").await;
        let other = staff(&app, "otto@x.test", Role::Trainer, None).await;
        let coordinator_north = staff(&app, "nina@x.test", Role::Coordinator, Some(north.id)).await;
        let coordinator_south = staff(&app, "sune@x.test", Role::Coordinator, Some(south.id)).await;
        let course = courses::find_by_slug(&app.db, SLUG).await.unwrap().unwrap();
        learning::add_trainer(&app.db, course.id, trainer_id, chrono::Utc::now())
            .await
            .unwrap();

        account(&app, "asta@x.test", Role::Volunteer).await;
        account(&app, "bent@x.test", Role::Volunteer).await;
        let asta = sign_in(&app, "asta@x.test").await;
        let bent = sign_in(&app, "bent@x.test").await;
        enrol(&app, &asta, SLUG, &north.public_id).await;
        enrol(&app, &bent, SLUG, "").await;
        let lessons: Vec<i32> = overview(&app, &asta, SLUG).await.modules[0]
            .lessons
            .iter()
            .map(|l| l.id)
            .collect();
        assert!(done(&app, &asta, lessons[0]).await.status().is_success());
        let quiz_lesson = lessons[3];
        let page = player(&app, &asta, quiz_lesson).await;
        let question = page.reflections[0].question.to_string();
        let lesson_id = quiz_lesson.to_string();
        let send = |text: &'static str| {
            let (app, asta, lesson_id, question) =
                (&app, &asta, lesson_id.clone(), question.clone());
            async move {
                app.call(
                    asta,
                    SaveReflection::PATH,
                    &[
                        ("lesson", &lesson_id),
                        ("question", &question),
                        ("answer", text),
                        ("send", "1"),
                    ],
                )
                .await
            }
        };
        assert!(
            send("Jeg taler ikke om gruppen derhjemme.")
                .await
                .status()
                .is_success()
        );

        // Only the course's trainers see the queue entry.
        let queue: Page<QueueEntry> =
            json(app.call(&tove, ReviewQueue::PATH, &[("page", "1")]).await).await;
        assert_eq!(queue.total, 1);
        let entry = &queue.items[0];
        assert_eq!(entry.learner, "asta");
        assert!(entry.answer.contains("derhjemme"));
        assert!(entry.guidance.is_some());
        let theirs: Page<QueueEntry> =
            json(app.call(&other, ReviewQueue::PATH, &[("page", "1")]).await).await;
        assert_eq!(theirs.total, 0);
        let id = entry.id.to_string();
        let foreign = app
            .call(
                &other,
                ReviewReflection::PATH,
                &[("reflection", &id), ("decision", "accept")],
            )
            .await;
        assert_eq!(app_error(foreign).await, AppError::Forbidden);
        let volunteer = app
            .call(
                &bent,
                ReviewReflection::PATH,
                &[("reflection", &id), ("decision", "accept")],
            )
            .await;
        assert_eq!(app_error(volunteer).await, AppError::Forbidden);

        // Asking for a revision needs a comment; the mail says there is feedback, not what.
        let bare = app
            .call(
                &tove,
                ReviewReflection::PATH,
                &[("reflection", &id), ("decision", "revise")],
            )
            .await;
        assert_eq!(
            app_error(bare).await,
            AppError::field("comment", Problem::Required)
        );
        let revise = app
            .call(
                &tove,
                ReviewReflection::PATH,
                &[
                    ("reflection", &id),
                    ("decision", "revise"),
                    ("comment", "Hvem kan du spørge til råds?"),
                ],
            )
            .await;
        assert!(
            revise.status().is_success(),
            "{}",
            revise.text().await.unwrap()
        );
        let twice = app
            .call(
                &tove,
                ReviewReflection::PATH,
                &[("reflection", &id), ("decision", "accept")],
            )
            .await;
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

        let page = player(&app, &asta, quiz_lesson).await;
        assert_eq!(page.reflections[0].state, ReflectionState::Revise);
        assert_eq!(
            page.reflections[0].comment.as_deref(),
            Some("Hvem kan du spørge til råds?")
        );
        assert!(
            send("Jeg kan spørge min koordinator.")
                .await
                .status()
                .is_success()
        );
        let queue: Page<QueueEntry> =
            json(app.call(&tove, ReviewQueue::PATH, &[("page", "1")]).await).await;
        let id = queue.items[0].id.to_string();
        let accept = app
            .call(
                &tove,
                ReviewReflection::PATH,
                &[("reflection", &id), ("decision", "accept")],
            )
            .await;
        assert!(accept.status().is_success());
        let page = player(&app, &asta, quiz_lesson).await;
        assert_eq!(page.reflections[0].state, ReflectionState::Accepted);
        let mails = outbox_message::Entity::find()
            .filter(outbox_message::Column::Template.eq("reflection_reviewed"))
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(mails, 2);

        // The learner overview, its filters, and who sees what.
        let learners = |client: &reqwest::Client, centre: &str, status: &str| {
            let (app, client) = (&app, client.clone());
            let (course, centre, status) = (
                course.public_id.clone(),
                centre.to_owned(),
                status.to_owned(),
            );
            async move {
                app.call(
                    &client,
                    LoadLearners::PATH,
                    &[
                        ("course", &course),
                        ("centre", &centre),
                        ("status", &status),
                        ("page", "1"),
                    ],
                )
                .await
            }
        };
        let all: LearnerOverview = json(learners(&tove, "", "").await).await;
        assert!(all.all);
        assert_eq!(all.learners.total, 2);
        let asta_row = all
            .learners
            .items
            .iter()
            .find(|l| l.name == "asta")
            .unwrap();
        assert_eq!(asta_row.centre.as_deref(), Some("Center Nord"));
        assert_eq!(asta_row.status, LearnerStatus::InProgress);
        assert_eq!(asta_row.modules[0].done, 1);
        assert_eq!(asta_row.modules.len(), 7);
        let by_centre: LearnerOverview = json(learners(&tove, &north.public_id, "").await).await;
        assert_eq!(by_centre.learners.total, 1);
        let not_started: LearnerOverview = json(learners(&tove, "", "not_started").await).await;
        assert_eq!(not_started.learners.items[0].name, "bent");
        assert_eq!(not_started.learners.total, 1);
        let bad = learners(&tove, "", "sleeping").await;
        assert_eq!(
            app_error(bad).await,
            AppError::field("status", Problem::NotAllowed)
        );
        enrolment::Entity::update_many()
            .col_expr(
                enrolment::Column::LastActivityAt,
                Expr::value(chrono::Utc::now() - chrono::Duration::days(40)),
            )
            .col_expr(
                enrolment::Column::StartedAt,
                Expr::value(chrono::Utc::now() - chrono::Duration::days(60)),
            )
            .filter(enrolment::Column::CentreId.eq(north.id))
            .exec(&app.db)
            .await
            .unwrap();
        let stuck: LearnerOverview = json(learners(&tove, "", "stuck").await).await;
        assert_eq!(stuck.learners.total, 1);
        assert_eq!(stuck.learners.items[0].status, LearnerStatus::Stuck);
        let in_progress: LearnerOverview = json(learners(&tove, "", "in_progress").await).await;
        assert_eq!(in_progress.learners.total, 0);

        // Coordinators see their centre's learners; other trainers and volunteers nothing.
        let north_view: LearnerOverview = json(learners(&coordinator_north, "", "").await).await;
        assert!(!north_view.all);
        assert_eq!(north_view.learners.total, 1);
        assert!(north_view.trainers.is_empty());
        let south_view: LearnerOverview = json(learners(&coordinator_south, "", "").await).await;
        assert_eq!(south_view.learners.total, 0);
        assert_eq!(
            app_error(learners(&other, "", "").await).await,
            AppError::Forbidden
        );
        assert_eq!(
            app_error(learners(&bent, "", "").await).await,
            AppError::Forbidden
        );
        let teaching: Page<TaughtCourse> =
            json(app.call(&tove, ListTeaching::PATH, &[("page", "1")]).await).await;
        assert_eq!(teaching.items.len(), 1);
        assert_eq!(teaching.items[0].learners, 2);
        // Coordinators see the courses their centres' learners take, and only those learners.
        let north_list: Page<TaughtCourse> = json(
            app.call(&coordinator_north, ListTeaching::PATH, &[("page", "1")])
                .await,
        )
        .await;
        assert_eq!(north_list.items.len(), 1);
        assert_eq!(north_list.items[0].learners, 1);
        let south_list: Page<TaughtCourse> = json(
            app.call(&coordinator_south, ListTeaching::PATH, &[("page", "1")])
                .await,
        )
        .await;
        assert!(south_list.items.is_empty());

        // The export follows the same rules.
        let csv_path = format!(
            "/teach/courses/{}/learners.csv?status=stuck",
            course.public_id
        );
        let csv = tove.get(app.url(&csv_path)).send().await.unwrap();
        assert_eq!(csv.status(), 200);
        assert!(
            csv.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        let text = csv.text().await.unwrap();
        let mut lines = text.lines();
        assert!(
            lines
                .next()
                .unwrap()
                .starts_with("name,email,centre,status,percent")
        );
        let row = lines.next().unwrap();
        assert!(
            row.contains("asta@x.test") && row.contains("stuck"),
            "{row}"
        );
        assert!(lines.next().is_none());
        assert_eq!(
            bent.get(app.url(&csv_path)).send().await.unwrap().status(),
            403
        );
        assert_eq!(
            app.client()
                .get(app.url(&csv_path))
                .send()
                .await
                .unwrap()
                .status(),
            401
        );
        let south_csv = coordinator_south
            .get(app.url(&csv_path))
            .send()
            .await
            .unwrap();
        assert_eq!(south_csv.status(), 200);
        let south_text = south_csv.text().await.unwrap();
        assert_eq!(south_text.lines().count(), 1, "header only: {south_text:?}");

        // Trainers of the course name other trainers; others may not.
        let add = |client: &reqwest::Client, email: &str| {
            let (app, client, course, email) = (
                &app,
                client.clone(),
                course.public_id.clone(),
                email.to_owned(),
            );
            async move {
                app.call(
                    &client,
                    AddCourseTrainer::PATH,
                    &[("course", &course), ("email", &email)],
                )
                .await
            }
        };
        assert_eq!(
            app_error(add(&other, "otto@x.test").await).await,
            AppError::Forbidden
        );
        assert_eq!(
            app_error(add(&tove, "asta@x.test").await).await,
            AppError::field("email", Problem::NotAllowed),
            "only trainers can be named"
        );
        assert!(add(&tove, "otto@x.test").await.status().is_success());
        let theirs: Page<QueueEntry> =
            json(app.call(&other, ReviewQueue::PATH, &[("page", "1")]).await).await;
        assert_eq!(theirs.total, 0, "nothing waits now");
        let now_all: LearnerOverview = json(learners(&other, "", "").await).await;
        assert_eq!(now_all.trainers.len(), 2);
        app.stop().await;
    }
}

/// Signs in an account made by [`account`] that holds a staff role, with a second factor.
async fn staff_signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let client = sign_in(app, email).await;
    igang_tests::fixtures::enrol(app, &client).await;
    client
}

//! Course authoring over HTTP: the shipped curriculum, drafts, versions, publishing, the
//! catalogue, bundles, images and the rules on who may change what.

use app::{
    api::{
        admin::Page,
        authoring::{
            AddLesson, AddModule, CourseEditor, CreateCourse, DeleteItem, DiscardDraft,
            LessonEditor, LoadCourseEditor, LoadLessonEditor, LoadPublishPreview, MoveItem,
            Publish, PublishPreview, SaveQuestion, SetCourseStatus, StartDraft, UpdateCourse,
            UpdateLesson, VersionEntry, VersionHistory,
        },
        catalogue::{
            CatalogueCard, CourseOverview, LessonPage, ListCatalogue, LoadCourseOverview,
            PreviewLesson,
        },
    },
    domain::{
        bundle,
        course::{Change, CourseStatus, FlawKind, VersionState},
        role::Role,
    },
    errors::{AppError, Problem},
    store::courses,
};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{account, app_error, json, sign_in, staff},
    spawn_app,
};
use leptos::server_fn::ServerFn;
use std::collections::BTreeMap;

async fn catalogue(app: &TestApp, client: &reqwest::Client, language: &str) -> Vec<CatalogueCard> {
    let page: Page<CatalogueCard> = json(
        app.call(
            client,
            ListCatalogue::PATH,
            &[("language", language), ("page", "1")],
        )
        .await,
    )
    .await;
    page.items
}

async fn editor(app: &TestApp, client: &reqwest::Client, course: &str) -> CourseEditor {
    json(
        app.call(client, LoadCourseEditor::PATH, &[("course", course)])
            .await,
    )
    .await
}

/// Creates a course with one module, one lesson with a quiz of one question; returns its id
/// and the lesson's id.
pub(crate) async fn small_course(
    app: &TestApp,
    trainer: &reqwest::Client,
    title: &str,
) -> (String, i32) {
    let id: String = json(
        app.call(
            trainer,
            CreateCourse::PATH,
            &[("title", title), ("language", "da")],
        )
        .await,
    )
    .await;
    let _: i32 = json(
        app.call(
            trainer,
            AddModule::PATH,
            &[("course", &id), ("title", "Værdierne"), ("topic", "values")],
        )
        .await,
    )
    .await;
    let module = editor(app, trainer, &id).await.modules[0].id.to_string();
    let lesson: i32 = json(
        app.call(
            trainer,
            AddLesson::PATH,
            &[("module", &module), ("title", "Gensidighed")],
        )
        .await,
    )
    .await;
    let lesson_id = lesson.to_string();
    let saved = app
        .call(
            trainer,
            UpdateLesson::PATH,
            &[
                ("lesson", &lesson_id),
                ("title", "Gensidighed"),
                ("minutes", "12"),
                ("body", "Alle **giver** og får."),
                ("quiz", "on"),
                ("pass_mark", "75"),
            ],
        )
        .await;
    assert!(
        saved.status().is_success(),
        "{}",
        saved.text().await.unwrap()
    );
    let _: i32 = json(
        app.call(
            trainer,
            SaveQuestion::PATH,
            &[
                ("lesson", &lesson_id),
                ("kind", "single_choice"),
                ("prompt", "Hvem giver i en gruppe?"),
                ("options[0][text]", "Alle"),
                ("options[0][correct]", "on"),
                ("options[0][explanation]", "Ja, over tid."),
                ("options[1][text]", "Kun igangsætteren"),
                ("options[1][explanation]", "Nej."),
                ("options[2][text]", ""),
            ],
        )
        .await,
    )
    .await;
    (id, lesson)
}

#[tokio::test]
async fn the_shipped_curriculum_is_published_on_first_start() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let visitor = app.client();
        let all = catalogue(&app, &visitor, "all").await;
        let mut titles: Vec<&str> = all.iter().map(|c| c.title.as_str()).collect();
        titles.sort();
        assert_eq!(
            titles,
            [
                "Group starter training",
                "Igangsetteropplæring",
                "Igangsætteruddannelse"
            ],
            "{}",
            backend.name()
        );
        // Visitors see every language, the page's own first (Danish by default), or the one
        // they pick.
        let languages =
            |cards: &[CatalogueCard]| cards.iter().map(|c| c.language.clone()).collect::<Vec<_>>();
        let danish = catalogue(&app, &visitor, "").await;
        assert_eq!(languages(&danish), ["da", "en", "nb"]);
        assert_eq!(
            languages(&catalogue(&app, &visitor, "all").await),
            ["da", "en", "nb"]
        );
        for (accept, first) in [("en-GB,en;q=0.9", "en"), ("nb-NO,nb;q=0.9,da;q=0.5", "nb")] {
            let abroad = reqwest::Client::builder()
                .default_headers(
                    [(
                        reqwest::header::ACCEPT_LANGUAGE,
                        reqwest::header::HeaderValue::from_static(accept),
                    )]
                    .into_iter()
                    .collect(),
                )
                .build()
                .unwrap();
            let cards = catalogue(&app, &abroad, "").await;
            assert_eq!(cards.len(), 3, "{accept}");
            assert_eq!(cards[0].language, first, "{accept}");
            // The page itself lists that course first, labelled by language.
            let html = app.page(&abroad, "/courses").await.text().await.unwrap();
            let first_card = html.find("class=\"course-card\"").unwrap();
            let tag = format!("<span lang=\"{first}\">");
            let first_tag = html[first_card..].find(&tag).map(|at| at + first_card);
            let other_tags = ["da", "en", "nb"]
                .into_iter()
                .filter(|l| *l != first)
                .filter_map(|l| html.find(&format!("<span lang=\"{l}\">")))
                .min();
            assert!(
                first_tag.is_some() && first_tag < other_tags,
                "{accept}: the {first} course comes first"
            );
        }
        let course = &danish[0];
        assert_eq!(course.language, "da");
        assert_eq!(course.modules.len(), 7);
        assert!(course.leads_to_certificate);
        assert!(course.minutes > 60, "{}", course.minutes);
        assert_eq!(catalogue(&app, &visitor, "nb").await[0].language, "nb");
        let bad = app
            .call(
                &visitor,
                ListCatalogue::PATH,
                &[("language", "sv"), ("page", "1")],
            )
            .await;
        assert_eq!(bad.status(), 422);

        let overview: CourseOverview = json(
            app.call(
                &visitor,
                LoadCourseOverview::PATH,
                &[("slug", &course.slug)],
            )
            .await,
        )
        .await;
        assert_eq!(overview.modules.len(), 7);
        assert!(
            overview
                .modules
                .iter()
                .all(|m| (2..=5).contains(&m.lessons.len()))
        );
        assert!(!overview.modules[0].requires_previous);
        assert!(overview.modules[1].requires_previous);

        // A restart does not load it twice.
        assert_eq!(courses::count(&app.db).await.unwrap(), 3);
        assert_eq!(
            app::curriculum::install_if_empty(&app.db, chrono::Utc::now())
                .await
                .unwrap(),
            0
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_trainer_builds_and_publishes_a_course_and_volunteers_find_it() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "trainer@x.test", Role::Trainer, None).await;
        account(&app, "volunteer@x.test", Role::Volunteer).await;
        let volunteer = sign_in(&app, "volunteer@x.test").await;

        let (id, lesson) = small_course(&app, &trainer, "Et lille kursus").await;
        let course = editor(&app, &trainer, &id).await;
        assert_eq!(course.status, CourseStatus::Draft);
        assert_eq!(course.state, VersionState::Draft);
        assert_eq!(course.version, 1);
        assert_eq!(course.slug, "et-lille-kursus");
        assert_eq!(course.flaws, vec![]);
        assert_eq!(course.modules[0].lessons[0].questions, 1);
        assert!(
            !course.modules[0].requires_previous,
            "the first module never waits"
        );

        // Not in the catalogue, and not reachable by address, before it is published.
        assert!(
            !catalogue(&app, &volunteer, "da")
                .await
                .iter()
                .any(|c| c.slug == course.slug)
        );
        let hidden = app
            .call(
                &volunteer,
                LoadCourseOverview::PATH,
                &[("slug", &course.slug)],
            )
            .await;
        assert_eq!(hidden.status(), 404);

        // Publishing asks for confirmation.
        let unconfirmed = app.call(&trainer, Publish::PATH, &[("course", &id)]).await;
        assert_eq!(
            app_error(unconfirmed).await,
            AppError::field("confirm", Problem::MustConfirm)
        );
        let preview: PublishPreview = json(
            app.call(&trainer, LoadPublishPreview::PATH, &[("course", &id)])
                .await,
        )
        .await;
        assert_eq!((preview.version, preview.replaces), (1, None));
        let published = app
            .call(
                &trainer,
                Publish::PATH,
                &[("course", &id), ("confirm", "yes")],
            )
            .await;
        assert!(published.status().is_success());

        let listed = catalogue(&app, &volunteer, "da").await;
        let card = listed
            .iter()
            .find(|c| c.slug == course.slug)
            .expect("in the catalogue");
        assert_eq!(card.title, "Et lille kursus");
        assert_eq!(card.modules, ["Værdierne"]);
        assert_eq!(card.minutes, 12);

        // The published version is frozen; editing starts version 2.
        let frozen = app
            .call(
                &trainer,
                UpdateLesson::PATH,
                &[
                    ("lesson", &lesson.to_string()),
                    ("title", "Ændret"),
                    ("minutes", "12"),
                    ("body", ""),
                ],
            )
            .await;
        assert_eq!(frozen.status(), 409);
        assert_eq!(app_error(frozen).await, AppError::NotEditable);
        let number: i32 = json(
            app.call(&trainer, StartDraft::PATH, &[("course", &id)])
                .await,
        )
        .await;
        assert_eq!(number, 2);
        let again: i32 = json(
            app.call(&trainer, StartDraft::PATH, &[("course", &id)])
                .await,
        )
        .await;
        assert_eq!(again, 2, "a second click reuses the draft");
        let draft = editor(&app, &trainer, &id).await;
        assert_eq!((draft.version, draft.published), (2, Some(1)));
        let new_lesson = draft.modules[0].lessons[0].id;
        assert_ne!(new_lesson, lesson, "the draft has its own copy");
        let edited = app
            .call(
                &trainer,
                UpdateLesson::PATH,
                &[
                    ("lesson", &new_lesson.to_string()),
                    ("title", "Gensidighed i praksis"),
                    ("minutes", "15"),
                    ("body", "Ny tekst."),
                    ("quiz", "on"),
                    ("pass_mark", "75"),
                ],
            )
            .await;
        assert!(edited.status().is_success());
        let preview: PublishPreview = json(
            app.call(&trainer, LoadPublishPreview::PATH, &[("course", &id)])
                .await,
        )
        .await;
        assert_eq!((preview.version, preview.replaces), (2, Some(1)));
        assert_eq!(
            preview.changes,
            vec![Change::LessonChanged(
                "Værdierne".into(),
                "Gensidighed i praksis".into()
            )]
        );
        // Learners still see version 1 until version 2 is published.
        let overview: CourseOverview = json(
            app.call(
                &volunteer,
                LoadCourseOverview::PATH,
                &[("slug", &course.slug)],
            )
            .await,
        )
        .await;
        assert_eq!(overview.version, 1);
        assert_eq!(overview.modules[0].lessons[0].title, "Gensidighed");
        let published = app
            .call(
                &trainer,
                Publish::PATH,
                &[("course", &id), ("confirm", "yes")],
            )
            .await;
        assert!(published.status().is_success());
        let overview: CourseOverview = json(
            app.call(
                &volunteer,
                LoadCourseOverview::PATH,
                &[("slug", &course.slug)],
            )
            .await,
        )
        .await;
        assert_eq!(overview.version, 2);
        assert_eq!(
            overview.modules[0].lessons[0].title,
            "Gensidighed i praksis"
        );

        let history: Vec<VersionEntry> = json(
            app.call(&trainer, VersionHistory::PATH, &[("course", &id)])
                .await,
        )
        .await;
        let states: Vec<(i32, VersionState)> =
            history.iter().map(|v| (v.number, v.state)).collect();
        assert_eq!(
            states,
            [(2, VersionState::Published), (1, VersionState::Superseded)]
        );
        assert_eq!(history[0].changes, preview.changes);
        // Version 1 is kept as it was, for the learners who started it.
        let old = courses::lesson(&app.db, lesson).await.unwrap();
        assert_eq!((old.title.as_str(), old.minutes), ("Gensidighed", 12));

        // Nothing new: publishing again says so.
        let nothing = app
            .call(
                &trainer,
                Publish::PATH,
                &[("course", &id), ("confirm", "yes")],
            )
            .await;
        assert_eq!(app_error(nothing).await, AppError::NothingToPublish);

        // Unpublish hides it; publish brings it back; archive hides it and freezes it.
        for (change, visible) in [("unpublish", false), ("archive", false)] {
            let r = app
                .call(
                    &trainer,
                    SetCourseStatus::PATH,
                    &[("course", &id), ("change", change), ("confirm", "yes")],
                )
                .await;
            assert!(r.status().is_success(), "{change}");
            assert_eq!(
                catalogue(&app, &volunteer, "da")
                    .await
                    .iter()
                    .any(|c| c.slug == course.slug),
                visible
            );
            if change == "unpublish" {
                app.call(
                    &trainer,
                    Publish::PATH,
                    &[("course", &id), ("confirm", "yes")],
                )
                .await;
                assert!(
                    catalogue(&app, &volunteer, "da")
                        .await
                        .iter()
                        .any(|c| c.slug == course.slug)
                );
            }
        }
        let archived = app
            .call(&trainer, StartDraft::PATH, &[("course", &id)])
            .await;
        assert_eq!(app_error(archived).await, AppError::NotEditable);
        let restored = app
            .call(
                &trainer,
                SetCourseStatus::PATH,
                &[("course", &id), ("change", "restore"), ("confirm", "yes")],
            )
            .await;
        assert!(restored.status().is_success());
        assert_eq!(
            editor(&app, &trainer, &id).await.status,
            CourseStatus::Draft
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn drafts_are_checked_before_they_are_published() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "trainer@x.test", Role::Trainer, None).await;
        let (id, lesson) = small_course(&app, &trainer, "Kladde").await;
        let lesson = lesson.to_string();

        // A single-choice question with two right answers is refused, and nothing is saved.
        let wrong = app
            .call(
                &trainer,
                SaveQuestion::PATH,
                &[
                    ("lesson", &lesson),
                    ("kind", "single_choice"),
                    ("prompt", "Hvilken?"),
                    ("options[0][text]", "A"),
                    ("options[0][correct]", "on"),
                    ("options[1][text]", "B"),
                    ("options[1][correct]", "on"),
                ],
            )
            .await;
        assert_eq!(wrong.status(), 422);
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
            let mut form = form.clone();
            form.push(("lesson", &lesson));
            let r = app.call(&trainer, SaveQuestion::PATH, &form).await;
            assert_eq!(
                app_error(r).await.problem_for(field),
                Some(problem),
                "{form:?}"
            );
        }
        let bad_minutes = app
            .call(
                &trainer,
                UpdateLesson::PATH,
                &[
                    ("lesson", &lesson),
                    ("title", "L"),
                    ("minutes", "9999"),
                    ("body", ""),
                ],
            )
            .await;
        assert_eq!(
            app_error(bad_minutes).await,
            AppError::field("minutes", Problem::OutOfRange)
        );
        let lesson_view: LessonEditor = json(
            app.call(&trainer, LoadLessonEditor::PATH, &[("lesson", &lesson)])
                .await,
        )
        .await;
        assert_eq!(lesson_view.questions.len(), 1);
        assert_eq!(lesson_view.minutes, 12);

        // A module with no lessons keeps the course from being published.
        let _: i32 = json(
            app.call(
                &trainer,
                AddModule::PATH,
                &[
                    ("course", &id),
                    ("title", "Egne emner"),
                    ("topic", "custom"),
                    ("custom_topic", "Lokale aftaler"),
                ],
            )
            .await,
        )
        .await;
        let course = editor(&app, &trainer, &id).await;
        assert_eq!(course.modules[1].topic, "custom:lokale-aftaler");
        assert!(course.modules[1].requires_previous);
        let refused = app
            .call(
                &trainer,
                Publish::PATH,
                &[("course", &id), ("confirm", "yes")],
            )
            .await;
        match app_error(refused).await {
            AppError::CourseFlaws(flaws) => {
                assert_eq!(flaws.len(), 1);
                assert_eq!(flaws[0].place.to_string(), "module 2");
                assert_eq!(flaws[0].kind, FlawKind::NoLessons);
            }
            other => panic!("{other:?}"),
        }

        // Order and removal: move the new module up, then delete it (with confirmation).
        let module = course.modules[1].id.to_string();
        let moved = app
            .call(
                &trainer,
                MoveItem::PATH,
                &[("item", "module"), ("id", &module), ("direction", "up")],
            )
            .await;
        assert!(moved.status().is_success());
        let course = editor(&app, &trainer, &id).await;
        assert_eq!(course.modules[0].title, "Egne emner");
        assert!(
            !course.modules[0].requires_previous,
            "now first, so it cannot wait"
        );
        let unconfirmed = app
            .call(
                &trainer,
                DeleteItem::PATH,
                &[("item", "module"), ("id", &module)],
            )
            .await;
        assert_eq!(
            app_error(unconfirmed).await,
            AppError::field("confirm", Problem::MustConfirm)
        );
        let deleted = app
            .call(
                &trainer,
                DeleteItem::PATH,
                &[("item", "module"), ("id", &module), ("confirm", "yes")],
            )
            .await;
        assert!(deleted.status().is_success());
        let course = editor(&app, &trainer, &id).await;
        assert_eq!(course.modules.len(), 1);
        assert_eq!(course.flaws, vec![]);

        // A draft of a never-published course cannot be thrown away: there is nothing to keep.
        let discard = app
            .call(
                &trainer,
                DiscardDraft::PATH,
                &[("course", &id), ("confirm", "yes")],
            )
            .await;
        assert_eq!(app_error(discard).await, AppError::NotEditable);

        // A quiz with questions cannot be switched off: its questions would be lost.
        let off = app
            .call(
                &trainer,
                UpdateLesson::PATH,
                &[
                    ("lesson", &lesson),
                    ("title", "L"),
                    ("minutes", "5"),
                    ("body", ""),
                ],
            )
            .await;
        assert_eq!(
            app_error(off).await,
            AppError::field("quiz", Problem::HasQuestions)
        );
        // The first question of a lesson without a quiz turns the quiz on.
        let plain: i32 = json(
            app.call(
                &trainer,
                AddLesson::PATH,
                &[
                    ("module", &course.modules[0].id.to_string()),
                    ("title", "Uden quiz"),
                ],
            )
            .await,
        )
        .await;
        let plain = plain.to_string();
        let before: LessonEditor = json(
            app.call(&trainer, LoadLessonEditor::PATH, &[("lesson", &plain)])
                .await,
        )
        .await;
        assert_eq!(before.pass_mark, None);
        let _: i32 = json(
            app.call(
                &trainer,
                SaveQuestion::PATH,
                &[
                    ("lesson", &plain),
                    ("kind", "reflection"),
                    ("prompt", "Hvad tager du med?"),
                    ("review", "on_submit"),
                ],
            )
            .await,
        )
        .await;
        let after: LessonEditor = json(
            app.call(&trainer, LoadLessonEditor::PATH, &[("lesson", &plain)])
                .await,
        )
        .await;
        assert_eq!(after.pass_mark, Some(80));

        // Authored HTML is cleaned before any learner sees it.
        let saved = app
            .call(
                &trainer,
                UpdateLesson::PATH,
                &[
                    ("lesson", &lesson),
                    ("title", "L"),
                    ("minutes", "5"),
                    ("quiz", "on"),
                    ("pass_mark", "75"),
                    (
                        "body",
                        "Hej <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))",
                    ),
                ],
            )
            .await;
        assert!(saved.status().is_success());
        let page: LessonPage = json(
            app.call(&trainer, PreviewLesson::PATH, &[("lesson", &lesson)])
                .await,
        )
        .await;
        let html = page.body_html.to_lowercase();
        assert!(html.starts_with("<p>hej"), "{html}");
        for bad in ["<script", "onerror", "javascript:", "src="] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert_eq!(page.questions.len(), 1);
        assert_eq!(page.questions[0].options.len(), 2);
        app.stop().await;
    }
}

#[tokio::test]
async fn only_authors_change_courses_whatever_the_object() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "trainer@x.test", Role::Trainer, None).await;
        let coordinator = staff(&app, "coord@x.test", Role::Coordinator, None).await;
        account(&app, "volunteer@x.test", Role::Volunteer).await;
        let volunteer = sign_in(&app, "volunteer@x.test").await;
        let (id, lesson) = small_course(&app, &trainer, "Mit kursus").await;
        let lesson = lesson.to_string();
        for client in [&volunteer, &coordinator, &app.client()] {
            for (path, form) in [
                (
                    UpdateCourse::PATH,
                    vec![
                        ("course", id.as_str()),
                        ("title", "Overtaget"),
                        ("summary", ""),
                        ("body", ""),
                    ],
                ),
                (
                    UpdateLesson::PATH,
                    vec![
                        ("lesson", lesson.as_str()),
                        ("title", "X"),
                        ("minutes", "1"),
                        ("body", ""),
                    ],
                ),
                (
                    Publish::PATH,
                    vec![("course", id.as_str()), ("confirm", "yes")],
                ),
                (LoadCourseEditor::PATH, vec![("course", id.as_str())]),
                (PreviewLesson::PATH, vec![("lesson", lesson.as_str())]),
            ] {
                let r = app.call(client, path, &form).await;
                assert!(
                    matches!(r.status().as_u16(), 401 | 403),
                    "{path}: {}",
                    r.status()
                );
            }
        }
        let course = editor(&app, &trainer, &id).await;
        assert_eq!(course.title, "Mit kursus");
        assert_eq!(course.status, CourseStatus::Draft);
        // A question id from another lesson cannot be changed through this one.
        let (_, other_lesson) = small_course(&app, &trainer, "Andet kursus").await;
        let other: LessonEditor = json(
            app.call(
                &trainer,
                LoadLessonEditor::PATH,
                &[("lesson", &other_lesson.to_string())],
            )
            .await,
        )
        .await;
        let crossed = app
            .call(
                &trainer,
                SaveQuestion::PATH,
                &[
                    ("lesson", &lesson),
                    ("question", &other.questions[0].id.to_string()),
                    ("kind", "reflection"),
                    ("prompt", "?"),
                    ("review", "trainer"),
                ],
            )
            .await;
        assert_eq!(crossed.status(), 404);
        app.stop().await;
    }
}

fn shipped_files(slug_dir: &str) -> BTreeMap<String, Vec<u8>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../app/curriculum")
        .join(slug_dir);
    let mut files = BTreeMap::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

async fn import(app: &TestApp, client: &reqwest::Client, zip: Vec<u8>) -> reqwest::Response {
    let form = reqwest::multipart::Form::new().part(
        "bundle",
        reqwest::multipart::Part::bytes(zip).file_name("course.zip"),
    );
    client
        .post(app.url("/authoring/import"))
        .header("origin", &app.base_url)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn bundles_export_and_import_without_loss() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "trainer@x.test", Role::Trainer, None).await;
        let shipped = courses::find_by_slug(&app.db, "igangsaetteruddannelse")
            .await
            .unwrap()
            .expect("shipped course");

        // Export gives back the shipped files byte for byte.
        let export = trainer
            .get(app.url(&format!("/authoring/courses/{}/export", shipped.public_id)))
            .send()
            .await
            .unwrap();
        assert_eq!(export.status(), 200);
        assert_eq!(export.headers()["content-type"], "application/zip");
        let zip = export.bytes().await.unwrap().to_vec();
        let files = bundle::unzip(std::io::Cursor::new(zip.clone())).unwrap();
        let expected: BTreeMap<String, Vec<u8>> = shipped_files("igangsaetter-da")
            .into_iter()
            .map(|(path, bytes)| (format!("igangsaetteruddannelse-v1/{path}"), bytes))
            .collect();
        assert_eq!(
            files.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>()
        );
        for (path, bytes) in &expected {
            assert_eq!(
                String::from_utf8_lossy(&files[path]),
                String::from_utf8_lossy(bytes),
                "{path}"
            );
        }

        // Imported back, it becomes draft version 2 of the same course, identical to version 1.
        let imported = import(&app, &trainer, zip.clone()).await;
        assert_eq!(imported.status(), 303);
        assert_eq!(
            location(&imported),
            format!("/authoring/courses/{}?imported=1", shipped.public_id)
        );
        let preview: PublishPreview = json(
            app.call(
                &trainer,
                LoadPublishPreview::PATH,
                &[("course", &shipped.public_id)],
            )
            .await,
        )
        .await;
        assert_eq!((preview.version, preview.replaces), (2, Some(1)));
        assert_eq!(preview.changes, vec![], "nothing was lost or changed");
        assert_eq!(preview.flaws, vec![]);

        // A second import while that draft exists is refused with a reason.
        let refused = import(&app, &trainer, zip.clone()).await;
        assert!(
            location(&refused).starts_with("/authoring?import_error="),
            "{}",
            location(&refused)
        );

        // Under a new short name the same bundle is a new course.
        let mut renamed = bundle::read(files).unwrap();
        renamed.course.slug = "igangsaetteruddannelse-aarhus".into();
        let mut out = std::io::Cursor::new(Vec::new());
        bundle::zip_files("x", &bundle::write(&renamed), &mut out).unwrap();
        let created = import(&app, &trainer, out.into_inner()).await;
        let target = location(&created);
        assert!(target.starts_with("/authoring/courses/"), "{target}");
        let new_id = target
            .trim_start_matches("/authoring/courses/")
            .trim_end_matches("?imported=1");
        let course = editor(&app, &trainer, new_id).await;
        assert_eq!(course.status, CourseStatus::Draft);
        assert_eq!(course.modules.len(), 7);

        // Broken bundles are refused with the reason, and nothing is stored.
        let before = courses::count(&app.db).await.unwrap();
        let broken = import(&app, &trainer, b"not a zip".to_vec()).await;
        assert!(location(&broken).starts_with("/authoring?import_error="));
        let mut bad = std::io::Cursor::new(Vec::new());
        let mut files = BTreeMap::new();
        files.insert(
            "course.md".to_owned(),
            b"---\nslug: \"x\"\ntitle: \"X\"\nlanguage: \"sv\"\n---\n".to_vec(),
        );
        bundle::zip_files("x", &files, &mut bad).unwrap();
        let wrong = import(&app, &trainer, bad.into_inner()).await;
        let reason =
            url::form_urlencoded::parse(location(&wrong).split_once('?').unwrap().1.as_bytes())
                .next()
                .unwrap()
                .1
                .into_owned();
        assert_eq!(reason, "course.md: language cannot be \"sv\"");
        // An image whose name is not its content's hash, and a title too long to store.
        let mut bad_media = renamed.clone();
        bad_media.course.slug = "other".into();
        bad_media.media.insert(
            format!("{}.png", "0".repeat(64)),
            b"\x89PNG\r\n\x1a\n....".to_vec(),
        );
        let mut too_long = renamed.clone();
        too_long.course.slug = "another".into();
        too_long.course.modules[0].title = "x".repeat(300);
        for (bundle, expected) in [
            (bad_media, "media/0000"),
            (too_long, "module 1: a text is too long"),
        ] {
            let mut zip = std::io::Cursor::new(Vec::new());
            bundle::zip_files("x", &bundle::write(&bundle), &mut zip).unwrap();
            let refused = import(&app, &trainer, zip.into_inner()).await;
            let reason = url::form_urlencoded::parse(
                location(&refused).split_once('?').unwrap().1.as_bytes(),
            )
            .next()
            .unwrap()
            .1
            .into_owned();
            assert!(reason.starts_with(expected), "{reason}");
        }
        assert_eq!(courses::count(&app.db).await.unwrap(), before);

        // Only authors may import or export.
        account(&app, "volunteer@x.test", Role::Volunteer).await;
        let volunteer = sign_in(&app, "volunteer@x.test").await;
        assert_eq!(import(&app, &volunteer, zip).await.status(), 403);
        let denied = volunteer
            .get(app.url(&format!("/authoring/courses/{}/export", shipped.public_id)))
            .send()
            .await
            .unwrap();
        assert_eq!(denied.status(), 403);
        app.stop().await;
    }
}

#[tokio::test]
async fn images_are_checked_stored_served_and_exported() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "trainer@x.test", Role::Trainer, None).await;
        let (id, lesson) = small_course(&app, &trainer, "Billeder").await;
        let upload = |bytes: Vec<u8>| {
            let form = reqwest::multipart::Form::new()
                .text("lesson", lesson.to_string())
                .part(
                    "image",
                    reqwest::multipart::Part::bytes(bytes).file_name("x"),
                );
            trainer
                .post(app.url("/authoring/media"))
                .header("origin", &app.base_url)
                .multipart(form)
                .send()
        };
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend_from_slice(&[0u8; 64]);
        let stored = upload(png.clone()).await.unwrap();
        let target = location(&stored);
        let name = target
            .split_once("?image=")
            .map(|(_, n)| n.to_owned())
            .unwrap_or_else(|| panic!("{target}"));
        assert!(target.starts_with(&format!("/authoring/lessons/{lesson}?image=")));
        let served = app
            .client()
            .get(app.url(&format!("/media/{name}")))
            .send()
            .await
            .unwrap();
        assert_eq!(served.status(), 200);
        assert_eq!(served.headers()["content-type"], "image/png");
        assert_eq!(served.bytes().await.unwrap().to_vec(), png);

        let svg = upload(b"<svg onload=alert(1)></svg>".to_vec())
            .await
            .unwrap();
        assert!(
            location(&svg).ends_with("?image_error=type"),
            "{}",
            location(&svg)
        );
        let huge = upload({
            let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
            v.resize(6 * 1024 * 1024, 0);
            v
        })
        .await
        .unwrap();
        assert!(
            location(&huge).ends_with("?image_error=size"),
            "{}",
            location(&huge)
        );
        for path in [
            "/media/../secret.key",
            "/media/secret.key",
            "/media/%2e%2e%2fsecret.key",
        ] {
            let r = app.client().get(app.url(path)).send().await.unwrap();
            assert_eq!(r.status(), 404, "{path}");
        }

        // A lesson that shows the image carries it along in the exported bundle.
        app.call(
            &trainer,
            UpdateLesson::PATH,
            &[
                ("lesson", &lesson.to_string()),
                ("title", "Gensidighed"),
                ("minutes", "12"),
                ("quiz", "on"),
                ("pass_mark", "75"),
                ("body", &format!("![Stolene i rundkreds](/media/{name})")),
            ],
        )
        .await;
        let zip = trainer
            .get(app.url(&format!("/authoring/courses/{id}/export")))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        let files = bundle::unzip(std::io::Cursor::new(zip.to_vec())).unwrap();
        let bundle = bundle::read(files).unwrap();
        assert_eq!(bundle.media.get(&name), Some(&png));
        let page: LessonPage = json(
            app.call(
                &trainer,
                PreviewLesson::PATH,
                &[("lesson", &lesson.to_string())],
            )
            .await,
        )
        .await;
        assert!(
            page.body_html
                .contains(&format!("<img src=\"/media/{name}\"")),
            "{}",
            page.body_html
        );
        app.stop().await;
    }
}

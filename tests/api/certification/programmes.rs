//! Programmes written in the browser as `programme.yaml` text: administrators read and save
//! them; each flaw is named and nothing is saved; the saved requirements are the ones a
//! volunteer is then held to.

use super::{attend, complete_course, schedule};
use app::{
    api::{
        admin::Page,
        certification::{MyCertification, ProgrammeRow, ProgrammeText, SaveProgramme},
    },
    domain::{certification::file::ProgrammeFlaw, role::Role},
    errors::AppError,
    store::certification::DEFAULT_PROGRAMME as DEFAULT_PROGRAMME_SLUG,
};
use chrono::Duration;
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{app_error, json, staff, volunteer},
    spawn_app,
};
use leptos::server_fn::ServerFn;
use reqwest::header::LOCATION;

async fn text_of(app: &TestApp, admin: &reqwest::Client, slug: &str) -> String {
    let loaded: ProgrammeText = json(app.load_programme_text(admin, slug).await).await;
    loaded.text
}

async fn flaws(response: reqwest::Response) -> Vec<ProgrammeFlaw> {
    match app_error(response).await {
        AppError::ProgrammeFlaws(flaws) => flaws,
        other => panic!("expected flaws, got {other:?}"),
    }
}

#[tokio::test]
async fn an_administrator_changes_what_the_shipped_programme_asks() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let admin = staff(&app, "ada@x.test", Role::Admin, None).await;
        let trainer = staff(&app, "tove@x.test", Role::Trainer, None).await;
        let asta = volunteer(&app, "asta@x.test").await;

        let list: Page<ProgrammeRow> = json(app.list_programmes(&admin, 1).await).await;
        assert_eq!(list.items.len(), 1);
        assert_eq!(list.items[0].workshops, 1);
        let text = text_of(&app, &admin, DEFAULT_PROGRAMME_SLUG).await;
        for part in [
            "slug: certificeret-igangsaetter",
            "course: igangsaetteruddannelse",
            "refreshers:",
            "validity_months: 24",
        ] {
            assert!(text.contains(part), "{part:?} in\n{text}");
        }

        // Two workshops from now on: one is no longer enough.
        let changed = text.replace("workshops: 1", "workshops: 2");
        let saved = app
            .save_programme(&admin, DEFAULT_PROGRAMME_SLUG, &changed)
            .await;
        assert_eq!(
            saved.headers()[LOCATION],
            format!("/admin/programmes/{DEFAULT_PROGRAMME_SLUG}?saved=1")
        );
        assert_eq!(text_of(&app, &admin, DEFAULT_PROGRAMME_SLUG).await, changed);

        let workshop = schedule(&app, &trainer, Duration::hours(1), 12).await;
        assert!(complete_course(&app, &asta).await);
        attend(&app, &trainer, &asta, workshop).await;
        let mine: MyCertification = json(app.load_my_certification(&asta).await).await;
        assert!(mine.certificates.is_empty(), "one of two workshops");
        assert_eq!(mine.progress.len(), 1);

        // Trainers and volunteers may neither read nor write programmes.
        for client in [&trainer, &asta] {
            let refused = app
                .save_programme(client, DEFAULT_PROGRAMME_SLUG, &text)
                .await;
            assert_eq!(refused.status(), 403);
            let refused = app
                .load_programme_text(client, DEFAULT_PROGRAMME_SLUG)
                .await;
            assert_eq!(refused.status(), 403);
        }
        assert_eq!(text_of(&app, &admin, DEFAULT_PROGRAMME_SLUG).await, changed);
        app.stop().await;
    }
}

#[tokio::test]
async fn each_flaw_is_named_and_nothing_is_saved() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let admin = staff(&app, "ada@x.test", Role::Admin, None).await;
    let text = text_of(&app, &admin, DEFAULT_PROGRAMME_SLUG).await;
    let cases = [
        (
            text.replace("course: igangsaetteruddannelse", "course: nope"),
            vec![ProgrammeFlaw::UnknownCourse("nope".into())],
        ),
        (
            text.replace("quizzes: []", "quizzes:\n- any_of:\n  - course: igangsaetteruddannelse\n    lesson: ingen-quiz\n  min_percent: 80"),
            vec![ProgrammeFlaw::UnknownQuiz {
                course: "igangsaetteruddannelse".into(),
                lesson: "ingen-quiz".into(),
            }],
        ),
        (
            text.replace("slug: certificeret-igangsaetter", "slug: nyt-navn"),
            vec![ProgrammeFlaw::SlugChanged],
        ),
        (
            text.replace("validity_months: 24", "validity_months: 0"),
            vec![ProgrammeFlaw::BadValidity],
        ),
    ];
    for (changed, expected) in cases {
        assert_ne!(changed, text, "the case changes the text");
        let refused = app
            .save_programme(&admin, DEFAULT_PROGRAMME_SLUG, &changed)
            .await;
        assert_eq!(refused.status(), 422);
        assert_eq!(flaws(refused).await, expected);
    }
    let broken = app
        .save_programme(&admin, DEFAULT_PROGRAMME_SLUG, "slug: [unclosed")
        .await;
    assert!(matches!(
        &flaws(broken).await[..],
        [ProgrammeFlaw::Unreadable { line: Some(_), .. }]
    ));
    // A new programme may not take an existing short name.
    let taken = app.save_programme(&admin, "", &text).await;
    assert_eq!(flaws(taken).await, vec![ProgrammeFlaw::SlugTaken]);
    assert_eq!(text_of(&app, &admin, DEFAULT_PROGRAMME_SLUG).await, text);
    app.stop().await;
}

#[tokio::test]
async fn a_new_programme_is_made_from_its_text_and_a_refused_one_comes_back_to_fix() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let admin = staff(&app, "ada@x.test", Role::Admin, None).await;
    let text = text_of(&app, &admin, DEFAULT_PROGRAMME_SLUG).await;
    let new = text
        .replace(
            "slug: certificeret-igangsaetter",
            "slug: erfaren-igangsaetter",
        )
        .replace(
            "workshops: 1",
            "workshops: 0\nsign_off: Har startet to grupper",
        );

    // Without JavaScript, a refused text comes back in the box with the flaw in words.
    let flawed = new.replace("course: igangsaetteruddannelse", "course: ukendt-kursus");
    let refused = app
        .form_post(
            &admin,
            SaveProgramme::PATH,
            "/admin/programmes",
            &[("original", ""), ("text", &flawed)],
        )
        .await;
    assert_eq!(refused.status(), 422);
    // Text joined from parts is separated by markers for hydration; read it without them.
    let page = refused
        .text()
        .await
        .unwrap()
        .replace("<!-- -->", "")
        .replace("<!>", "");
    assert!(
        page.contains("Der er intet kursus med det korte navn ukendt-kursus."),
        "{page}"
    );
    assert!(
        page.contains("course: ukendt-kursus"),
        "the text typed is kept"
    );

    let saved = app.save_programme(&admin, "", &new).await;
    assert_eq!(
        saved.headers()[LOCATION],
        "/admin/programmes/erfaren-igangsaetter?saved=1"
    );
    let list: Page<ProgrammeRow> = json(app.list_programmes(&admin, 1).await).await;
    let slugs: Vec<&str> = list.items.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, ["certificeret-igangsaetter", "erfaren-igangsaetter"]);
    assert!(list.items[1].sign_off);
    assert_eq!(text_of(&app, &admin, "erfaren-igangsaetter").await, new);

    let page = app
        .page(&admin, "/admin/programmes/erfaren-igangsaetter?saved=1")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Programmet er gemt."));
    assert!(page.contains("sign_off: Har startet to grupper"));
    let missing = app.load_programme_text(&admin, "findes-ikke").await;
    assert_eq!(missing.status(), 404);
    app.stop().await;
}

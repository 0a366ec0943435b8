//! Browser journeys in headless Chromium, driven by Playwright (`e2e/*.mjs`) against the
//! real server serving the built site.

use igang_tests::{
    TestOptions, backends,
    smtp::{SmtpServer, free_port},
    spawn_app,
};
use std::path::PathBuf;
use tokio::process::Command;

/// The site built by `cargo leptos build`; `make test` sets IGANG_TEST_SITE_ROOT.
fn built_site() -> PathBuf {
    let root = std::env::var("IGANG_TEST_SITE_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/site")));
    let has_wasm = std::fs::read_dir(root.join("pkg")).is_ok_and(|files| {
        files
            .flatten()
            .any(|f| f.path().extension().is_some_and(|e| e == "wasm"))
    });
    assert!(
        has_wasm,
        "no built site at {}: run `cargo leptos build` first (`make test` does)",
        root.display()
    );
    root
}

/// The app on SQLite, serving the built site; with `smtp_port` it sends mail to that SMTP
/// server, without it writes mail to a folder.
async fn spawn_with_site(smtp_port: Option<u16>) -> igang_tests::TestApp {
    spawn_app(
        &backends()[0],
        TestOptions {
            site_root: Some(built_site()),
            smtp_port,
            ..Default::default()
        },
    )
    .await
}

/// Runs a Playwright script; async so the in-process server keeps serving meanwhile.
async fn run_journey(script: &str, args: &[&str]) {
    let script_path = format!("{}/e2e/{script}", env!("CARGO_MANIFEST_DIR"));
    let screenshots = format!("{}/../target/screenshots", env!("CARGO_MANIFEST_DIR"));
    let output = Command::new("node")
        .arg(&script_path)
        .args(args)
        .env("SCREENSHOT_DIR", &screenshots)
        .output()
        .await
        .expect("node is installed");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "{script} failed:\n{stdout}\n{stderr}"
    );
}

#[tokio::test]
async fn landing_page_works_with_and_without_javascript() {
    let app = spawn_with_site(None).await;
    run_journey("landing.mjs", &[&app.base_url]).await;
    app.stop().await;
}

#[tokio::test]
async fn a_volunteer_signs_up_confirms_signs_in_and_out_then_exports_and_deletes() {
    let smtp = SmtpServer::start(free_port()).await;
    let app = spawn_with_site(Some(smtp.port)).await;
    let (email, password) = ("freja@frivillig.test", "en rolig tirsdag i haven");
    run_journey("account.mjs", &[&app.base_url, "sign-up", email, password]).await;
    let mail = smtp.wait_for_mail(email, "Bekræft din e-mailadresse").await;
    let link = mail.link("/verify-email?token=");
    run_journey(
        "account.mjs",
        &[&app.base_url, "confirm-and-sign-in", email, password, &link],
    )
    .await;
    run_journey(
        "account.mjs",
        &[&app.base_url, "export-and-delete", email, password],
    )
    .await;
    app.stop().await;
}

#[tokio::test]
async fn a_trainer_enrols_an_authenticator_and_signs_in_with_a_code() {
    use app::domain::role::Role;
    use igang_tests::fixtures::{PASSWORD, account};
    let app = spawn_with_site(None).await;
    let email = "tove@underviser.test";
    account(&app, email, Role::Trainer).await;
    let password = PASSWORD;
    run_journey("two_factor.mjs", &[&app.base_url, email, password]).await;
    app.stop().await;
}

#[tokio::test]
async fn a_trainer_publishes_a_new_course_and_a_volunteer_finds_it() {
    use app::domain::role::Role;
    use igang_tests::fixtures::{PASSWORD, account, enrol_authenticator, sign_in};
    let app = spawn_with_site(None).await;
    let trainer = "tove@underviser.test";
    account(&app, trainer, Role::Trainer).await;
    let secret = enrol_authenticator(&app, &sign_in(&app, trainer).await).await;
    let volunteer = "frida@frivillig.test";
    account(&app, volunteer, Role::Volunteer).await;
    run_journey(
        "authoring.mjs",
        &[&app.base_url, trainer, &secret, volunteer, PASSWORD],
    )
    .await;
    app.stop().await;
}

#[tokio::test]
async fn a_volunteer_completes_the_first_module_and_resumes() {
    use app::{
        domain::role::Role,
        store::{courses, learning},
    };
    use igang_tests::fixtures::{PASSWORD, account, enrol_authenticator, sign_in};
    let app = spawn_with_site(None).await;
    let email = "frida@frivillig.test";
    account(&app, email, Role::Volunteer).await;
    let trainer = "tove@underviser.test";
    let trainer_id = account(&app, trainer, Role::Trainer).await;
    let secret = enrol_authenticator(&app, &sign_in(&app, trainer).await).await;
    // The answer key of the first module's quiz, as input ids.
    let course = courses::find_by_slug(&app.db, "igangsaetteruddannelse")
        .await
        .unwrap()
        .unwrap();
    let tree = courses::load_content(&app.db, course.published_version_id.unwrap())
        .await
        .unwrap();
    learning::add_trainer(&app.db, course.id, trainer_id, chrono::Utc::now())
        .await
        .unwrap();
    let lesson = tree.lessons_of(tree.modules[0].id).last().unwrap().id;
    let (mut right, mut wrong) = (Vec::new(), Vec::new());
    for q in tree.questions_of(lesson) {
        if q.kind.as_str() == "reflection" {
            continue;
        }
        let options = tree.options_of(q.id);
        let input = |o: app::domain::ids::OptionId| format!("q{}-o{o}", q.id);
        right.extend(options.iter().filter(|o| o.correct).map(|o| input(o.id)));
        wrong.push(input(options.iter().find(|o| !o.correct).unwrap().id));
    }
    run_journey(
        "learning.mjs",
        &[
            &app.base_url,
            email,
            PASSWORD,
            &lesson.to_string(),
            &wrong.join(","),
            &right.join(","),
            trainer,
            &secret,
        ],
    )
    .await;
    app.stop().await;
}

#[tokio::test]
async fn a_volunteer_is_certified_and_a_visitor_checks_the_certificate() {
    use app::domain::role::Role;
    use igang_tests::{
        client::WorkshopForm,
        courses::complete_course,
        fixtures::{PASSWORD, account, enrol_authenticator, json, sign_in},
    };
    let app = spawn_with_site(None).await;
    let trainer = "tove@underviser.test";
    account(&app, trainer, Role::Trainer).await;
    let trainer_client = sign_in(&app, trainer).await;
    let secret = enrol_authenticator(&app, &trainer_client).await;
    let volunteer = "frida@frivillig.test";
    account(&app, volunteer, Role::Volunteer).await;
    let frida = sign_in(&app, volunteer).await;
    assert!(complete_course(&app, &frida, "igangsaetteruddannelse").await);
    let starts = chrono::Utc::now() + chrono::Duration::hours(1);
    let at = app::api::dates::local_input;
    let form = WorkshopForm::new(at(starts), at(starts + chrono::Duration::hours(3)), 12);
    let workshop: app::domain::ids::WorkshopId =
        json(app.schedule_workshop(&trainer_client, &form).await).await;
    let _: app::domain::workshops::Placement =
        json(app.sign_up_for_workshop(&frida, workshop).await).await;
    run_journey(
        "certification.mjs",
        &[&app.base_url, trainer, &secret, volunteer, PASSWORD],
    )
    .await;
    app.stop().await;
}

#[tokio::test]
async fn an_administrator_changes_a_programme_in_the_browser() {
    use app::domain::role::Role;
    use igang_tests::fixtures::{PASSWORD, account, enrol_authenticator, sign_in};
    let app = spawn_with_site(None).await;
    let admin = "ada@admin.test";
    account(&app, admin, Role::Admin).await;
    let client = sign_in(&app, admin).await;
    let secret = enrol_authenticator(&app, &client).await;
    run_journey("programmes.mjs", &[&app.base_url, admin, &secret, PASSWORD]).await;
    app.stop().await;
}

#[tokio::test]
async fn a_coordinator_posts_a_group_and_sees_who_may_be_asked() {
    use app::{api::matching::SaveProfile, domain::role::Role, store::certification};
    use igang_tests::fixtures::{
        PASSWORD, account, account_at, centre, enrol_authenticator, sign_in,
    };
    use leptos::server_fn::ServerFn;
    let app = spawn_with_site(None).await;
    let a = centre(&app, "Frivilligcenter Aarhus").await;
    let coordinator = "karen@center.test";
    account_at(&app, coordinator, Role::Coordinator, Some(a.id)).await;
    let client = sign_in(&app, coordinator).await;
    let secret = enrol_authenticator(&app, &client).await;
    let ida = account(&app, "ida@frivillig.test", Role::Volunteer).await;
    let volunteer = sign_in(&app, "ida@frivillig.test").await;
    let profile = [
        ("place", "2617176"),
        ("travel_km", "30"),
        ("capacity", "2"),
        ("available", "on"),
        ("choices[topic-grief]", "on"),
        ("choices[lang-da]", "on"),
        ("choices[slot-tue-evening]", "on"),
    ];
    let saved = app.call(&volunteer, SaveProfile::PATH, &profile).await;
    assert!(saved.status().is_success());
    let programme = certification::all(&app.db).await.unwrap().remove(0);
    certification::recognise(&app.db, &programme, ida, chrono::Utc::now())
        .await
        .unwrap();
    run_journey(
        "groups.mjs",
        &[
            &app.base_url,
            coordinator,
            &secret,
            PASSWORD,
            &a.name,
            "ida@frivillig.test",
        ],
    )
    .await;
    app.stop().await;
}

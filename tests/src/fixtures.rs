//! People, centres, signed-in browsers, authenticator codes and small courses for the tests.

use crate::{TestApp, client::LessonForm};
use app::domain::ids::LessonId;
use app::{
    api::{authoring::CourseEditor, two_factor::TotpSetup},
    domain::{
        email::EmailAddress,
        language::Language,
        role::{CentreKind, Country, Role},
    },
    errors::AppError,
    security::password::hash_password,
    store::{centres, people},
};
use std::sync::OnceLock;
use totp_rs::{Algorithm, Secret, TOTP};

/// The password of every account the fixtures create.
pub const PASSWORD: &str = "en rolig tirsdag i haven";

/// One Argon2 hash of [`PASSWORD`] for all fixtures: hashing is slow on purpose.
pub fn password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| hash_password(PASSWORD).expect("hashing works"))
}

/// A confirmed account with [`PASSWORD`], the volunteer role and `role`; returns its id.
pub async fn account(app: &TestApp, email: &str, role: Role) -> i32 {
    account_at(app, email, role, None).await
}

/// Like [`account`], with `role` scoped to a centre (for coordinators).
pub async fn account_at(app: &TestApp, email: &str, role: Role, centre: Option<i32>) -> i32 {
    let user = people::create_user(
        &app.db,
        people::NewUser {
            email: EmailAddress::parse(email).expect("a valid test address"),
            display_name: email.split('@').next().unwrap_or(email).to_owned(),
            language: Language::Da,
            password_hash: Some(password_hash().to_owned()),
            email_verified: true,
        },
        chrono::Utc::now(),
    )
    .await
    .expect("account created");
    people::grant_role(&app.db, user.id, Role::Volunteer, None)
        .await
        .expect("role");
    people::grant_role(&app.db, user.id, role, centre)
        .await
        .expect("role");
    user.id
}

/// A Danish volunteer centre named `name`.
pub async fn centre(app: &TestApp, name: &str) -> centres::Centre {
    centres::create(
        &app.db,
        centres::NewCentre {
            name: name.into(),
            kind: CentreKind::VolunteerCentre,
            country: Country::Dk,
            municipality: "Aarhus".into(),
            contact_email: EmailAddress::parse("centre@x.test").expect("address"),
        },
        chrono::Utc::now(),
    )
    .await
    .expect("centre created")
}

/// A browser signed in (password step) as `email`.
pub async fn sign_in(app: &TestApp, email: &str) -> reqwest::Client {
    let client = app.client();
    app.log_in(&client, email, PASSWORD).await;
    client
}

/// A volunteer's browser: a new account with [`PASSWORD`], signed in.
pub async fn volunteer(app: &TestApp, email: &str) -> reqwest::Client {
    account(app, email, Role::Volunteer).await;
    sign_in(app, email).await
}

/// Sets up an authenticator in `client`'s session; returns its secret (base32).
pub async fn enrol_authenticator(app: &TestApp, client: &reqwest::Client) -> String {
    let setup: TotpSetup = json(app.begin_totp_enrolment(client).await).await;
    let secret: String = setup.secret.split_whitespace().collect();
    let confirmed = app
        .confirm_totp_enrolment(client, code_at(&secret, 0))
        .await;
    assert!(confirmed.status().is_success(), "enrolment confirmed");
    secret
}

/// A browser signed in as `email`, an account with a staff role, past the second step: the
/// authenticator is set up on the way.
pub async fn sign_in_with_authenticator(app: &TestApp, email: &str) -> reqwest::Client {
    let client = sign_in(app, email).await;
    enrol_authenticator(app, &client).await;
    client
}

/// A staff member's browser: account, sign-in and authenticator, ready for staff work.
pub async fn staff(app: &TestApp, email: &str, role: Role, centre: Option<i32>) -> reqwest::Client {
    account_at(app, email, role, centre).await;
    sign_in_with_authenticator(app, email).await
}

/// The authenticator code for `secret`, `offset_secs` from now.
pub fn code_at(secret: &str, offset_secs: i64) -> String {
    let bytes = Secret::Encoded(secret.split_whitespace().collect())
        .to_bytes()
        .expect("base32 secret");
    let totp =
        TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes, None, String::new()).expect("valid TOTP");
    totp.generate((chrono::Utc::now().timestamp() + offset_secs) as u64)
}

/// Creates a course with one module, one lesson with a quiz of one question; returns its id
/// and the lesson's id.
pub async fn small_course(
    app: &TestApp,
    trainer: &reqwest::Client,
    title: &str,
) -> (String, LessonId) {
    let id: String = json(app.create_course(trainer, title, "da").await).await;
    let _: i32 = json(
        app.add_module(trainer, &id, "Værdierne", "values", "")
            .await,
    )
    .await;
    let editor: CourseEditor = json(app.load_course_editor(trainer, &id).await).await;
    let lesson: LessonId = json(
        app.add_lesson(trainer, editor.modules[0].id, "Gensidighed")
            .await,
    )
    .await;
    let text = LessonForm::new("Gensidighed", "12", "Alle **giver** og får.").quiz("75");
    ok(app.update_lesson(trainer, lesson, text).await).await;
    let question = [
        ("kind", "single_choice"),
        ("prompt", "Hvem giver i en gruppe?"),
        ("options[0][text]", "Alle"),
        ("options[0][correct]", "on"),
        ("options[0][explanation]", "Ja, over tid."),
        ("options[1][text]", "Kun igangsætteren"),
        ("options[1][explanation]", "Nej."),
        ("options[2][text]", ""),
    ];
    let _: i32 = json(app.save_question(trainer, lesson, &question).await).await;
    (id, lesson)
}

/// Publishes the course's draft.
pub async fn publish_draft(app: &TestApp, trainer: &reqwest::Client, course: &str) {
    ok(app.publish(trainer, course, true).await).await;
}

/// Checks that a request succeeded, showing the body when it did not.
pub async fn ok(response: reqwest::Response) {
    let status = response.status();
    if !status.is_success() {
        panic!("{status}: {}", response.text().await.unwrap_or_default());
    }
}

/// The successful JSON answer of a server function.
pub async fn json<T: serde::de::DeserializeOwned>(response: reqwest::Response) -> T {
    let status = response.status();
    let body = response.text().await.expect("body");
    assert!(status.is_success(), "{status}: {body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

/// The typed error a server function answered with.
pub async fn app_error(response: reqwest::Response) -> AppError {
    let body = response.text().await.expect("body");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

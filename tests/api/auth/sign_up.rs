//! Signing up: the confirmation mail and its link, taken addresses, bad input, floods.

use super::{error_of, redirect_of, signed_up_and_confirmed, users};
use app::{
    api::auth::SignUp,
    domain::password_policy::Weakness,
    errors::{AppError, Problem},
};
use igang_tests::{TestOptions, backends, fixtures::PASSWORD, spawn_app, spawn_with_mail};
use leptos::server_fn::ServerFn;

#[tokio::test]
async fn signing_up_mails_a_link_that_confirms_the_address_once() {
    for backend in backends() {
        let (app, smtp) = spawn_with_mail(&backend).await;
        let client = app.client();
        let email = "freja@frivillig.test";
        let response = app
            .sign_up(&client, "Freja Frivillig", email, PASSWORD, "da")
            .await;
        assert_eq!(
            redirect_of(response).await.0,
            "/signup/check-email",
            "{}",
            backend.name()
        );

        // The mail arrives at the SMTP server, in Danish, with a working link.
        let mail = smtp.wait_for_mail(email, "Bekræft din e-mailadresse").await;
        assert!(mail.text.contains("Hej Freja Frivillig"));
        let link = mail.link("/verify-email?token=");
        assert!(link.starts_with(&app.base_url), "{link}");

        // Signing in before confirming is refused, and a new link replaces the first.
        let early = app.log_in(&client, email, PASSWORD).await;
        assert_eq!(error_of(early).await, AppError::EmailNotVerified);
        let mails = smtp.wait_for_mails(email, "Bekræft", 2).await;
        let first_token = mail.token("/verify-email?token=");
        let link = mails[1].link("/verify-email?token=");
        let stale = app.confirm_email(&client, &first_token).await;
        assert_eq!(error_of(stale).await, AppError::LinkInvalid);

        // Opening the link shows a confirmation button; it does not confirm by itself.
        let page = app
            .page(&client, link.strip_prefix(&app.base_url).unwrap())
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("Bekræft adressen"));
        let token = mails[1].token("/verify-email?token=");
        let confirmed = app.confirm_email(&client, &token).await;
        assert_eq!(redirect_of(confirmed).await.0, "/login?verified=1");
        // The link works once.
        let again = app.confirm_email(&client, &token).await;
        assert_eq!(error_of(again).await, AppError::LinkInvalid);
        app.stop().await;
    }
}

#[tokio::test]
async fn signing_up_with_a_taken_address_reveals_nothing() {
    for backend in backends() {
        let (app, smtp) = spawn_with_mail(&backend).await;
        signed_up_and_confirmed(&app, &smtp, "ole@frivillig.test").await;
        let before = users(&app).await;
        let client = app.client();
        let response = app
            .sign_up(
                &client,
                "Someone Else",
                "OLE@frivillig.test",
                PASSWORD,
                "da",
            )
            .await;
        assert_eq!(
            redirect_of(response).await.0,
            "/signup/check-email",
            "same answer as a new address"
        );
        assert_eq!(
            users(&app).await,
            before,
            "{}: no second account",
            backend.name()
        );
        let mail = smtp
            .wait_for_mail("ole@frivillig.test", "allerede en konto")
            .await;
        assert!(mail.link("/forgot-password").starts_with(&app.base_url));
        app.stop().await;
    }
}

/// Name, email, password and language of one sign-up.
type SignUpForm<'a> = [&'a str; 4];

#[tokio::test]
async fn bad_sign_up_input_gets_field_errors_and_stores_nothing() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let client = app.client();
    let (long_name, long_password) = ("å".repeat(121), "x1".repeat(70));
    let too_easy = Problem::PasswordTooEasy(Weakness::CommonPassword);
    let cases: [(SignUpForm, &str, Problem); 8] = [
        ([" ", "a@b.dk", PASSWORD, "da"], "name", Problem::Required),
        (
            [&long_name, "a@b.dk", PASSWORD, "da"],
            "name",
            Problem::TooLong,
        ),
        (
            ["Ann", "ann@", PASSWORD, "da"],
            "email",
            Problem::InvalidEmail,
        ),
        (["Ann", "", PASSWORD, "da"], "email", Problem::Required),
        (
            ["Ann", "a@b.dk", "kort", "da"],
            "password",
            Problem::PasswordTooShort,
        ),
        (
            ["Ann", "a@b.dk", "1qaz2wsx3edc", "da"],
            "password",
            too_easy,
        ),
        (
            ["Ann", "a@b.dk", &long_password, "da"],
            "password",
            Problem::PasswordTooLong,
        ),
        (
            ["Ann", "a@b.dk", PASSWORD, "sv"],
            "language",
            Problem::UnknownLanguage,
        ),
    ];
    for (form, field, problem) in cases {
        let [name, email, password, language] = form;
        let response = app.sign_up(&client, name, email, password, language).await;
        let error = error_of(response).await;
        assert_eq!(
            error.problem_for(field),
            Some(problem),
            "{form:?}: {error:?}"
        );
    }
    // Known weak passwords of 12 characters or more, each with the reason the form shows.
    for (password, weakness) in [
        ("password1234", Weakness::CommonPassword),
        ("Password1234", Weakness::CommonWithChanges),
        ("qwertyuiop12", Weakness::CommonWithChanges),
        ("igangigangigang", Weakness::PersonalDetails),
        ("ann.berg@frivillig.dk1", Weakness::PersonalDetails),
        ("annberg19871987", Weakness::PersonalDetails),
    ] {
        let response = app
            .sign_up(&client, "Ann Berg", "ann.berg@frivillig.dk", password, "da")
            .await;
        assert_eq!(
            error_of(response).await.problem_for("password"),
            Some(Problem::PasswordTooEasy(weakness)),
            "{password}"
        );
    }
    // Several problems at once are all reported.
    let error = error_of(app.sign_up(&client, "", "x", "y", "da").await).await;
    assert!(
        error.problem_for("name").is_some()
            && error.problem_for("email").is_some()
            && error.problem_for("password").is_some()
    );
    // A missing field is a request error, not a crash.
    let missing = app.call(&client, SignUp::PATH, &[("name", "Ann")]).await;
    assert!(missing.status().is_client_error() || missing.status().is_server_error());
    assert_eq!(users(&app).await, 0);
    app.stop().await;
}

#[tokio::test]
async fn one_address_cannot_be_flooded_through_sign_up() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let client = app.client();
    let target = "target@frivillig.test";
    for _ in 0..3 {
        let response = app
            .sign_up(&client, "Someone", target, PASSWORD, "da")
            .await;
        assert_eq!(redirect_of(response).await.0, "/signup/check-email");
    }
    let fourth = app
        .sign_up(&client, "Someone", target, PASSWORD, "da")
        .await;
    assert!(matches!(
        error_of(fourth).await,
        AppError::RateLimited { .. }
    ));
    // Another address is still fine.
    let other = app
        .sign_up(&client, "Someone", "other@frivillig.test", PASSWORD, "da")
        .await;
    assert_eq!(redirect_of(other).await.0, "/signup/check-email");
    app.stop().await;
}

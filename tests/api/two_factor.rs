//! Authenticators: enrolment, the code step at sign-in, recovery codes, and starting over.

use app::{api::two_factor::TotpSetup, domain::role::Role, errors::Problem};
use igang_tests::{
    TestOptions, backends,
    fixtures::{PASSWORD, account, app_error, code_at, json, sign_in},
    spawn_app,
};
use reqwest::header::LOCATION;

#[tokio::test]
async fn a_trainer_enrols_an_authenticator_and_signs_in_with_codes() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let email = "tove@underviser.test";
        account(&app, email, Role::Trainer).await;
        let client = app.client();

        // Staff go straight to enrolment after the password.
        let login = app.log_in(&client, email, PASSWORD).await;
        assert_eq!(
            login.headers()[LOCATION],
            "/account/two-factor",
            "{}",
            backend.name()
        );

        let setup: TotpSetup = json(app.begin_totp_enrolment(&client).await).await;
        assert!(setup.qr_path.starts_with('M') && setup.qr_size > 20);
        let wrong = app.confirm_totp_enrolment(&client, "000000").await;
        assert_eq!(wrong.status(), 422);
        assert_eq!(
            app_error(wrong).await.problem_for("code"),
            Some(Problem::WrongCode)
        );
        let first = code_at(&setup.secret, 0);
        let codes: Vec<String> = json(app.confirm_totp_enrolment(&client, &first).await).await;
        assert_eq!(codes.len(), 10);
        // A second enrolment cannot silently replace the authenticator.
        assert_eq!(app.begin_totp_enrolment(&client).await.status(), 403);

        // A new sign-in now stops halfway and asks for a code.
        let phone = app.client();
        let login = app.log_in(&phone, email, PASSWORD).await;
        assert_eq!(login.headers()[LOCATION], "/login/two-factor?next=/account");
        let halfway = app.page(&phone, "/account").await;
        assert!(
            halfway.status().is_redirection(),
            "halfway signed in sees no account page"
        );

        // The code already used at enrolment does not work again.
        let replay = app
            .verify_second_factor(&phone, &first, Some("/account"))
            .await;
        assert_eq!(
            app_error(replay).await.problem_for("code"),
            Some(Problem::WrongCode)
        );
        let next_code = code_at(&setup.secret, 30);
        let ok = app
            .verify_second_factor(&phone, &next_code, Some("/account"))
            .await;
        assert_eq!(ok.headers()[LOCATION], "/account");
        assert_eq!(app.page(&phone, "/account").await.status(), 200);

        // A recovery code works once, typed loosely.
        let laptop = sign_in(&app, email).await;
        let typed = format!(" {} ", codes[3].to_uppercase());
        let ok = app.verify_second_factor(&laptop, &typed, None).await;
        assert_eq!(ok.headers()[LOCATION], "/account");
        let tablet = sign_in(&app, email).await;
        let again = app.verify_second_factor(&tablet, &codes[3], None).await;
        assert_eq!(
            app_error(again).await.problem_for("code"),
            Some(Problem::WrongCode)
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn volunteers_may_sign_in_without_a_second_factor() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    account(&app, "freja@frivillig.test", Role::Volunteer).await;
    let client = app.client();
    let login = app.log_in(&client, "freja@frivillig.test", PASSWORD).await;
    assert_eq!(login.headers()[LOCATION], "/account");
    // Not halfway: there is no code to give.
    let verify = app.verify_second_factor(&client, "123456", None).await;
    assert_eq!(verify.status(), 403);
    app.stop().await;
}

#[tokio::test]
async fn a_new_phone_means_turning_off_with_the_password_and_enrolling_again() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    account(&app, "tove@underviser.test", Role::Trainer).await;
    let client = sign_in(&app, "tove@underviser.test").await;
    let setup: TotpSetup = json(app.begin_totp_enrolment(&client).await).await;
    let confirmed = app
        .confirm_totp_enrolment(&client, code_at(&setup.secret, 0))
        .await;
    let _: Vec<String> = json(confirmed).await;

    let wrong = app.reset_two_factor(&client, "ikke rigtigt kodeord").await;
    assert_eq!(
        app_error(wrong).await.problem_for("current_password"),
        Some(Problem::WrongPassword)
    );
    let reset = app.reset_two_factor(&client, PASSWORD).await;
    assert_eq!(reset.headers()[LOCATION], "/account/two-factor");
    // A new authenticator can be set up, and the old one's codes are gone with it.
    let fresh: TotpSetup = json(app.begin_totp_enrolment(&client).await).await;
    assert_ne!(fresh.secret, setup.secret);
    app.stop().await;
}

#[tokio::test]
async fn an_authenticator_is_set_up_with_plain_forms_and_the_codes_are_shown_once() {
    use app::api::two_factor::{BeginTotpEnrolment, ConfirmTotpEnrolment};
    use leptos::server_fn::ServerFn;
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    account(&app, "trine@underviser.test", Role::Trainer).await;
    let client = sign_in(&app, "trine@underviser.test").await;
    let setup_page = "/account/two-factor";
    let page = |client: &reqwest::Client| {
        let (app, client) = (&app, client.clone());
        async move { app.page(&client, setup_page).await.text().await.unwrap() }
    };

    // Step one: start. The page comes back with the key.
    assert!(page(&client).await.contains("Kom i gang"));
    let begun = app
        .form_post(&client, BeginTotpEnrolment::PATH, setup_page, &[])
        .await;
    assert_eq!(begun.status(), 302);
    assert_eq!(begun.headers()[LOCATION], setup_page);
    let body = page(&client).await;
    assert!(body.contains("aria-label=\"QR-kode til godkendelsesappen\""));
    let marker = "<code class=\"secret\">";
    let start = body.find(marker).expect("the key") + marker.len();
    let secret = body[start..start + body[start..].find('<').unwrap()].to_owned();
    // The same key on a reload: it is kept (sealed) until confirmed.
    assert!(page(&client).await.contains(&secret));

    // A wrong code: the page again, with the error.
    let wrong = app
        .form_post(
            &client,
            ConfirmTotpEnrolment::PATH,
            setup_page,
            &[("code", "000000")],
        )
        .await;
    assert_eq!(wrong.status(), 422);
    assert!(wrong.text().await.unwrap().contains("Koden passer ikke"));

    // The right code turns it on; the codes are on the next view of the page only.
    let code = code_at(&secret, 0);
    let confirmed = app
        .form_post(
            &client,
            ConfirmTotpEnrolment::PATH,
            setup_page,
            &[("code", &code)],
        )
        .await;
    assert_eq!(confirmed.status(), 302);
    let codes = page(&client).await;
    assert!(codes.contains("Dine gendannelseskoder"));
    assert_eq!(
        codes.matches("<li><code>").count(),
        10,
        "ten recovery codes"
    );
    let again = page(&client).await;
    assert!(!again.contains("Dine gendannelseskoder"), "shown once");
    assert!(again.contains("allerede slået til"));
    app.stop().await;
}

//! Defences against someone who knows (or guessed) a password but not the rest.

use app::{
    api::admin::SetRole,
    domain::role::Role,
    errors::{AppError, Problem},
    store::entities::session,
};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{
        PASSWORD, account_at, app_error, centre, code_at, enrol_authenticator, sign_in, staff,
    },
    spawn_app, spawn_with_mail,
};
use leptos::server_fn::ServerFn;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use sea_orm::{EntityTrait, PaginatorTrait, sea_query::Expr};

/// A trainer's own browser, past both sign-in steps, and a stranger's that has only the
/// password (stuck at the code step).
async fn owner_and_stranger(app: &TestApp) -> (reqwest::Client, reqwest::Client) {
    let owner = staff(app, "tove@x.test", Role::Trainer, None).await;
    let stranger = sign_in(app, "tove@x.test").await;
    (owner, stranger)
}

#[tokio::test]
async fn turning_off_the_authenticator_does_not_complete_a_stranger_s_half_sign_in() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let (owner, stranger) = owner_and_stranger(&app).await;
    let reset = app.reset_two_factor(&owner, PASSWORD).await;
    assert_eq!(reset.headers()[LOCATION], "/account/two-factor");
    let attempt = app.update_profile(&stranger, "Mallory", "da").await;
    assert_eq!(
        app_error(attempt).await,
        AppError::Unauthenticated,
        "the half-signed-in session ended"
    );
    assert_eq!(
        session::Entity::find().count(&app.db).await.unwrap(),
        1,
        "only the owner's session remains"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_burst_of_parallel_guesses_gets_no_more_tries_than_the_limit() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        account_at(&app, "karin@x.test", Role::Volunteer, None).await;
        let shared = &app;
        let guesses = (0..20).map(|n| async move {
            let guess = format!("gæt nummer {n} er forkert");
            let response = shared
                .log_in(&shared.client(), "karin@x.test", &guess)
                .await;
            serde_json::from_str::<AppError>(&response.text().await.unwrap()).unwrap()
        });
        let checked = futures::future::join_all(guesses)
            .await
            .into_iter()
            .filter(|error| *error == AppError::InvalidCredentials)
            .count();
        assert!(
            checked <= 5,
            "{}: {checked} guesses were checked",
            backend.name()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn an_address_change_link_dies_with_a_password_change() {
    let (app, smtp) = spawn_with_mail(&backends()[0]).await;
    account_at(&app, "ole@x.test", Role::Volunteer, None).await;
    let intruder = sign_in(&app, "ole@x.test").await;
    app.request_email_change(&intruder, "mallory@evil.test", PASSWORD)
        .await;
    let token = smtp
        .wait_for_mail("mallory@evil.test", "Bekræft")
        .await
        .token("/confirm-email-change?token=");
    // The owner notices and changes the password.
    let owner = sign_in(&app, "ole@x.test").await;
    app.change_password(&owner, PASSWORD, "et helt nyt langt kodeord")
        .await;
    let late = app.confirm_email_change(&app.client(), &token).await;
    assert_eq!(app_error(late).await, AppError::LinkInvalid);
    app.stop().await;
}

#[tokio::test]
async fn an_invitation_to_an_unconfirmed_account_resets_its_password() {
    let (app, smtp) = spawn_with_mail(&backends()[0]).await;
    let centre = centre(&app, "Centre").await;
    // Someone signs up in the invitee's name first, with a password of their own.
    let mallory_password = "mallorys eget kodeord";
    app.sign_up(
        &app.client(),
        "Sofie",
        "sofie@x.test",
        mallory_password,
        "da",
    )
    .await;
    let admin = staff(&app, "ada@x.test", Role::Admin, None).await;
    app.invite(
        &admin,
        "sofie@x.test",
        "coordinator",
        Some(&centre.public_id),
    )
    .await;
    let token = smtp
        .wait_for_mail("sofie@x.test", "inviteret")
        .await
        .token("/invitation?token=");
    let invitation = app.invitation_page(&app.client(), &token).await;
    let page = invitation.text().await.unwrap();
    assert!(
        page.contains("Vælg dit navn og en adgangskode"),
        "asked for a password like a new person"
    );
    let joined = app
        .accept_invitation(&app.client(), &token, "Sofie Sørensen", PASSWORD)
        .await;
    assert_eq!(joined.headers()[LOCATION], "/login?invited=1");
    let theirs = app
        .log_in(&app.client(), "sofie@x.test", mallory_password)
        .await;
    assert_eq!(
        app_error(theirs).await,
        AppError::InvalidCredentials,
        "the earlier password is gone"
    );
    let hers = app.log_in(&app.client(), "sofie@x.test", PASSWORD).await;
    assert_eq!(hers.headers()[LOCATION], "/account/two-factor");
    app.stop().await;
}

#[tokio::test]
async fn a_half_signed_in_session_cannot_sign_out_the_owner_everywhere() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let (owner, stranger) = owner_and_stranger(&app).await;
    let attempt = app.log_out_everywhere(&stranger).await;
    assert_eq!(app_error(attempt).await, AppError::Unauthenticated);
    assert_eq!(
        app.page(&owner, "/account").await.status(),
        200,
        "the owner stays signed in"
    );
    app.stop().await;
}

#[tokio::test]
async fn the_last_administrator_cannot_delete_their_account() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let ada = staff(&app, "ada@x.test", Role::Admin, None).await;
        let refused = app.delete_account(&ada, PASSWORD, true).await;
        assert_eq!(
            app_error(refused).await,
            AppError::Forbidden,
            "{}",
            backend.name()
        );
        // With a second administrator, the first may go.
        account_at(&app, "bo@x.test", Role::Admin, None).await;
        let gone = app.delete_account(&ada, PASSWORD, true).await;
        assert_eq!(gone.headers()[LOCATION], "/?deleted=1");
        app.stop().await;
    }
}

#[tokio::test]
async fn handing_out_powers_needs_the_password_within_half_an_hour() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let ada = staff(&app, "ada@x.test", Role::Admin, None).await;
        let bo = account_at(&app, "bo@x.test", Role::Volunteer, None).await;
        let bo = app::store::people::find_by_id(&app.db, bo)
            .await
            .unwrap()
            .unwrap()
            .public_id;
        // Just signed in: the password counts.
        let granted = app.set_role(&ada, &bo, "trainer", "true").await;
        assert!(granted.status().is_success(), "{}", backend.name());

        // An hour later, in the same session, it must be given again.
        session::Entity::update_many()
            .col_expr(
                session::Column::ReauthenticatedAt,
                Expr::value(Some(chrono::Utc::now() - chrono::Duration::minutes(31))),
            )
            .exec(&app.db)
            .await
            .unwrap();
        let stale = app.set_role(&ada, &bo, "admin", "true").await;
        assert_eq!(app_error(stale).await, AppError::ConfirmPasswordFirst);
        // Without JavaScript, the page says so and links to giving it again.
        let form = [("user", bo.as_str()), ("role", "admin"), ("grant", "true")];
        let page = app
            .form_post(&ada, SetRole::PATH, "/admin/users", &form)
            .await;
        assert_eq!(page.status(), 403);
        let html = page.text().await.unwrap();
        assert!(
            html.contains("href=\"/account/confirm?next=/admin/users\""),
            "{html}"
        );
        let wrong = app
            .confirm_password_again(&ada, "forkert forkert", "/admin/users")
            .await;
        assert_eq!(
            app_error(wrong).await.problem_for("current_password"),
            Some(Problem::WrongPassword)
        );
        let confirmed = app
            .confirm_password_again(&ada, PASSWORD, "/admin/users")
            .await;
        assert_eq!(confirmed.headers()[LOCATION], "/admin/users");
        let granted = app.set_role(&ada, &bo, "admin", "true").await;
        assert!(granted.status().is_success());
        // Another site's address is never where it goes.
        let elsewhere = app
            .confirm_password_again(&ada, PASSWORD, "//evil.example/")
            .await;
        assert_eq!(elsewhere.headers()[LOCATION], "/");
        app.stop().await;
    }
}

/// The `name=value` part of a response's session cookie.
fn session_cookie(response: &reqwest::Response) -> String {
    let header = response.headers()[SET_COOKIE].to_str().unwrap();
    header.split(';').next().unwrap().to_owned()
}

#[tokio::test]
async fn the_code_step_gives_the_session_a_new_secret() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    account_at(&app, "tove@x.test", Role::Trainer, None).await;
    let first = sign_in(&app, "tove@x.test").await;
    let secret = enrol_authenticator(&app, &first).await;
    // A second sign-in: the cookie it gets, copied before the code step, is worth nothing
    // after it.
    let owner = app.client();
    let half = app.log_in(&owner, "tove@x.test", PASSWORD).await;
    let before = session_cookie(&half);
    let passed = app
        .verify_second_factor(&owner, &code_at(&secret, 30), None)
        .await;
    assert_eq!(passed.headers()[LOCATION], "/account");
    let after = session_cookie(&passed);
    assert_ne!(before, after, "a new session secret with the second factor");
    assert_eq!(app.page(&owner, "/account").await.status(), 200);
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(COOKIE, before.parse().unwrap());
    let copied = reqwest::Client::builder()
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let attempt = app.update_profile(&copied, "Mallory", "da").await;
    assert_eq!(app_error(attempt).await, AppError::Unauthenticated);
    app.stop().await;
}

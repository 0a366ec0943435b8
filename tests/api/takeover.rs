//! Defences against someone who knows (or guessed) a password but not the rest.
use igang_tests::fixtures::{PASSWORD, account_at, app_error, centre, enrol, sign_in};

use app::{
    api::{
        account::{
            ChangePassword, ConfirmEmailChange, DeleteAccount, RequestEmailChange, UpdateProfile,
        },
        admin::{AcceptInvitation, Invite},
        auth::{LogIn, LogOutEverywhere, SignUp},
        two_factor::ResetTwoFactor,
    },
    domain::role::Role,
    errors::AppError,
    store::entities::session,
};
use igang_tests::{
    TestOptions, backends,
    smtp::{SmtpServer, free_port},
    spawn_app,
};
use leptos::server_fn::ServerFn;
use reqwest::header::LOCATION;
use sea_orm::{EntityTrait, PaginatorTrait};

#[tokio::test]
async fn turning_off_the_authenticator_does_not_complete_a_stranger_s_half_sign_in() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    account_at(&app, "tove@x.test", Role::Trainer, None).await;
    let owner = sign_in(&app, "tove@x.test").await;
    enrol(&app, &owner).await;
    // Someone with the password only: stuck at the code step.
    let stranger = sign_in(&app, "tove@x.test").await;
    let reset = app
        .call(
            &owner,
            ResetTwoFactor::PATH,
            &[("current_password", PASSWORD)],
        )
        .await;
    assert_eq!(reset.headers()[LOCATION], "/account/two-factor");
    let attempt = app
        .call(
            &stranger,
            UpdateProfile::PATH,
            &[("name", "Mallory"), ("language", "da")],
        )
        .await;
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
        let mut tasks = tokio::task::JoinSet::new();
        for n in 0..20 {
            let client = app.client();
            let url = app.url(LogIn::PATH);
            let origin = app.base_url.clone();
            tasks.spawn(async move {
                let guess = format!("gæt nummer {n} er forkert");
                let response = client
                    .post(url)
                    .header("origin", origin)
                    .header("accept", "application/json")
                    .form(&[("email", "karin@x.test"), ("password", guess.as_str())])
                    .send()
                    .await
                    .unwrap();
                serde_json::from_str::<AppError>(&response.text().await.unwrap()).unwrap()
            });
        }
        let mut checked = 0;
        while let Some(result) = tasks.join_next().await {
            if result.unwrap() == AppError::InvalidCredentials {
                checked += 1;
            }
        }
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
    let smtp = SmtpServer::start(free_port()).await;
    let app = spawn_app(
        &backends()[0],
        TestOptions {
            smtp_port: Some(smtp.port),
            ..Default::default()
        },
    )
    .await;
    account_at(&app, "ole@x.test", Role::Volunteer, None).await;
    let intruder = sign_in(&app, "ole@x.test").await;
    app.call(
        &intruder,
        RequestEmailChange::PATH,
        &[
            ("new_email", "mallory@evil.test"),
            ("current_password", PASSWORD),
        ],
    )
    .await;
    let mail = smtp.wait_for_mail("mallory@evil.test", "Bekræft").await;
    let token = mail
        .link("/confirm-email-change?token=")
        .split("token=")
        .nth(1)
        .unwrap()
        .to_owned();
    // The owner notices and changes the password.
    let owner = sign_in(&app, "ole@x.test").await;
    app.call(
        &owner,
        ChangePassword::PATH,
        &[
            ("current_password", PASSWORD),
            ("password", "et helt nyt langt kodeord"),
        ],
    )
    .await;
    let late = app
        .call(
            &app.client(),
            ConfirmEmailChange::PATH,
            &[("token", &token)],
        )
        .await;
    assert_eq!(app_error(late).await, AppError::LinkInvalid);
    app.stop().await;
}

#[tokio::test]
async fn an_invitation_to_an_unconfirmed_account_resets_its_password() {
    let smtp = SmtpServer::start(free_port()).await;
    let app = spawn_app(
        &backends()[0],
        TestOptions {
            smtp_port: Some(smtp.port),
            ..Default::default()
        },
    )
    .await;
    let centre = centre(&app, "Centre").await;
    // Someone signs up in the invitee's name first, with a password of their own.
    let mallory_password = "mallorys eget kodeord";
    app.call(
        &app.client(),
        SignUp::PATH,
        &[
            ("name", "Sofie"),
            ("email", "sofie@x.test"),
            ("password", mallory_password),
            ("language", "da"),
        ],
    )
    .await;
    account_at(&app, "ada@x.test", Role::Admin, None).await;
    let admin = sign_in(&app, "ada@x.test").await;
    enrol(&app, &admin).await;
    app.call(
        &admin,
        Invite::PATH,
        &[
            ("email", "sofie@x.test"),
            ("role", "coordinator"),
            ("centre", &centre.public_id),
        ],
    )
    .await;
    let mail = smtp.wait_for_mail("sofie@x.test", "inviteret").await;
    let token = mail
        .link("/invitation?token=")
        .split("token=")
        .nth(1)
        .unwrap()
        .to_owned();
    let page = app
        .page(&app.client(), &format!("/invitation?token={token}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Vælg dit navn og en adgangskode"),
        "asked for a password like a new person"
    );
    let joined = app
        .call(
            &app.client(),
            AcceptInvitation::PATH,
            &[
                ("token", &token),
                ("name", "Sofie Sørensen"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(joined.headers()[LOCATION], "/login?invited=1");
    let theirs = app
        .call(
            &app.client(),
            LogIn::PATH,
            &[("email", "sofie@x.test"), ("password", mallory_password)],
        )
        .await;
    assert_eq!(
        app_error(theirs).await,
        AppError::InvalidCredentials,
        "the earlier password is gone"
    );
    let hers = app
        .call(
            &app.client(),
            LogIn::PATH,
            &[("email", "sofie@x.test"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(hers.headers()[LOCATION], "/account/two-factor");
    app.stop().await;
}

#[tokio::test]
async fn a_half_signed_in_session_cannot_sign_out_the_owner_everywhere() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    account_at(&app, "tove@x.test", Role::Trainer, None).await;
    let owner = sign_in(&app, "tove@x.test").await;
    enrol(&app, &owner).await;
    let stranger = sign_in(&app, "tove@x.test").await;
    let attempt = app.call(&stranger, LogOutEverywhere::PATH, &[]).await;
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
        account_at(&app, "ada@x.test", Role::Admin, None).await;
        let ada = sign_in(&app, "ada@x.test").await;
        enrol(&app, &ada).await;
        let refused = app
            .call(
                &ada,
                DeleteAccount::PATH,
                &[("current_password", PASSWORD), ("confirm", "yes")],
            )
            .await;
        assert_eq!(
            app_error(refused).await,
            AppError::Forbidden,
            "{}",
            backend.name()
        );
        // With a second administrator, the first may go.
        account_at(&app, "bo@x.test", Role::Admin, None).await;
        let gone = app
            .call(
                &ada,
                DeleteAccount::PATH,
                &[("current_password", PASSWORD), ("confirm", "yes")],
            )
            .await;
        assert_eq!(gone.headers()[LOCATION], "/?deleted=1");
        app.stop().await;
    }
}

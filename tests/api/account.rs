use app::{
    api::account::{
        ChangePassword, ConfirmEmailChange, DeleteAccount, RequestEmailChange, UpdateProfile,
    },
    domain::role::Role,
    errors::{AppError, Problem},
    store::entities::{audit_event, session, user},
};
use igang_tests::fixtures::{PASSWORD, account, app_error, sign_in};
use igang_tests::{
    TestOptions, backends,
    smtp::{SmtpServer, free_port},
    spawn_app,
};
use leptos::server_fn::ServerFn;
use reqwest::header::LOCATION;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

#[tokio::test]
async fn profile_changes_and_the_language_follows_the_person() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        account(&app, "ole@frivillig.test", Role::Volunteer).await;
        let client = sign_in(&app, "ole@frivillig.test").await;
        let saved = app
            .call(
                &client,
                UpdateProfile::PATH,
                &[("name", "Ole Nordmann"), ("language", "nb")],
            )
            .await;
        assert_eq!(
            saved.headers()[LOCATION],
            "/account?saved=profile",
            "{}",
            backend.name()
        );
        // The account's language now wins over the browser's.
        let page = client
            .get(app.url("/account"))
            .header("accept", "text/html")
            .header("accept-language", "en")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            page.contains("<html lang=\"nb\""),
            "account language applies"
        );
        assert!(page.contains("Ole Nordmann"));
        let bad = app
            .call(
                &client,
                UpdateProfile::PATH,
                &[("name", ""), ("language", "xx")],
            )
            .await;
        let bad = app_error(bad).await;
        assert_eq!(bad.problem_for("name"), Some(Problem::Required));
        assert_eq!(bad.problem_for("language"), Some(Problem::UnknownLanguage));
        // Visitors cannot change anything.
        let anonymous = app
            .call(
                &app.client(),
                UpdateProfile::PATH,
                &[("name", "X"), ("language", "da")],
            )
            .await;
        assert_eq!(app_error(anonymous).await, AppError::Unauthenticated);
        app.stop().await;
    }
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    account(&app, "ole@frivillig.test", Role::Volunteer).await;
    let laptop = sign_in(&app, "ole@frivillig.test").await;
    let phone = sign_in(&app, "ole@frivillig.test").await;
    let wrong = app
        .call(
            &laptop,
            ChangePassword::PATH,
            &[
                ("current_password", "ikke det rigtige kodeord"),
                ("password", "et nyt og langt kodeord"),
            ],
        )
        .await;
    assert_eq!(
        app_error(wrong).await.problem_for("current_password"),
        Some(Problem::WrongPassword)
    );
    let weak = app
        .call(
            &laptop,
            ChangePassword::PATH,
            &[("current_password", PASSWORD), ("password", "kort")],
        )
        .await;
    assert_eq!(
        app_error(weak).await.problem_for("password"),
        Some(Problem::PasswordTooShort)
    );
    let ok = app
        .call(
            &laptop,
            ChangePassword::PATH,
            &[
                ("current_password", PASSWORD),
                ("password", "et nyt og langt kodeord"),
            ],
        )
        .await;
    assert_eq!(ok.headers()[LOCATION], "/account?saved=password");
    assert_eq!(
        app.page(&laptop, "/account").await.status(),
        200,
        "this session stays"
    );
    assert!(
        app.page(&phone, "/account").await.status().is_redirection(),
        "the other ends"
    );
    assert_eq!(session::Entity::find().count(&app.db).await.unwrap(), 1);
    app.stop().await;
}

#[tokio::test]
async fn the_address_moves_only_after_the_new_mailbox_confirms() {
    let smtp = SmtpServer::start(free_port()).await;
    let app = spawn_app(
        &backends()[0],
        TestOptions {
            smtp_port: Some(smtp.port),
            ..Default::default()
        },
    )
    .await;
    let id = account(&app, "ole@frivillig.test", Role::Volunteer).await;
    account(&app, "taken@frivillig.test", Role::Volunteer).await;
    let client = sign_in(&app, "ole@frivillig.test").await;

    let asked = app
        .call(
            &client,
            RequestEmailChange::PATH,
            &[
                ("new_email", "ole@nyt.test"),
                ("current_password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(asked.headers()[LOCATION], "/account?saved=email-sent");
    let still = user::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        still.email, "ole@frivillig.test",
        "nothing moves before confirmation"
    );
    let mail = smtp.wait_for_mail("ole@nyt.test", "Bekræft").await;
    let token = mail
        .link("/confirm-email-change?token=")
        .split("token=")
        .nth(1)
        .unwrap()
        .to_owned();
    let moved = app
        .call(&client, ConfirmEmailChange::PATH, &[("token", &token)])
        .await;
    assert_eq!(moved.headers()[LOCATION], "/account?saved=email");
    let now = user::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(now.email, "ole@nyt.test");
    let replay = app
        .call(&client, ConfirmEmailChange::PATH, &[("token", &token)])
        .await;
    assert_eq!(app_error(replay).await, AppError::LinkInvalid);

    // Someone else's address: same answer, no mail, nothing changes.
    let taken = app
        .call(
            &client,
            RequestEmailChange::PATH,
            &[
                ("new_email", "taken@frivillig.test"),
                ("current_password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(taken.headers()[LOCATION], "/account?saved=email-sent");
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(
        smtp.received()
            .iter()
            .all(|m| !m.to.contains(&"taken@frivillig.test".to_owned()))
    );
    app.stop().await;
}

#[tokio::test]
async fn deleting_the_account_needs_password_and_confirmation_and_keeps_the_audit_trail() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let id = account(&app, "ole@frivillig.test", Role::Volunteer).await;
        let client = sign_in(&app, "ole@frivillig.test").await;
        let unconfirmed = app
            .call(
                &client,
                DeleteAccount::PATH,
                &[("current_password", PASSWORD)],
            )
            .await;
        assert_eq!(
            app_error(unconfirmed).await.problem_for("confirm"),
            Some(Problem::MustConfirm)
        );
        let wrong = app
            .call(
                &client,
                DeleteAccount::PATH,
                &[("current_password", "forkert forkert"), ("confirm", "yes")],
            )
            .await;
        assert_eq!(
            app_error(wrong).await.problem_for("current_password"),
            Some(Problem::WrongPassword)
        );
        assert!(
            user::Entity::find_by_id(id)
                .one(&app.db)
                .await
                .unwrap()
                .is_some(),
            "{}",
            backend.name()
        );

        let deleted = app
            .call(
                &client,
                DeleteAccount::PATH,
                &[("current_password", PASSWORD), ("confirm", "yes")],
            )
            .await;
        assert_eq!(deleted.headers()[LOCATION], "/?deleted=1");
        assert!(
            user::Entity::find_by_id(id)
                .one(&app.db)
                .await
                .unwrap()
                .is_none()
        );
        assert_eq!(session::Entity::find().count(&app.db).await.unwrap(), 0);
        let trail = audit_event::Entity::find()
            .filter(audit_event::Column::Event.eq("account_deleted"))
            .one(&app.db)
            .await
            .unwrap()
            .expect("the deletion is recorded");
        assert_eq!(trail.subject_id, None, "no trace of who it was");
        app.stop().await;
    }
}

//! The signed-in person's own account: profile, password, address and deletion.

use app::{
    domain::role::Role,
    errors::{AppError, Problem},
    store::entities::{audit_event, session, user},
};
use igang_tests::{
    TestApp, TestOptions, backends, body_of,
    fixtures::{PASSWORD, account, app_error, sign_in, volunteer},
    spawn_app, spawn_with_mail,
};
use reqwest::header::{ACCEPT_LANGUAGE, LOCATION};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

/// The account with `id`, if it still exists.
async fn user_by_id(app: &TestApp, id: i32) -> Option<user::Model> {
    user::Entity::find_by_id(id).one(&app.db).await.unwrap()
}

#[tokio::test]
async fn profile_changes_and_the_language_follows_the_person() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let client = volunteer(&app, "ole@frivillig.test").await;
        let saved = app.update_profile(&client, "Ole Nordmann", "nb").await;
        assert_eq!(
            saved.headers()[LOCATION],
            "/account?saved=profile",
            "{}",
            backend.name()
        );
        // The account's language now wins over the browser's.
        let english_browser = client
            .get(app.url("/account"))
            .header("accept", "text/html")
            .header(ACCEPT_LANGUAGE, "en");
        let page = body_of(english_browser).await;
        assert!(
            page.contains("<html lang=\"nb\""),
            "account language applies"
        );
        assert!(page.contains("Ole Nordmann"));
        let bad = app_error(app.update_profile(&client, "", "xx").await).await;
        assert_eq!(bad.problem_for("name"), Some(Problem::Required));
        assert_eq!(bad.problem_for("language"), Some(Problem::UnknownLanguage));
        // Visitors cannot change anything.
        let anonymous = app.update_profile(&app.client(), "X", "da").await;
        assert_eq!(app_error(anonymous).await, AppError::Unauthenticated);
        app.stop().await;
    }
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let laptop = volunteer(&app, "ole@frivillig.test").await;
    let phone = sign_in(&app, "ole@frivillig.test").await;
    let new_password = "et nyt og langt kodeord";
    let wrong = app
        .change_password(&laptop, "ikke det rigtige kodeord", new_password)
        .await;
    assert_eq!(
        app_error(wrong).await.problem_for("current_password"),
        Some(Problem::WrongPassword)
    );
    let weak = app.change_password(&laptop, PASSWORD, "kort").await;
    assert_eq!(
        app_error(weak).await.problem_for("password"),
        Some(Problem::PasswordTooShort)
    );
    let ok = app.change_password(&laptop, PASSWORD, new_password).await;
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
    let (app, smtp) = spawn_with_mail(&backends()[0]).await;
    let id = account(&app, "ole@frivillig.test", Role::Volunteer).await;
    account(&app, "taken@frivillig.test", Role::Volunteer).await;
    let client = sign_in(&app, "ole@frivillig.test").await;

    let asked = app
        .request_email_change(&client, "ole@nyt.test", PASSWORD)
        .await;
    assert_eq!(asked.headers()[LOCATION], "/account?saved=email-sent");
    let still = user_by_id(&app, id).await.unwrap();
    assert_eq!(
        still.email, "ole@frivillig.test",
        "nothing moves before confirmation"
    );
    let token = smtp
        .wait_for_mail("ole@nyt.test", "Bekræft")
        .await
        .token("/confirm-email-change?token=");
    let moved = app.confirm_email_change(&client, &token).await;
    assert_eq!(moved.headers()[LOCATION], "/account?saved=email");
    let now = user_by_id(&app, id).await.unwrap();
    assert_eq!(now.email, "ole@nyt.test");
    // The old address is told where the account went, without the whole new address.
    let told = smtp
        .wait_for_mail("ole@frivillig.test", "e-mailadresse er ændret")
        .await;
    assert!(told.text.contains("o…@nyt.test"), "{}", told.text);
    assert!(!told.text.contains("ole@nyt.test"));
    let replay = app.confirm_email_change(&client, &token).await;
    assert_eq!(app_error(replay).await, AppError::LinkInvalid);

    // Someone else's address: same answer, no mail, nothing changes.
    let taken = app
        .request_email_change(&client, "taken@frivillig.test", PASSWORD)
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
        let unconfirmed = app.delete_account(&client, PASSWORD, false).await;
        assert_eq!(
            app_error(unconfirmed).await.problem_for("confirm"),
            Some(Problem::MustConfirm)
        );
        let wrong = app.delete_account(&client, "forkert forkert", true).await;
        assert_eq!(
            app_error(wrong).await.problem_for("current_password"),
            Some(Problem::WrongPassword)
        );
        assert!(user_by_id(&app, id).await.is_some(), "{}", backend.name());

        let deleted = app.delete_account(&client, PASSWORD, true).await;
        assert_eq!(deleted.headers()[LOCATION], "/?deleted=1");
        let emptied = user_by_id(&app, id)
            .await
            .expect("the row stays for the figures");
        assert!(emptied.deleted_at.is_some());
        assert_ne!(emptied.email, "ole@frivillig.test");
        assert_eq!(session::Entity::find().count(&app.db).await.unwrap(), 0);
        let trail = audit_event::Entity::find()
            .filter(audit_event::Column::Event.eq("account_deleted"))
            .one(&app.db)
            .await
            .unwrap()
            .expect("the deletion is recorded");
        assert_eq!(
            trail.subject_id,
            Some(id),
            "the event names the emptied account, which holds nothing about who it was"
        );
        app.stop().await;
    }
}

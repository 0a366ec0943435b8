//! Sessions: the cookie, signing out here or everywhere, timeouts, and staff without an
//! authenticator.

use super::{error_of, redirect_of, signed_in, signed_up_and_confirmed};
use app::{domain::role::Role, errors::AppError, store::entities::session};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{PASSWORD, account, sign_in},
    spawn_app, spawn_with_mail,
};
use reqwest::{StatusCode, header::SET_COOKIE};
use sea_orm::{EntityTrait, PaginatorTrait, sea_query::Expr};

async fn sessions(app: &TestApp) -> u64 {
    session::Entity::find().count(&app.db).await.unwrap()
}

/// Whether `client` is sent away from the account page (to sign in).
async fn signed_out(app: &TestApp, client: &reqwest::Client) -> bool {
    app.page(client, "/account").await.status().is_redirection()
}

#[tokio::test]
async fn signing_in_sets_a_safe_cookie_and_signing_out_ends_the_session() {
    for backend in backends() {
        let (app, smtp) = spawn_with_mail(&backend).await;
        signed_up_and_confirmed(&app, &smtp, "freja@frivillig.test").await;
        let client = app.client();
        // The address is matched whatever its capitals.
        let login = app.log_in(&client, "Freja@Frivillig.test", PASSWORD).await;
        let (target, headers) = redirect_of(login).await;
        assert_eq!(target, "/account", "{}", backend.name());
        let cookie = headers[SET_COOKIE].to_str().unwrap().to_owned();
        assert!(cookie.starts_with("igang_session="), "{cookie}");
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
        assert!(!cookie.contains("Secure"), "plain http");

        let account = app.page(&client, "/account").await;
        assert_eq!(account.status(), StatusCode::OK);
        let body = account.text().await.unwrap();
        assert!(
            body.contains("Freja Frivillig") && body.contains("Frivillig"),
            "{body}"
        );

        let out = app.log_out(&client).await;
        let (target, headers) = redirect_of(out).await;
        assert_eq!(target, "/");
        assert!(headers[SET_COOKIE].to_str().unwrap().contains("Max-Age=0"));
        assert_eq!(sessions(&app).await, 0);
        let account = app.page(&client, "/account").await;
        assert_eq!(redirect_of(account).await.0, "/login?next=/account");
        app.stop().await;
    }
}

#[tokio::test]
async fn signing_out_everywhere_ends_other_devices_too() {
    let (app, smtp) = spawn_with_mail(&backends()[0]).await;
    let email = "lars@frivillig.test";
    signed_up_and_confirmed(&app, &smtp, email).await;
    let (phone, laptop) = (app.client(), app.client());
    for client in [&phone, &laptop] {
        signed_in(&app, client, email, PASSWORD).await;
    }
    assert_eq!(sessions(&app).await, 2);
    let out = app.log_out_everywhere(&phone).await;
    assert_eq!(redirect_of(out).await.0, "/login?signed_out=1");
    assert_eq!(sessions(&app).await, 0);
    assert!(signed_out(&app, &laptop).await);
    // Without a session there is nothing to end.
    let anonymous = app.log_out_everywhere(&app.client()).await;
    assert_eq!(error_of(anonymous).await, AppError::Unauthenticated);
    app.stop().await;
}

#[tokio::test]
async fn a_planted_session_cookie_is_replaced_at_sign_in() {
    let (app, smtp) = spawn_with_mail(&backends()[0]).await;
    let email = "birgit@frivillig.test";
    signed_up_and_confirmed(&app, &smtp, email).await;
    let client = app.client();
    let first = app.log_in(&client, email, PASSWORD).await;
    let first_cookie = first.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    let second = app.log_in(&client, email, PASSWORD).await;
    let second_cookie = second.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    assert_ne!(
        first_cookie, second_cookie,
        "a new session id at each sign-in"
    );
    assert_eq!(sessions(&app).await, 1, "the old session was ended");
    app.stop().await;
}

#[tokio::test]
async fn idle_and_expired_sessions_end() {
    let (app, smtp) = spawn_with_mail(&backends()[0]).await;
    let email = "ib@frivillig.test";
    signed_up_and_confirmed(&app, &smtp, email).await;
    let client = app.client();
    signed_in(&app, &client, email, PASSWORD).await;
    assert_eq!(app.page(&client, "/account").await.status(), StatusCode::OK);
    // Five hours without a request: past the idle timeout.
    session::Entity::update_many()
        .col_expr(
            session::Column::LastSeenAt,
            Expr::value(chrono::Utc::now() - chrono::Duration::hours(5)),
        )
        .exec(&app.db)
        .await
        .unwrap();
    assert!(signed_out(&app, &client).await);
    assert_eq!(sessions(&app).await, 0, "the idle session was removed");

    signed_in(&app, &client, email, PASSWORD).await;
    session::Entity::update_many()
        .col_expr(
            session::Column::ExpiresAt,
            Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)),
        )
        .exec(&app.db)
        .await
        .unwrap();
    assert!(
        signed_out(&app, &client).await,
        "past the absolute lifetime"
    );
    app.stop().await;
}

#[tokio::test]
async fn staff_without_an_authenticator_are_sent_to_set_one_up() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    account(&app, "ada@igang.test", Role::Admin).await;
    let client = sign_in(&app, "ada@igang.test").await;
    for page in ["/admin", "/admin/users", "/admin/audit"] {
        let response = app.page(&client, page).await;
        assert_eq!(
            redirect_of(response).await.0,
            "/account/two-factor",
            "{page}"
        );
    }
    app.stop().await;
}

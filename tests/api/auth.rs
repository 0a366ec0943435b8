//! Accounts over HTTP: signing up and confirming the address, passwords and their reset,
//! signing in and out, and sessions.

mod passwords;
mod sessions;
mod sign_up;

use app::{errors::AppError, store::entities::user};
use igang_tests::{TestApp, fixtures::PASSWORD, smtp::SmtpServer};
use reqwest::{StatusCode, header::LOCATION};
use sea_orm::{EntityTrait, PaginatorTrait};

/// The error of a refused request (which must have a client or server error status).
async fn error_of(response: reqwest::Response) -> AppError {
    let status = response.status();
    let body = response.text().await.unwrap();
    assert!(
        status.is_server_error() || status.is_client_error(),
        "{status}: {body}"
    );
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

/// Where a page request or a server function sends the browser next.
///
/// Pages answer with a 3xx status; server functions called by the page's script answer 200
/// with `Location` and `serverfnredirect`, which the script follows.
async fn redirect_of(response: reqwest::Response) -> (String, reqwest::header::HeaderMap) {
    let status = response.status();
    let server_fn = status == StatusCode::OK && response.headers().contains_key("serverfnredirect");
    let headers = response.headers().clone();
    if !(status.is_redirection() || server_fn) {
        let body = response.text().await.unwrap_or_default();
        panic!(
            "expected a redirect, got {status}: {}",
            &body[..body.len().min(600)]
        );
    }
    (headers[LOCATION].to_str().unwrap().to_owned(), headers)
}

/// Signs `client` in as `email` and checks that it lands on the account page.
async fn signed_in(app: &TestApp, client: &reqwest::Client, email: &str, password: &str) {
    let login = app.log_in(client, email, password).await;
    assert_eq!(redirect_of(login).await.0, "/account", "{email}");
}

async fn users(app: &TestApp) -> u64 {
    user::Entity::find().count(&app.db).await.unwrap()
}

/// Signs up as "Freja Frivillig" and confirms through the mailed link.
async fn signed_up_and_confirmed(app: &TestApp, smtp: &SmtpServer, email: &str) {
    let client = app.client();
    let response = app
        .sign_up(&client, "Freja Frivillig", email, PASSWORD, "da")
        .await;
    assert_eq!(redirect_of(response).await.0, "/signup/check-email");
    let token = smtp
        .wait_for_mail(email, "Bekræft")
        .await
        .token("/verify-email?token=");
    let confirmed = app.confirm_email(&client, &token).await;
    assert_eq!(redirect_of(confirmed).await.0, "/login?verified=1");
}

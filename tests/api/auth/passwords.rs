//! Passwords: vague refusals, rate limits, and resetting a forgotten one.

use super::{error_of, redirect_of, signed_in, signed_up_and_confirmed};
use app::{
    domain::password_policy::Weakness,
    errors::{AppError, Problem},
    store::entities::one_time_token,
};
use igang_tests::{TestOptions, backends, fixtures::PASSWORD, spawn_app, spawn_with_mail};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use std::net::Ipv4Addr;

#[tokio::test]
async fn wrong_passwords_are_vague_and_rate_limited() {
    for backend in backends() {
        let (app, smtp) = spawn_with_mail(&backend).await;
        let email = "karin@frivillig.test";
        signed_up_and_confirmed(&app, &smtp, email).await;
        let client = app.client();
        let unknown = app.log_in(&client, "nobody@frivillig.test", PASSWORD).await;
        assert_eq!(error_of(unknown).await, AppError::InvalidCredentials);
        for _ in 0..5 {
            let wrong = app.log_in(&client, email, "forkert forkert forkert").await;
            assert_eq!(error_of(wrong).await, AppError::InvalidCredentials);
        }
        // Locked for a while, even with the right password.
        let locked = app.log_in(&client, email, PASSWORD).await;
        match error_of(locked).await {
            AppError::RateLimited { minutes } => assert!((1..=15).contains(&minutes), "{minutes}"),
            other => panic!("{}: expected a rate limit, got {other:?}", backend.name()),
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn a_stranger_guessing_locks_out_only_their_own_address() {
    for backend in backends() {
        let (app, smtp) = spawn_with_mail(&backend).await;
        let email = "signe@frivillig.test";
        signed_up_and_confirmed(&app, &smtp, email).await;
        let stranger = app.client_from(Ipv4Addr::new(127, 0, 0, 2));
        for _ in 0..5 {
            let wrong = app
                .log_in(&stranger, email, "forkert forkert forkert")
                .await;
            assert_eq!(error_of(wrong).await, AppError::InvalidCredentials);
        }
        let locked = app.log_in(&stranger, email, PASSWORD).await;
        assert_eq!(locked.status(), StatusCode::TOO_MANY_REQUESTS);

        // The owner, elsewhere, signs in as usual.
        let owner = app.client();
        signed_in(&app, &owner, email, PASSWORD).await;

        // Guessing spread over many addresses meets the account's own limit: 100 tries an
        // hour from all of them together (six are counted already: five wrong, one right).
        let mut left = 100 - 6;
        for host in 3.. {
            if left == 0 {
                break;
            }
            let client = app.client_from(Ipv4Addr::new(127, 0, 0, host));
            for _ in 0..left.min(5) {
                let wrong = app.log_in(&client, email, "forkert forkert forkert").await;
                assert_eq!(
                    wrong.status(),
                    StatusCode::UNAUTHORIZED,
                    "{}",
                    backend.name()
                );
                left -= 1;
            }
        }
        let fresh = app.client_from(Ipv4Addr::new(127, 0, 0, 99));
        let over = app.log_in(&fresh, email, "forkert forkert forkert").await;
        assert_eq!(over.status(), StatusCode::TOO_MANY_REQUESTS);
        // Even now the owner's own browser, which signed in before, gets in.
        signed_in(&app, &owner, email, PASSWORD).await;
        app.stop().await;
    }
}

#[tokio::test]
async fn errors_carry_fitting_statuses() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let client = app.client();
    let invalid = app.sign_up(&client, "", "x", "y", "da").await;
    assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let nobody = "nobody@frivillig.test";
    let wrong = app.log_in(&client, nobody, PASSWORD).await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    for _ in 0..4 {
        app.log_in(&client, nobody, PASSWORD).await;
    }
    let limited = app.log_in(&client, nobody, PASSWORD).await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((60..=900).contains(&retry_after), "{retry_after}");
    app.stop().await;
}

#[tokio::test]
async fn password_reset_ends_every_session_and_works_once() {
    for backend in backends() {
        let (app, smtp) = spawn_with_mail(&backend).await;
        let email = "mette@frivillig.test";
        signed_up_and_confirmed(&app, &smtp, email).await;
        let phone = app.client();
        signed_in(&app, &phone, email, PASSWORD).await;

        // Unknown addresses get the same answer and no mail.
        let unknown = app
            .request_password_reset(&app.client(), "nobody@frivillig.test")
            .await;
        assert_eq!(redirect_of(unknown).await.0, "/forgot-password/sent");

        let laptop = app.client();
        let asked = app.request_password_reset(&laptop, email).await;
        assert_eq!(redirect_of(asked).await.0, "/forgot-password/sent");
        let token = smtp
            .wait_for_mail(email, "ny adgangskode")
            .await
            .token("/reset-password?token=");

        // A weak password is refused and the link stays usable.
        let weak = app.reset_password(&laptop, &token, "123qweasdzxc").await;
        assert_eq!(
            error_of(weak).await.problem_for("password"),
            Some(Problem::PasswordTooEasy(Weakness::CommonPassword))
        );

        let new_password = "et nyt og langt kodeord";
        let reset = app.reset_password(&laptop, &token, new_password).await;
        assert_eq!(redirect_of(reset).await.0, "/login?reset=1");
        let replay = app
            .reset_password(&laptop, &token, "endnu et nyt kodeord")
            .await;
        assert_eq!(error_of(replay).await, AppError::LinkInvalid);

        // The phone's session is gone; the old password no longer works; the new one does.
        let account = app.page(&phone, "/account").await;
        assert!(
            account.status().is_redirection(),
            "{}: session survived the reset",
            backend.name()
        );
        let old = app.log_in(&laptop, email, PASSWORD).await;
        assert_eq!(error_of(old).await, AppError::InvalidCredentials);
        signed_in(&app, &laptop, email, new_password).await;
        smtp.wait_for_mail(email, "ændret").await;
        app.stop().await;
    }
}

#[tokio::test]
async fn expired_reset_links_are_refused() {
    let (app, smtp) = spawn_with_mail(&backends()[0]).await;
    let email = "aage@frivillig.test";
    signed_up_and_confirmed(&app, &smtp, email).await;
    let client = app.client();
    app.request_password_reset(&client, email).await;
    let token = smtp
        .wait_for_mail(email, "ny adgangskode")
        .await
        .token("/reset-password?token=");
    one_time_token::Entity::update_many()
        .col_expr(
            one_time_token::Column::ExpiresAt,
            Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)),
        )
        .filter(one_time_token::Column::Purpose.eq("reset_password"))
        .exec(&app.db)
        .await
        .unwrap();
    let new_password = "et nyt og langt kodeord";
    let late = app.reset_password(&client, &token, new_password).await;
    assert_eq!(error_of(late).await, AppError::LinkInvalid);
    let forged = app
        .reset_password(&client, "not-a-token", new_password)
        .await;
    assert_eq!(error_of(forged).await, AppError::LinkInvalid);
    app.stop().await;
}

//! Two application servers on one database, as behind a load balancer: sessions, sign-out,
//! rate limits, matching and mail hold across both.

use crate::matching::requests::{answer, ask, exactly_one_accepted, inbox, person, two_candidates};
use app::{
    domain::{email::EmailAddress, language::Language},
    errors::AppError,
    mail::{self, Template},
};
use igang_tests::{
    TestOptions, backends,
    fixtures::{PASSWORD, app_error, sign_in, volunteer},
    smtp::SmtpServer,
    spawn_app, spawn_with_mail,
};
use reqwest::{StatusCode, header::LOCATION};
use std::time::Duration;

#[tokio::test]
async fn a_session_started_on_one_server_goes_on_and_ends_on_the_other() {
    for backend in backends() {
        let one = spawn_app(&backend, TestOptions::default()).await;
        let two = one.second_server(TestOptions::default()).await;
        let browser = volunteer(&one, "vida@x.test").await;
        // The cookie names the site, not the server: the other one knows the session.
        assert_eq!(
            two.page(&browser, "/account").await.status(),
            200,
            "{}",
            backend.name()
        );
        let saved = two.update_profile(&browser, "Vida V.", "da").await;
        assert_eq!(saved.headers()[LOCATION], "/account?saved=profile");
        // Signing out on the second ends it on the first as well.
        two.log_out(&browser).await;
        let after = one.page(&browser, "/account").await;
        assert_eq!(after.status(), 302);
        assert_eq!(after.headers()[LOCATION], "/login?next=/account");
        two.stop().await;
        one.stop().await;
    }
}

#[tokio::test]
async fn wrong_passwords_count_across_both_servers() {
    for backend in backends() {
        let one = spawn_app(&backend, TestOptions::default()).await;
        let two = one.second_server(TestOptions::default()).await;
        volunteer(&one, "vera@x.test").await;
        let client = one.client();
        for n in 0..5 {
            let server = if n % 2 == 0 { &one } else { &two };
            let wrong = server
                .log_in(&client, "vera@x.test", "forkert forkert")
                .await;
            assert_eq!(
                wrong.status(),
                StatusCode::UNAUTHORIZED,
                "{}",
                backend.name()
            );
        }
        for server in [&one, &two] {
            let locked = server.log_in(&client, "vera@x.test", PASSWORD).await;
            assert!(matches!(
                app_error(locked).await,
                AppError::RateLimited { .. }
            ));
        }
        two.stop().await;
        one.stop().await;
    }
}

#[tokio::test]
async fn two_acceptances_on_two_servers_give_a_group_one_igangsaetter() {
    for backend in backends() {
        let one = spawn_app(&backend, TestOptions::default()).await;
        let two = one.second_server(TestOptions::default()).await;
        let (coordinator, group, before) = two_candidates(&one).await;
        for name in ["ida", "ole"] {
            let asked = ask(&one, &coordinator, group, &person(&before, name), "Hej").await;
            assert!(asked.status().is_success());
        }
        let ida = sign_in(&one, "ida@x.test").await;
        let ole = sign_in(&two, "ole@x.test").await;
        let (ida_request, ole_request) =
            (inbox(&one, &ida).await[0].id, inbox(&two, &ole).await[0].id);
        let (first, second) = tokio::join!(
            answer(&one, &ida, ida_request, "accept", ""),
            answer(&two, &ole, ole_request, "accept", "")
        );
        exactly_one_accepted(&one, group, first, second).await;
        two.stop().await;
        one.stop().await;
    }
}

#[tokio::test]
async fn two_servers_mail_each_message_once() {
    for backend in backends() {
        let (one, smtp): (_, SmtpServer) = spawn_with_mail(&backend).await;
        let two = one
            .second_server(TestOptions {
                smtp_port: Some(smtp.port),
                ..Default::default()
            })
            .await;
        for n in 0..20 {
            // Half caused on each server; both workers poll the one outbox.
            let db = if n % 2 == 0 { &one.db } else { &two.db };
            mail::queue(
                db,
                &EmailAddress::parse(&format!("m{n:02}@x.test")).unwrap(),
                Language::Da,
                Template::Welcome,
                serde_json::json!({ "name": "Mia", "link": "http://x.test/login" }),
            )
            .await
            .unwrap();
        }
        smtp.wait_for(20, Duration::from_secs(30)).await;
        tokio::time::sleep(Duration::from_secs(1)).await;
        assert_eq!(smtp.messages().len(), 20, "{}: none twice", backend.name());
        two.stop().await;
        one.stop().await;
    }
}

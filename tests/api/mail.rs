use app::{
    domain::{email::EmailAddress, language::Language},
    mail::{self, Template},
    store::outbox::{self, OutboxMessage},
};
use igang_tests::{
    TestApp, TestOptions, backends, eventually,
    smtp::{SmtpServer, free_port},
    spawn_app, spawn_with_mail,
};
use serde_json::json;
use std::time::Duration;

async fn queue_welcome(app: &TestApp, to: &str, language: Language) -> i32 {
    // The worker polls every 100 ms in tests, so no doorbell is needed.
    mail::queue(
        &app.db,
        &EmailAddress::parse(to).unwrap(),
        language,
        Template::Welcome,
        json!({ "name": "Åse Nordmann", "link": format!("{}/login", app.base_url) }),
    )
    .await
    .unwrap()
}

/// Waits until the worker marks the message sent; answers its row.
async fn marked_sent(app: &TestApp, id: i32) -> OutboxMessage {
    eventually(
        Duration::from_secs(10),
        "the row to be marked sent",
        || async {
            outbox::find(&app.db, id)
                .await
                .unwrap()
                .filter(|r| r.status == outbox::SENT)
        },
    )
    .await
}

#[tokio::test]
async fn queued_mail_reaches_a_real_smtp_server_in_the_recipients_language() {
    for backend in backends() {
        let (app, smtp) = spawn_with_mail(&backend).await;
        let id = queue_welcome(&app, "aase@frivillig.test", Language::Nb).await;

        let messages = smtp.wait_for(1, Duration::from_secs(20)).await;
        let raw = &messages[0];
        assert!(raw.contains("To: aase@frivillig.test"), "{raw}");
        assert!(raw.contains("From: Igang <no-reply@igang.test>"), "{raw}");
        assert!(raw.contains("Subject: Velkommen til Igang"), "{raw}");
        assert!(raw.contains("multipart/alternative"), "{raw}");
        assert!(raw.contains("text/plain") && raw.contains("text/html"));
        // Norwegian body (quoted-printable or plain, "Hei" survives both).
        assert!(raw.contains("Hei"), "{raw}");
        assert!(raw.contains(&app.base_url));

        let row = marked_sent(&app, id).await;
        assert_eq!(row.attempts, 1, "{}", backend.name());
        assert!(row.sent_at.is_some());
        app.stop().await;
    }
}

#[tokio::test]
async fn an_smtp_outage_delays_mail_but_never_loses_it() {
    for backend in backends() {
        // The server is configured for a port where nothing listens yet.
        let port = free_port();
        let app = spawn_app(
            &backend,
            TestOptions {
                smtp_port: Some(port),
                retry_base: Duration::from_millis(150),
                ..Default::default()
            },
        )
        .await;
        let id = queue_welcome(&app, "ole@frivillig.test", Language::Da).await;

        let failed = eventually(Duration::from_secs(15), "two failed attempts", || async {
            outbox::find(&app.db, id)
                .await
                .unwrap()
                .filter(|r| r.attempts >= 2)
        })
        .await;
        assert_eq!(
            failed.status,
            outbox::PENDING,
            "{}: still waiting, not given up",
            backend.name()
        );
        assert!(failed.last_error.as_deref().is_some_and(|e| !e.is_empty()));
        assert!(
            failed.next_attempt_at > failed.created_at,
            "a later attempt is scheduled"
        );

        // The SMTP server comes back; the next retry delivers.
        let smtp = SmtpServer::start(port).await;
        let messages = smtp.wait_for(1, Duration::from_secs(20)).await;
        assert!(messages[0].contains("To: ole@frivillig.test"));
        assert!(
            messages[0].contains("Subject: Velkommen til Igang, =?utf-8?")
                || messages[0].contains("Subject: Velkommen til Igang, ")
        );
        let sent = marked_sent(&app, id).await;
        assert!(sent.attempts > failed.attempts);
        // Exactly one copy went out.
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(smtp.messages().len(), 1);
        app.stop().await;
    }
}

#[tokio::test]
async fn without_smtp_mail_is_written_to_the_mail_folder() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let id = queue_welcome(&app, "sam@volunteer.test", Language::En).await;
    let mail_dir = app.dir.path().join("mail");
    let files = eventually(Duration::from_secs(10), "a .eml file", || async {
        let files: Vec<_> = std::fs::read_dir(&mail_dir)
            .ok()?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        (!files.is_empty()).then_some(files)
    })
    .await;
    let raw = std::fs::read_to_string(&files[0]).unwrap();
    assert!(raw.contains("Subject: Welcome to Igang"), "{raw}");
    // The file is written first, then the message is marked sent.
    marked_sent(&app, id).await;
    app.stop().await;
}

#[tokio::test]
async fn two_workers_on_one_database_send_each_message_once() {
    for backend in backends() {
        let (app, smtp) = spawn_with_mail(&backend).await;
        // A second worker, as a second server process would run, on the same database.
        let config = igang_tests::test_config(
            app.dir.path(),
            String::new(),
            &TestOptions {
                smtp_port: Some(smtp.port),
                ..Default::default()
            },
        );
        let transport = server::mail::Transport::from_config(&config.mail).unwrap();
        let other = server::mail::MailWorker::new(
            app.db.clone(),
            transport,
            config.mail.clone(),
            std::sync::Arc::new(tokio::sync::Notify::new()),
        );
        for n in 0..6 {
            queue_welcome(&app, &format!("person{n}@frivillig.test"), Language::Da).await;
        }
        other.deliver_due().await.unwrap();
        let messages = smtp.wait_for(6, Duration::from_secs(20)).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(
            smtp.messages().len(),
            6,
            "{}: {} delivered",
            backend.name(),
            messages.len()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn fifty_mails_caused_while_smtp_is_down_all_arrive_once_when_it_is_back() {
    use app::{domain::role::Role, store::entities::outbox_message};
    use igang_tests::{fixtures::account_at, smtp::Received};
    use reqwest::header::LOCATION;
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    use std::net::Ipv4Addr;
    for backend in backends() {
        let (app, smtp) = spawn_with_mail(&backend).await;
        let port = smtp.port;
        let addresses: Vec<String> = (0..50).map(|n| format!("p{n:02}@frivillig.test")).collect();
        for address in &addresses {
            account_at(&app, address, Role::Volunteer, None).await;
        }
        // The SMTP server stops; fifty people ask for a reset link meanwhile, from five
        // networks (each may ask ten times an hour).
        drop(smtp);
        for (n, address) in addresses.iter().enumerate() {
            let client = app.client_from(Ipv4Addr::new(127, 0, 1, 1 + (n / 10) as u8));
            let asked = app.request_password_reset(&client, address).await;
            assert_eq!(
                asked.headers()[LOCATION],
                "/forgot-password/sent",
                "{}",
                backend.name()
            );
        }
        let waiting = || async {
            outbox_message::Entity::find()
                .filter(outbox_message::Column::Status.eq(outbox::PENDING))
                .filter(outbox_message::Column::Attempts.gte(1))
                .count(&app.db)
                .await
                .unwrap()
        };
        eventually(
            Duration::from_secs(20),
            "every message tried and kept",
            || async { (waiting().await == 50).then_some(()) },
        )
        .await;

        // Back on the same port: every message arrives, each once.
        let smtp = SmtpServer::start(port).await;
        smtp.wait_for(50, Duration::from_secs(60)).await;
        tokio::time::sleep(Duration::from_secs(1)).await;
        let received = smtp.messages();
        assert_eq!(received.len(), 50, "{}: none twice", backend.name());
        let mut to: Vec<String> = received
            .iter()
            .flat_map(|raw| Received::parse(raw).to)
            .collect();
        to.sort();
        assert_eq!(to, addresses, "one to each");
        app.stop().await;
    }
}

//! The database gone for a while (PostgreSQL): pages and server functions say "try again
//! shortly" with 503, `/readyz` says the database is unavailable, and the server recovers by
//! itself once it is back, with no answer ever a 500.

use app::errors::AppError;
use igang_tests::{Backend, backends, eventually, fixtures::volunteer, spawn_behind_relay};
use std::{
    sync::{Arc, Mutex},
    time::Duration,
};

#[tokio::test]
async fn while_the_database_is_gone_answers_say_so_and_the_server_recovers_by_itself() {
    let Some(backend) = backends()
        .into_iter()
        .find(|b| matches!(b, Backend::Postgres(_)))
    else {
        return;
    };
    let (app, relay) = spawn_behind_relay(&backend).await;
    let browser = volunteer(&app, "vilma@x.test").await;
    assert_eq!(app.page(&browser, "/account").await.status(), 200);

    // Requests keep coming the whole time: a signed-in page, a visitor's page that reads
    // the catalogue, and a server function.
    let statuses = Arc::new(Mutex::new(Vec::new()));
    let running = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let traffic = {
        let (statuses, running) = (statuses.clone(), running.clone());
        let (base, browser) = (app.base_url.clone(), browser.clone());
        tokio::spawn(async move {
            let visitor = reqwest::Client::new();
            while running.load(std::sync::atomic::Ordering::SeqCst) {
                for (client, path) in [(&browser, "/account"), (&visitor, "/courses")] {
                    if let Ok(r) = client
                        .get(format!("{base}{path}"))
                        .header("accept", "text/html")
                        .send()
                        .await
                    {
                        statuses.lock().unwrap().push((path, r.status().as_u16()));
                    }
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;

    relay.cut();
    let page = eventually(Duration::from_secs(30), "a 503 page", || async {
        let r = app.page(&browser, "/account").await;
        (r.status() == 503).then_some(r)
    })
    .await;
    assert_eq!(page.headers()["retry-after"], "10");
    let text = page.text().await.unwrap();
    assert!(text.contains("Igang er ikke til at nå lige nu"), "{text}");
    let ready = app.client().get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 503);
    assert_eq!(ready.text().await.unwrap(), "database unavailable");
    let call = app.my_requests(&browser, 1).await;
    assert_eq!(call.status(), 503);
    let error: AppError = serde_json::from_str(&call.text().await.unwrap()).unwrap();
    assert_eq!(error, AppError::Unavailable);
    let catalogue = app.page(&app.client(), "/courses").await;
    assert_eq!(
        catalogue.status(),
        503,
        "a visitor's page that needs the data"
    );
    let keys = app
        .client()
        .get(app.url("/issuer/jwks.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(keys.status(), 503, "a file written by hand from the data");
    tokio::time::sleep(Duration::from_millis(500)).await;

    relay.restore();
    eventually(Duration::from_secs(60), "the server to recover", || async {
        let account = app.page(&browser, "/account").await.status();
        let ready = app.client().get(app.url("/readyz")).send().await.ok()?;
        (account == 200 && ready.status() == 200).then_some(())
    })
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    running.store(false, std::sync::atomic::Ordering::SeqCst);
    traffic.await.unwrap();

    let seen = statuses.lock().unwrap().clone();
    let errors: Vec<_> = seen
        .iter()
        .filter(|(_, s)| *s >= 500 && *s != 503)
        .collect();
    assert!(errors.is_empty(), "server errors besides 503: {errors:?}");
    assert!(seen.iter().any(|(_, s)| *s == 503), "the outage was seen");
    assert!(
        seen.iter().rev().take(2).all(|(_, s)| *s == 200),
        "and the end of it: {:?}",
        &seen[seen.len().saturating_sub(4)..]
    );
    app.stop().await;
}

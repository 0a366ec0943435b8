//! Each person's data rights over HTTP: the download of everything stored about them holds
//! their data and nobody else's; removing the account leaves no trace of them in any column
//! of any table while the figures they counted in stay; unused accounts are warned and then
//! removed under a retention period; housekeeping forgets old mail and audit details; the
//! privacy page is linked from every page.

mod removal;
mod seats;

use crate::{
    learning::{SLUG, enrol},
    matching::{
        profile::{certify, full_form, save},
        requests::{ask, person, setting, view},
    },
};
use app::{
    domain::{email::EmailAddress, language::Language, role::Role},
    retention::{Retained, pass},
    store::{
        entities::{audit_event, outbox_message, user},
        people,
    },
};
use chrono::{Duration, Utc};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{PASSWORD, ok, password_hash, sign_in},
    spawn_app,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, Statement,
};

// The underscore is a wildcard in SQL patterns: the removal must still find the address.
const ZELDA: &str = "zelda_quistgaard@frivillig.test";
const ZELDA_NAME: &str = "Zelda Quistgaard";

/// A confirmed volunteer named `name`; their id and signed-in browser.
async fn volunteer_named(app: &TestApp, email: &str, name: &str) -> (i32, reqwest::Client) {
    let user = people::create_user(
        &app.db,
        people::NewUser {
            email: EmailAddress::parse(email).unwrap(),
            display_name: name.to_owned(),
            language: Language::Da,
            password_hash: Some(password_hash().to_owned()),
            email_verified: true,
        },
        Utc::now(),
    )
    .await
    .unwrap();
    people::grant_role(&app.db, user.id, Role::Volunteer, None)
        .await
        .unwrap();
    (user.id, sign_in(app, email).await)
}

/// A volunteer who started the course, read its first lesson, holds a certificate, keeps an
/// igangsætter profile and was asked to start a group; their id, browser and certificate.
async fn with_a_history(app: &TestApp, email: &str, name: &str) -> (i32, reqwest::Client, String) {
    let (id, client) = volunteer_named(app, email, name).await;
    let first = enrol(app, &client, SLUG, "").await;
    ok(app.mark_lesson_done(&client, first).await).await;
    assert!(save(app, &client, &full_form()).await.status().is_success());
    let code = certify(app, id).await.to_string();
    (id, client, code)
}

async fn my_data(app: &TestApp, client: &reqwest::Client) -> reqwest::Response {
    client
        .get(app.url("/account/my-data.json"))
        .send()
        .await
        .unwrap()
}

/// How many values in every column of every table contain `needle`, by table and column.
async fn traces(app: &TestApp, needle: &str) -> Vec<(String, String)> {
    let backend = app.db.get_database_backend();
    let columns_sql = match backend {
        sea_orm::DbBackend::Postgres => {
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = current_schema()"
        }
        _ => {
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
        }
    };
    let columns = app
        .db
        .query_all_raw(Statement::from_string(backend, columns_sql))
        .await
        .unwrap();
    let mut found = Vec::new();
    for row in columns {
        let table: String = row.try_get_by_index(0).unwrap();
        let column: String = row.try_get_by_index(1).unwrap();
        let sql = format!(
            "SELECT COUNT(*) FROM \"{table}\" WHERE LOWER(CAST(\"{column}\" AS TEXT)) LIKE '%{}%'",
            needle.to_lowercase()
        );
        let hits = app
            .db
            .query_one_raw(Statement::from_string(backend, sql))
            .await
            .unwrap()
            .unwrap();
        let count: i64 = hits.try_get_by_index(0).unwrap();
        if count > 0 {
            found.push((table, column));
        }
    }
    found
}

#[tokio::test]
async fn the_download_holds_all_and_only_the_persons_data() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (_, zelda, code) = with_a_history(&app, ZELDA, ZELDA_NAME).await;
        let (_, other, other_code) =
            with_a_history(&app, "otto@frivillig.test", "Otto Vinterberg").await;
        let (coordinator, group) = setting(&app).await;
        let candidates = view(&app, &coordinator, group).await;
        let asked = person(&candidates, ZELDA_NAME);
        assert!(
            ask(&app, &coordinator, group, &asked, "Hej Zelda, har du lyst?")
                .await
                .status()
                .is_success()
        );

        assert_eq!(
            my_data(&app, &app.client()).await.status(),
            reqwest::StatusCode::UNAUTHORIZED
        );
        let response = my_data(&app, &zelda).await;
        assert!(response.status().is_success(), "{}", backend.name());
        assert!(
            response.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .contains("attachment")
        );
        let text = response.text().await.unwrap();
        let document: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(document["account"]["email"], ZELDA);
        assert_eq!(document["account"]["name"], ZELDA_NAME);
        assert_eq!(document["courses"][0]["course"], SLUG);
        assert_eq!(
            document["courses"][0]["lessons_done"]
                .as_array()
                .unwrap()
                .len(),
            1
        );
        assert_eq!(document["certificates"][0]["code"], code.as_str());
        assert_eq!(document["igangsaetter_profile"]["travel_km"], 25);
        assert_eq!(
            document["requests"][0]["message"],
            "Hej Zelda, har du lyst?"
        );
        assert!(
            !document["audit"].as_array().unwrap().is_empty(),
            "sign-ins are about her"
        );
        assert!(!document["sessions"].as_array().unwrap().is_empty());
        assert!(
            document["mail"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["kind"] == "group_request"),
            "the request's mail to her"
        );
        for secret in ["password_hash", "totp_secret", "token_hash", "$argon2"] {
            assert!(!text.contains(secret), "{secret} in the download");
        }
        for theirs in ["otto@frivillig.test", "Otto", &other_code, "coord@x.test"] {
            assert!(!text.contains(theirs), "{theirs} in Zelda's download");
        }
        let others: serde_json::Value =
            serde_json::from_str(&my_data(&app, &other).await.text().await.unwrap()).unwrap();
        assert_eq!(others["account"]["email"], "otto@frivillig.test");
        assert!(!others.to_string().contains("Zelda"));
        // The coordinator's download holds what they sent, not to whom, even once the request
        // ran out and the notice to them named her.
        app::reminders::send_due(&app.db, &app.base_url, Utc::now() + Duration::days(60))
            .await
            .unwrap();
        let theirs: serde_json::Value =
            serde_json::from_str(&my_data(&app, &coordinator).await.text().await.unwrap()).unwrap();
        assert_eq!(
            theirs["requests_sent"][0]["message"],
            "Hej Zelda, har du lyst?"
        );
        assert!(!theirs.to_string().contains(ZELDA));
        assert!(!theirs.to_string().contains(ZELDA_NAME));
        app.stop().await;
    }
}

#[tokio::test]
async fn an_unused_account_is_warned_then_removed_unless_its_owner_signs_in() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (id, _) = volunteer_named(&app, ZELDA, ZELDA_NAME).await;
        let (kept, _) = volunteer_named(&app, "otto@frivillig.test", "Otto Vinterberg").await;
        let admin = igang_tests::fixtures::account(&app, "admin@frivillig.test", Role::Admin).await;
        // Each signed in three years ago and not since.
        let long_ago = Utc::now() - Duration::days(3 * 365);
        for person in [id, kept, admin] {
            user::Entity::update_many()
                .col_expr(
                    user::Column::LastSignedInAt,
                    sea_orm::sea_query::Expr::value(Some(long_ago)),
                )
                .filter(user::Column::Id.eq(person))
                .exec(&app.db)
                .await
                .unwrap();
        }
        let now = Utc::now();
        let first = pass(&app.db, &app.base_url, 2, now).await.unwrap();
        assert_eq!(
            first,
            Retained {
                warned: 2,
                removed: 0
            },
            "{}",
            backend.name()
        );
        assert_eq!(
            pass(&app.db, &app.base_url, 2, now).await.unwrap(),
            Retained::default()
        );
        let warnings = outbox_message::Entity::find()
            .filter(outbox_message::Column::Template.eq("account_retention"))
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(warnings.len(), 2);
        assert!(
            warnings
                .iter()
                .all(|m| m.recipient != "admin@frivillig.test")
        );
        assert!(warnings.iter().any(|m| m.body_text.contains("30 dage")));

        // Otto signs in meanwhile; a month later only Zelda's account goes.
        sign_in(&app, "otto@frivillig.test").await;
        let later = now + Duration::days(30);
        let second = pass(&app.db, &app.base_url, 2, later).await.unwrap();
        assert_eq!(
            second,
            Retained {
                warned: 0,
                removed: 1
            }
        );
        let removed = user::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert!(removed.deleted_at.is_some());
        assert_ne!(removed.email, ZELDA);
        let otto = user::Entity::find_by_id(kept)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert!(otto.deleted_at.is_none() && otto.retention_warned_at.is_none());
        assert_eq!(traces(&app, "Quistgaard").await, []);
        app.stop().await;
    }
}

#[tokio::test]
async fn housekeeping_forgets_old_mail_and_old_audit_details() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let _ = volunteer_named(&app, ZELDA, ZELDA_NAME).await;
    // A sent mail and an audit detail from long ago.
    let long_ago = Utc::now() - Duration::days(400);
    outbox_message::ActiveModel {
        recipient: Set("old@frivillig.test".to_owned()),
        template: Set("welcome".to_owned()),
        language: Set("da".to_owned()),
        subject: Set("Velkommen".to_owned()),
        body_text: Set("Hej old@frivillig.test".to_owned()),
        body_html: Set(String::new()),
        status: Set("sent".to_owned()),
        attempts: Set(1),
        next_attempt_at: Set(long_ago),
        locked_until: Set(None),
        last_error: Set(None),
        created_at: Set(long_ago),
        sent_at: Set(Some(long_ago)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    audit_event::ActiveModel {
        at: Set(long_ago),
        event: Set("invited".to_owned()),
        actor_id: Set(None),
        subject_id: Set(None),
        detail: Set(Some("invited old@frivillig.test as trainer".to_owned())),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let pruned = server::maintenance::run_once(&app.db).await.unwrap();
    assert_eq!((pruned.mail, pruned.audit_details), (1, 1));
    assert_eq!(traces(&app, "old@frivillig.test").await, []);
    assert!(!traces(&app, ZELDA).await.is_empty(), "fresh data stays");
    app.stop().await;
}

#[tokio::test]
async fn the_privacy_page_is_linked_from_every_page() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    for path in ["/", "/courses", "/privacy", "/login"] {
        let page = app.page(&app.client(), path).await.text().await.unwrap();
        assert!(page.contains("href=\"/privacy\""), "{path}");
    }
    let page = app
        .page(&app.client(), "/privacy")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Dine oplysninger i Igang"));
    assert!(page.contains("30 dage"));
    app.stop().await;
}

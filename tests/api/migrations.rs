use app::store::{entities::outbox_message, people};
use igang_tests::{TestOptions, backends, spawn_app};
use migrations::{Migrator, MigratorTrait};
use sea_orm::{EntityTrait, PaginatorTrait};

#[tokio::test]
async fn every_migration_applies_and_a_second_run_changes_nothing() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let pending = Migrator::get_pending_migrations(&app.db).await.unwrap();
        assert!(
            pending.is_empty(),
            "{}: {} pending",
            backend.name(),
            pending.len()
        );
        let applied = Migrator::get_applied_migrations(&app.db).await.unwrap();
        assert_eq!(applied.len(), Migrator::migrations().len());
        Migrator::up(&app.db, None).await.unwrap();
        // The tables answer queries through the entities.
        assert_eq!(
            outbox_message::Entity::find().count(&app.db).await.unwrap(),
            0
        );
        let nobody = app::domain::email::EmailAddress::parse("nobody@igang.test").unwrap();
        assert!(
            people::find_by_email(&app.db, &nobody)
                .await
                .unwrap()
                .is_none()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_taken_email_is_a_conflict_not_a_second_account() {
    use app::{
        domain::{email::EmailAddress, language::Language},
        store::{StoreError, people::NewUser},
    };
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let new = || NewUser {
            email: EmailAddress::parse("Mette@Frivillig.test").unwrap(),
            display_name: "Mette".into(),
            language: Language::Da,
            password_hash: None,
            email_verified: false,
        };
        people::create_user(&app.db, new(), chrono::Utc::now())
            .await
            .unwrap();
        let second = people::create_user(&app.db, new(), chrono::Utc::now()).await;
        assert!(
            matches!(second, Err(StoreError::Conflict(_))),
            "{}: {second:?}",
            backend.name()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn housekeeping_forgets_ended_sessions_old_attempts_and_stale_links() {
    use app::store::{rate_limit, sessions, tokens};
    use chrono::{Duration, Utc};
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let now = Utc::now();
        let user = people::create_user(
            &app.db,
            people::NewUser {
                email: app::domain::email::EmailAddress::parse("ib@x.test").unwrap(),
                display_name: "Ib".into(),
                language: app::domain::language::Language::Da,
                password_hash: None,
                email_verified: true,
            },
            now,
        )
        .await
        .unwrap();
        sessions::create(
            &app.db,
            user.id,
            "a".repeat(64),
            false,
            now - Duration::days(15),
        )
        .await
        .unwrap();
        sessions::create(&app.db, user.id, "b".repeat(64), false, now)
            .await
            .unwrap();
        rate_limit::record(&app.db, "login-ip:x", now - Duration::days(2))
            .await
            .unwrap();
        rate_limit::record(&app.db, "login-ip:x", now)
            .await
            .unwrap();
        let stale = tokens::NewToken {
            token_hash: "c".repeat(64),
            purpose: tokens::Purpose::ResetPassword,
            user_id: Some(user.id),
            email: None,
            payload: None,
        };
        tokens::create(&app.db, stale, now - Duration::days(10))
            .await
            .unwrap();
        let pruned = server::maintenance::run_once(&app.db).await.unwrap();
        assert_eq!(
            (pruned.sessions, pruned.attempts, pruned.tokens),
            (1, 1, 1),
            "{}: only what ended goes",
            backend.name()
        );
        assert_eq!(
            server::maintenance::run_once(&app.db).await.unwrap(),
            Default::default()
        );
        app.stop().await;
    }
}

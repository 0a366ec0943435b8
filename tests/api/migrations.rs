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

//! A certificate over time: reminders before it expires (each once), renewal by the
//! refresher, revocation by an administrator; and the workshop reminder the day before.

use super::{certificate_for, complete, mails_to, schedule};
use app::{
    api::certification::{MyCertification, RevokeCertificate, Verification},
    domain::{certification::CertificateStatus, role::Role, workshops::Placement},
    errors::{AppError, Problem},
    reminders::{Sent, send_due},
    store::entities::{audit_event, certificate},
};
use chrono::{Duration, Months, Utc};
use igang_tests::{
    TestOptions, backends,
    fixtures::{app_error, json, ok, staff, volunteer},
    spawn_app,
};
use leptos::server_fn::ServerFn;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

#[tokio::test]
async fn expiry_reminders_and_the_workshop_reminder_go_out_once_each() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "tove@x.test", Role::Trainer, None).await;
        let asta = volunteer(&app, "asta@x.test").await;
        let now = Utc::now();
        let expires = now + Duration::days(200);
        certificate_for(&app, "asta@x.test", now - Duration::days(500), expires).await;
        let at = |days_before: i64| expires - Duration::days(days_before);
        let pass = |when| send_due(&app.db, &app.base_url, when);
        assert_eq!(pass(at(91)).await.unwrap(), Sent::default());
        for (when, sent) in [
            (at(90), 1),
            (at(89), 0),
            (at(29), 1),
            (at(29), 0),
            (at(3), 1),
            (at(1), 0),
            (expires + Duration::days(1), 0),
        ] {
            assert_eq!(
                pass(when).await.unwrap().certificates,
                sent,
                "{}",
                backend.name()
            );
        }
        assert_eq!(
            mails_to(&app, "asta@x.test").await,
            ["certificate_expiring"; 3]
        );

        // The day before a workshop, each seated person hears once.
        let workshop = schedule(&app, &trainer, Duration::hours(30), 5).await;
        json::<Placement>(app.sign_up_for_workshop(&asta, workshop).await).await;
        assert_eq!(pass(now).await.unwrap().workshops, 0, "not yet");
        assert_eq!(pass(now + Duration::hours(7)).await.unwrap().workshops, 1);
        assert_eq!(pass(now + Duration::hours(8)).await.unwrap().workshops, 0);
        assert_eq!(
            mails_to(&app, "asta@x.test")
                .await
                .last()
                .map(String::as_str),
            Some("workshop_reminder")
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn the_refresher_renews_a_certificate_close_to_expiry_but_not_one_far_from_it() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let asta = volunteer(&app, "asta@x.test").await;
    let bent = volunteer(&app, "bent@x.test").await;
    let now = Utc::now();
    let soon = now + Duration::days(30);
    let late = now + Duration::days(400);
    certificate_for(&app, "asta@x.test", now - Duration::days(700), soon).await;
    certificate_for(&app, "bent@x.test", now - Duration::days(300), late).await;
    assert!(complete(&app, &asta, "opfriskning-igangsaetter").await);
    assert!(complete(&app, &bent, "opfriskning-igangsaetter").await);

    let rows = certificate::Entity::find().all(&app.db).await.unwrap();
    let renewed = rows.iter().find(|c| c.expires_at != Some(late)).unwrap();
    let expected = soon.checked_add_months(Months::new(24)).unwrap();
    assert_eq!(
        renewed.expires_at.map(|e| e.timestamp()),
        Some(expected.timestamp()),
        "a full period from the old expiry"
    );
    assert!(renewed.renewed_at.is_some());
    assert!(
        rows.iter()
            .any(|c| c.expires_at == Some(late) && c.renewed_at.is_none()),
        "too early to renew"
    );
    let mine: MyCertification = json(app.load_my_certification(&asta).await).await;
    assert_eq!(mine.certificates[0].status, CertificateStatus::Valid);
    app.stop().await;
}

#[tokio::test]
async fn an_administrator_revokes_a_certificate_with_a_reason_and_everyone_sees_it() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let admin = staff(&app, "ada@x.test", Role::Admin, None).await;
        volunteer(&app, "asta@x.test").await;
        let now = Utc::now();
        let code = certificate_for(&app, "asta@x.test", now, now + Duration::days(700)).await;
        let code = code.as_str();

        let unconfirmed = app
            .call(
                &admin,
                RevokeCertificate::PATH,
                &[("code", code), ("reason", "Fejl")],
            )
            .await;
        assert_eq!(
            app_error(unconfirmed).await,
            AppError::field("confirm", Problem::MustConfirm)
        );
        let no_reason = app
            .call(
                &admin,
                RevokeCertificate::PATH,
                &[("code", code), ("reason", " "), ("confirm", "yes")],
            )
            .await;
        assert_eq!(
            app_error(no_reason).await,
            AppError::field("reason", Problem::Required)
        );
        let form = [
            ("code", code),
            ("reason", "Udstedt ved en fejl"),
            ("confirm", "yes"),
        ];
        ok(app.call(&admin, RevokeCertificate::PATH, &form).await).await;
        let again = app.call(&admin, RevokeCertificate::PATH, &form).await;
        assert_eq!(
            app_error(again).await,
            AppError::field("code", Problem::NotAllowed),
            "revoked already"
        );

        let check: Verification = json(app.verify_certificate(&app.client(), code).await).await;
        assert_eq!(
            check.status,
            CertificateStatus::Revoked,
            "{}",
            backend.name()
        );
        assert_eq!(check.revoked_on, Some(app::api::dates::date(Utc::now())));
        let logged = audit_event::Entity::find()
            .filter(audit_event::Column::Event.eq("certificate_revoked"))
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(logged, 1);
        // No expiry reminders for a revoked certificate.
        let sent = send_due(&app.db, &app.base_url, now + Duration::days(650)).await;
        assert_eq!(sent.unwrap().certificates, 0);
        app.stop().await;
    }
}

//! The certificate, issued in the transaction that meets the last requirement, and checked
//! by anyone with its code.

use super::{attend, complete_course, mails_to, mark_all_present, schedule};
use app::{
    api::certification::{MyCertification, Step, Verification},
    domain::{certification::CertificateStatus, role::Role, workshops::Placement},
    errors::AppError,
    store::entities::certificate,
};
use chrono::Duration;
use igang_tests::{
    TestOptions, backends,
    fixtures::{app_error, json, staff, volunteer},
    spawn_app,
};
use sea_orm::{EntityTrait, PaginatorTrait};

#[tokio::test]
async fn the_certificate_is_issued_the_moment_the_workshop_attendance_is_marked() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "tove@x.test", Role::Trainer, None).await;
        let asta = volunteer(&app, "asta@x.test").await;
        let workshop = schedule(&app, &trainer, Duration::hours(1), 12).await;

        // The course alone is not enough: the workshop is still missing.
        assert!(complete_course(&app, &asta).await, "{}", backend.name());
        let mine: MyCertification = json(app.load_my_certification(&asta).await).await;
        assert!(mine.certificates.is_empty());
        assert_eq!(
            mine.progress[0].steps,
            vec![Step::Workshops {
                attended: 0,
                required: 1
            }]
        );
        assert_eq!(mine.progress[0].title, "Certificeret igangsætter");

        attend(&app, &trainer, &asta, workshop).await;

        let mine: MyCertification = json(app.load_my_certification(&asta).await).await;
        assert_eq!(mine.certificates.len(), 1, "{}", backend.name());
        assert!(mine.progress.is_empty());
        let card = &mine.certificates[0];
        assert_eq!(card.status, CertificateStatus::Valid);
        let issued = chrono::NaiveDate::parse_from_str(&card.issued, "%Y-%m-%d").unwrap();
        assert_eq!(
            card.expires.as_deref(),
            Some(
                issued
                    .checked_add_months(chrono::Months::new(24))
                    .unwrap()
                    .format("%Y-%m-%d")
                    .to_string()
                    .as_str()
            ),
            "valid for 24 months"
        );
        assert_eq!(
            mails_to(&app, "asta@x.test").await,
            ["certificate_issued"],
            "told once, by mail"
        );

        // Anyone checks it, typing the code as they please.
        let visitor = app.client();
        let typed = card.code.to_lowercase().replace('-', " ");
        let check: Verification = json(app.verify_certificate(&visitor, &typed).await).await;
        assert_eq!(check.holder.as_deref(), Some("asta"));
        assert_eq!(check.programme, "Certificeret igangsætter");
        assert_eq!(check.status, CertificateStatus::Valid);
        assert_eq!(check.expires, card.expires);
        let page = app
            .verify_page(&visitor, &card.code)
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("asta") && page.contains(&card.code), "{page}");
        assert!(
            !page.contains("asta@x.test"),
            "nothing more about the person"
        );

        // Marking again issues nothing new.
        mark_all_present(&app, &trainer, workshop).await;
        assert_eq!(certificate::Entity::find().count(&app.db).await.unwrap(), 1);
        assert_eq!(mails_to(&app, "asta@x.test").await.len(), 1);
        app.stop().await;
    }
}

#[tokio::test]
async fn attending_first_the_certificate_comes_with_the_last_lesson() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let trainer = staff(&app, "tove@x.test", Role::Trainer, None).await;
    let bent = volunteer(&app, "bent@x.test").await;
    let workshop = schedule(&app, &trainer, Duration::hours(1), 12).await;
    json::<Placement>(app.sign_up_for_workshop(&bent, workshop).await).await;
    mark_all_present(&app, &trainer, workshop).await;
    assert_eq!(certificate::Entity::find().count(&app.db).await.unwrap(), 0);

    assert!(complete_course(&app, &bent).await);
    let mine: MyCertification = json(app.load_my_certification(&bent).await).await;
    assert_eq!(mine.certificates.len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn an_unknown_or_malformed_code_finds_nothing() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let visitor = app.client();
    for code in ["0000-0000-0000-0000", "not a code", ""] {
        assert_eq!(
            app_error(app.verify_certificate(&visitor, code).await).await,
            AppError::NotFound,
            "{code:?}"
        );
    }
    let page = app.verify_page(&visitor, "0000-0000-0000-0000").await;
    assert_eq!(page.status(), 200);
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("Der findes intet bevis")
    );
    app.stop().await;
}

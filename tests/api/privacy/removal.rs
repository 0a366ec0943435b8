//! Removing an account leaves no trace of the person in any column of any table, the
//! notices that named them to others included, while the figures they counted in stay.

use super::{PASSWORD, ZELDA, ZELDA_NAME, traces, with_a_history};
use crate::matching::requests::{ask, person, setting, view};
use app::store::{
    certification,
    entities::{certificate, enrolment, lesson_completion, outbox_message, user},
};
use chrono::{Duration, Utc};
use igang_tests::{TestApp, TestOptions, backends, fixtures::ok, spawn_app};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

#[tokio::test]
async fn a_removed_account_leaves_no_trace_while_its_figures_stay() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (id, zelda, code) = with_a_history(&app, ZELDA, ZELDA_NAME).await;
        let (coordinator, group) = setting(&app).await;
        let asked = person(&view(&app, &coordinator, group).await, ZELDA_NAME);
        assert!(
            ask(&app, &coordinator, group, &asked, "Hej Zelda")
                .await
                .status()
                .is_success()
        );
        let request = crate::matching::requests::inbox(&app, &zelda).await[0].id;
        ok(crate::matching::requests::answer(&app, &zelda, request, "accept", "").await).await;
        // A second request she lets run out: the coordinator's notice names her.
        let centre = app::store::centres::find_by_name(&app.db, "Centre A")
            .await
            .unwrap()
            .unwrap();
        let second =
            crate::matching::groups::post_group(&app, &coordinator, &centre.public_id).await;
        assert!(
            ask(&app, &coordinator, second, &asked, "Hej igen")
                .await
                .status()
                .is_success()
        );
        app::reminders::send_due(&app.db, &app.base_url, Utc::now() + Duration::days(60))
            .await
            .unwrap();
        let notices = outbox_message::Entity::find()
            .filter(outbox_message::Column::Template.eq("request_expired"))
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(notices, 1, "the coordinator's notice names her");
        // A mistyped password leaves a count under her address.
        let mistyped = app
            .log_in(&app.client(), ZELDA, "forkert forkert forkert")
            .await;
        assert!(!mistyped.status().is_success());
        assert!(
            !traces(&app, ZELDA).await.is_empty(),
            "the scan finds what is there"
        );
        let figures = |app: &TestApp| {
            let db = app.db.clone();
            async move {
                (
                    enrolment::Entity::find().count(&db).await.unwrap(),
                    lesson_completion::Entity::find().count(&db).await.unwrap(),
                    certificate::Entity::find().count(&db).await.unwrap(),
                    user::Entity::find().count(&db).await.unwrap(),
                )
            }
        };
        let before = figures(&app).await;

        ok(app.delete_account(&zelda, PASSWORD, true).await).await;
        for needle in [ZELDA, ZELDA_NAME, "Quistgaard", &asked] {
            assert_eq!(
                traces(&app, needle).await,
                [],
                "{}: {needle}",
                backend.name()
            );
        }
        assert_eq!(figures(&app).await, before, "the figures stay");
        let record = app::store::groups::find(&app.db, group)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (record.status, record.igangsaetter),
            (app::domain::groups::GroupStatus::Seeking, None),
            "the group she had not started yet seeks someone else"
        );
        let emptied = user::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert!(emptied.deleted_at.is_some() && emptied.password_hash.is_none());
        let check = certification::by_code(
            &app.db,
            &app::domain::certification::CertificateCode::parse(&code).unwrap(),
        )
        .await
        .unwrap()
        .unwrap();
        assert_eq!(
            check.holder_name, None,
            "issued; the holder removed their account"
        );
        let again = app.log_in(&app.client(), ZELDA, PASSWORD).await;
        assert!(!again.status().is_success(), "nobody signs in as her");
        app.stop().await;
    }
}

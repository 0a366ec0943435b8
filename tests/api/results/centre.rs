//! A centre's dashboard over HTTP, on SQLite and PostgreSQL, with a fixed data set: each
//! figure equals what the data says, the survey totals show only from five answers, the
//! CSV holds the same numbers as the page, and another centre sees neither.

use super::download_status;
use crate::matching::{
    groups::{igangsaetter, post_group},
    life::matched_with_ida,
    requests::{ask, other_coordinator, person, setting, view},
};
use app::{
    api::results::CentreDashboard,
    domain::groups::GroupStatus,
    errors::AppError,
    store::{
        centres,
        entities::{certificate, group},
        people,
    },
};
use chrono::{Duration, Utc};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{app_error, json, sign_in},
    spawn_app,
};
use leptos::server_fn::ServerFn;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

async fn dashboard(app: &TestApp, client: &reqwest::Client, centre: &str) -> reqwest::Response {
    app.call(
        client,
        app::api::results::LoadCentreDashboard::PATH,
        &[("centre", centre)],
    )
    .await
}

/// Moves group `id`'s posting back `days` days.
async fn posted_days_ago(app: &TestApp, id: i32, days: i64) {
    group::Entity::update_many()
        .col_expr(
            group::Column::CreatedAt,
            Expr::value(Utc::now() - Duration::days(days)),
        )
        .filter(group::Column::Id.eq(id))
        .exec(&app.db)
        .await
        .unwrap();
}

#[tokio::test]
async fn every_figure_is_what_the_data_says_and_the_csv_agrees() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        // Ida in Aarhus and Ole in København, both certified; an uncertified one in Aarhus.
        igangsaetter(&app, "ida@x.test", "2624652", "20", true).await;
        igangsaetter(&app, "ole@x.test", "2618425", "20", true).await;
        igangsaetter(&app, "new@x.test", "2624652", "20", false).await;
        let ida_id = people::find_by_email(
            &app.db,
            &app::domain::email::EmailAddress::parse("ida@x.test").unwrap(),
        )
        .await
        .unwrap()
        .unwrap()
        .id;
        certificate::Entity::update_many()
            .col_expr(
                certificate::Column::ExpiresAt,
                Expr::value(Some(Utc::now() + Duration::days(30))),
            )
            .filter(certificate::Column::UserId.eq(ida_id))
            .exec(&app.db)
            .await
            .unwrap();
        let ida = sign_in(&app, "ida@x.test").await;
        let (coordinator, _seeking) = setting(&app).await;
        let centre = centres::find_by_name(&app.db, "Centre A")
            .await
            .unwrap()
            .unwrap();
        let new_group = || post_group(&app, &coordinator, &centre.public_id);
        // Matched four days after posting; another matched after ten, run and ended.
        let matched = new_group().await;
        posted_days_ago(&app, matched, 4).await;
        matched_with_ida(&app, &coordinator, &ida, matched).await;
        let ended = new_group().await;
        posted_days_ago(&app, ended, 10).await;
        matched_with_ida(&app, &coordinator, &ida, ended).await;
        for to in ["running", "self_led", "ended"] {
            assert!(
                app.move_group(&coordinator, ended, to, "", true)
                    .await
                    .status()
                    .is_success()
            );
        }
        // One more seeking group, with a request waiting.
        let waiting = new_group().await;
        let ida_public = person(&view(&app, &coordinator, waiting).await, "ida");
        assert!(
            ask(&app, &coordinator, waiting, &ida_public, "Hej")
                .await
                .status()
                .is_success()
        );

        let d: CentreDashboard = json(dashboard(&app, &coordinator, &centre.public_id).await).await;
        assert_eq!(d.town.as_deref(), Some("Aarhus"), "{}", backend.name());
        assert_eq!(
            d.within_reach,
            Some(1),
            "Ida only: Ole is too far, the other uncertified"
        );
        assert_eq!(d.expiring, Some(1));
        let counts: Vec<u64> = d.by_status.iter().map(|(_, n)| *n).collect();
        assert_eq!(counts, [2, 1, 0, 0, 1], "{:?}", d.by_status);
        assert_eq!(d.by_status[0].0, GroupStatus::Seeking);
        assert_eq!(d.median_days_to_match, Some(7.0));
        assert_eq!((d.started_this_year, d.ended_this_year), (1, 1));
        assert_eq!(d.waiting_requests, 1);
        assert_eq!((d.survey_answers, d.survey.clone()), (0, None));

        // The survey totals show from the fifth answer.
        assert!(
            app.open_survey(&coordinator, ended)
                .await
                .status()
                .is_success()
        );
        let link = view(&app, &coordinator, ended).await.survey.unwrap().link;
        let token = link.rsplit('/').next().unwrap().to_owned();
        for n in 0..5 {
            let d: CentreDashboard =
                json(dashboard(&app, &coordinator, &centre.public_id).await).await;
            assert_eq!(d.survey_answers, n);
            assert!(d.survey.is_none(), "{n} answers show nothing");
            let sent = app
                .answer_survey(&app.client(), &token, "5", "4", "4", "3", "2")
                .await;
            assert!(sent.status().is_success());
        }
        let d: CentreDashboard = json(dashboard(&app, &coordinator, &centre.public_id).await).await;
        let summary = d.survey.clone().expect("five answers show");
        assert_eq!(summary.figures[0].mean, 5.0);

        // The CSV holds the page's numbers.
        let csv = coordinator
            .get(app.url(&format!("/centres/{}/dashboard.csv", centre.public_id)))
            .send()
            .await
            .unwrap();
        assert!(csv.status().is_success());
        let text = csv.text().await.unwrap();
        let value = |figure: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(&format!("{figure},")))
                .unwrap_or_else(|| panic!("{figure} in {text}"))
                .to_owned()
        };
        assert_eq!(value("certified_within_reach"), "1");
        assert_eq!(value("certificates_expiring_90_days"), "1");
        assert_eq!(value("median_days_to_match"), "7.0");
        assert_eq!(value("groups_seeking"), "2");
        assert_eq!(value("groups_ended"), "1");
        assert_eq!(value("requests_waiting"), "1");
        assert_eq!(value("survey_answers"), "5");
        assert_eq!(value("survey_seen_mean"), "5.0");
        assert_eq!(value("survey_mastery_agree_percent"), "0");

        // Another centre sees neither.
        let other = other_coordinator(&app).await;
        assert_eq!(
            app_error(dashboard(&app, &other, &centre.public_id).await).await,
            AppError::Forbidden
        );
        let csv_path = format!("/centres/{}/dashboard.csv", centre.public_id);
        assert_eq!(
            download_status(&app, &other, &csv_path).await,
            reqwest::StatusCode::FORBIDDEN
        );
        assert_eq!(
            download_status(&app, &app.client(), &csv_path).await,
            reqwest::StatusCode::UNAUTHORIZED
        );
        app.stop().await;
    }
}

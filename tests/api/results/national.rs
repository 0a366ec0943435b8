//! The national dashboard with a fixed data set: groups of a centre in Aarhus (one posted
//! a year and a half ago and ended long since), certified igangsættere in Aarhus and
//! København; each level's figures are what the data says, the months add up, the CSV
//! agrees, and only administrators see any of it.

use super::download_status;
use crate::matching::{
    groups::{igangsaetter, post_group},
    life::matched_with_ida,
    requests::setting,
};
use app::{
    api::results::{LoadNationalDashboard, NationalDashboard},
    domain::{national::Level, role::Role},
    errors::AppError,
    store::{centres, entities::group},
};
use chrono::{Duration, Utc};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{app_error, json, sign_in, staff},
    spawn_app,
};
use leptos::server_fn::ServerFn;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

async fn national(
    app: &TestApp,
    client: &reqwest::Client,
    level: &str,
    area: &str,
) -> reqwest::Response {
    app.call(
        client,
        LoadNationalDashboard::PATH,
        &[("level", level), ("area", area), ("page", "1")],
    )
    .await
}

#[tokio::test]
async fn national_figures_per_level_and_month_are_what_the_data_says() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        igangsaetter(&app, "ida@x.test", "2624652", "20", true).await;
        igangsaetter(&app, "ole@x.test", "2618425", "20", true).await;
        igangsaetter(&app, "new@x.test", "2624652", "20", false).await;
        let ida = sign_in(&app, "ida@x.test").await;
        // Two groups in Aarhus: one seeking, one matched with Ida; a third posted and ended
        // before the period, which counts nowhere.
        let (coordinator, _seeking) = setting(&app).await;
        let centre = centres::find_by_name(&app.db, "Centre A")
            .await
            .unwrap()
            .unwrap();
        let matched = post_group(&app, &coordinator, &centre.public_id).await;
        matched_with_ida(&app, &coordinator, &ida, matched).await;
        let old = post_group(&app, &coordinator, &centre.public_id).await;
        let long_ago = Utc::now() - Duration::days(550);
        group::Entity::update_many()
            .col_expr(group::Column::CreatedAt, Expr::value(long_ago))
            .col_expr(group::Column::Status, Expr::value("ended"))
            .col_expr(
                group::Column::EndedAt,
                Expr::value(Some(long_ago + Duration::days(20))),
            )
            .filter(group::Column::Id.eq(old))
            .exec(&app.db)
            .await
            .unwrap();

        let admin = staff(&app, "ada@x.test", Role::Admin, None).await;
        let by_country: NationalDashboard = json(national(&app, &admin, "country", "").await).await;
        assert_eq!(by_country.level, Level::Country, "{}", backend.name());
        assert_eq!(by_country.areas.total, 1);
        let dk = &by_country.areas.items[0];
        assert_eq!(dk.area, "DK");
        assert_eq!((dk.seeking, dk.meeting), (1, 0));
        assert_eq!((dk.flow.posted, dk.flow.matched), (2, 1));
        assert_eq!((dk.flow.started, dk.flow.ended), (0, 0));
        assert_eq!(dk.median_days_to_match, Some(0.0));
        assert_eq!(
            dk.certified,
            Some(2),
            "Ida and Ole; not the uncertified one"
        );
        assert_eq!(by_country.total.flow.posted, 2);
        // Twelve months, this one last, holding both postings and the match; the
        // certificates issued are the country's.
        assert_eq!(by_country.months.len(), 12);
        let this_month = by_country.months.last().unwrap();
        assert_eq!(
            this_month.month.label(),
            Utc::now().format("%Y-%m").to_string()
        );
        assert_eq!((this_month.flow.posted, this_month.flow.matched), (2, 1));
        assert_eq!(this_month.certificates, 2);
        let posted: u64 = by_country.months.iter().map(|m| m.flow.posted).sum();
        assert_eq!(posted, dk.flow.posted);

        let by_region: NationalDashboard = json(national(&app, &admin, "region", "").await).await;
        let areas: Vec<(&str, Option<u64>, u64)> = by_region
            .areas
            .items
            .iter()
            .map(|r| (r.area.as_str(), r.certified, r.flow.posted))
            .collect();
        assert_eq!(
            areas,
            [
                ("Region Hovedstaden", Some(1), 0),
                ("Region Midtjylland", Some(1), 2)
            ]
        );
        // One region's months: its groups only, no certificates (they have no area).
        let one: NationalDashboard =
            json(national(&app, &admin, "region", "Region Hovedstaden").await).await;
        assert_eq!(one.area.as_deref(), Some("Region Hovedstaden"));
        assert_eq!(one.months.iter().map(|m| m.flow.posted).sum::<u64>(), 0);
        assert_eq!(one.months.last().unwrap().certificates, 0);

        let by_municipality: NationalDashboard =
            json(national(&app, &admin, "municipality", "").await).await;
        assert_eq!(by_municipality.areas.items.len(), 1);
        assert_eq!(by_municipality.areas.items[0].area, "Aarhus");
        assert_eq!(
            by_municipality.areas.items[0].certified, None,
            "homes are towns, not municipalities"
        );

        // The CSV holds the page's numbers, every area and every month.
        let csv = admin
            .get(app.url("/admin/results.csv?level=region"))
            .send()
            .await
            .unwrap();
        assert!(csv.status().is_success());
        let text = csv.text().await.unwrap();
        assert!(
            text.lines()
                .any(|l| l == "area,region,Region Midtjylland,,1,0,2,1,0,0,0.0,1,"),
            "{text}"
        );
        assert_eq!(text.lines().count(), 1 + 2 + 12, "{text}");

        // Only administrators.
        assert_eq!(
            app_error(national(&app, &coordinator, "country", "").await).await,
            AppError::Forbidden
        );
        assert_eq!(
            download_status(&app, &coordinator, "/admin/results.csv").await,
            reqwest::StatusCode::FORBIDDEN
        );
        assert_eq!(
            download_status(&app, &app.client(), "/admin/results.csv").await,
            reqwest::StatusCode::UNAUTHORIZED
        );
        app.stop().await;
    }
}

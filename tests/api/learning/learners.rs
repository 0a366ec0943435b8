//! The learner overview: its filters, who sees which learners, and its CSV export.

use super::classroom::{Classroom, classroom};
use app::{
    api::{
        admin::Page,
        teaching::{LearnerOverview, TaughtCourse},
    },
    domain::learning::LearnerStatus,
    errors::{AppError, Problem},
    store::entities::enrolment,
};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{app_error, json},
    spawn_app,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

/// The first page of the course's learners that `client` may see, by centre and status.
pub(super) async fn learners(
    app: &TestApp,
    class: &Classroom,
    client: &reqwest::Client,
    centre: &str,
    status: &str,
) -> reqwest::Response {
    app.load_learners(client, &class.course.public_id, centre, status, 1)
        .await
}

/// [`learners`] as the overview it answers with.
pub(super) async fn overview(
    app: &TestApp,
    class: &Classroom,
    client: &reqwest::Client,
    centre: &str,
    status: &str,
) -> LearnerOverview {
    json(learners(app, class, client, centre, status).await).await
}

/// Center Nord's learners started long ago and have not been back for weeks.
async fn north_stuck(app: &TestApp, class: &Classroom) {
    let now = chrono::Utc::now();
    enrolment::Entity::update_many()
        .col_expr(
            enrolment::Column::LastActivityAt,
            Expr::value(now - chrono::Duration::days(40)),
        )
        .col_expr(
            enrolment::Column::StartedAt,
            Expr::value(now - chrono::Duration::days(60)),
        )
        .filter(enrolment::Column::CentreId.eq(class.north.id))
        .exec(&app.db)
        .await
        .unwrap();
}

async fn taught(app: &TestApp, client: &reqwest::Client) -> Page<TaughtCourse> {
    json(app.list_teaching(client, 1).await).await
}

#[tokio::test]
async fn the_learner_overview_filters_by_centre_and_status() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let class = classroom(&app).await;
        let tove = &class.tove;
        let all = overview(&app, &class, tove, "", "").await;
        assert!(all.all, "{}", backend.name());
        assert_eq!(all.learners.total, 2);
        let asta_row = all
            .learners
            .items
            .iter()
            .find(|l| l.name == "asta")
            .unwrap();
        assert_eq!(asta_row.centre.as_deref(), Some("Center Nord"));
        assert_eq!(asta_row.status, LearnerStatus::InProgress);
        assert_eq!(asta_row.modules[0].done, 1);
        assert_eq!(asta_row.modules.len(), 7);
        let by_centre = overview(&app, &class, tove, &class.north.public_id, "").await;
        assert_eq!(by_centre.learners.total, 1);
        let not_started = overview(&app, &class, tove, "", "not_started").await;
        assert_eq!(not_started.learners.items[0].name, "bent");
        assert_eq!(not_started.learners.total, 1);
        let bad = learners(&app, &class, tove, "", "sleeping").await;
        assert_eq!(
            app_error(bad).await,
            AppError::field("status", Problem::NotAllowed)
        );
        north_stuck(&app, &class).await;
        let stuck = overview(&app, &class, tove, "", "stuck").await;
        assert_eq!(stuck.learners.total, 1);
        assert_eq!(stuck.learners.items[0].status, LearnerStatus::Stuck);
        let in_progress = overview(&app, &class, tove, "", "in_progress").await;
        assert_eq!(in_progress.learners.total, 0);
        app.stop().await;
    }
}

#[tokio::test]
async fn coordinators_see_their_centres_learners_and_volunteers_nothing() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let class = classroom(&app).await;
        // Coordinators see their centre's learners; other trainers and volunteers nothing.
        let north_view = overview(&app, &class, &class.coordinator_north, "", "").await;
        assert!(!north_view.all, "{}", backend.name());
        assert_eq!(north_view.learners.total, 1);
        assert!(north_view.trainers.is_empty());
        let south_view = overview(&app, &class, &class.coordinator_south, "", "").await;
        assert_eq!(south_view.learners.total, 0);
        for client in [&class.otto, &class.bent] {
            let refused = learners(&app, &class, client, "", "").await;
            assert_eq!(app_error(refused).await, AppError::Forbidden);
        }
        let teaching = taught(&app, &class.tove).await;
        assert_eq!(teaching.items.len(), 1);
        assert_eq!(teaching.items[0].learners, 2);
        // Coordinators see the courses their centres' learners take, and only those learners.
        let north_list = taught(&app, &class.coordinator_north).await;
        assert_eq!(north_list.items.len(), 1);
        assert_eq!(north_list.items[0].learners, 1);
        assert!(
            taught(&app, &class.coordinator_south)
                .await
                .items
                .is_empty()
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn the_learner_export_follows_the_same_rules() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let class = classroom(&app).await;
        north_stuck(&app, &class).await;
        let course = class.course.public_id.as_str();
        let csv = app.learners_csv(&class.tove, course, "stuck").await;
        assert_eq!(csv.status(), 200, "{}", backend.name());
        assert!(
            csv.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        let text = csv.text().await.unwrap();
        let mut lines = text.lines();
        assert!(
            lines
                .next()
                .unwrap()
                .starts_with("name,email,centre,status,percent")
        );
        let row = lines.next().unwrap();
        assert!(
            row.contains("asta@x.test") && row.contains("stuck"),
            "{row}"
        );
        assert!(lines.next().is_none());
        let volunteer = app.learners_csv(&class.bent, course, "stuck").await;
        assert_eq!(volunteer.status(), 403);
        let visitor = app.learners_csv(&app.client(), course, "stuck").await;
        assert_eq!(visitor.status(), 401);
        let south_csv = app
            .learners_csv(&class.coordinator_south, course, "stuck")
            .await;
        assert_eq!(south_csv.status(), 200);
        let south_text = south_csv.text().await.unwrap();
        assert_eq!(south_text.lines().count(), 1, "header only: {south_text:?}");
        app.stop().await;
    }
}

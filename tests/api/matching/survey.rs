//! The outcome survey over HTTP: a centre opens it once its group has ended, participants
//! answer through the link without signing in, each answer keeps only its month, the totals
//! show from five answers, and a closed link takes no more.

use super::requests::{other_coordinator, setting, view};
use app::{
    api::matching::SurveyForm,
    errors::{AppError, Problem},
    store::entities::{group_survey, survey_answer},
};
use chrono::{Duration, Utc};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{app_error, json},
    spawn_app,
};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};

async fn answer(app: &TestApp, token: &str, points: [&str; 5]) -> reqwest::Response {
    let [seen, less_alone, insight, talking, mastery] = points;
    app.answer_survey(
        &app.client(),
        token,
        seen,
        less_alone,
        insight,
        talking,
        mastery,
    )
    .await
}

#[tokio::test]
async fn participants_answer_anonymously_and_totals_show_from_five() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (coordinator, group) = setting(&app).await;
        assert_eq!(
            app_error(app.open_survey(&coordinator, group).await).await,
            AppError::GroupMoved,
            "a group still seeking has nobody to ask"
        );
        assert!(view(&app, &coordinator, group).await.survey.is_none());
        assert!(
            app.move_group(&coordinator, group, "ended", "", true)
                .await
                .status()
                .is_success()
        );
        let other = other_coordinator(&app).await;
        assert_eq!(
            app_error(app.open_survey(&other, group).await).await,
            AppError::Forbidden
        );
        assert!(view(&app, &coordinator, group).await.survey_may_open);
        assert!(
            app.open_survey(&coordinator, group)
                .await
                .status()
                .is_success()
        );
        let opened = view(&app, &coordinator, group).await.survey.unwrap();
        assert!(
            app.open_survey(&coordinator, group)
                .await
                .status()
                .is_success()
        );
        let again = view(&app, &coordinator, group).await.survey.unwrap();
        assert_eq!(opened.link, again.link, "one link per group");
        assert!(opened.open && opened.answers == 0 && opened.summary.is_none());
        let token = opened.link.rsplit('/').next().unwrap().to_owned();

        let form: SurveyForm = json(app.load_survey(&app.client(), &token).await).await;
        assert_eq!(form.group, "Sorggruppe for voksne");
        assert_eq!(form.centre, "Centre A");
        assert!(form.open);
        assert_eq!(
            app_error(app.load_survey(&app.client(), "no-such-link").await).await,
            AppError::NotFound
        );
        assert_eq!(
            app_error(answer(&app, &token, ["5", "4", "", "4", "3"]).await).await,
            AppError::field("insight", Problem::Required)
        );
        assert_eq!(
            app_error(answer(&app, &token, ["5", "4", "4", "9", "3"]).await).await,
            AppError::field("talking", Problem::OutOfRange)
        );

        for _ in 0..4 {
            assert!(
                answer(&app, &token, ["5", "4", "3", "2", "1"])
                    .await
                    .status()
                    .is_success()
            );
        }
        let four = view(&app, &coordinator, group).await.survey.unwrap();
        assert_eq!(four.answers, 4, "{}", backend.name());
        assert!(four.summary.is_none(), "nothing shows below five answers");
        assert!(
            answer(&app, &token, ["1", "4", "3", "2", "5"])
                .await
                .status()
                .is_success()
        );
        let summary = view(&app, &coordinator, group)
            .await
            .survey
            .unwrap()
            .summary
            .expect("totals from five answers");
        assert_eq!(summary.answers, 5);
        assert_eq!(summary.figures[0].mean, 4.2);
        assert_eq!(summary.figures[0].agree_percent, 80);
        assert_eq!(summary.figures[1].agree_percent, 100);
        assert_eq!(summary.figures[4].mean, 1.8);

        // Each answer keeps its points and month, and nothing else.
        let rows = survey_answer::Entity::find().all(&app.db).await.unwrap();
        assert_eq!(rows.len(), 5);
        let month = app::api::dates::local_date(Utc::now())
            .format("%Y-%m")
            .to_string();
        assert!(rows.iter().all(|r| r.month == month && r.group_id == group));

        // A closed link takes no more answers.
        let mut link = group_survey::Entity::find_by_id(group)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .into_active_model();
        link.closes_at = Set(Utc::now() - Duration::minutes(1));
        link.update(&app.db).await.unwrap();
        assert_eq!(
            app_error(answer(&app, &token, ["5", "5", "5", "5", "5"]).await).await,
            AppError::SurveyClosed
        );
        let closed: SurveyForm = json(app.load_survey(&app.client(), &token).await).await;
        assert!(!closed.open);
        assert!(!view(&app, &coordinator, group).await.survey.unwrap().open);
        app.stop().await;
    }
}

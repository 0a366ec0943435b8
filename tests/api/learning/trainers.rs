//! Trainers of a course name other trainers; nobody else may.

use super::{
    classroom::classroom,
    learners::overview,
    reviews::{queue, sent},
};
use app::errors::{AppError, Problem};
use igang_tests::{
    TestOptions, backends,
    fixtures::{app_error, ok},
    spawn_app,
};

#[tokio::test]
async fn trainers_of_a_course_name_other_trainers_who_then_follow_its_learners() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let class = classroom(&app).await;
        let (tove, otto) = (&class.tove, &class.otto);
        // A reflection was sent and reviewed already.
        let id = sent(&app, &class).await;
        ok(app.review_reflection(tove, id, "accept", None).await).await;

        let course = class.course.public_id.as_str();
        let by_otto = app.add_course_trainer(otto, course, "otto@x.test").await;
        assert_eq!(
            app_error(by_otto).await,
            AppError::Forbidden,
            "{}",
            backend.name()
        );
        let learner = app.add_course_trainer(tove, course, "asta@x.test").await;
        assert_eq!(
            app_error(learner).await,
            AppError::field("email", Problem::NotAllowed),
            "only trainers can be named"
        );
        ok(app.add_course_trainer(tove, course, "otto@x.test").await).await;
        assert_eq!(queue(&app, otto).await.total, 0, "nothing waits now");
        let now_all = overview(&app, &class, otto, "", "").await;
        assert_eq!(now_all.trainers.len(), 2);
        app.stop().await;
    }
}

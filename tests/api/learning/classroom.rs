//! The shipped course with a trainer, two centres with a coordinator each, and two learners:
//! Asta at Center Nord, one lesson read, and Bent, at no centre, not started yet.

use super::{SLUG, enrol, first_module, read};
use app::domain::ids::LessonId;
use app::{
    domain::role::Role,
    store::{
        centres::Centre,
        courses::{self, Course},
        learning,
    },
};
use igang_tests::{
    TestApp,
    fixtures::{account, centre, sign_in_with_authenticator, staff, volunteer},
};

pub(super) struct Classroom {
    pub north: Centre,
    /// The shipped course.
    pub course: Course,
    /// Tove, trainer of the course.
    pub tove: reqwest::Client,
    /// Otto, a trainer of other courses.
    pub otto: reqwest::Client,
    pub coordinator_north: reqwest::Client,
    pub coordinator_south: reqwest::Client,
    pub asta: reqwest::Client,
    pub bent: reqwest::Client,
    /// The first module's lesson with a quiz and a reflection.
    pub quiz_lesson: LessonId,
}

pub(super) async fn classroom(app: &TestApp) -> Classroom {
    let north = centre(app, "Center Nord").await;
    let south = centre(app, "Center Syd").await;
    let trainer_id = account(app, "tove@x.test", Role::Trainer).await;
    let tove = sign_in_with_authenticator(app, "tove@x.test").await;
    let otto = staff(app, "otto@x.test", Role::Trainer, None).await;
    let coordinator_north = staff(app, "nina@x.test", Role::Coordinator, Some(north.id)).await;
    let coordinator_south = staff(app, "sune@x.test", Role::Coordinator, Some(south.id)).await;
    let course = courses::find_by_slug(&app.db, SLUG).await.unwrap().unwrap();
    learning::add_trainer(&app.db, course.id, trainer_id, chrono::Utc::now())
        .await
        .unwrap();

    let asta = volunteer(app, "asta@x.test").await;
    let bent = volunteer(app, "bent@x.test").await;
    enrol(app, &asta, SLUG, &north.public_id).await;
    enrol(app, &bent, SLUG, "").await;
    let lessons = first_module(app, &asta, SLUG).await;
    read(app, &asta, &lessons[..1]).await;
    Classroom {
        north,
        course,
        tove,
        otto,
        coordinator_north,
        coordinator_south,
        asta,
        bent,
        quiz_lesson: lessons[3],
    }
}

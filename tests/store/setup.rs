//! What the store tests start from: the shipped courses, published, and learners enrolled.

use app::{
    curriculum,
    domain::{
        email::EmailAddress,
        language::Language,
        role::{CentreKind, Country},
    },
    store::{
        centres::{self, Centre, NewCentre},
        courses::{self, Course, VersionContent},
        learning::{self, EnrolledCourse},
        people::{self, NewUser},
    },
};
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

/// The shipped courses installed and published; the first of them with its content.
pub async fn published_course(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> (Course, VersionContent) {
    curriculum::install_missing(db, now)
        .await
        .expect("the shipped courses install");
    let course = courses::find_by_slug(db, "igangsaetteruddannelse")
        .await
        .unwrap()
        .expect("the shipped course");
    let content = courses::load_content(db, course.published_version_id.unwrap())
        .await
        .unwrap();
    (course, content)
}

/// A new volunteer's account id.
pub async fn person(db: &DatabaseConnection, email: &str, now: DateTime<Utc>) -> i32 {
    people::create_user(
        db,
        NewUser {
            email: EmailAddress::parse(email).unwrap(),
            display_name: email.split('@').next().unwrap().to_owned(),
            language: Language::Da,
            password_hash: None,
            email_verified: true,
        },
        now,
    )
    .await
    .unwrap()
    .id
}

/// A volunteer enrolled in `course`, read back as their enrolled course.
pub async fn enrolled(
    db: &DatabaseConnection,
    course: &Course,
    email: &str,
    now: DateTime<Utc>,
) -> EnrolledCourse {
    let user = person(db, email, now).await;
    let enrolment = learning::enrol(db, user, course, None, now).await.unwrap();
    learning::enrolled(db, enrolment).await.unwrap()
}

/// A volunteer centre.
pub async fn centre(db: &DatabaseConnection, name: &str, now: DateTime<Utc>) -> Centre {
    centres::create(
        db,
        NewCentre {
            name: name.to_owned(),
            kind: CentreKind::VolunteerCentre,
            country: Country::Dk,
            municipality: "Aarhus".to_owned(),
            contact_email: EmailAddress::parse("kontakt@center.test").unwrap(),
        },
        now,
    )
    .await
    .unwrap()
}

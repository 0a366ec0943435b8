//! Courses in the store: drafts beside the published version, unique short names, the first
//! module that never waits, and publishing only what passes its checks.

use crate::setup::published_course;
use app::{
    domain::{
        course::{CourseDoc, CourseStatus, ModuleDoc, Topic, VersionState},
        language::Language,
    },
    store::courses::{self, CourseError},
};
use chrono::Utc;
use igang_tests::{backends, store_database};

fn module(slug: &str, requires_previous: bool) -> ModuleDoc {
    ModuleDoc {
        slug: slug.to_owned(),
        title: format!("Modul {slug}"),
        topic: Topic::Values,
        requires_previous,
        summary: "Kort om modulet.".to_owned(),
        body: String::new(),
        lessons: Vec::new(),
    }
}

fn empty_course(slug: &str) -> CourseDoc {
    CourseDoc {
        slug: slug.to_owned(),
        title: "Et nyt kursus".to_owned(),
        language: Language::Da,
        summary: "Kort om kurset.".to_owned(),
        leads_to_certificate: false,
        body: String::new(),
        modules: Vec::new(),
    }
}

#[tokio::test]
async fn modules_get_unique_short_names_and_the_first_never_waits() {
    for backend in backends() {
        let store = store_database(&backend).await;
        let db = &store.db;
        let now = Utc::now();
        let course = courses::create(db, &empty_course("nyt-kursus"), None, now)
            .await
            .unwrap();
        assert_eq!(course.status, CourseStatus::Draft);
        assert!(matches!(
            courses::create(db, &empty_course("nyt-kursus"), None, now).await,
            Err(CourseError::SlugTaken)
        ));
        let draft = courses::draft(db, course.id)
            .await
            .unwrap()
            .expect("a draft");
        assert_eq!(draft.state, VersionState::Draft);
        let first = courses::add_module(db, draft.id, &module("start", true))
            .await
            .unwrap();
        let second = courses::add_module(db, draft.id, &module("start", true))
            .await
            .unwrap();
        assert!(
            !first.requires_previous,
            "the first module has nothing before it"
        );
        assert!(second.requires_previous);
        assert_ne!(first.slug, second.slug);
        assert!(second.slug.starts_with("start"));
        // A course whose modules have no lessons does not pass its checks.
        assert!(matches!(
            courses::publish(db, &course, None, now).await,
            Err(CourseError::Flaws(_))
        ));
        store.close().await;
    }
}

#[tokio::test]
async fn a_draft_of_a_published_course_can_be_discarded() {
    for backend in backends() {
        let store = store_database(&backend).await;
        let db = &store.db;
        let now = Utc::now();
        let (course, content) = published_course(db, now).await;
        assert_eq!(course.status, CourseStatus::Published);
        assert_eq!(content.version.state, VersionState::Published);
        let draft = courses::start_draft(db, &course, None, now).await.unwrap();
        assert_eq!(draft.number, content.version.number + 1);
        let copy = courses::load_content(db, draft.id).await.unwrap();
        assert_eq!(
            copy.modules.len(),
            content.modules.len(),
            "the draft starts as a copy"
        );
        courses::discard_draft(db, &course).await.unwrap();
        assert!(courses::draft(db, course.id).await.unwrap().is_none());
        assert!(matches!(
            courses::publish(db, &course, None, now).await,
            Err(CourseError::NothingToPublish)
        ));
        store.close().await;
    }
}

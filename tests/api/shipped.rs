//! Shipped courses that nobody has changed follow the curriculum of the running build: a new
//! version is published when the shipped text differs, learners keep the version they
//! started, and courses a trainer has edited are left alone.

use app::domain::ids::VersionId;
use app::{
    curriculum::update_untouched,
    domain::role::Role,
    store::{
        courses,
        entities::{course_version, enrolment},
    },
};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{account, json, sign_in},
    spawn_app,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

/// The id of the published version of the shipped course with `slug`.
async fn published_version(app: &TestApp, slug: &str) -> VersionId {
    let course = courses::find_by_slug(&app.db, slug).await.unwrap();
    let course = course.unwrap_or_else(|| panic!("{}: {slug} is shipped", app.backend.name()));
    course.published_version_id.unwrap()
}

/// Gives a version another title and, when given, sets who wrote or published it.
async fn retitle(
    app: &TestApp,
    version: VersionId,
    title: &str,
    by: Option<(course_version::Column, i32)>,
) {
    let mut update = course_version::Entity::update_many()
        .col_expr(course_version::Column::Title, Expr::value(title));
    if let Some((column, person)) = by {
        update = update.col_expr(column, Expr::value(person));
    }
    update
        .filter(course_version::Column::Id.eq(version))
        .exec(&app.db)
        .await
        .unwrap();
}

async fn title(app: &TestApp, version: VersionId) -> String {
    let version = course_version::Entity::find_by_id(version)
        .one(&app.db)
        .await;
    version.unwrap().unwrap().title
}

#[tokio::test]
async fn untouched_shipped_courses_get_the_new_text_as_a_new_version() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let now = chrono::Utc::now();
        let name = backend.name();
        assert_eq!(
            update_untouched(&app.db, now).await.unwrap(),
            0,
            "{name}: a fresh install is up to date"
        );

        // The Danish course's published version holds an older text, and a learner started it.
        let old = published_version(&app, "igangsaetteruddannelse").await;
        retitle(&app, old, "En ældre titel", None).await;
        let learner = account(&app, "mona@frivillig.test", Role::Volunteer).await;
        let mona = sign_in(&app, "mona@frivillig.test").await;
        let _: i32 = json(app.enrol(&mona, "igangsaetteruddannelse", "").await).await;

        // A course a trainer has changed is never overwritten.
        let en = published_version(&app, "group-starter-training").await;
        let trainer = account(&app, "lone@frivillig.test", Role::Trainer).await;
        let written_by = (course_version::Column::CreatedBy, trainer);
        retitle(&app, en, "Lone's own title", Some(written_by)).await;
        // Nor is one a person published (an imported draft has no author of its own).
        let nb = published_version(&app, "igangsetteropplaering").await;
        let published_by = (course_version::Column::PublishedBy, trainer);
        retitle(&app, nb, "Importert", Some(published_by)).await;

        assert_eq!(update_untouched(&app.db, now).await.unwrap(), 1, "{name}");
        let new = published_version(&app, "igangsaetteruddannelse").await;
        assert_ne!(new, old, "{name}: a new version is published");
        assert_eq!(title(&app, new).await, "Igangsætteruddannelse", "{name}");
        let started = enrolment::Entity::find()
            .filter(enrolment::Column::UserId.eq(learner))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            started.version_id, old,
            "{name}: the learner keeps the version she started"
        );
        assert_eq!(title(&app, en).await, "Lone's own title", "{name}");
        assert_eq!(
            update_untouched(&app.db, now).await.unwrap(),
            0,
            "{name}: once is enough"
        );
        app.stop().await;
    }
}

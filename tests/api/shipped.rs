//! Shipped courses that nobody has changed follow the curriculum of the running build: a new
//! version is published when the shipped text differs, learners keep the version they
//! started, and courses a trainer has edited are left alone.

use app::{
    api::learning::Enrol,
    curriculum::update_untouched,
    domain::role::Role,
    store::{
        courses,
        entities::{course_version, enrolment},
    },
};
use igang_tests::{
    TestOptions, backends,
    fixtures::{account, json, sign_in},
    spawn_app,
};
use leptos::server_fn::ServerFn;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

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
        let da = courses::find_by_slug(&app.db, "igangsaetteruddannelse")
            .await
            .unwrap()
            .unwrap();
        let old = da.published_version_id.unwrap();
        course_version::Entity::update_many()
            .col_expr(course_version::Column::Title, Expr::value("En ældre titel"))
            .filter(course_version::Column::Id.eq(old))
            .exec(&app.db)
            .await
            .unwrap();
        let learner = account(&app, "mona@frivillig.test", Role::Volunteer).await;
        let mona = sign_in(&app, "mona@frivillig.test").await;
        let _: i32 = json(
            app.call(
                &mona,
                Enrol::PATH,
                &[("slug", "igangsaetteruddannelse"), ("centre", "")],
            )
            .await,
        )
        .await;

        // A course a trainer has changed is never overwritten.
        let en = courses::find_by_slug(&app.db, "group-starter-training")
            .await
            .unwrap();
        let en = en.unwrap_or_else(|| panic!("{name}: the English course is shipped"));
        let trainer = account(&app, "lone@frivillig.test", Role::Trainer).await;
        course_version::Entity::update_many()
            .col_expr(
                course_version::Column::Title,
                Expr::value("Lone's own title"),
            )
            .col_expr(course_version::Column::CreatedBy, Expr::value(trainer))
            .filter(course_version::Column::Id.eq(en.published_version_id.unwrap()))
            .exec(&app.db)
            .await
            .unwrap();
        // Nor is one a person published (an imported draft has no author of its own).
        let nb = courses::find_by_slug(&app.db, "igangsetteropplaering")
            .await
            .unwrap()
            .unwrap();
        course_version::Entity::update_many()
            .col_expr(course_version::Column::Title, Expr::value("Importert"))
            .col_expr(course_version::Column::PublishedBy, Expr::value(trainer))
            .filter(course_version::Column::Id.eq(nb.published_version_id.unwrap()))
            .exec(&app.db)
            .await
            .unwrap();

        assert_eq!(update_untouched(&app.db, now).await.unwrap(), 1, "{name}");
        let da = courses::find_by_slug(&app.db, "igangsaetteruddannelse")
            .await
            .unwrap()
            .unwrap();
        let new = da.published_version_id.unwrap();
        assert_ne!(new, old, "{name}: a new version is published");
        let title = course_version::Entity::find_by_id(new)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .title;
        assert_eq!(title, "Igangsætteruddannelse", "{name}");
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
        let en_title = course_version::Entity::find_by_id(en.published_version_id.unwrap())
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .title;
        assert_eq!(en_title, "Lone's own title", "{name}");
        assert_eq!(
            update_untouched(&app.db, now).await.unwrap(),
            0,
            "{name}: once is enough"
        );
        app.stop().await;
    }
}

//! The sign-off queue: a programme with a practical part holds the volunteer in the queue of
//! the trainers of its courses, and the sign-off issues the certificate at once.

use super::{complete_course, mails_to};
use crate::learning::SLUG;
use app::{
    api::{
        admin::Page,
        certification::{MyCertification, SignOff, SignOffItem, SignOffQueue},
    },
    domain::role::Role,
    errors::AppError,
    store::{certification, courses, entities::programme, learning},
};
use igang_tests::{
    TestOptions, backends,
    fixtures::{account, app_error, json, ok, sign_in_with_authenticator, staff, volunteer},
    spawn_app,
};
use leptos::server_fn::ServerFn;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

#[tokio::test]
async fn a_practical_part_waits_for_the_courses_trainer_and_the_sign_off_issues_the_certificate() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    // The shipped programme, here with a practical part instead of a workshop.
    let shipped = certification::all(&app.db).await.unwrap().remove(0);
    let mut row: programme::ActiveModel = programme::Entity::find_by_id(shipped.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into();
    row.workshops = Set(0);
    row.sign_off = Set(Some(
        "Har startet en gruppe sammen med en erfaren igangsætter".into(),
    ));
    row.update(&app.db).await.unwrap();
    let tove_id = account(&app, "tove@x.test", Role::Trainer).await;
    let tove = sign_in_with_authenticator(&app, "tove@x.test").await;
    let course = courses::find_by_slug(&app.db, SLUG).await.unwrap().unwrap();
    learning::add_trainer(&app.db, course.id, tove_id, chrono::Utc::now())
        .await
        .unwrap();
    let otto = staff(&app, "otto@x.test", Role::Trainer, None).await;
    let asta = volunteer(&app, "asta@x.test").await;

    assert!(complete_course(&app, &asta).await);
    let mine: MyCertification = json(app.load_my_certification(&asta).await).await;
    assert!(mine.certificates.is_empty());
    assert!(mine.progress[0].awaiting_sign_off);

    let queue: Page<SignOffItem> =
        json(app.call(&tove, SignOffQueue::PATH, &[("page", "1")]).await).await;
    assert_eq!(queue.items.len(), 1);
    let item = &queue.items[0];
    assert_eq!(item.name, "asta");
    let others: Page<SignOffItem> =
        json(app.call(&otto, SignOffQueue::PATH, &[("page", "1")]).await).await;
    assert!(others.items.is_empty(), "not a trainer of the course");

    let programme = item.programme.to_string();
    let form = [
        ("programme", programme.as_str()),
        ("person", item.person.as_str()),
        ("note", "Startede en sorggruppe i Aarhus med Karen i marts."),
    ];
    assert_eq!(
        app_error(app.call(&otto, SignOff::PATH, &form).await).await,
        AppError::Forbidden
    );
    ok(app.call(&tove, SignOff::PATH, &form).await).await;
    let mine: MyCertification = json(app.load_my_certification(&asta).await).await;
    assert_eq!(mine.certificates.len(), 1, "issued with the sign-off");
    assert_eq!(mails_to(&app, "asta@x.test").await, ["certificate_issued"]);
    let queue: Page<SignOffItem> =
        json(app.call(&tove, SignOffQueue::PATH, &[("page", "1")]).await).await;
    assert!(queue.items.is_empty());
    assert_eq!(
        app_error(app.call(&tove, SignOff::PATH, &form).await).await,
        AppError::NotFound,
        "signed off already"
    );
    app.stop().await;
}

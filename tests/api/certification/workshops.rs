//! Workshops: seats never overbooked under concurrent sign-ups, the waiting list moving up,
//! times and closing, and who may run the attendance list.

use super::{mails_to, schedule};
use app::{
    api::{admin::Page, workshops::WorkshopItem},
    domain::{role::Role, workshops::Placement},
    errors::{AppError, Problem},
    store::entities::workshop_signup,
};
use chrono::Duration;
use igang_tests::{
    TestOptions, backends,
    client::WorkshopForm,
    fixtures::{app_error, json, ok, staff, volunteer},
    spawn_app,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

#[tokio::test]
async fn a_full_workshop_never_seats_more_than_its_capacity_and_the_waiting_list_moves_up() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "tove@x.test", Role::Trainer, None).await;
        let workshop = schedule(&app, &trainer, Duration::days(3), 3).await;
        let mut people = Vec::new();
        for i in 0..8 {
            people.push(volunteer(&app, &format!("v{i}@x.test")).await);
        }
        // Everyone at once.
        let answers = futures::future::join_all(
            people
                .iter()
                .map(|client| app.sign_up_for_workshop(client, workshop)),
        )
        .await;
        let mut placements = Vec::new();
        for answer in answers {
            placements.push(json::<Placement>(answer).await);
        }
        let seated = placements.iter().filter(|p| **p == Placement::Seat).count();
        assert_eq!(seated, 3, "{}", backend.name());
        let list: Page<WorkshopItem> = json(app.list_workshops(&people[0], 1).await).await;
        assert_eq!((list.items[0].seats_left, list.items[0].waiting), (0, 5));

        // A seated person cancels: the first on the waiting list gets the seat and a mail.
        let rows = workshop_signup::Entity::find()
            .filter(workshop_signup::Column::WorkshopId.eq(workshop))
            .order_by_asc(workshop_signup::Column::SignedUpAt)
            .order_by_asc(workshop_signup::Column::Id)
            .all(&app.db)
            .await
            .unwrap();
        let leaving = placements
            .iter()
            .position(|p| *p == Placement::Seat)
            .unwrap();
        let first_waiting = rows
            .iter()
            .find(|r| r.placement == Placement::WaitingList)
            .unwrap()
            .user_id;
        ok(app.cancel_workshop_place(&people[leaving], workshop).await).await;
        let moved = workshop_signup::Entity::find()
            .filter(workshop_signup::Column::UserId.eq(first_waiting))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(moved.placement, Placement::Seat);
        let email = app::store::people::find_by_id(&app.db, first_waiting)
            .await
            .unwrap()
            .unwrap()
            .email;
        assert_eq!(mails_to(&app, &email).await, ["workshop_seat"]);
        let list: Page<WorkshopItem> = json(app.list_workshops(&people[0], 1).await).await;
        assert_eq!((list.items[0].seats_left, list.items[0].waiting), (0, 4));

        // Cancelling twice finds nothing to cancel.
        assert_eq!(
            app_error(app.cancel_workshop_place(&people[leaving], workshop).await).await,
            AppError::NotFound
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn only_the_trainer_who_runs_a_workshop_sees_and_marks_its_list() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let tove = staff(&app, "tove@x.test", Role::Trainer, None).await;
    let otto = staff(&app, "otto@x.test", Role::Trainer, None).await;
    let admin = staff(&app, "ada@x.test", Role::Admin, None).await;
    let asta = volunteer(&app, "asta@x.test").await;
    let workshop = schedule(&app, &tove, Duration::hours(1), 5).await;
    json::<Placement>(app.sign_up_for_workshop(&asta, workshop).await).await;
    let asta_id = app::store::people::find_by_email(
        &app.db,
        &app::domain::email::EmailAddress::parse("asta@x.test").unwrap(),
    )
    .await
    .unwrap()
    .unwrap()
    .public_id;
    for stranger in [&otto, &asta] {
        assert_eq!(
            app_error(app.load_attendance(stranger, workshop).await).await,
            AppError::Forbidden
        );
        assert_eq!(
            app_error(
                app.mark_attendance(stranger, workshop, &asta_id, "yes")
                    .await
            )
            .await,
            AppError::Forbidden
        );
    }
    ok(app.mark_attendance(&tove, workshop, &asta_id, "no").await).await;
    ok(app.mark_attendance(&admin, workshop, &asta_id, "yes").await).await;
    // The list answers only for people holding a seat.
    assert_eq!(
        app_error(
            app.mark_attendance(&tove, workshop, "no-such-person", "yes")
                .await
        )
        .await,
        AppError::NotFound
    );
    app.stop().await;
}

#[tokio::test]
async fn workshop_times_are_checked_and_signing_up_closes_at_the_start() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let tove = staff(&app, "tove@x.test", Role::Trainer, None).await;
    let asta = volunteer(&app, "asta@x.test").await;
    let at = app::api::dates::local_input;
    let soon = chrono::Utc::now() + Duration::days(2);
    let cases = [
        (
            at(soon - Duration::days(4)),
            at(soon),
            "starts",
            Problem::OutOfRange,
        ),
        (
            at(soon),
            at(soon - Duration::hours(1)),
            "ends",
            Problem::OutOfRange,
        ),
        (
            "i morgen".to_owned(),
            at(soon),
            "starts",
            Problem::NotAllowed,
        ),
    ];
    for (starts, ends, field, problem) in cases {
        let refused = app
            .schedule_workshop(&tove, &WorkshopForm::new(starts, ends, 10))
            .await;
        assert_eq!(app_error(refused).await, AppError::field(field, problem));
    }
    let no_seats = WorkshopForm::new(at(soon), at(soon + Duration::hours(2)), 0);
    let refused = app.schedule_workshop(&tove, &no_seats).await;
    assert_eq!(
        app_error(refused).await,
        AppError::field("capacity", Problem::OutOfRange)
    );

    // A workshop that has started takes no sign-ups and no cancellations.
    let workshop = schedule(&app, &tove, Duration::hours(1), 5).await;
    json::<Placement>(app.sign_up_for_workshop(&asta, workshop).await).await;
    use sea_orm::{ActiveModelTrait, Set};
    let mut row: app::store::entities::workshop::ActiveModel =
        app::store::entities::workshop::Entity::find_by_id(workshop)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .into();
    row.starts_at = Set(chrono::Utc::now() - Duration::minutes(5));
    row.update(&app.db).await.unwrap();
    let late = volunteer(&app, "late@x.test").await;
    assert_eq!(
        app_error(app.sign_up_for_workshop(&late, workshop).await).await,
        AppError::WorkshopStarted
    );
    assert_eq!(
        app_error(app.cancel_workshop_place(&asta, workshop).await).await,
        AppError::WorkshopStarted
    );
    app.stop().await;
}

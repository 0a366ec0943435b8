//! A removed account's seats at workshops to come go to those waiting, as a cancellation
//! would; a seat at a workshop already held stays with the emptied account.

use app::{
    domain::{ids::WorkshopId, role::Role, workshops::Placement},
    store::entities::{outbox_message, workshop, workshop_signup},
};
use chrono::{Duration, Utc};
use igang_tests::{
    TestOptions, backends,
    client::WorkshopForm,
    fixtures::{PASSWORD, json, ok, staff, volunteer},
    spawn_app,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

#[tokio::test]
async fn a_removed_persons_seat_at_a_workshop_to_come_goes_to_the_first_waiting() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "tove@x.test", Role::Trainer, None).await;
        let at = app::api::dates::local_input;
        let schedule = |days: i64| {
            let starts = Utc::now() + Duration::days(days);
            WorkshopForm::new(at(starts), at(starts + Duration::hours(2)), 1)
        };
        let coming: WorkshopId = json(app.schedule_workshop(&trainer, &schedule(5)).await).await;
        let held: WorkshopId = json(app.schedule_workshop(&trainer, &schedule(6)).await).await;
        let asta = volunteer(&app, "asta@x.test").await;
        let bo = volunteer(&app, "bo@x.test").await;
        for workshop in [coming, held] {
            assert_eq!(
                json::<Placement>(app.sign_up_for_workshop(&asta, workshop).await).await,
                Placement::Seat
            );
            assert_eq!(
                json::<Placement>(app.sign_up_for_workshop(&bo, workshop).await).await,
                Placement::WaitingList
            );
        }
        // The second one has taken place by now.
        let mut row: workshop::ActiveModel = workshop::Entity::find_by_id(held)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .into();
        row.starts_at = Set(Utc::now() - Duration::days(2));
        row.ends_at = Set(Utc::now() - Duration::days(2) + Duration::hours(2));
        row.update(&app.db).await.unwrap();

        let mails_to_bo = || {
            outbox_message::Entity::find()
                .filter(outbox_message::Column::Recipient.eq("bo@x.test"))
                .count(&app.db)
        };
        let before = mails_to_bo().await.unwrap();
        ok(app.delete_account(&asta, PASSWORD, true).await).await;

        let seats = |workshop: WorkshopId| {
            workshop_signup::Entity::find()
                .filter(workshop_signup::Column::WorkshopId.eq(workshop))
                .filter(workshop_signup::Column::Placement.eq(Placement::Seat))
                .all(&app.db)
        };
        let coming_seats = seats(coming).await.unwrap();
        assert_eq!(coming_seats.len(), 1);
        let bo_id = app::store::people::find_by_email(
            &app.db,
            &app::domain::email::EmailAddress::parse("bo@x.test").unwrap(),
        )
        .await
        .unwrap()
        .unwrap()
        .id;
        assert_eq!(coming_seats[0].user_id, bo_id, "Bo moved up");
        assert_eq!(mails_to_bo().await.unwrap(), before + 1, "and was told");
        let held_seats = seats(held).await.unwrap();
        assert_eq!(held_seats.len(), 1);
        assert_ne!(held_seats[0].user_id, bo_id, "the seat that was used stays");
        app.stop().await;
    }
}

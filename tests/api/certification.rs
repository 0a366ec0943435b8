//! Certification over HTTP: workshops with their seats, waiting list and attendance; the
//! certificate issued the moment the last requirement is met; the public check by code.

mod calendar;
mod credentials;
mod documents;
mod issuing;
mod lifecycle;
mod programmes;
mod sign_offs;
mod workshops;

use crate::learning::SLUG;
use app::{
    api::workshops::AttendanceList, domain::ids::WorkshopId, store::entities::outbox_message,
};
use chrono::{Duration, Utc};
use igang_tests::{
    TestApp,
    client::WorkshopForm,
    fixtures::{json, ok},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// Schedules a workshop starting `from_now` (two hours long) with `capacity` seats.
async fn schedule(
    app: &TestApp,
    trainer: &reqwest::Client,
    from_now: Duration,
    capacity: u32,
) -> WorkshopId {
    let starts = Utc::now() + from_now;
    let at = app::api::dates::local_input;
    let form = WorkshopForm::new(at(starts), at(starts + Duration::hours(2)), capacity);
    json(app.schedule_workshop(trainer, &form).await).await
}

/// Starts the shipped Danish course and finishes every lesson in order; returns whether the
/// last one completed it.
async fn complete_course(app: &TestApp, client: &reqwest::Client) -> bool {
    complete(app, client, SLUG).await
}

/// Starts the course with this short name and finishes every lesson in order.
async fn complete(app: &TestApp, client: &reqwest::Client, slug: &str) -> bool {
    igang_tests::courses::complete_course(app, client, slug).await
}

/// Signs `volunteer` up for the workshop (a seat, not the waiting list) and has the trainer
/// mark everyone there present.
async fn attend(
    app: &TestApp,
    trainer: &reqwest::Client,
    volunteer: &reqwest::Client,
    workshop: WorkshopId,
) {
    let placement: app::domain::workshops::Placement =
        json(app.sign_up_for_workshop(volunteer, workshop).await).await;
    assert_eq!(placement, app::domain::workshops::Placement::Seat);
    mark_all_present(app, trainer, workshop).await;
}

/// Marks everyone holding a seat at the workshop as present.
async fn mark_all_present(app: &TestApp, trainer: &reqwest::Client, workshop: WorkshopId) {
    let list: AttendanceList = json(app.load_attendance(trainer, workshop).await).await;
    for person in &list.people {
        ok(app
            .mark_attendance(trainer, workshop, &person.person, "yes")
            .await)
        .await;
    }
}

/// The templates of the mails queued to `address`, oldest first.
async fn mails_to(app: &TestApp, address: &str) -> Vec<String> {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Recipient.eq(address))
        // In the order they were queued: without an order, PostgreSQL returns a row the
        // mail worker has since updated after the others.
        .order_by_asc(outbox_message::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.template)
        .collect()
}

/// Gives `email`'s account a certificate of the shipped programme directly, issued at
/// `issued_at` and expiring at `expires_at`; returns its code.
async fn certificate_for(
    app: &TestApp,
    email: &str,
    issued_at: chrono::DateTime<Utc>,
    expires_at: chrono::DateTime<Utc>,
) -> app::domain::certification::CertificateCode {
    use app::{
        domain::{certification::CertificateCode, email::EmailAddress},
        store::{certification, entities::certificate, people},
    };
    use sea_orm::{ActiveModelTrait, Set};
    let person = people::find_by_email(&app.db, &EmailAddress::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap();
    let programme = certification::all(&app.db).await.unwrap().remove(0);
    let code = CertificateCode::from_bytes(rand::random());
    certificate::ActiveModel {
        code: Set(code.clone()),
        programme_id: Set(programme.id),
        user_id: Set(Some(person.id)),
        holder_name: Set(Some(person.display_name)),
        language: Set("da".into()),
        issued_at: Set(issued_at),
        expires_at: Set(Some(expires_at)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    code
}

//! Certification over HTTP: workshops with their seats, waiting list and attendance; the
//! certificate issued the moment the last requirement is met; the public check by code.

mod issuing;
mod workshops;

use crate::learning::{SLUG, answers, enrol, key, overview, player};
use app::{
    api::{learning::Done, workshops::AttendanceList},
    domain::ids::{LessonId, WorkshopId},
    store::entities::outbox_message,
};
use chrono::{Duration, Utc};
use igang_tests::{
    TestApp,
    client::WorkshopForm,
    fixtures::{json, ok},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

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

/// Finishes a lesson as a learner does: sends its reflections, passes its quiz, or marks it
/// done when it has neither. Returns whether that completed the course.
async fn finish_lesson(app: &TestApp, client: &reqwest::Client, lesson: LessonId) -> bool {
    let page = player(app, client, lesson).await;
    let mut completed = false;
    for reflection in &page.reflections {
        let done: Done = json(
            app.save_reflection(
                client,
                lesson,
                reflection.question,
                "Jeg vil lytte mere, end jeg taler, og lade gruppen finde sine egne svar.",
                true,
            )
            .await,
        )
        .await;
        completed |= done.course_completed;
    }
    let right = answers(app, lesson, true).await;
    if !right.is_empty() {
        let done: Done = json(app.submit_quiz(client, lesson, &key(), &right).await).await;
        completed |= done.course_completed;
    } else if page.reflections.is_empty() {
        let done: Done = json(app.mark_lesson_done(client, lesson).await).await;
        completed |= done.course_completed;
    }
    completed
}

/// Starts the shipped Danish course and finishes every lesson in order; returns whether the
/// last one completed it.
async fn complete_course(app: &TestApp, client: &reqwest::Client) -> bool {
    enrol(app, client, SLUG, "").await;
    let course = overview(app, client, SLUG).await;
    let mut completed = false;
    for module in &course.modules {
        for lesson in &module.lessons {
            completed = finish_lesson(app, client, lesson.id).await;
        }
    }
    completed
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
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.template)
        .collect()
}

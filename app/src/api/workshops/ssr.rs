//! What the workshop server functions share: a workshop as the pages show it, and the
//! emails that follow a change.

use super::WorkshopItem;
use crate::{
    domain::{email::EmailAddress, language::Language, workshops::Placement},
    errors::AppError,
    mail::{self, Template},
    store::{people, workshops::WorkshopSummary},
};
use sea_orm::ConnectionTrait;

/// A workshop as the pages show it, for a viewer holding `mine` there.
pub fn item(summary: WorkshopSummary, mine: Option<Placement>, viewer: i32) -> WorkshopItem {
    let w = summary.workshop;
    let capacity = u32::try_from(w.capacity).unwrap_or(0);
    WorkshopItem {
        id: w.id,
        title: w.title,
        starts: crate::api::dates::local_time(w.starts_at),
        ends: crate::api::dates::local_time(w.ends_at),
        place: w.place,
        language: w.language,
        description: w.description,
        capacity,
        seats_left: capacity.saturating_sub(summary.seated),
        waiting: summary.waiting,
        mine,
        organiser: w.created_by == Some(viewer),
    }
}

/// Tells each person who moved up from the waiting list that the seat is theirs.
pub async fn tell_moved_up(
    db: &impl ConnectionTrait,
    base_url: &str,
    workshop: &crate::store::entities::workshop::Model,
    people_ids: &[i32],
) -> Result<(), AppError> {
    for &id in people_ids {
        let Some(person) = people::find_by_id(db, id).await? else {
            continue;
        };
        let Ok(to) = EmailAddress::parse(&person.email) else {
            continue;
        };
        mail::queue(
            db,
            &to,
            person.language.parse().unwrap_or(Language::Da),
            Template::WorkshopSeat,
            serde_json::json!({
                "name": person.display_name,
                "workshop": workshop.title,
                "when": crate::api::dates::local_time(workshop.starts_at),
                "place": workshop.place,
                "link": format!("{base_url}/workshops"),
            }),
        )
        .await?;
    }
    Ok(())
}

/// Gives up `user_id`'s places at workshops not yet started, inside the caller's transaction,
/// as cancelling each would: the waiting list moves up and whoever gets a seat is told.
/// Returns whether anyone moved up (so the caller wakes the mail sender after committing).
pub async fn give_up_places(
    db: &impl ConnectionTrait,
    base_url: &str,
    user_id: i32,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<bool, AppError> {
    use crate::store::{
        entities::{workshop, workshop_signup},
        workshops,
    };
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect, sea_query::Query};
    // Held or under way, a seat is part of what happened and stays.
    let to_come = Query::select()
        .column(workshop::Column::Id)
        .from(workshop::Entity)
        .and_where(workshop::Column::StartsAt.gt(now))
        .to_owned();
    let places: Vec<crate::domain::ids::WorkshopId> = workshop_signup::Entity::find()
        .select_only()
        .column(workshop_signup::Column::WorkshopId)
        .filter(workshop_signup::Column::UserId.eq(user_id))
        .filter(workshop_signup::Column::WorkshopId.in_subquery(to_come))
        .into_tuple()
        .all(db)
        .await?;
    let mut anyone = false;
    for id in places {
        let moved = workshops::cancel(db, id, user_id, now).await?;
        if moved.is_empty() {
            continue;
        }
        let row = workshops::find(db, id).await?;
        let ids: Vec<i32> = moved.iter().map(|m| m.user_id).collect();
        tell_moved_up(db, base_url, &row, &ids).await?;
        anyone = true;
    }
    Ok(anyone)
}

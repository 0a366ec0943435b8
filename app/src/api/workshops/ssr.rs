//! What the workshop server functions share: a workshop as the pages show it, and the
//! emails that follow a change.

use super::WorkshopItem;
use crate::{
    domain::{email::EmailAddress, language::Language, workshops::Placement},
    errors::AppError,
    mail::{self, Template},
    state::AppState,
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
    state: &AppState,
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
                "link": format!("{}/workshops", state.site.base_url),
            }),
        )
        .await?;
    }
    Ok(())
}

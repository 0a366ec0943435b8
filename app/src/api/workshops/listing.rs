//! The workshops a volunteer can sign up for, signing up and cancelling.

use crate::{
    api::admin::Page,
    domain::{ids::WorkshopId, workshops::Placement},
    errors::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A workshop as the lists show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopItem {
    /// Its id.
    pub id: WorkshopId,
    /// Title.
    pub title: String,
    /// Start, local time (`YYYY-MM-DD HH:MM`).
    pub starts: String,
    /// End, local time.
    pub ends: String,
    /// Address or place.
    pub place: String,
    /// Language code.
    pub language: String,
    /// About the day.
    pub description: String,
    /// Seats in all.
    pub capacity: u32,
    /// Seats still free.
    pub seats_left: u32,
    /// People on the waiting list.
    pub waiting: u32,
    /// The viewer's place, if they signed up.
    pub mine: Option<Placement>,
    /// Whether the viewer scheduled it (and so runs its attendance list).
    pub organiser: bool,
}

/// Workshops that have not ended, the soonest first, with the viewer's place at each.
#[server(endpoint = "workshops/list")]
pub async fn list_workshops(page: u64) -> Result<Page<WorkshopItem>, AppError> {
    use crate::{
        api::context::{require, state},
        domain::authz::Action,
        store::workshops,
    };
    let auth = require(Action::Learn)?;
    let db = state()?.db;
    let page = page.clamp(1, 100_000);
    let (summaries, total) =
        workshops::upcoming(&db, chrono::Utc::now(), page - 1, super::PER_PAGE).await?;
    let mine =
        workshops::signups_of(&db, auth.user.id, summaries.iter().map(|s| s.workshop.id)).await?;
    let items = summaries
        .into_iter()
        .map(|summary| {
            let placement = mine
                .iter()
                .find(|s| s.workshop_id == summary.workshop.id)
                .map(|s| s.placement);
            super::ssr::item(summary, placement, auth.user.id)
        })
        .collect();
    Ok(Page::new(items, page, super::PER_PAGE, total))
}

/// Signs the viewer up: a seat while one is free, else the waiting list.
#[server(endpoint = "workshops/sign-up")]
pub async fn sign_up_for_workshop(workshop: WorkshopId) -> Result<Placement, AppError> {
    use crate::{
        api::context::{require, state},
        domain::authz::Action,
        store::{db::begin_write, workshops},
    };
    let auth = require(Action::Learn)?;
    let db = state()?.db;
    let txn = begin_write(&db).await?;
    let placement = workshops::sign_up(&txn, workshop, auth.user.id, chrono::Utc::now()).await?;
    txn.commit().await?;
    Ok(placement)
}

/// Gives up the viewer's place; the first on the waiting list moves up and is told by email.
#[server(endpoint = "workshops/cancel")]
pub async fn cancel_workshop_place(workshop: WorkshopId) -> Result<(), AppError> {
    use crate::{
        api::context::{require, state},
        domain::authz::Action,
        mail,
        store::{db::begin_write, workshops},
    };
    let auth = require(Action::Learn)?;
    let state = state()?;
    let txn = begin_write(&state.db).await?;
    let moved = workshops::cancel(&txn, workshop, auth.user.id, chrono::Utc::now()).await?;
    if !moved.is_empty() {
        let row = workshops::find(&txn, workshop).await?;
        let ids: Vec<i32> = moved.iter().map(|m| m.user_id).collect();
        super::ssr::tell_moved_up(&txn, &state.site.base_url, &row, &ids).await?;
    }
    txn.commit().await?;
    if !moved.is_empty() {
        mail::ring(&state.mail_wakeup);
    }
    Ok(())
}

//! Scheduling workshops and listing them with how many seats are taken.

use super::{WorkshopError, WorkshopResult};
use crate::domain::{
    ids::{ProgrammeId, WorkshopId},
    workshops::{Placement, WorkshopForm},
};
use crate::store::entities::{workshop, workshop_signup};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::collections::BTreeMap;

/// A workshop as trainers fill it in, checked.
#[derive(Clone, Debug)]
pub struct NewWorkshop {
    /// The programme it counts for.
    pub programme: ProgrammeId,
    /// Title, place, seats and description.
    pub form: WorkshopForm,
    /// Start.
    pub starts_at: DateTime<Utc>,
    /// End.
    pub ends_at: DateTime<Utc>,
    /// Language code.
    pub language: String,
}

/// A workshop with its seats taken and its waiting list's length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkshopSummary {
    /// The row.
    pub workshop: workshop::Model,
    /// Seats taken.
    pub seated: u32,
    /// People on the waiting list.
    pub waiting: u32,
}

/// Schedules a workshop; returns its id.
pub async fn create(
    db: &impl ConnectionTrait,
    new: NewWorkshop,
    by: i32,
    now: DateTime<Utc>,
) -> WorkshopResult<WorkshopId> {
    let row = workshop::ActiveModel {
        programme_id: Set(new.programme),
        title: Set(new.form.title.trim().to_owned()),
        starts_at: Set(new.starts_at),
        ends_at: Set(new.ends_at),
        place: Set(new.form.place.trim().to_owned()),
        capacity: Set(i32::try_from(new.form.capacity).unwrap_or(i32::MAX)),
        language: Set(new.language),
        description: Set(new.form.description.trim().to_owned()),
        created_by: Set(Some(by)),
        created_at: Set(now),
        reminded_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// The workshop with this id.
pub async fn find(db: &impl ConnectionTrait, id: WorkshopId) -> WorkshopResult<workshop::Model> {
    workshop::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(WorkshopError::NotFound)
}

/// The workshop with this id, its row taken for the rest of the transaction.
pub async fn lock(db: &impl ConnectionTrait, id: WorkshopId) -> WorkshopResult<workshop::Model> {
    workshop::Entity::find_by_id(id)
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or(WorkshopError::NotFound)
}

/// Seats taken and waiting per workshop, in one query.
pub async fn with_counts(
    db: &impl ConnectionTrait,
    workshops: Vec<workshop::Model>,
) -> WorkshopResult<Vec<WorkshopSummary>> {
    let counts: Vec<(i32, String, i64)> = workshop_signup::Entity::find()
        .select_only()
        .column(workshop_signup::Column::WorkshopId)
        .column(workshop_signup::Column::Placement)
        .column_as(workshop_signup::Column::Id.count(), "n")
        .filter(workshop_signup::Column::WorkshopId.is_in(workshops.iter().map(|w| w.id)))
        .group_by(workshop_signup::Column::WorkshopId)
        .group_by(workshop_signup::Column::Placement)
        .into_tuple()
        .all(db)
        .await?;
    let mut by_workshop: BTreeMap<(i32, Placement), u32> = BTreeMap::new();
    for (id, placement, n) in counts {
        if let Some(placement) = Placement::parse(&placement) {
            by_workshop.insert((id, placement), u32::try_from(n).unwrap_or(u32::MAX));
        }
    }
    Ok(workshops
        .into_iter()
        .map(|workshop| {
            let count = |p| {
                by_workshop
                    .get(&(workshop.id.get(), p))
                    .copied()
                    .unwrap_or(0)
            };
            WorkshopSummary {
                seated: count(Placement::Seat),
                waiting: count(Placement::WaitingList),
                workshop,
            }
        })
        .collect())
}

/// One page of the workshops that have not ended by `now`, the soonest first, and how many
/// there are in all.
pub async fn upcoming(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    page: u64,
    per_page: u64,
) -> WorkshopResult<(Vec<WorkshopSummary>, u64)> {
    let query = workshop::Entity::find()
        .filter(workshop::Column::EndsAt.gt(now))
        .order_by_asc(workshop::Column::StartsAt)
        .order_by_asc(workshop::Column::Id);
    let total = query.clone().count(db).await?;
    let rows = query.paginate(db, per_page).fetch_page(page).await?;
    Ok((with_counts(db, rows).await?, total))
}

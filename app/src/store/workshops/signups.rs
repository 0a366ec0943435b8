//! Signing up for a workshop and cancelling, with the waiting list moving up.

use super::{WorkshopError, WorkshopResult, schedule::lock};
use crate::domain::{
    ids::WorkshopId,
    workshops::{self, Placement},
};
use crate::store::entities::{workshop, workshop_signup};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
    sea_query::Expr,
};

/// Someone who moved up from the waiting list to a seat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MovedUp {
    /// Their account.
    pub user_id: i32,
}

async fn seated(db: &impl ConnectionTrait, id: WorkshopId) -> WorkshopResult<u32> {
    let n = workshop_signup::Entity::find()
        .filter(workshop_signup::Column::WorkshopId.eq(id))
        .filter(workshop_signup::Column::Placement.eq(Placement::Seat))
        .count(db)
        .await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

async fn place_of(
    db: &impl ConnectionTrait,
    id: WorkshopId,
    user_id: i32,
) -> WorkshopResult<Option<workshop_signup::Model>> {
    Ok(workshop_signup::Entity::find()
        .filter(workshop_signup::Column::WorkshopId.eq(id))
        .filter(workshop_signup::Column::UserId.eq(user_id))
        .one(db)
        .await?)
}

/// Signs `user_id` up for the workshop: a seat while there is one, else the waiting list.
/// Signing up again answers the place already held. Run it in a write transaction: the
/// workshop's row is taken first, so concurrent sign-ups are counted one after another.
pub async fn sign_up(
    db: &impl ConnectionTrait,
    id: WorkshopId,
    user_id: i32,
    now: DateTime<Utc>,
) -> WorkshopResult<Placement> {
    let workshop = lock(db, id).await?;
    if let Some(existing) = place_of(db, id, user_id).await? {
        return Ok(existing.placement);
    }
    if !workshops::open_for_sign_up(workshop.starts_at, now) {
        return Err(WorkshopError::Closed);
    }
    let capacity = u32::try_from(workshop.capacity).unwrap_or(0);
    let placement = workshops::place(capacity, seated(db, id).await?);
    workshop_signup::Entity::insert(workshop_signup::ActiveModel {
        workshop_id: Set(id),
        user_id: Set(user_id),
        placement: Set(placement),
        signed_up_at: Set(now),
        attended: Set(None),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(placement)
}

/// Cancels `user_id`'s place; when it was a seat, the first on the waiting list move up.
/// Returns who moved up (to be told by email).
pub async fn cancel(
    db: &impl ConnectionTrait,
    id: WorkshopId,
    user_id: i32,
    now: DateTime<Utc>,
) -> WorkshopResult<Vec<MovedUp>> {
    let workshop = lock(db, id).await?;
    if !workshops::open_for_sign_up(workshop.starts_at, now) {
        return Err(WorkshopError::Closed);
    }
    let place = place_of(db, id, user_id)
        .await?
        .ok_or(WorkshopError::NotSignedUp)?;
    workshop_signup::Entity::delete_by_id(place.id)
        .exec(db)
        .await?;
    if place.placement != Placement::Seat {
        return Ok(Vec::new());
    }
    fill_seats(db, &workshop).await
}

/// Moves the first on the waiting list up while seats are free.
async fn fill_seats(
    db: &impl ConnectionTrait,
    workshop: &workshop::Model,
) -> WorkshopResult<Vec<MovedUp>> {
    let waiting = workshop_signup::Entity::find()
        .filter(workshop_signup::Column::WorkshopId.eq(workshop.id))
        .filter(workshop_signup::Column::Placement.eq(Placement::WaitingList))
        .order_by_asc(workshop_signup::Column::SignedUpAt)
        .order_by_asc(workshop_signup::Column::Id)
        .all(db)
        .await?;
    let capacity = u32::try_from(workshop.capacity).unwrap_or(0);
    let up = workshops::moving_up(capacity, seated(db, workshop.id).await?, &waiting);
    if up.is_empty() {
        return Ok(Vec::new());
    }
    workshop_signup::Entity::update_many()
        .col_expr(
            workshop_signup::Column::Placement,
            Expr::value(Placement::Seat),
        )
        .filter(workshop_signup::Column::Id.is_in(up.iter().map(|s| s.id)))
        .exec(db)
        .await?;
    Ok(up.iter().map(|s| MovedUp { user_id: s.user_id }).collect())
}

/// The places `user_id` holds at these workshops.
pub async fn signups_of(
    db: &impl ConnectionTrait,
    user_id: i32,
    workshops: impl IntoIterator<Item = WorkshopId>,
) -> WorkshopResult<Vec<workshop_signup::Model>> {
    Ok(workshop_signup::Entity::find()
        .filter(workshop_signup::Column::UserId.eq(user_id))
        .filter(workshop_signup::Column::WorkshopId.is_in(workshops))
        .all(db)
        .await?)
}

//! The attendance list a trainer marks on the day.

use super::{WorkshopError, WorkshopResult, schedule::lock};
use crate::domain::{
    ids::WorkshopId,
    workshops::{self, Placement},
};
use crate::store::entities::{user, workshop_signup};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr};

/// One seated person on the attendance list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterEntry {
    /// Their account.
    pub user_id: i32,
    /// Their public id.
    pub public_id: String,
    /// Their name.
    pub name: String,
    /// Whether they came; none until marked.
    pub attended: Option<bool>,
}

/// Those holding a seat, by name (two queries).
pub async fn roster(db: &impl ConnectionTrait, id: WorkshopId) -> WorkshopResult<Vec<RosterEntry>> {
    let seats = workshop_signup::Entity::find()
        .filter(workshop_signup::Column::WorkshopId.eq(id))
        .filter(workshop_signup::Column::Placement.eq(Placement::Seat))
        .all(db)
        .await?;
    let people = user::Entity::find()
        .filter(user::Column::Id.is_in(seats.iter().map(|s| s.user_id)))
        .all(db)
        .await?;
    let mut entries: Vec<RosterEntry> = seats
        .into_iter()
        .filter_map(|seat| {
            let person = people.iter().find(|p| p.id == seat.user_id)?;
            Some(RosterEntry {
                user_id: seat.user_id,
                public_id: person.public_id.clone(),
                name: person.display_name.clone(),
                attended: seat.attended,
            })
        })
        .collect();
    entries.sort_by_key(|e| e.name.to_lowercase());
    Ok(entries)
}

/// Marks whether `user_id` came. Returns false when they hold no seat.
pub async fn mark(
    db: &impl ConnectionTrait,
    id: WorkshopId,
    user_id: i32,
    attended: bool,
    now: DateTime<Utc>,
) -> WorkshopResult<bool> {
    let workshop = lock(db, id).await?;
    if !workshops::attendance_open(workshop.starts_at, now) {
        return Err(WorkshopError::TooEarly);
    }
    let result = workshop_signup::Entity::update_many()
        .col_expr(workshop_signup::Column::Attended, Expr::value(attended))
        .filter(workshop_signup::Column::WorkshopId.eq(id))
        .filter(workshop_signup::Column::UserId.eq(user_id))
        .filter(workshop_signup::Column::Placement.eq(Placement::Seat))
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

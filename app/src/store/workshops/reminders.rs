//! The reminder sent the day before a workshop, once.

use super::WorkshopResult;
use crate::domain::workshops::Placement;
use crate::store::entities::{user, workshop, workshop_signup};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::Expr};

/// Workshops starting within the next day whose reminder has not gone out.
pub async fn due(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> WorkshopResult<Vec<workshop::Model>> {
    Ok(workshop::Entity::find()
        .filter(workshop::Column::RemindedAt.is_null())
        .filter(workshop::Column::StartsAt.gt(now))
        .filter(workshop::Column::StartsAt.lte(now + Duration::days(1)))
        .all(db)
        .await?)
}

/// Takes the workshop's reminder for this pass; false when another pass took it first.
pub async fn claim(
    db: &impl ConnectionTrait,
    workshop: &workshop::Model,
    now: DateTime<Utc>,
) -> WorkshopResult<bool> {
    let result = workshop::Entity::update_many()
        .col_expr(workshop::Column::RemindedAt, Expr::value(now))
        .filter(workshop::Column::Id.eq(workshop.id))
        .filter(workshop::Column::RemindedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

/// The people holding a seat at the workshop (two queries).
pub async fn seated(
    db: &impl ConnectionTrait,
    workshop: &workshop::Model,
) -> WorkshopResult<Vec<user::Model>> {
    let seats = workshop_signup::Entity::find()
        .filter(workshop_signup::Column::WorkshopId.eq(workshop.id))
        .filter(workshop_signup::Column::Placement.eq(Placement::Seat))
        .all(db)
        .await?;
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(seats.iter().map(|s| s.user_id)))
        .all(db)
        .await?)
}

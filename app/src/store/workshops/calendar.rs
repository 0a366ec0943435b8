//! A person's workshops for their calendar, and the secret address of their feed.

use super::WorkshopResult;
use crate::domain::workshops::Placement;
use crate::store::entities::{calendar_feed, workshop, workshop_signup};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set, sea_query::OnConflict,
};

/// How far back a feed reaches: workshops that ended within this many days stay in it.
const FEED_HISTORY_DAYS: i64 = 90;

/// The workshops `user_id` holds a place at (seat or waiting list), from 90 days back on.
pub async fn of_person(
    db: &impl ConnectionTrait,
    user_id: i32,
    now: DateTime<Utc>,
) -> WorkshopResult<Vec<(workshop::Model, Placement)>> {
    let places = workshop_signup::Entity::find()
        .filter(workshop_signup::Column::UserId.eq(user_id))
        .all(db)
        .await?;
    let workshops = workshop::Entity::find()
        .filter(workshop::Column::Id.is_in(places.iter().map(|p| p.workshop_id)))
        .filter(workshop::Column::EndsAt.gt(now - Duration::days(FEED_HISTORY_DAYS)))
        .order_by_asc(workshop::Column::StartsAt)
        .all(db)
        .await?;
    Ok(workshops
        .into_iter()
        .filter_map(|w| {
            let place = places.iter().find(|p| p.workshop_id == w.id)?.placement;
            Some((w, place))
        })
        .collect())
}

/// The sealed secret of `user_id`'s feed, if they made one.
pub async fn feed_of(db: &impl ConnectionTrait, user_id: i32) -> WorkshopResult<Option<String>> {
    Ok(calendar_feed::Entity::find()
        .filter(calendar_feed::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .map(|f| f.sealed_token))
}

/// Gives `user_id` a feed with a new secret; the old address stops working.
pub async fn reset_feed(
    db: &impl ConnectionTrait,
    user_id: i32,
    token_hash: &str,
    sealed_token: &str,
    now: DateTime<Utc>,
) -> WorkshopResult<()> {
    calendar_feed::Entity::insert(calendar_feed::ActiveModel {
        user_id: Set(user_id),
        token_hash: Set(token_hash.to_owned()),
        sealed_token: Set(sealed_token.to_owned()),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(calendar_feed::Column::UserId)
            .update_columns([
                calendar_feed::Column::TokenHash,
                calendar_feed::Column::SealedToken,
                calendar_feed::Column::CreatedAt,
            ])
            .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(())
}

/// The person whose feed has this secret's hash.
pub async fn feed_owner(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> WorkshopResult<Option<i32>> {
    Ok(calendar_feed::Entity::find()
        .filter(calendar_feed::Column::TokenHash.eq(token_hash))
        .one(db)
        .await?
        .map(|f| f.user_id))
}

//! What the national dashboard reads, each in one query whatever the number of groups: the
//! dates of every group still open or ended within the period, the centres' municipalities,
//! certified igangsættere per home town, and the certificates issued within the period.

use crate::{
    domain::groups::GroupStatus,
    store::{
        StoreResult,
        entities::{centre, certificate, group, igangsaetter_profile},
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect,
    sea_query::Query,
};
use std::collections::HashMap;

/// One group's centre, town, status and dates.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupDates {
    pub centre_id: i32,
    pub place_id: i32,
    pub status: GroupStatus,
    pub created_at: DateTime<Utc>,
    pub matched_at: Option<DateTime<Utc>>,
    pub running_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
}

type DatesRow = (
    i32,
    i32,
    String,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
);

/// Every group not ended, or ended at or after `since` (a group ended before has nothing
/// left to count in the period).
pub async fn group_dates(
    db: &impl ConnectionTrait,
    since: DateTime<Utc>,
) -> StoreResult<Vec<GroupDates>> {
    use group::Column as C;
    let rows: Vec<DatesRow> = group::Entity::find()
        .select_only()
        .columns([
            C::CentreId,
            C::PlaceId,
            C::Status,
            C::CreatedAt,
            C::MatchedAt,
            C::RunningAt,
            C::EndedAt,
        ])
        .filter(
            Condition::any()
                .add(C::EndedAt.is_null())
                .add(C::EndedAt.gte(since)),
        )
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(centre_id, place_id, status, created_at, matched_at, running_at, ended_at)| {
                Some(GroupDates {
                    centre_id,
                    place_id,
                    status: GroupStatus::parse(&status)?,
                    created_at,
                    matched_at,
                    running_at,
                    ended_at,
                })
            },
        )
        .collect())
}

/// Each centre's municipality and country code, by centre id.
pub async fn centre_places(
    db: &impl ConnectionTrait,
) -> StoreResult<HashMap<i32, (String, String)>> {
    let rows: Vec<(i32, String, String)> = centre::Entity::find()
        .select_only()
        .columns([
            centre::Column::Id,
            centre::Column::Municipality,
            centre::Column::Country,
        ])
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, municipality, country)| (id, (municipality, country)))
        .collect())
}

/// How many igangsættere with a certificate valid at `now` live in each home town, by the
/// town's id.
pub async fn certified_by_home(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> StoreResult<HashMap<i32, u64>> {
    // The SQL twin of a `Valid` certificate status.
    let valid = Query::select()
        .column(certificate::Column::UserId)
        .from(certificate::Entity)
        .and_where(certificate::Column::RevokedAt.is_null())
        .cond_where(
            Condition::any()
                .add(certificate::Column::ExpiresAt.is_null())
                .add(certificate::Column::ExpiresAt.gt(now)),
        )
        .to_owned();
    let rows: Vec<(i32, i64)> = igangsaetter_profile::Entity::find()
        .select_only()
        .column(igangsaetter_profile::Column::PlaceId)
        .column_as(igangsaetter_profile::Column::UserId.count(), "n")
        .filter(igangsaetter_profile::Column::UserId.in_subquery(valid))
        .group_by(igangsaetter_profile::Column::PlaceId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(place, n)| (place, u64::try_from(n).unwrap_or(0)))
        .collect())
}

/// When each certificate issued at or after `since` was issued.
pub async fn issued_since(
    db: &impl ConnectionTrait,
    since: DateTime<Utc>,
) -> StoreResult<Vec<DateTime<Utc>>> {
    Ok(certificate::Entity::find()
        .select_only()
        .column(certificate::Column::IssuedAt)
        .filter(certificate::Column::IssuedAt.gte(since))
        .into_tuple()
        .all(db)
        .await?)
}

//! What matching reads: the certified igangsættere who may live within reach of a group, with
//! how many groups they have, in a fixed number of queries however many people there are (a
//! rectangle searched by an index that also holds each person's travel distance, so only
//! those within their own reach are read), and one person as matching sees them.
//!
//! A read within reach of a large town handles thousands of people; at most
//! [`CONCURRENT_READS`] run at once, so a crowd of requests queues for them instead of
//! sharing the processors (and memory) between all of them at once.

use crate::{
    domain::{
        groups::GroupStatus,
        matching::{Candidate, Coordinates, MAX_TRAVEL_KM, bounding_box, reach_scale},
        profile::candidate,
    },
    store::{
        StoreResult,
        entities::{group, igangsaetter_profile, user},
        profiles::{CHUNK, from_row, valid_holders},
    },
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::{HashMap, HashSet};

/// How far back a started group counts as recent load.
pub const RECENT_DAYS: i64 = 365;

/// How many reads within reach run at once.
pub const CONCURRENT_READS: usize = 2;

static READS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(CONCURRENT_READS);

/// Everyone certified at `now` and open to requests who may live within reach of a group at
/// `at`, as matching sees them: homes inside the rectangle of the longest travel distance,
/// found by index, less those further away along a meridian or a parallel than they travel
/// (a measure that never overstates a distance). The exact distance is the rules' to
/// measure.
pub async fn candidates_near(
    db: &impl ConnectionTrait,
    at: Coordinates,
    now: DateTime<Utc>,
) -> StoreResult<Vec<Candidate>> {
    use igangsaetter_profile::Column;
    use sea_orm::sea_query::{Expr, ExprTrait};
    let area = bounding_box(at, f64::from(MAX_TRAVEL_KM));
    let (per_lat, per_lon) = reach_scale(area);
    // The semaphore is never closed, so the permit always comes.
    let _turn = READS.acquire().await.ok();
    let within = |column: Column, from: f64, scale: f64| {
        let ahead = Expr::col(column)
            .sub(from)
            .mul(scale)
            .lte(Expr::col(Column::TravelKm));
        let behind = Expr::val(from)
            .sub(Expr::col(column))
            .mul(scale)
            .lte(Expr::col(Column::TravelKm));
        ahead.and(behind)
    };
    let rows = igangsaetter_profile::Entity::find()
        .filter(Column::Available.eq(true))
        .filter(Column::Lat.between(area.min_lat, area.max_lat))
        .filter(Column::Lon.between(area.min_lon, area.max_lon))
        .filter(within(Column::Lat, at.lat, per_lat))
        .filter(within(Column::Lon, at.lon, per_lon))
        .all(db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.user_id).collect();
    let certified = valid_holders(db, &ids, now).await?;
    let rows = rows
        .into_iter()
        .filter(|r| certified.contains(&r.user_id))
        .collect();
    assemble(db, rows, &certified, now).await
}

/// `user_id` as matching sees them at `now`, if they have a profile.
pub async fn candidate_of(
    db: &impl ConnectionTrait,
    user_id: i32,
    now: DateTime<Utc>,
) -> StoreResult<Option<Candidate>> {
    let rows = igangsaetter_profile::Entity::find_by_id(user_id)
        .all(db)
        .await?;
    let certified = valid_holders(db, &[user_id], now).await?;
    Ok(assemble(db, rows, &certified, now).await?.pop())
}

/// The profiles `rows`, of whom `certified` hold a valid certificate, with their groups, in
/// a fixed number of queries.
async fn assemble(
    db: &impl ConnectionTrait,
    rows: Vec<igangsaetter_profile::Model>,
    certified: &HashSet<i32>,
    now: DateTime<Utc>,
) -> StoreResult<Vec<Candidate>> {
    let ids: Vec<i32> = rows.iter().map(|r| r.user_id).collect();
    let mut active: HashMap<i32, u32> = HashMap::new();
    let mut recent: HashMap<i32, u32> = HashMap::new();
    let since = now - Duration::days(RECENT_DAYS);
    for chunk in ids.chunks(CHUNK) {
        let groups: Vec<(Option<i32>, String, Option<DateTime<Utc>>)> = group::Entity::find()
            .select_only()
            .column(group::Column::IgangsaetterId)
            .column(group::Column::Status)
            .column(group::Column::MatchedAt)
            .filter(group::Column::IgangsaetterId.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        for (person, state, matched_at) in groups {
            let Some(person) = person else { continue };
            if GroupStatus::parse(&state).is_some_and(GroupStatus::takes_a_place) {
                *active.entry(person).or_default() += 1;
            }
            if matched_at.is_some_and(|at| at >= since) {
                *recent.entry(person).or_default() += 1;
            }
        }
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let person = row.user_id;
            let stored = from_row(row);
            candidate(
                person,
                &stored.profile,
                stored.home,
                certified.contains(&person),
                active.get(&person).copied().unwrap_or(0),
                recent.get(&person).copied().unwrap_or(0),
            )
        })
        .collect())
}

/// The public ids and display names of `ids`.
pub async fn names(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> StoreResult<HashMap<i32, (String, String)>> {
    let mut found = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        let rows: Vec<(i32, String, String)> = user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .column(user::Column::PublicId)
            .column(user::Column::DisplayName)
            .filter(user::Column::Id.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        found.extend(
            rows.into_iter()
                .map(|(id, public, name)| (id, (public, name))),
        );
    }
    Ok(found)
}

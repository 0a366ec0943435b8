//! What matching reads: the certified igangsættere who may live within reach of a group, with
//! how many groups they have, in one statement however many people there are (a rectangle
//! searched by an index that also holds each person's travel distance, so only those within
//! their own reach are read; the certificate and both group counts looked up by index for
//! each of them), and one person as matching sees them. On SQLite the people within reach
//! come back packed as one value ([`packed`]): handing thousands of rows over one by one
//! cost more than finding them. PostgreSQL hands rows over in bulk, where building the packed
//! value costs it more than sending them, and looks up both group counts of each person at
//! once (a lateral join).
//!
//! A read within reach of a large town handles thousands of people; at most
//! [`CONCURRENT_READS`] run at once, so a crowd of requests queues for them instead of
//! sharing the processors (and memory) between all of them at once.

use crate::{
    domain::{
        groups::GroupStatus,
        matching::{Candidate, Coordinates, MAX_TRAVEL_KM, bounding_box, reach_scale},
        places,
        profile::{Availability, Profile, Topic, candidate, read_list},
    },
    store::{
        StoreResult,
        entities::{certificate, group, igangsaetter_profile, user},
        packed,
        profiles::{CHUNK, valid_holders},
    },
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult, QueryFilter,
    QuerySelect, QueryTrait, Select,
    sea_query::{Alias, Asterisk, Expr, ExprTrait, JoinType, Query, SelectStatement},
};
use serde::Deserialize;
use std::collections::HashMap;

/// How far back a started group counts as recent load.
pub const RECENT_DAYS: i64 = 365;

/// How many reads within reach run at once.
pub const CONCURRENT_READS: usize = 2;

static READS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(CONCURRENT_READS);

/// What scoring needs of one profile, with the person's group counts.
#[derive(Debug, FromQueryResult)]
struct Reachable {
    user_id: i32,
    place_id: i32,
    travel_km: i32,
    topics: String,
    languages: String,
    availability: i32,
    capacity: i32,
    available: bool,
    active_groups: i64,
    recent_groups: i64,
}

impl Reachable {
    /// The person as matching sees them, living where their home town lies (the coordinates
    /// stored beside the town's id are a copy for the index); none if the town is no longer
    /// known.
    fn into_candidate(self, certified: bool) -> Option<Candidate> {
        let Some(town) = places::find(self.place_id) else {
            tracing::warn!(place = self.place_id, "a profile's home town is not known");
            return None;
        };
        let profile = Profile {
            place: self.place_id,
            travel_km: u32::try_from(self.travel_km).unwrap_or(0),
            topics: read_list(&self.topics, Topic::parse),
            languages: read_list(&self.languages, |code| code.parse().ok()),
            availability: Availability::from_bits(self.availability),
            capacity: u32::try_from(self.capacity).unwrap_or(0),
            available: self.available,
        };
        let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
        Some(candidate(
            self.user_id,
            &profile,
            town.at,
            certified,
            count(self.active_groups),
            count(self.recent_groups),
        ))
    }
}

/// The profile's own user id, as a subquery sees it.
fn profile_owner() -> Expr {
    Expr::col((
        igangsaetter_profile::Entity,
        igangsaetter_profile::Column::UserId,
    ))
}

/// The profile owner's groups, for a count.
fn owners_groups() -> SelectStatement {
    Query::select()
        .from(group::Entity)
        .and_where(Expr::col((group::Entity, group::Column::IgangsaetterId)).eq(profile_owner()))
        .to_owned()
}

/// How many of the profile owner's groups meet `condition`: counted as rows (`COUNT(*)`), so
/// the count is read from the index on the owner, state and match time alone.
fn groups_where(condition: Expr) -> SelectStatement {
    owners_groups()
        .expr(Expr::col(Asterisk).count())
        .and_where(condition)
        .to_owned()
}

/// Whether the profile's owner holds a certificate valid at `now`: neither revoked nor
/// expired by then, as `domain::certification::validity::status` decides it.
fn holds_valid_certificate(now: DateTime<Utc>) -> Expr {
    use certificate::Column;
    let at = |column: Column| Expr::col((certificate::Entity, column));
    Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from(certificate::Entity)
            .and_where(at(Column::UserId).eq(profile_owner()))
            .and_where(
                at(Column::RevokedAt)
                    .is_null()
                    .or(at(Column::RevokedAt).gt(now)),
            )
            .and_where(
                at(Column::ExpiresAt)
                    .is_null()
                    .or(at(Column::ExpiresAt).gt(now)),
            )
            .to_owned(),
    )
}

/// The condition on a group that makes it hold one of its igangsætter's places.
fn holds_a_place() -> Expr {
    let holding: Vec<&str> = GroupStatus::ALL
        .into_iter()
        .filter(|s| s.takes_a_place())
        .map(GroupStatus::as_str)
        .collect();
    Expr::col((group::Entity, group::Column::Status)).is_in(holding)
}

/// The condition on a group that makes it recent load at `now`.
fn recent(now: DateTime<Utc>) -> Expr {
    Expr::col((group::Entity, group::Column::MatchedAt)).gte(now - Duration::days(RECENT_DAYS))
}

/// Profiles with the columns scoring needs.
fn profiles() -> Select<igangsaetter_profile::Entity> {
    use igangsaetter_profile::Column;
    igangsaetter_profile::Entity::find().select_only().columns([
        Column::UserId,
        Column::PlaceId,
        Column::TravelKm,
        Column::Topics,
        Column::Languages,
        Column::Availability,
        Column::Capacity,
        Column::Available,
    ])
}

/// Profiles as matching reads them at `now`: the columns scoring needs and both counts of
/// the owner's groups (those holding one of their places, and those started recently), each
/// counted by a subquery of its own.
fn reachable(now: DateTime<Utc>) -> Select<igangsaetter_profile::Entity> {
    profiles()
        .column_as(Expr::from(groups_where(holds_a_place())), "active_groups")
        .column_as(Expr::from(groups_where(recent(now))), "recent_groups")
}

/// Both counts of the profile owner's groups in one look-up, for a lateral join: each
/// counts the groups its condition picks (`COUNT` leaves out the others' NULLs).
fn group_counts(now: DateTime<Utc>) -> SelectStatement {
    let counted = |condition: Expr| {
        let picked: Expr = Expr::case(condition, 1).into();
        picked.count()
    };
    owners_groups()
        .expr_as(counted(holds_a_place()), Alias::new("active_groups"))
        .expr_as(counted(recent(now)), Alias::new("recent_groups"))
        .to_owned()
}

/// The columns of a row within reach that the aggregate packs, in order: every one
/// [`Reachable`] holds but `available` (only open profiles are read).
const PACKED: [&str; 9] = [
    "user_id",
    "place_id",
    "travel_km",
    "topics",
    "languages",
    "availability",
    "capacity",
    "active_groups",
    "recent_groups",
];

/// One row within reach as the aggregate packs it (see [`PACKED`]).
#[derive(Deserialize)]
struct Packed(i32, i32, i32, String, String, i32, i32, i64, i64);

impl From<Packed> for Reachable {
    fn from(p: Packed) -> Self {
        Reachable {
            user_id: p.0,
            place_id: p.1,
            travel_km: p.2,
            topics: p.3,
            languages: p.4,
            availability: p.5,
            capacity: p.6,
            available: true,
            active_groups: p.7,
            recent_groups: p.8,
        }
    }
}

/// `rows` packed into one value (see [`packed`]).
fn packed_rows(backend: DbBackend, rows: SelectStatement) -> SelectStatement {
    let within = Alias::new("within");
    let columns = PACKED
        .iter()
        .map(|column| Expr::col((within.clone(), Alias::new(*column))));
    Query::select()
        .expr_as(packed::rows_as_json(backend, columns), Alias::new("packed"))
        .from_subquery(rows, within)
        .to_owned()
}

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
    let area = bounding_box(at, f64::from(MAX_TRAVEL_KM));
    let (per_lat, per_lon) = reach_scale(area);
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
    let within_reach = |select: Select<igangsaetter_profile::Entity>| {
        select
            .filter(Column::Available.eq(true))
            .filter(Column::Lat.between(area.min_lat, area.max_lat))
            .filter(Column::Lon.between(area.min_lon, area.max_lon))
            .filter(within(Column::Lat, at.lat, per_lat))
            .filter(within(Column::Lon, at.lon, per_lon))
            .filter(holds_valid_certificate(now))
    };
    // The semaphore is never closed, so the permit always comes.
    let turn = READS.acquire().await.ok();
    let rows = match db.get_database_backend() {
        // PostgreSQL hands rows over in bulk, so they come as they are, and looks up both
        // group counts at once where two subqueries would each look.
        DbBackend::Postgres => {
            let counts = Alias::new("counts");
            let mut statement = within_reach(profiles()).into_query();
            statement
                .join_lateral(
                    JoinType::InnerJoin,
                    group_counts(now),
                    counts.clone(),
                    Expr::val(true),
                )
                .expr(Expr::col((counts, Asterisk)));
            db.query_all(&statement)
                .await?
                .iter()
                .map(|row| Reachable::from_query_result(row, ""))
                .collect::<Result<Vec<_>, _>>()?
        }
        backend => {
            let statement = packed_rows(backend, within_reach(reachable(now)).into_query());
            let text: Option<String> = match db.query_one(&statement).await? {
                Some(row) => row.try_get("", "packed")?,
                None => None,
            };
            packed::unpack::<Packed>(text.as_deref(), "profiles within reach")?
                .into_iter()
                .map(Reachable::from)
                .collect()
        }
    };
    drop(turn);
    Ok(rows
        .into_iter()
        .filter_map(|row| row.into_candidate(true))
        .collect())
}

/// `user_id` as matching sees them at `now`, if they have a profile.
pub async fn candidate_of(
    db: &impl ConnectionTrait,
    user_id: i32,
    now: DateTime<Utc>,
) -> StoreResult<Option<Candidate>> {
    let Some(row) = reachable(now)
        .filter(igangsaetter_profile::Column::UserId.eq(user_id))
        .into_model::<Reachable>()
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let certified = valid_holders(db, &[user_id], now).await?.contains(&user_id);
    Ok(row.into_candidate(certified))
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

//! Igangsætter profiles: read and written whole, one per person. The home town's
//! coordinates are stored beside its id so searches near a group can use an index.

use crate::{
    domain::{
        certification::validity::{CertificateStatus, status},
        language::Language,
        matching::Coordinates,
        profile::{Availability, Profile, Topic, read_list},
    },
    store::{
        StoreResult,
        entities::{certificate, igangsaetter_profile},
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set, sea_query::OnConflict,
};
use std::collections::HashSet;

/// A stored profile and where its home town lies.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredProfile {
    /// The profile.
    pub profile: Profile,
    /// The home town's coordinates.
    pub home: Coordinates,
    /// When it was last saved.
    pub updated_at: DateTime<Utc>,
}

/// A row read as a profile.
fn from_row(row: igangsaetter_profile::Model) -> StoredProfile {
    StoredProfile {
        profile: Profile {
            place: row.place_id,
            travel_km: u32::try_from(row.travel_km).unwrap_or(0),
            topics: read_list(&row.topics, Topic::parse),
            languages: read_list(&row.languages, |code| code.parse::<Language>().ok()),
            availability: Availability::from_bits(row.availability),
            capacity: u32::try_from(row.capacity).unwrap_or(0),
            available: row.available,
        },
        home: Coordinates {
            lat: row.lat,
            lon: row.lon,
        },
        updated_at: row.updated_at,
    }
}

fn join<T>(items: &[T], code: impl Fn(&T) -> &'static str) -> String {
    items.iter().map(code).collect::<Vec<_>>().join(",")
}

/// The profile of `user_id`, if they have written one.
pub async fn find(db: &impl ConnectionTrait, user_id: i32) -> StoreResult<Option<StoredProfile>> {
    Ok(igangsaetter_profile::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .map(from_row))
}

/// Writes the profile of `user_id` (a checked one), with its home town at `home`.
pub async fn save(
    db: &impl ConnectionTrait,
    user_id: i32,
    profile: &Profile,
    home: Coordinates,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    use igangsaetter_profile::Column;
    let row = igangsaetter_profile::ActiveModel {
        user_id: Set(user_id),
        place_id: Set(profile.place),
        lat: Set(home.lat),
        lon: Set(home.lon),
        travel_km: Set(i32::try_from(profile.travel_km).unwrap_or(i32::MAX)),
        topics: Set(join(&profile.topics, |t| t.as_str())),
        languages: Set(join(&profile.languages, |l| l.code())),
        availability: Set(profile.availability.bits()),
        capacity: Set(i32::try_from(profile.capacity).unwrap_or(i32::MAX)),
        available: Set(profile.available),
        updated_at: Set(now),
    };
    igangsaetter_profile::Entity::insert(row)
        .on_conflict(
            OnConflict::column(Column::UserId)
                .update_columns([
                    Column::PlaceId,
                    Column::Lat,
                    Column::Lon,
                    Column::TravelKm,
                    Column::Topics,
                    Column::Languages,
                    Column::Availability,
                    Column::Capacity,
                    Column::Available,
                    Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Whether `user_id` holds a certificate that is valid at `now` (issued, not expired, not
/// revoked).
pub async fn certified(
    db: &impl ConnectionTrait,
    user_id: i32,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    Ok(valid_holders(db, &[user_id], now).await?.contains(&user_id))
}

/// Ids per `IN (...)` list, well inside what both engines accept.
pub(crate) const CHUNK: usize = 500;

/// A certificate's holder, expiry and revocation.
type Held = (Option<i32>, Option<DateTime<Utc>>, Option<DateTime<Utc>>);

/// Which of `ids` hold a certificate that is valid at `now`, in one query per [`CHUNK`] ids.
pub async fn valid_holders(
    db: &impl ConnectionTrait,
    ids: &[i32],
    now: DateTime<Utc>,
) -> StoreResult<HashSet<i32>> {
    let mut holders = HashSet::new();
    for chunk in ids.chunks(CHUNK) {
        let held: Vec<Held> = certificate::Entity::find()
            .select_only()
            .column(certificate::Column::UserId)
            .column(certificate::Column::ExpiresAt)
            .column(certificate::Column::RevokedAt)
            .filter(certificate::Column::UserId.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        holders.extend(held.into_iter().filter_map(|(holder, expires, revoked)| {
            (status(expires, revoked, now) == CertificateStatus::Valid)
                .then_some(holder)
                .flatten()
        }));
    }
    Ok(holders)
}

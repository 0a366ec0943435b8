//! Matching: which certified igangsættere may be asked to start a group, and in what order
//! a coordinator sees them, each with the reasons for their place. Only people with a valid
//! certificate, open to requests, with a free place and within their own travel distance are
//! candidates at all; among them the score weighs distance, topic, language, the meeting
//! slot, free capacity and how many groups they started lately.

use crate::domain::language::Language;
use serde::{Deserialize, Serialize};

/// Mean radius of the Earth, in kilometres.
const EARTH_KM: f64 = 6_371.008_8;
/// Kilometres per degree of latitude (and of longitude at the equator).
const KM_PER_DEGREE: f64 = EARTH_KM * std::f64::consts::PI / 180.0;
/// The longest travel distance a profile may give, in kilometres.
pub const MAX_TRAVEL_KM: u32 = 300;

/// A point on the map, in degrees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Coordinates {
    /// Latitude, north positive.
    pub lat: f64,
    /// Longitude, east positive.
    pub lon: f64,
}

/// Great-circle distance between two points, in kilometres.
pub fn distance_km(a: Coordinates, b: Coordinates) -> f64 {
    let (lat1, lat2) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b.lon - a.lon).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_KM * h.sqrt().min(1.0).asin()
}

/// A rectangle of latitudes and longitudes, for finding nearby people with an index before
/// measuring exact distances.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoundingBox {
    /// Southern edge.
    pub min_lat: f64,
    /// Northern edge.
    pub max_lat: f64,
    /// Western edge.
    pub min_lon: f64,
    /// Eastern edge.
    pub max_lon: f64,
}

impl BoundingBox {
    /// Whether `point` lies inside.
    pub fn contains(&self, point: Coordinates) -> bool {
        (self.min_lat..=self.max_lat).contains(&point.lat)
            && (self.min_lon..=self.max_lon).contains(&point.lon)
    }
}

/// A rectangle holding every point within `km` of `centre` (and some more in its corners).
/// Meant for Denmark and Norway: it does not wrap around the 180th meridian.
pub fn bounding_box(centre: Coordinates, km: f64) -> BoundingBox {
    let dlat = km / KM_PER_DEGREE;
    // Towards the poles a degree of longitude shrinks; the widest point of the circle is
    // on the side nearer the pole, so measure there.
    let widest = (centre.lat.abs() + dlat).min(89.9).to_radians();
    let dlon = (km / (KM_PER_DEGREE * widest.cos())).min(180.0);
    BoundingBox {
        min_lat: centre.lat - dlat,
        max_lat: centre.lat + dlat,
        min_lon: centre.lon - dlon,
        max_lon: centre.lon + dlon,
    }
}

/// Kilometres per degree of latitude and of longitude that no two points inside `area` are
/// closer than: whoever lives further from a group by this measure than they travel is out
/// of reach, so a query can leave them out before measuring exactly. The longitude figure
/// is taken at the edge nearest the pole, where a degree is shortest, and trimmed by 1 % for
/// the great circle cutting across the parallels.
pub fn reach_scale(area: BoundingBox) -> (f64, f64) {
    let nearest_pole = area
        .min_lat
        .abs()
        .max(area.max_lat.abs())
        .min(89.9)
        .to_radians();
    (KM_PER_DEGREE, 0.99 * KM_PER_DEGREE * nearest_pole.cos())
}

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

/// Part of the day a group meets in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DayPart {
    /// Before 17:00.
    Daytime,
    /// From 17:00.
    Evening,
}

/// When a group meets, as availability is given: a weekday and a part of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Slot {
    /// The day.
    pub weekday: Weekday,
    /// The part of the day.
    pub part: DayPart,
}

/// What matching knows of one igangsætter.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Their account.
    pub person: i32,
    /// Their home town.
    pub home: Coordinates,
    /// How far they will travel, in kilometres.
    pub travel_km: u32,
    /// Topics they know or want to take on (lower case).
    pub topics: Vec<String>,
    /// Languages they speak.
    pub languages: Vec<Language>,
    /// When they are free.
    pub availability: Vec<Slot>,
    /// How many groups they take at once.
    pub capacity: u32,
    /// Groups they are matched with or running now.
    pub active_groups: u32,
    /// Groups they started in the last twelve months.
    pub recent_groups: u32,
    /// Whether they hold a valid certificate (issued, not expired, not revoked).
    pub certified: bool,
    /// Whether they are open to requests.
    pub available: bool,
}

/// What a group asks of the person who starts it.
#[derive(Clone, Debug, PartialEq)]
pub struct Need {
    /// Where it meets.
    pub place: Coordinates,
    /// Its topic (lower case).
    pub topic: String,
    /// The language it meets in.
    pub language: Language,
    /// When it meets.
    pub slot: Slot,
}

/// Why someone is not a candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ineligible {
    /// No valid certificate.
    NotCertified,
    /// Not open to requests.
    Unavailable,
    /// Every place taken.
    Full,
    /// Farther away than they will travel.
    OutOfReach,
}

/// Why a candidate stands where they stand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reasons {
    /// Distance to the group, whole kilometres.
    pub distance_km: u32,
    /// Whether the group's topic is one of theirs.
    pub topic: bool,
    /// Whether they speak the group's language.
    pub language: bool,
    /// Whether they are free when the group meets.
    pub slot: bool,
    /// Groups they have now.
    pub active_groups: u32,
    /// Groups they take at once.
    pub capacity: u32,
    /// Groups they started in the last twelve months.
    pub recent_groups: u32,
}

/// A candidate in the ranked list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ranked {
    /// Their account.
    pub person: i32,
    /// Their score, 0 to 100.
    pub score: u32,
    /// Why.
    pub reasons: Reasons,
}

/// Points for each part of the score; they add up to 100.
const DISTANCE_POINTS: f64 = 30.0;
const TOPIC_POINTS: u32 = 25;
const LANGUAGE_POINTS: u32 = 20;
const SLOT_POINTS: u32 = 15;
const CAPACITY_POINTS: f64 = 10.0;
/// Points taken for each group started lately, and at most.
const RECENT_PENALTY: u32 = 4;
const MAX_RECENT_PENALTY: u32 = 12;

/// Whether `candidate` may be asked to start a group with `need`, and their distance to it.
pub fn eligible(candidate: &Candidate, need: &Need) -> Result<f64, Ineligible> {
    if !candidate.certified {
        return Err(Ineligible::NotCertified);
    }
    if !candidate.available {
        return Err(Ineligible::Unavailable);
    }
    if candidate.active_groups >= candidate.capacity {
        return Err(Ineligible::Full);
    }
    let distance = distance_km(candidate.home, need.place);
    if distance > f64::from(candidate.travel_km.min(MAX_TRAVEL_KM)) {
        return Err(Ineligible::OutOfReach);
    }
    Ok(distance)
}

/// The score and reasons of an eligible candidate at `distance` kilometres.
fn score(candidate: &Candidate, need: &Need, distance: f64) -> Ranked {
    let reach = f64::from(candidate.travel_km.clamp(1, MAX_TRAVEL_KM));
    let near = (DISTANCE_POINTS * (1.0 - distance / reach)).clamp(0.0, DISTANCE_POINTS);
    let free = candidate.capacity - candidate.active_groups;
    let room = CAPACITY_POINTS * f64::from(free) / f64::from(candidate.capacity.max(1));
    let topic = candidate.topics.iter().any(|t| t == &need.topic);
    let language = candidate.languages.contains(&need.language);
    let slot = candidate.availability.contains(&need.slot);
    let earned = near.round() as u32
        + room.round() as u32
        + if topic { TOPIC_POINTS } else { 0 }
        + if language { LANGUAGE_POINTS } else { 0 }
        + if slot { SLOT_POINTS } else { 0 };
    let penalty = (candidate.recent_groups * RECENT_PENALTY).min(MAX_RECENT_PENALTY);
    Ranked {
        person: candidate.person,
        score: earned.saturating_sub(penalty).min(100),
        reasons: Reasons {
            distance_km: distance.round() as u32,
            topic,
            language,
            slot,
            active_groups: candidate.active_groups,
            capacity: candidate.capacity,
            recent_groups: candidate.recent_groups,
        },
    }
}

/// The eligible candidates for `need`, best first: by score, then nearer, then by account,
/// so the same people always come in the same order.
pub fn rank(candidates: &[Candidate], need: &Need) -> Vec<Ranked> {
    let mut ranked: Vec<Ranked> = candidates
        .iter()
        .filter_map(|c| eligible(c, need).ok().map(|d| score(c, need, d)))
        .collect();
    ranked.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(a.reasons.distance_km.cmp(&b.reasons.distance_km))
            .then(a.person.cmp(&b.person))
    });
    ranked
}

#[cfg(test)]
mod tests;

//! Made-up igangsættere for the benchmarks: homes drawn half by population (most people live
//! in cities) and half evenly over the Danish and Norwegian towns, with a few topics, their
//! country's language (English too for some), a handful of free slots and a travel distance.
//! The same seed gives the same people, so runs compare.

use app::domain::{
    language::Language,
    matching::{Candidate, DayPart, Slot, Weekday},
    places::{self, Place},
    profile::{Availability, Profile, Topic, candidate},
    role::Country,
};
use rand::{Rng, seq::IndexedRandom};

/// The travel distances made-up people choose from, in kilometres.
const TRAVEL_KM: [u32; 9] = [10, 15, 20, 25, 30, 40, 50, 75, 100];

/// The language made-up people and groups in `country` use.
pub fn own_language(country: Country) -> Language {
    match country {
        Country::No => Language::Nb,
        Country::Dk => Language::Da,
    }
}

/// The towns, each weighted by its population (at least 500).
pub struct Towns {
    towns: &'static [Place],
    weights: Vec<u64>,
    total: u64,
}

impl Default for Towns {
    fn default() -> Self {
        let towns = places::all();
        let weights: Vec<u64> = towns
            .iter()
            .map(|t| u64::from(t.population).max(500))
            .collect();
        let total = weights.iter().sum();
        Self {
            towns,
            weights,
            total,
        }
    }
}

impl Towns {
    /// The home of the `i`th person: by population for even `i`, evenly otherwise.
    pub fn home(&self, i: usize, rng: &mut impl Rng) -> &'static Place {
        if i % 2 == 1 {
            return &self.towns[rng.random_range(0..self.towns.len())];
        }
        let mut pick = rng.random_range(0..self.total);
        for (town, weight) in self.towns.iter().zip(&self.weights) {
            if pick < *weight {
                return town;
            }
            pick -= weight;
        }
        &self.towns[0]
    }
}

/// A made-up profile for someone living in `town`.
pub fn profile(town: &Place, rng: &mut impl Rng) -> Profile {
    let own = own_language(town.country);
    let mut topics: Vec<Topic> = Topic::ALL.to_vec();
    topics.sort_by_key(|_| rng.random::<u32>());
    topics.truncate(rng.random_range(1..=3));
    let mut languages = vec![own];
    if rng.random_bool(0.3) {
        languages.push(Language::En);
    }
    let slots: Vec<Slot> = (0..rng.random_range(2..=5))
        .map(|_| Slot {
            weekday: *Weekday::ALL.choose(rng).unwrap_or(&Weekday::Tue),
            part: if rng.random_bool(0.7) {
                DayPart::Evening
            } else {
                DayPart::Daytime
            },
        })
        .collect();
    Profile {
        place: town.id,
        travel_km: *TRAVEL_KM.choose(rng).unwrap_or(&25),
        topics,
        languages,
        availability: Availability::of(slots),
        capacity: rng.random_range(1..=3),
        available: rng.random_bool(0.9),
    }
}

/// `count` made-up certified igangsættere as matching sees them, some with a group already.
pub fn candidates(count: usize, rng: &mut impl Rng) -> Vec<Candidate> {
    let towns = Towns::default();
    (0..count)
        .map(|i| {
            let town = towns.home(i, rng);
            let profile = profile(town, rng);
            let active = rng.random_range(0..=profile.capacity);
            let recent = rng.random_range(0..=2);
            let person = i32::try_from(i).unwrap_or(i32::MAX);
            candidate(person, &profile, town.at, true, active, recent)
        })
        .collect()
}

//! An igangsætter's profile: where they live, how far they travel, the topics and languages
//! they bring, when they are free, how many groups they take at once, and whether they are
//! open to requests. Coordinators see it only while its owner holds a valid certificate and
//! is open to requests; the owner sees the same card a coordinator would.

use crate::domain::{
    language::Language,
    matching::{Candidate, Coordinates, DayPart, MAX_TRAVEL_KM, Slot, Weekday},
};
use serde::{Deserialize, Serialize};

/// The most groups anyone takes at once.
pub const MAX_CAPACITY: u32 = 4;

/// What a group is about, as igangsættere name what they know or want to take on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Topic {
    /// Loss of someone close.
    Grief,
    /// Being alone more than one wants.
    Loneliness,
    /// Anxiety.
    Anxiety,
    /// Depression.
    Depression,
    /// Stress and burn-out.
    Stress,
    /// Relatives of someone ill or struggling.
    Relatives,
    /// Living with a long-term illness.
    ChronicIllness,
    /// Cancer, one's own or a relative's.
    Cancer,
    /// Divorce and break-up.
    Divorce,
    /// Addiction, one's own or a relative's.
    Addiction,
    /// Being a parent in a hard situation.
    Parenthood,
    /// Out of work.
    Unemployment,
}

impl Topic {
    /// Every topic, in the order forms list them.
    pub const ALL: [Topic; 12] = [
        Topic::Grief,
        Topic::Loneliness,
        Topic::Anxiety,
        Topic::Depression,
        Topic::Stress,
        Topic::Relatives,
        Topic::ChronicIllness,
        Topic::Cancer,
        Topic::Divorce,
        Topic::Addiction,
        Topic::Parenthood,
        Topic::Unemployment,
    ];

    /// The stored and posted form.
    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Grief => "grief",
            Topic::Loneliness => "loneliness",
            Topic::Anxiety => "anxiety",
            Topic::Depression => "depression",
            Topic::Stress => "stress",
            Topic::Relatives => "relatives",
            Topic::ChronicIllness => "chronic-illness",
            Topic::Cancer => "cancer",
            Topic::Divorce => "divorce",
            Topic::Addiction => "addiction",
            Topic::Parenthood => "parenthood",
            Topic::Unemployment => "unemployment",
        }
    }

    /// The topic written as `text`.
    pub fn parse(text: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.as_str() == text)
    }
}

impl Weekday {
    /// Monday to Sunday.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// The posted form.
    pub fn as_str(self) -> &'static str {
        match self {
            Weekday::Mon => "mon",
            Weekday::Tue => "tue",
            Weekday::Wed => "wed",
            Weekday::Thu => "thu",
            Weekday::Fri => "fri",
            Weekday::Sat => "sat",
            Weekday::Sun => "sun",
        }
    }
}

impl DayPart {
    /// Daytime, then evening.
    pub const ALL: [DayPart; 2] = [DayPart::Daytime, DayPart::Evening];

    /// The posted form.
    pub fn as_str(self) -> &'static str {
        match self {
            DayPart::Daytime => "day",
            DayPart::Evening => "evening",
        }
    }
}

impl Slot {
    /// Every slot of the week, Monday daytime first.
    pub fn all() -> impl Iterator<Item = Slot> {
        Weekday::ALL.into_iter().flat_map(|weekday| {
            DayPart::ALL
                .into_iter()
                .map(move |part| Slot { weekday, part })
        })
    }

    /// The posted form, such as `tue-evening`.
    pub fn code(self) -> String {
        format!("{}-{}", self.weekday.as_str(), self.part.as_str())
    }

    /// The slot written as `code`.
    pub fn parse(code: &str) -> Option<Slot> {
        Slot::all().find(|s| s.code() == code)
    }

    /// Its bit in [`Availability`].
    fn bit(self) -> u16 {
        let day = Weekday::ALL
            .iter()
            .position(|d| *d == self.weekday)
            .unwrap_or(0);
        let part = DayPart::ALL
            .iter()
            .position(|p| *p == self.part)
            .unwrap_or(0);
        1 << (day * 2 + part)
    }
}

/// The slots of the week someone is free, one bit each (stored as a number).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Availability(u16);

impl Availability {
    /// Every bit a slot may take.
    const MASK: u16 = (1 << 14) - 1;

    /// Free in exactly `slots`.
    pub fn of(slots: impl IntoIterator<Item = Slot>) -> Availability {
        Availability(slots.into_iter().fold(0, |bits, s| bits | s.bit()))
    }

    /// The stored number.
    pub fn bits(self) -> i32 {
        i32::from(self.0)
    }

    /// Read back from the stored number; bits no slot uses are dropped.
    pub fn from_bits(bits: i32) -> Availability {
        Availability(u16::try_from(bits & i32::from(Self::MASK)).unwrap_or(0))
    }

    /// Whether free in `slot`.
    pub fn contains(self, slot: Slot) -> bool {
        self.0 & slot.bit() != 0
    }

    /// The free slots, Monday daytime first.
    pub fn slots(self) -> Vec<Slot> {
        Slot::all().filter(|s| self.contains(*s)).collect()
    }
}

/// A profile as its owner gives it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// The home town, by GeoNames id.
    pub place: i32,
    /// How far they will travel, in kilometres.
    pub travel_km: u32,
    /// Topics they know or want to take on, in [`Topic::ALL`] order.
    pub topics: Vec<Topic>,
    /// Languages they can run a group in, in [`Language::ALL`] order.
    pub languages: Vec<Language>,
    /// When they are free.
    pub availability: Availability,
    /// How many groups they take at once.
    pub capacity: u32,
    /// Whether they are open to requests.
    pub available: bool,
}

/// What is wrong with a profile as given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProfileFlaw {
    /// The home town is not in the list.
    UnknownPlace,
    /// The travel distance is not 1 to [`MAX_TRAVEL_KM`] km.
    Travel,
    /// No language is ticked.
    NoLanguage,
    /// The number of groups at once is not 1 to [`MAX_CAPACITY`].
    Capacity,
}

impl Profile {
    /// Puts topics and languages in their list order, once each.
    pub fn normalized(mut self) -> Profile {
        self.topics.sort();
        self.topics.dedup();
        self.languages = Language::ALL
            .into_iter()
            .filter(|l| self.languages.contains(l))
            .collect();
        self
    }

    /// The flaws, none for a profile that may be saved; `place_known` says whether the home
    /// town is in the list.
    pub fn flaws(&self, place_known: bool) -> Vec<ProfileFlaw> {
        let mut flaws = Vec::new();
        if !place_known {
            flaws.push(ProfileFlaw::UnknownPlace);
        }
        if !(1..=MAX_TRAVEL_KM).contains(&self.travel_km) {
            flaws.push(ProfileFlaw::Travel);
        }
        if self.languages.is_empty() {
            flaws.push(ProfileFlaw::NoLanguage);
        }
        if !(1..=MAX_CAPACITY).contains(&self.capacity) {
            flaws.push(ProfileFlaw::Capacity);
        }
        flaws
    }
}

/// Whether coordinators see the profile: only while its owner holds a valid certificate and
/// is open to requests.
pub fn shown_to_coordinators(profile: &Profile, certified: bool) -> bool {
    certified && profile.available
}

/// What matching knows of the profile's owner.
pub fn candidate(
    person: i32,
    profile: &Profile,
    home: Coordinates,
    certified: bool,
    active_groups: u32,
    recent_groups: u32,
) -> Candidate {
    Candidate {
        person,
        home,
        travel_km: profile.travel_km,
        topics: profile
            .topics
            .iter()
            .map(|t| t.as_str().to_owned())
            .collect(),
        languages: profile.languages.clone(),
        availability: profile.availability.slots(),
        capacity: profile.capacity,
        active_groups,
        recent_groups,
        certified,
        available: profile.available,
    }
}

/// Reads a comma-separated stored list with `parse`, skipping what it does not know.
pub fn read_list<T>(text: &str, parse: impl Fn(&str) -> Option<T>) -> Vec<T> {
    text.split(',')
        .filter_map(|part| parse(part.trim()))
        .collect()
}

#[cfg(test)]
mod tests;

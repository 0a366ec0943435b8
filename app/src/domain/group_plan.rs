//! A group as a centre plans it: what it is about, where and when it meets, when it starts,
//! and how many meetings the igangsætter is asked to attend. Nothing about participants is
//! part of it.

pub use crate::domain::groups::{MAX_DESCRIPTION, MAX_MEETINGS, MAX_TITLE, MIN_MEETINGS};
use crate::domain::{
    language::Language,
    matching::{Coordinates, DayPart, Need, Slot, Weekday},
    profile::Topic,
};
use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

/// Meetings from this hour on are evening meetings.
pub const EVENING_FROM: u32 = 17;

/// What kind of group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GroupKind {
    /// A self-help group: people sharing a situation, meeting as equals.
    SelfHelp,
    /// A network group: looser, for company and activities.
    Network,
}

impl GroupKind {
    /// Both kinds.
    pub const ALL: [GroupKind; 2] = [GroupKind::SelfHelp, GroupKind::Network];

    /// Stored and posted form.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupKind::SelfHelp => "self_help",
            GroupKind::Network => "network",
        }
    }

    /// Parses the stored form.
    pub fn parse(text: &str) -> Option<GroupKind> {
        GroupKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// How often a group meets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Cadence {
    /// Every week.
    Weekly,
    /// Every other week.
    Fortnightly,
}

impl Cadence {
    /// Both cadences.
    pub const ALL: [Cadence; 2] = [Cadence::Weekly, Cadence::Fortnightly];

    /// Stored and posted form.
    pub fn as_str(self) -> &'static str {
        match self {
            Cadence::Weekly => "weekly",
            Cadence::Fortnightly => "fortnightly",
        }
    }

    /// Parses the stored form.
    pub fn parse(text: &str) -> Option<Cadence> {
        Cadence::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

impl Weekday {
    /// Parses the posted form (`mon` … `sun`).
    pub fn parse(text: &str) -> Option<Weekday> {
        Weekday::ALL.into_iter().find(|d| d.as_str() == text)
    }
}

/// A group as planned.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupPlan {
    /// Its name.
    pub title: String,
    /// What it is about.
    pub topic: Topic,
    /// Self-help or network group.
    pub kind: GroupKind,
    /// The language it meets in.
    pub language: Language,
    /// The town it meets in, by GeoNames id.
    pub place: i32,
    /// The day it meets.
    pub weekday: Weekday,
    /// The time it meets.
    pub time: NaiveTime,
    /// How often.
    pub cadence: Cadence,
    /// The first meeting.
    pub starts_on: NaiveDate,
    /// Meetings the igangsætter is asked to attend.
    pub meetings: u32,
    /// A short description for the igangsætter.
    pub description: String,
}

/// What is wrong with a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanFlaw {
    /// No title, or longer than [`MAX_TITLE`].
    Title,
    /// The town is not in the list.
    UnknownPlace,
    /// The first meeting is before today.
    StartsInThePast,
    /// The meetings asked for are not [`MIN_MEETINGS`] to [`MAX_MEETINGS`].
    Meetings,
    /// The description is longer than [`MAX_DESCRIPTION`].
    Description,
}

impl GroupPlan {
    /// The flaws, none for a plan that may be saved; `place_known` says whether the town is
    /// in the list, `today` is the centre's date.
    pub fn flaws(&self, place_known: bool, today: NaiveDate) -> Vec<PlanFlaw> {
        let mut flaws = Vec::new();
        let title = self.title.trim().chars().count();
        if title == 0 || title > MAX_TITLE {
            flaws.push(PlanFlaw::Title);
        }
        if !place_known {
            flaws.push(PlanFlaw::UnknownPlace);
        }
        if self.starts_on < today {
            flaws.push(PlanFlaw::StartsInThePast);
        }
        if !(MIN_MEETINGS..=MAX_MEETINGS).contains(&self.meetings) {
            flaws.push(PlanFlaw::Meetings);
        }
        if self.description.trim().chars().count() > MAX_DESCRIPTION {
            flaws.push(PlanFlaw::Description);
        }
        flaws
    }

    /// The weekday and part of the day it meets, as availability is given.
    pub fn slot(&self) -> Slot {
        let part = if self.time.hour() >= EVENING_FROM {
            DayPart::Evening
        } else {
            DayPart::Daytime
        };
        Slot {
            weekday: self.weekday,
            part,
        }
    }

    /// What matching looks for, with the town at `at`.
    pub fn need(&self, at: Coordinates) -> Need {
        Need {
            place: at,
            topic: self.topic.as_str().to_owned(),
            language: self.language,
            slot: self.slot(),
        }
    }
}

#[cfg(test)]
mod tests;

//! Rules of the national dashboard: groups counted per area (country, region or
//! municipality) and per calendar month, from facts the store read once for all groups.

use crate::domain::{figures::median, groups::GroupStatus};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How finely the country is divided.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Level {
    /// Denmark and Norway.
    #[default]
    Country,
    /// Danish regions and Norwegian counties.
    Region,
    /// The municipality a group's centre serves.
    Municipality,
}

impl Level {
    /// Every level, coarsest first.
    pub const ALL: [Level; 3] = [Level::Country, Level::Region, Level::Municipality];

    /// The level's name in addresses and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Country => "country",
            Level::Region => "region",
            Level::Municipality => "municipality",
        }
    }

    /// Reads [`Level::as_str`]'s form; anything else is the country level.
    pub fn parse(text: &str) -> Level {
        Level::ALL
            .into_iter()
            .find(|l| l.as_str() == text.trim())
            .unwrap_or_default()
    }
}

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Month {
    /// Year.
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl Month {
    /// The month before.
    pub fn previous(self) -> Month {
        if self.month <= 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// `YYYY-MM`.
    pub fn label(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// The `count` months ending with `last`, oldest first.
pub fn months_ending(last: Month, count: usize) -> Vec<Month> {
    let mut months = Vec::with_capacity(count);
    let mut month = last;
    for _ in 0..count {
        months.push(month);
        month = month.previous();
    }
    months.reverse();
    months
}

/// What the dashboard needs to know of one group.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupFacts {
    /// The area it belongs to at the chosen level.
    pub area: String,
    /// Where it stands now.
    pub status: GroupStatus,
    /// The months it was posted, matched, first met and ended in.
    pub posted: Month,
    pub matched: Option<Month>,
    pub started: Option<Month>,
    pub ended: Option<Month>,
    /// Days from posting to the igangsætter's yes.
    pub days_to_match: Option<i64>,
}

/// Groups posted, matched, started and ended in a period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flow {
    pub posted: u64,
    pub matched: u64,
    pub started: u64,
    pub ended: u64,
}

impl Flow {
    fn add(&mut self, group: &GroupFacts, within: impl Fn(Month) -> bool) {
        self.posted += u64::from(within(group.posted));
        self.matched += u64::from(group.matched.is_some_and(&within));
        self.started += u64::from(group.started.is_some_and(&within));
        self.ended += u64::from(group.ended.is_some_and(&within));
    }
}

/// One area's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaRow {
    /// The area's name (a country code at the country level).
    pub area: String,
    /// Groups seeking an igangsætter now.
    pub seeking: u64,
    /// Groups meeting now, with their igangsætter or by themselves.
    pub meeting: u64,
    /// What happened in the period.
    pub flow: Flow,
    /// Median days from posting to a yes, over the groups matched in the period.
    pub median_days_to_match: Option<f64>,
    /// Certified igangsættere living in the area, where the level places them.
    pub certified: Option<u64>,
}

/// One month's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthRow {
    /// The month.
    pub month: Month,
    /// What happened in it.
    pub flow: Flow,
    /// Certificates issued in it.
    pub certificates: u64,
}

/// The figures per area over the months from `since` on, areas by name; `certified` gives
/// the certified igangsættere per area where the level places them (`None`: not placed).
pub fn by_area(
    groups: &[GroupFacts],
    since: Month,
    certified: Option<&BTreeMap<String, u64>>,
) -> Vec<AreaRow> {
    let mut rows: BTreeMap<&str, (AreaRow, Vec<i64>)> = BTreeMap::new();
    let blank = |area: &str| AreaRow {
        area: area.to_owned(),
        seeking: 0,
        meeting: 0,
        flow: Flow::default(),
        median_days_to_match: None,
        certified: None,
    };
    for group in groups {
        let (row, days) = rows
            .entry(group.area.as_str())
            .or_insert_with(|| (blank(&group.area), Vec::new()));
        row.seeking += u64::from(group.status == GroupStatus::Seeking);
        row.meeting += u64::from(matches!(
            group.status,
            GroupStatus::Running | GroupStatus::SelfLed
        ));
        row.flow.add(group, |m| m >= since);
        if let (Some(d), Some(m)) = (group.days_to_match, group.matched)
            && m >= since
        {
            days.push(d);
        }
    }
    if let Some(certified) = certified {
        for area in certified.keys() {
            rows.entry(area.as_str())
                .or_insert_with(|| (blank(area), Vec::new()));
        }
    }
    rows.into_values()
        .map(|(mut row, days)| {
            row.median_days_to_match = median(&days);
            row.certified = certified.map(|c| c.get(&row.area).copied().unwrap_or(0));
            row
        })
        .collect()
}

/// The figures per month of `months`, for the groups whose area is `area` (all when none);
/// `issued` holds the month of each certificate issued.
pub fn by_month(
    groups: &[GroupFacts],
    area: Option<&str>,
    months: &[Month],
    issued: &[Month],
) -> Vec<MonthRow> {
    let chosen: Vec<&GroupFacts> = groups
        .iter()
        .filter(|g| area.is_none_or(|a| g.area == a))
        .collect();
    months
        .iter()
        .map(|month| {
            let mut flow = Flow::default();
            for group in &chosen {
                flow.add(group, |m| m == *month);
            }
            MonthRow {
                month: *month,
                flow,
                certificates: issued.iter().filter(|m| *m == month).count() as u64,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;

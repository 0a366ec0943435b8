//! The national dashboard, for administrators: the groups of every centre counted per
//! country, region or municipality over the last twelve months, month by month, with the
//! certified igangsættere living in each area.

use crate::{
    api::admin::Page,
    domain::national::{AreaRow, Level, MonthRow},
    errors::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Months the dashboard looks back over, the current one included.
#[cfg(feature = "ssr")]
pub const MONTHS: usize = 12;
/// Areas per page.
#[cfg(feature = "ssr")]
pub const AREAS_PER_PAGE: u64 = 50;

/// The national figures at one level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NationalDashboard {
    /// The level the areas are at.
    pub level: Level,
    /// The area the months are shown for; none for all.
    pub area: Option<String>,
    /// The first month of the period, `YYYY-MM`.
    pub since: String,
    /// The areas, a page at a time, by name.
    pub areas: Page<AreaRow>,
    /// Every area's figures, summed.
    pub total: AreaRow,
    /// The chosen area's (or everyone's) figures per month, oldest first.
    pub months: Vec<MonthRow>,
}

/// The month `at` falls in on the clock of Denmark and Norway.
#[cfg(feature = "ssr")]
pub fn local_month(at: chrono::DateTime<chrono::Utc>) -> crate::domain::national::Month {
    use chrono::Datelike;
    let local = at.with_timezone(&crate::api::dates::LOCAL);
    crate::domain::national::Month {
        year: local.year(),
        month: local.month(),
    }
}

/// The area a group belongs to at `level`: its town's country or region, or its centre's
/// municipality.
#[cfg(feature = "ssr")]
fn area_of(level: Level, place_id: i32, centre: Option<&(String, String)>) -> String {
    use crate::domain::places;
    let place = places::find(place_id);
    match level {
        Level::Country => place
            .map(|p| p.country.code().to_owned())
            .or_else(|| centre.map(|c| c.1.clone())),
        Level::Region => place.map(|p| p.region.to_owned()),
        Level::Municipality => centre.map(|c| c.0.clone()),
    }
    .filter(|a| !a.trim().is_empty())
    .unwrap_or_else(|| "–".to_owned())
}

/// Computes the figures at `level`, the months for `area` (all when none), page `page` of the
/// areas (all of them for none).
#[cfg(feature = "ssr")]
pub async fn national_dashboard(
    db: &sea_orm::DatabaseConnection,
    level: Level,
    area: Option<String>,
    page: Option<u64>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<NationalDashboard, AppError> {
    use crate::{
        domain::national::{GroupFacts, Month, by_area, by_month, months_ending},
        store::dashboard::national as figures,
    };
    use chrono::TimeZone;
    let months = months_ending(local_month(now), MONTHS);
    let first = months[0];
    // Midnight local time on the first day of the first month.
    let since = crate::api::dates::LOCAL
        .with_ymd_and_hms(first.year, first.month, 1, 0, 0, 0)
        .earliest()
        .map_or(now, |at| at.with_timezone(&chrono::Utc));
    let centres = figures::centre_places(db).await?;
    let groups: Vec<GroupFacts> = figures::group_dates(db, since)
        .await?
        .into_iter()
        .map(|g| GroupFacts {
            area: area_of(level, g.place_id, centres.get(&g.centre_id)),
            status: g.status,
            posted: local_month(g.created_at),
            matched: g.matched_at.map(local_month),
            started: g.running_at.map(local_month),
            ended: g.ended_at.map(local_month),
            days_to_match: g.matched_at.map(|m| (m - g.created_at).num_days()),
        })
        .collect();
    let certified = match level {
        Level::Municipality => None,
        Level::Country | Level::Region => {
            let mut per_area = std::collections::BTreeMap::new();
            for (place, n) in figures::certified_by_home(db, now).await? {
                let key = area_of(level, place, None);
                *per_area.entry(key).or_insert(0) += n;
            }
            Some(per_area)
        }
    };
    let issued: Vec<Month> = figures::issued_since(db, since)
        .await?
        .into_iter()
        .map(local_month)
        .collect();
    let rows = by_area(&groups, first, certified.as_ref());
    let area = area.filter(|a| rows.iter().any(|r| &r.area == a));
    // Certificates have no area: the monthly count of them is the whole country's.
    let issued = if area.is_some() { Vec::new() } else { issued };
    let months = by_month(&groups, area.as_deref(), &months, &issued);
    let total = sum(&rows, &groups, first);
    let count = rows.len() as u64;
    let areas = match page {
        Some(page) => {
            let page = page.clamp(1, 100_000);
            let start = usize::try_from((page - 1) * AREAS_PER_PAGE).unwrap_or(usize::MAX);
            let items = rows
                .into_iter()
                .skip(start)
                .take(AREAS_PER_PAGE as usize)
                .collect();
            Page::new(items, page, AREAS_PER_PAGE, count)
        }
        None => Page::new(rows, 1, count.max(1), count),
    };
    Ok(NationalDashboard {
        level,
        area,
        since: first.label(),
        areas,
        total,
        months,
    })
}

/// The figures of all areas together: counts summed, the median over every group.
#[cfg(feature = "ssr")]
fn sum(
    rows: &[AreaRow],
    groups: &[crate::domain::national::GroupFacts],
    since: crate::domain::national::Month,
) -> AreaRow {
    let all: Vec<_> = groups
        .iter()
        .cloned()
        .map(|mut g| {
            g.area = String::new();
            g
        })
        .collect();
    let mut total = crate::domain::national::by_area(&all, since, None)
        .pop()
        .unwrap_or(AreaRow {
            area: String::new(),
            seeking: 0,
            meeting: 0,
            flow: Default::default(),
            median_days_to_match: None,
            certified: None,
        });
    total.certified = rows.iter().map(|r| r.certified).sum::<Option<u64>>();
    total
}

/// The national figures at `level` (`country`, `region` or `municipality`), the months for
/// `area` (empty for all), page `page` of the areas; administrators only.
#[server(endpoint = "results/national")]
pub async fn load_national_dashboard(
    level: String,
    area: String,
    page: u64,
) -> Result<NationalDashboard, AppError> {
    use crate::{api::context::require, domain::authz::Action};
    require(Action::ViewNationalResults)?;
    let db = crate::api::context::state()?.db;
    let area = Some(area.trim().to_owned()).filter(|a| !a.is_empty());
    national_dashboard(
        &db,
        Level::parse(&level),
        area,
        Some(page),
        chrono::Utc::now(),
    )
    .await
}

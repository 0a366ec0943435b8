//! Groups a centre needs an igangsætter for: the centre's list, posting a new one, and one
//! group with the igangsættere who may be asked, best first, each with the reasons.

use crate::{
    api::{admin::Page, matching::PlaceChoice},
    domain::{
        groups::GroupStatus,
        language::Language,
        matching::{Reasons, Slot, Weekday},
        profile::Topic,
    },
    errors::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Groups per page in a centre's list.
pub const PER_PAGE: u64 = 20;
/// Candidates shown for a group.
pub const SHOWN_CANDIDATES: usize = 20;

/// A group in a centre's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupRow {
    /// Its id.
    pub id: i32,
    /// Its name.
    pub title: String,
    /// What it is about.
    pub topic: Topic,
    /// Where it is in its life.
    pub status: GroupStatus,
    /// The town it meets in.
    pub place: String,
    /// The day it meets.
    pub weekday: Weekday,
    /// `HH:MM`.
    pub time: String,
    /// The first meeting, `YYYY-MM-DD`.
    pub starts_on: String,
}

/// A centre's groups.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CentreGroups {
    /// The centre's public id.
    pub centre: String,
    /// Its name.
    pub name: String,
    /// The status shown, or all.
    pub status: Option<GroupStatus>,
    /// The page of groups.
    pub groups: Page<GroupRow>,
}

/// An igangsætter who may be asked, as the coordinator sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateRow {
    /// Their public id, to address a request to.
    pub person: String,
    /// Their name.
    pub name: String,
    /// Whether a request to them waits for an answer.
    pub asked: bool,
    /// Score out of 100.
    pub score: u32,
    /// Why they stand where they stand.
    pub reasons: Reasons,
}

/// One group, with its candidates while it seeks an igangsætter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupView {
    /// Its id.
    pub id: i32,
    /// The centre's public id and name.
    pub centre: String,
    pub centre_name: String,
    /// The listed facts.
    pub row: GroupRow,
    /// `self_help` or `network`.
    pub kind: String,
    /// The language it meets in.
    pub language: Language,
    /// The town it meets in.
    pub place: Option<PlaceChoice>,
    /// `weekly` or `fortnightly`.
    pub cadence: String,
    /// The weekday and part of the day it meets.
    pub slot: Slot,
    /// Meetings the igangsætter is asked to attend.
    pub meetings: u32,
    /// The description.
    pub description: String,
    /// The best candidates, best first (empty unless it seeks).
    pub candidates: Vec<CandidateRow>,
    /// How many may be asked in all.
    pub eligible: usize,
    /// The igangsætter who accepted it, while they hold it or after they stepped out.
    pub igangsaetter: Option<String>,
    /// The steps taken so far, each with its date `YYYY-MM-DD`.
    pub history: Vec<(GroupStatus, String)>,
    /// Why it ended, if the centre said.
    pub ending_reason: Option<String>,
    /// The steps the centre may take now.
    pub next: Vec<GroupStatus>,
    /// Whether the centre may open an outcome survey now.
    pub survey_may_open: bool,
    /// The outcome survey, once opened.
    pub survey: Option<super::SurveyState>,
}

#[cfg(feature = "ssr")]
pub(super) fn row_of(group: &crate::store::groups::GroupRecord) -> GroupRow {
    GroupRow {
        id: group.id,
        title: group.plan.title.clone(),
        topic: group.plan.topic,
        status: group.status,
        place: crate::domain::places::find(group.plan.place)
            .map(|p| p.name.to_owned())
            .unwrap_or_default(),
        weekday: group.plan.weekday,
        time: group.plan.time.format("%H:%M").to_string(),
        starts_on: group.plan.starts_on.to_string(),
    }
}

/// The centre with public id `centre`, if the signed-in person may act for it.
#[cfg(feature = "ssr")]
pub(super) async fn centre_for(
    db: &sea_orm::DatabaseConnection,
    centre: &str,
) -> Result<crate::store::centres::Centre, AppError> {
    use crate::{api::context::require, domain::authz::Action, store::centres};
    // Signed in first, so a visitor learns nothing about which centres exist.
    require(Action::ManageOwnAccount)?;
    let found = centres::find_by_public_id(db, centre.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    require(Action::ViewCentre {
        centre_id: found.id,
    })?;
    Ok(found)
}

/// Group `id`, if the signed-in person may act for its centre.
#[cfg(feature = "ssr")]
pub(super) async fn group_for(
    db: &sea_orm::DatabaseConnection,
    id: i32,
) -> Result<crate::store::groups::GroupRecord, AppError> {
    use crate::{api::context::require, domain::authz::Action, store::groups};
    require(Action::ManageOwnAccount)?;
    let record = groups::find(db, id).await?.ok_or(AppError::NotFound)?;
    require(Action::ViewCentre {
        centre_id: record.centre_id,
    })?;
    Ok(record)
}

/// A page (from 1) of a centre's groups, all or those of one `status`.
#[server(endpoint = "groups/list")]
pub async fn list_centre_groups(
    centre: String,
    #[server(default)] status: String,
    page: u64,
) -> Result<CentreGroups, AppError> {
    use crate::{api::context::state, store::groups};
    let db = state()?.db;
    let found = centre_for(&db, &centre).await?;
    let status = GroupStatus::parse(status.trim());
    let page = page.max(1);
    let (rows, total) = groups::page_of_centre(&db, found.id, status, page - 1, PER_PAGE).await?;
    Ok(CentreGroups {
        centre: found.public_id,
        name: found.name,
        status,
        groups: Page::new(rows.iter().map(row_of).collect(), page, PER_PAGE, total),
    })
}

/// One group and, while it seeks, who may be asked to start it.
#[server(endpoint = "groups/load")]
pub async fn load_group(group: i32) -> Result<GroupView, AppError> {
    use crate::{
        api::{context::state, dates::local_date},
        domain::{
            groups::{Mover, steps_for},
            matching::rank,
            places,
        },
        store::{centres, matching},
    };
    let db = state()?.db;
    let record = group_for(&db, group).await?;
    let centre = centres::find(&db, record.centre_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (candidates, eligible) = if record.status == GroupStatus::Seeking {
        let near = matching::candidates_near(&db, record.at, chrono::Utc::now()).await?;
        let ranked = rank(&near, &record.plan.need(record.at));
        let shown: Vec<_> = ranked.iter().take(SHOWN_CANDIDATES).collect();
        let ids: Vec<i32> = shown.iter().map(|r| r.person).collect();
        let names = matching::names(&db, &ids).await?;
        let asked = crate::store::requests::waiting_people(&db, record.id).await?;
        let rows = shown
            .into_iter()
            .map(|r| {
                let (person, name) = names.get(&r.person).cloned().unwrap_or_default();
                CandidateRow {
                    person,
                    name,
                    asked: asked.contains(&r.person),
                    score: r.score,
                    reasons: r.reasons.clone(),
                }
            })
            .collect();
        (rows, ranked.len())
    } else {
        (Vec::new(), 0)
    };
    let survey = super::survey::state_of(&db, &state()?.site.base_url, record.id).await?;
    let igangsaetter = match record.igangsaetter {
        Some(person) => matching::names(&db, &[person])
            .await?
            .remove(&person)
            .map(|(_, name)| name),
        None => None,
    };
    Ok(GroupView {
        id: record.id,
        centre: centre.public_id,
        centre_name: centre.name,
        row: row_of(&record),
        kind: record.plan.kind.as_str().to_owned(),
        language: record.plan.language,
        place: places::find(record.plan.place).map(PlaceChoice::from),
        cadence: record.plan.cadence.as_str().to_owned(),
        slot: record.plan.slot(),
        meetings: record.plan.meetings,
        description: record.plan.description,
        candidates,
        eligible,
        igangsaetter,
        history: record
            .steps
            .dates
            .iter()
            .map(|(status, at)| (*status, local_date(*at).to_string()))
            .collect(),
        ending_reason: record.steps.ending_reason.clone(),
        next: steps_for(Mover::Centre, record.status),
        survey_may_open: crate::domain::survey::may_open(record.status),
        survey,
    })
}

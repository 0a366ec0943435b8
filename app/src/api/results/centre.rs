//! Visible results: the figures a centre shows the municipality and funders behind it.

use crate::{domain::groups::GroupStatus, domain::survey::Summary, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Days ahead within which a certificate counts as running out soon.
pub const EXPIRING_DAYS: i64 = 90;

/// A centre's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CentreDashboard {
    /// The centre's public id and name.
    pub centre: String,
    pub name: String,
    /// The town the centre is taken to be in, if its municipality names one.
    pub town: Option<String>,
    /// Certified igangsættere open to requests whose travel reaches the centre's town.
    pub within_reach: Option<u64>,
    /// Of those, how many certificates run out within [`EXPIRING_DAYS`].
    pub expiring: Option<u64>,
    /// Groups at each status, in the order of a group's life.
    pub by_status: Vec<(GroupStatus, u64)>,
    /// Median days from posting a group to an igangsætter's yes.
    pub median_days_to_match: Option<f64>,
    /// Groups that had their first meeting this year, and that ended this year.
    pub started_this_year: u64,
    pub ended_this_year: u64,
    /// Requests waiting for an answer.
    pub waiting_requests: u64,
    /// Survey answers about the centre's groups, and their totals once there are enough.
    pub survey_answers: usize,
    pub survey: Option<Summary>,
}

/// Computes a centre's dashboard; its coordinators and administrators only.
#[cfg(feature = "ssr")]
pub async fn centre_dashboard(
    db: &sea_orm::DatabaseConnection,
    centre: &crate::store::centres::Centre,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<CentreDashboard, AppError> {
    use crate::{
        domain::{
            figures::median,
            matching::{MAX_TRAVEL_KM, distance_km},
            places,
            survey::summarise,
        },
        store::{dashboard, matching},
    };
    use chrono::{Datelike, TimeZone};
    let year_start = chrono::Utc
        .with_ymd_and_hms(now.year(), 1, 1, 0, 0, 0)
        .single()
        .unwrap_or(now);
    let town = places::search(&centre.municipality, 1).into_iter().next();
    let (within_reach, expiring) = match town {
        Some(town) => {
            let near = matching::candidates_near(db, town.at, now).await?;
            let reached: Vec<i32> = near
                .iter()
                .filter(|c| {
                    c.certified
                        && c.available
                        && distance_km(c.home, town.at) <= f64::from(c.travel_km.min(MAX_TRAVEL_KM))
                })
                .map(|c| c.person)
                .collect();
            let soon = now + chrono::Duration::days(EXPIRING_DAYS);
            let expiring = dashboard::expiring(db, &reached, now, soon).await?;
            (Some(reached.len() as u64), Some(expiring))
        }
        None => (None, None),
    };
    let (started, ended) = dashboard::started_and_ended_since(db, centre.id, year_start).await?;
    let answers = dashboard::survey_answers(db, centre.id).await?;
    Ok(CentreDashboard {
        centre: centre.public_id.clone(),
        name: centre.name.clone(),
        town: town.map(|t| t.name.to_owned()),
        within_reach,
        expiring,
        by_status: dashboard::groups_by_status(db, centre.id).await?,
        median_days_to_match: median(&dashboard::days_to_match(db, centre.id).await?),
        started_this_year: started,
        ended_this_year: ended,
        waiting_requests: dashboard::waiting_requests(db, centre.id).await?,
        survey_answers: answers.len(),
        survey: summarise(&answers),
    })
}

/// The dashboard of the centre with public id `centre`.
#[server(endpoint = "results/centre")]
pub async fn load_centre_dashboard(centre: String) -> Result<CentreDashboard, AppError> {
    use crate::{
        api::context::{require, state},
        domain::authz::Action,
        store::centres,
    };
    let db = state()?.db;
    require(Action::ManageOwnAccount)?;
    let found = centres::find_by_public_id(&db, centre.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    require(Action::ViewCentre {
        centre_id: found.id,
    })?;
    centre_dashboard(&db, &found, chrono::Utc::now()).await
}

//! The outcome survey: a centre opens a link for a group that goes on by itself or has
//! ended and hands it to the participants, who answer without signing in; the centre sees
//! the totals once enough have answered.

use crate::{domain::survey::Summary, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A group's survey as its centre sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SurveyState {
    /// The link to hand out.
    pub link: String,
    /// The last day it takes answers, `YYYY-MM-DD`.
    pub closes_on: String,
    /// Whether it still takes answers.
    pub open: bool,
    /// How many answered.
    pub answers: usize,
    /// The totals, once enough answered.
    pub summary: Option<Summary>,
}

/// What a participant sees before answering.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyForm {
    /// The group's name.
    pub group: String,
    /// The centre behind it.
    pub centre: String,
    /// Whether it still takes answers.
    pub open: bool,
}

/// The survey of a group, for its centre's page.
#[cfg(feature = "ssr")]
pub(super) async fn state_of(
    db: &sea_orm::DatabaseConnection,
    base_url: &str,
    group: i32,
) -> Result<Option<SurveyState>, AppError> {
    use crate::{api::dates::local_date, domain::survey::summarise, store::surveys};
    let Some(link) = surveys::of_group(db, group).await? else {
        return Ok(None);
    };
    let answers = surveys::answers(db, group).await?;
    Ok(Some(SurveyState {
        link: format!("{base_url}/survey/{}", link.token),
        closes_on: local_date(link.closes_at).to_string(),
        open: chrono::Utc::now() < link.closes_at,
        answers: answers.len(),
        summary: summarise(&answers),
    }))
}

/// Opens the survey of `group`, which goes on by itself or has ended; its centre only.
#[server(endpoint = "surveys/open")]
pub async fn open_survey(group: i32) -> Result<(), AppError> {
    use crate::{api::context::state, domain::survey::OPEN_DAYS, store::surveys};
    let db = state()?.db;
    let record = super::groups::group_for(&db, group).await?;
    if !crate::domain::survey::may_open(record.status) {
        return Err(AppError::GroupMoved);
    }
    let now = chrono::Utc::now();
    let (token, _) = crate::security::token::new_secret();
    surveys::open(
        &db,
        record.id,
        &token,
        now,
        now + chrono::Duration::days(OPEN_DAYS),
    )
    .await?;
    leptos_axum::redirect(&format!("/groups/{}#survey", record.id));
    Ok(())
}

/// The survey behind link `token`, for a participant; anyone with the link.
#[server(endpoint = "surveys/load")]
pub async fn load_survey(token: String) -> Result<SurveyForm, AppError> {
    use crate::{
        api::context::state,
        store::{centres, groups, surveys},
    };
    let db = state()?.db;
    let link = surveys::by_token(&db, token.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    let record = groups::find(&db, link.group_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let centre = centres::find(&db, record.centre_id)
        .await?
        .map(|c| c.name)
        .unwrap_or_default();
    Ok(SurveyForm {
        group: record.plan.title,
        centre,
        open: chrono::Utc::now() < link.closes_at,
    })
}

/// Files one participant's answer to the survey behind `token`: a point from 1 to 5 for
/// each statement. Nothing about who answered is kept, and the time only as its month.
#[server(endpoint = "surveys/answer")]
pub async fn answer_survey(
    token: String,
    #[server(default)] seen: String,
    #[server(default)] less_alone: String,
    #[server(default)] insight: String,
    #[server(default)] talking: String,
    #[server(default)] mastery: String,
) -> Result<(), AppError> {
    use crate::{
        api::{auth::limits::SURVEY, context::state, dates::local_date},
        domain::survey::{Answer, AnswerFlaw, month_of},
        errors::Problem,
        store::surveys,
    };
    let db = state()?.db;
    let token = token.trim().to_owned();
    let link = surveys::by_token(&db, &token)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = chrono::Utc::now();
    if now >= link.closes_at {
        return Err(AppError::SurveyClosed);
    }
    let values = [
        ("seen", seen),
        ("less_alone", less_alone),
        ("insight", insight),
        ("talking", talking),
        ("mastery", mastery),
    ];
    let answer = Answer::read(|key| {
        values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    })
    .map_err(|flaw| match flaw {
        AnswerFlaw::Missing(s) => AppError::field(s.key(), Problem::Required),
        AnswerFlaw::OutOfScale(s) => AppError::field(s.key(), Problem::OutOfRange),
    })?;
    SURVEY.hit(&db, &token, now).await?;
    surveys::answer(&db, link.group_id, &month_of(local_date(now)), answer).await?;
    leptos_axum::redirect(&format!("/survey/{token}?thanks=1"));
    Ok(())
}

//! Posting a group: a coordinator describes a new group their centre needs an igangsætter
//! for. Each field's problem is named and nothing is saved until every field is right.

// The server function takes one argument per form field, so the form works as a plain post;
// the browser build's generated caller has as many.
#![allow(clippy::too_many_arguments)]

use crate::errors::AppError;
use leptos::prelude::*;

/// Posts a new group for the centre with public id `centre`; the browser goes to the group.
#[server(endpoint = "groups/create")]
pub async fn create_group(
    centre: String,
    title: String,
    topic: String,
    kind: String,
    language: String,
    #[server(default)] place: String,
    weekday: String,
    time: String,
    cadence: String,
    starts_on: String,
    meetings: String,
    #[server(default)] description: String,
) -> Result<i32, AppError> {
    use crate::{
        api::{context::state, dates::local_date, matching::groups::centre_for},
        domain::{
            group_plan::{Cadence, GroupKind, GroupPlan, PlanFlaw},
            language::Language,
            matching::Weekday,
            places,
            profile::Topic,
        },
        errors::{FieldError, Problem},
        store::groups,
    };
    use chrono::{NaiveDate, NaiveTime};
    let db = state()?.db;
    let found = centre_for(&db, &centre).await?;
    let mut errors: Vec<FieldError> = Vec::new();
    let mut wrong = |field: &str, problem: Problem| {
        errors.push(FieldError {
            field: field.into(),
            problem,
        })
    };
    let topic = Topic::parse(topic.trim());
    let kind = GroupKind::parse(kind.trim());
    let language = language.parse::<Language>().ok();
    let weekday = Weekday::parse(weekday.trim());
    let cadence = Cadence::parse(cadence.trim());
    let time = NaiveTime::parse_from_str(time.trim(), "%H:%M").ok();
    let date = NaiveDate::parse_from_str(starts_on.trim(), "%Y-%m-%d").ok();
    let count = meetings.trim().parse::<u32>().ok();
    for (field, missing) in [
        ("topic", topic.is_none()),
        ("kind", kind.is_none()),
        ("language", language.is_none()),
        ("weekday", weekday.is_none()),
        ("cadence", cadence.is_none()),
        ("time", time.is_none()),
        ("starts_on", date.is_none()),
        ("meetings", count.is_none()),
    ] {
        if missing {
            wrong(field, Problem::NotAllowed);
        }
    }
    let home = place.trim().parse::<i32>().ok().and_then(places::find);
    let (
        Some(topic),
        Some(kind),
        Some(language),
        Some(weekday),
        Some(cadence),
        Some(time),
        Some(starts_on),
        Some(meetings),
    ) = (topic, kind, language, weekday, cadence, time, date, count)
    else {
        if home.is_none() {
            wrong("place", Problem::Required);
        }
        return Err(AppError::Invalid(errors));
    };
    let plan = GroupPlan {
        title: title.trim().to_owned(),
        topic,
        kind,
        language,
        place: home.map_or(0, |p| p.id),
        weekday,
        time,
        cadence,
        starts_on,
        meetings,
        description: description.trim().to_owned(),
    };
    let now = chrono::Utc::now();
    for flaw in plan.flaws(home.is_some(), local_date(now)) {
        match flaw {
            PlanFlaw::Title if plan.title.is_empty() => wrong("title", Problem::Required),
            PlanFlaw::Title => wrong("title", Problem::TooLong),
            PlanFlaw::UnknownPlace if place.trim().is_empty() => wrong("place", Problem::Required),
            PlanFlaw::UnknownPlace => wrong("place", Problem::NotAllowed),
            PlanFlaw::StartsInThePast => wrong("starts_on", Problem::OutOfRange),
            PlanFlaw::Meetings => wrong("meetings", Problem::OutOfRange),
            PlanFlaw::Description => wrong("description", Problem::TooLong),
        }
    }
    let Some(home) = home.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let auth = crate::auth::signed_in().ok_or(AppError::Unauthenticated)?;
    let id = groups::create(&db, found.id, auth.user.id, &plan, home.at, now).await?;
    leptos_axum::redirect(&format!("/groups/{id}"));
    Ok(id)
}

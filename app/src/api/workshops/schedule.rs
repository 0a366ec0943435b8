//! Scheduling a workshop.

use crate::{domain::ids::WorkshopId, errors::AppError};
use leptos::prelude::*;

/// Schedules a workshop of the certification programme. Times are local (`datetime-local`).
#[server(endpoint = "workshops/schedule")]
pub async fn schedule_workshop(
    title: String,
    starts: String,
    ends: String,
    place: String,
    capacity: String,
    language: String,
    #[server(default)] description: String,
) -> Result<WorkshopId, AppError> {
    use crate::{
        api::{
            context::{require, state},
            dates::parse_local,
        },
        domain::{
            authz::Action,
            language::Language,
            workshops::{WorkshopForm, WorkshopProblem},
        },
        errors::Problem,
        store::{certification, db::begin_write, workshops},
    };
    let auth = require(Action::ScheduleWorkshops)?;
    let starts_at =
        parse_local(&starts).ok_or_else(|| AppError::field("starts", Problem::NotAllowed))?;
    let ends_at = parse_local(&ends).ok_or_else(|| AppError::field("ends", Problem::NotAllowed))?;
    let capacity: u32 = capacity
        .trim()
        .parse()
        .map_err(|_| AppError::field("capacity", Problem::OutOfRange))?;
    let language = Language::from_tag(&language)
        .ok_or_else(|| AppError::field("language", Problem::UnknownLanguage))?;
    let form = WorkshopForm {
        title,
        place,
        capacity,
        description,
    };
    let now = chrono::Utc::now();
    if starts_at <= now {
        return Err(AppError::field("starts", Problem::OutOfRange));
    }
    form.check(ends_at > starts_at, 0)
        .map_err(|problem| match problem {
            WorkshopProblem::Title => AppError::field("title", Problem::Required),
            WorkshopProblem::Place => AppError::field("place", Problem::Required),
            WorkshopProblem::Capacity | WorkshopProblem::BelowSeated => {
                AppError::field("capacity", Problem::OutOfRange)
            }
            WorkshopProblem::Description => AppError::field("description", Problem::TooLong),
            WorkshopProblem::Times => AppError::field("ends", Problem::OutOfRange),
        })?;
    let db = state()?.db;
    let txn = begin_write(&db).await?;
    // Workshops count for the programme the product ships with.
    let programme = certification::all(&txn)
        .await?
        .into_iter()
        .find(|p| p.slug == certification::DEFAULT_PROGRAMME)
        .ok_or(AppError::NotFound)?;
    let id = workshops::create(
        &txn,
        workshops::NewWorkshop {
            programme: programme.id,
            form,
            starts_at,
            ends_at,
            language: language.code().to_owned(),
        },
        auth.user.id,
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

//! A course's trainers: naming one by email and removing one.

use crate::errors::AppError;
use leptos::prelude::*;

/// Names a trainer (by email) as one of the course's trainers.
#[server(endpoint = "teach/add-trainer")]
pub async fn add_course_trainer(course: String, email: String) -> Result<(), AppError> {
    use crate::{
        api::context::{state, trainer_by_email},
        store::{courses, learning},
    };
    super::ssr::follower()?;
    let db = state()?.db;
    let course = courses::find(&db, &course).await?;
    super::ssr::course_trainer(&db, course.id).await?;
    let person = trainer_by_email(&db, &email).await?;
    learning::add_trainer(&db, course.id, person.id, chrono::Utc::now()).await?;
    Ok(())
}

/// Removes one of the course's trainers.
#[server(endpoint = "teach/remove-trainer")]
pub async fn remove_course_trainer(course: String, trainer: String) -> Result<(), AppError> {
    use crate::{
        api::context::state,
        store::{courses, learning, people},
    };
    super::ssr::follower()?;
    let db = state()?.db;
    let course = courses::find(&db, &course).await?;
    super::ssr::course_trainer(&db, course.id).await?;
    let person = people::find_by_public_id(&db, &trainer)
        .await?
        .ok_or(AppError::NotFound)?;
    learning::remove_trainer(&db, course.id, person.id).await?;
    Ok(())
}

//! The course overview's part for the learner: where they stand, and starting the course.

use crate::domain::ids::LessonId;
use crate::errors::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A centre a learner can name when starting a course.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CentreChoice {
    /// Public id.
    pub id: String,
    /// Name.
    pub name: String,
}

/// Progress of one module.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleState {
    /// Title.
    pub title: String,
    /// Lessons completed.
    pub done: usize,
    /// Lessons in all.
    pub total: usize,
    /// Whether the learner may open it.
    pub unlocked: bool,
    /// The title of the module that must be completed first, when locked.
    pub waits_for: Option<String>,
    /// Lessons.
    pub lessons: Vec<LessonState>,
}

/// One lesson in the player's outline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonState {
    /// Id.
    pub id: LessonId,
    /// Title.
    pub title: String,
    /// Whether it is completed.
    pub done: bool,
}

/// The signed-in learner's place in a course.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyProgress {
    /// Whole percent of lessons completed.
    pub percent: u8,
    /// The lesson to continue with.
    pub next: Option<LessonId>,
    /// Whether the course is completed.
    pub completed: bool,
    /// Version number the learner follows.
    pub version: i32,
    /// Whether a newer version has been published since.
    pub newer_version: bool,
    /// Modules.
    pub modules: Vec<ModuleState>,
}

/// What the course overview shows about the visitor's own progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    /// Not signed in.
    Visitor,
    /// Signed in, not started; the centres they may name.
    NotStarted(Vec<CentreChoice>),
    /// Started.
    Started(MyProgress),
}

/// Where the signed-in person stands in a published course, for its overview page.
#[server(endpoint = "learn/standing")]
pub async fn load_standing(slug: String) -> Result<Standing, AppError> {
    use crate::store::{centres, courses, learning};
    let db = super::ssr::db()?;
    let Some(auth) = crate::auth::signed_in() else {
        return Ok(Standing::Visitor);
    };
    let course = courses::find_by_slug(&db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    match learning::enrolment_in(&db, auth.user.id, course.id).await? {
        Some(enrolment) => {
            let enrolled = learning::enrolled(&db, enrolment).await?;
            Ok(Standing::Started(super::ssr::my_progress(&enrolled)))
        }
        None => {
            let (rows, _) = centres::page(&db, 0, 500).await?;
            Ok(Standing::NotStarted(
                rows.into_iter()
                    .map(|c| CentreChoice {
                        id: c.public_id,
                        name: c.name,
                    })
                    .collect(),
            ))
        }
    }
}

/// Starts a published course (starting it again just continues) and opens the next lesson.
#[server(endpoint = "learn/enrol")]
pub async fn enrol(slug: String, #[server(default)] centre: String) -> Result<LessonId, AppError> {
    use crate::{
        domain::learning::unlocking::continue_at,
        errors::Problem,
        store::{centres, courses, db::begin_write, learning},
    };
    let auth = super::ssr::learner()?;
    let db = super::ssr::db()?;
    let course = courses::find_by_slug(&db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let centre_id = match centre.trim() {
        "" => None,
        id => Some(
            centres::find_by_public_id(&db, id)
                .await?
                .ok_or_else(|| AppError::field("centre", Problem::NotAllowed))?
                .id,
        ),
    };
    let txn = begin_write(&db).await?;
    let enrolment =
        learning::enrol(&txn, auth.user.id, &course, centre_id, chrono::Utc::now()).await?;
    txn.commit().await?;
    let enrolled = learning::enrolled(&db, enrolment).await?;
    let next = continue_at(&enrolled.shapes(), &enrolled.progress).ok_or(AppError::NotFound)?;
    leptos_axum::redirect(&format!("/learn/lessons/{next}"));
    Ok(next)
}

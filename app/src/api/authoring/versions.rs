//! A course's versions: starting and discarding drafts, what publishing would change,
//! publishing, taking a course out of the catalogue or archiving it, and the version history.

use crate::{
    domain::course::{Change, Flaw, VersionState},
    errors::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::ssr;

/// One version in the history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionEntry {
    /// Number.
    pub number: i32,
    /// State.
    pub state: VersionState,
    /// Title at that version.
    pub title: String,
    /// When it was published, `YYYY-MM-DD HH:MM` UTC.
    pub published_at: Option<String>,
    /// What changed against the version before, as recorded when published.
    pub changes: Vec<Change>,
}

/// What publishing now would do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishPreview {
    /// Number of the draft.
    pub version: i32,
    /// Number of the version it replaces.
    pub replaces: Option<i32>,
    /// Changes against that version.
    pub changes: Vec<Change>,
    /// What must be fixed first.
    pub flaws: Vec<Flaw>,
}

/// Starts a new draft version of a published course (or returns the existing draft).
#[server(endpoint = "authoring/start-draft")]
pub async fn start_draft(course: String) -> Result<i32, AppError> {
    use crate::store::courses;
    let auth = ssr::author()?;
    let txn = ssr::write().await?;
    let course = ssr::course(&txn, &course).await?;
    let version =
        courses::start_draft(&txn, &course, Some(auth.user.id), chrono::Utc::now()).await?;
    txn.commit().await?;
    Ok(version.number)
}

/// Throws away the draft of a course that has a published version.
#[server(endpoint = "authoring/discard-draft")]
pub async fn discard_draft(
    course: String,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::{errors::Problem, store::courses};
    ssr::author()?;
    let txn = ssr::write().await?;
    let course = ssr::course(&txn, &course).await?;
    if confirm.is_none() {
        return Err(AppError::field("confirm", Problem::MustConfirm));
    }
    courses::discard_draft(&txn, &course).await?;
    txn.commit().await?;
    Ok(())
}

/// What publishing the draft now would change, and what must be fixed first.
#[server(endpoint = "authoring/publish-preview")]
pub async fn load_publish_preview(course: String) -> Result<PublishPreview, AppError> {
    use crate::{api::context::state, store::courses};
    ssr::author()?;
    let state = state()?;
    let course = ssr::course(&state.db, &course).await?;
    let draft = courses::draft(&state.db, course.id)
        .await?
        .ok_or(AppError::NothingToPublish)?;
    let (changes, flaws) = courses::pending(&state.db, &course).await?;
    let replaces = match course.published_version_id {
        Some(id) => courses::versions(&state.db, course.id)
            .await?
            .into_iter()
            .find(|v| v.id == id)
            .map(|v| v.number),
        None => None,
    };
    Ok(PublishPreview {
        version: draft.number,
        replaces,
        changes,
        flaws,
    })
}

/// Publishes the draft, or puts an unpublished course back in the catalogue.
#[server(endpoint = "authoring/publish")]
pub async fn publish(
    course: String,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        errors::Problem,
        store::{audit, courses},
    };
    let auth = ssr::author()?;
    let txn = ssr::write().await?;
    let course = ssr::course(&txn, &course).await?;
    if confirm.is_none() {
        return Err(AppError::field("confirm", Problem::MustConfirm));
    }
    let now = chrono::Utc::now();
    let changes = courses::publish(&txn, &course, Some(auth.user.id), now).await?;
    audit::record(
        &txn,
        audit::Event::CoursePublished,
        Some(auth.user.id),
        None,
        Some(format!("{} ({} changes)", course.slug, changes.len())),
        now,
    )
    .await?;
    txn.commit().await?;
    leptos_axum::redirect(&format!(
        "/authoring/courses/{}?published=1",
        course.public_id
    ));
    Ok(())
}

/// Takes a course out of the catalogue (`unpublish`), retires it (`archive`), or brings an
/// archived one back as unpublished (`restore`).
#[server(endpoint = "authoring/set-status")]
pub async fn set_course_status(
    course: String,
    change: String,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        domain::course::CourseStatus,
        errors::Problem,
        store::{audit, courses},
    };
    let auth = ssr::author()?;
    let txn = ssr::write().await?;
    let course = ssr::course(&txn, &course).await?;
    let current = course.status;
    let target = match (change.as_str(), current) {
        ("unpublish", CourseStatus::Published) => CourseStatus::Draft,
        ("archive", CourseStatus::Draft | CourseStatus::Published) => CourseStatus::Archived,
        ("restore", CourseStatus::Archived) => CourseStatus::Draft,
        ("unpublish" | "archive" | "restore", _) => return Err(AppError::NotEditable),
        _ => return Err(AppError::field("change", Problem::NotAllowed)),
    };
    if confirm.is_none() {
        return Err(AppError::field("confirm", Problem::MustConfirm));
    }
    let now = chrono::Utc::now();
    courses::set_status(&txn, &course, target, now).await?;
    audit::record(
        &txn,
        audit::Event::CourseStatusChanged,
        Some(auth.user.id),
        None,
        Some(format!("{} {change}", course.slug)),
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Every version of a course, newest first, with what each changed.
#[server(endpoint = "authoring/history")]
pub async fn version_history(course: String) -> Result<Vec<VersionEntry>, AppError> {
    use crate::{
        api::{context::state, dates::time},
        store::courses,
    };
    ssr::author()?;
    let state = state()?;
    let course = ssr::course(&state.db, &course).await?;
    Ok(courses::versions(&state.db, course.id)
        .await?
        .into_iter()
        .map(|v| VersionEntry {
            number: v.number,
            state: v.state,
            published_at: v.published_at.map(time),
            changes: courses::recorded_changes(&v),
            title: v.title,
        })
        .collect())
}

//! Who may change a course: naming and removing its editors, and copying a published course
//! into a new course of one's own (which any author may do).

use crate::errors::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::ssr;

/// One editor of a course.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditorEntry {
    /// The person's public id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Email address.
    pub email: String,
}

/// Who a course belongs to and who may change it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseEditors {
    /// The owning centre's name; none for the platform's own courses.
    pub owner: Option<String>,
    /// The editors, by name.
    pub editors: Vec<EditorEntry>,
}

/// The course's owner and editors, for its editors and administrators.
#[server(endpoint = "authoring/editors")]
pub async fn list_course_editors(course: String) -> Result<CourseEditors, AppError> {
    use crate::{
        api::context::state,
        store::{centres, courses},
    };
    let db = state()?.db;
    let course = ssr::course(&db, &course).await?;
    let owner = match course.owner_centre_id {
        Some(id) => centres::names_of(&db, vec![id]).await?.remove(&id),
        None => None,
    };
    let editors = courses::editors_of(&db, course.id)
        .await?
        .into_iter()
        .map(|e| EditorEntry {
            id: e.public_id,
            name: e.name,
            email: e.email,
        })
        .collect();
    Ok(CourseEditors { owner, editors })
}

/// Names a trainer (by email) as an editor of the course.
#[server(endpoint = "authoring/add-editor")]
pub async fn add_course_editor(course: String, email: String) -> Result<(), AppError> {
    use crate::{
        api::context::{state, trainer_by_email},
        store::courses,
    };
    let db = state()?.db;
    let course = ssr::course(&db, &course).await?;
    let person = trainer_by_email(&db, &email).await?;
    courses::add_editor(&db, course.id, person.id, chrono::Utc::now()).await?;
    Ok(())
}

/// Removes one of the course's editors; the last one stays, so the course is never left
/// without anyone who may change it.
#[server(endpoint = "authoring/remove-editor")]
pub async fn remove_course_editor(course: String, editor: String) -> Result<(), AppError> {
    use crate::{
        api::context::state,
        errors::Problem,
        store::{courses, people},
    };
    let db = state()?.db;
    let course = ssr::course(&db, &course).await?;
    let person = people::find_by_public_id(&db, &editor)
        .await?
        .ok_or(AppError::NotFound)?;
    if courses::editors_of(&db, course.id).await?.len() <= 1 {
        return Err(AppError::field("editor", Problem::NotAllowed));
    }
    if !courses::remove_editor(&db, course.id, person.id).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Copies the published version of a course into a new course (a draft) whose only editor is
/// the person copying it, and opens its editor.
#[server(endpoint = "authoring/copy-course")]
pub async fn copy_course(course: String) -> Result<String, AppError> {
    use crate::{
        api::context::state,
        domain::course::CourseStatus,
        store::{courses, db::begin_write},
    };
    let auth = ssr::author()?;
    let db = state()?.db;
    let original = courses::find(&db, &course).await?;
    let published = original
        .published_version_id
        .filter(|_| original.status == CourseStatus::Published)
        .ok_or(AppError::NotFound)?;
    let mut doc = courses::load_content(&db, published).await?.doc(&original);
    let txn = begin_write(&db).await?;
    doc.slug = courses::free_slug(&txn, &doc.slug).await?;
    let copy = courses::create(&txn, &doc, Some(auth.user.id), chrono::Utc::now()).await?;
    txn.commit().await?;
    leptos_axum::redirect(&format!("/authoring/courses/{}", copy.public_id));
    Ok(copy.public_id)
}

//! A course's editors: the trainers who may change it. Whoever creates a course is its first
//! editor; editors and administrators name more.

use super::CourseResult;
use crate::domain::ids::CourseId;
use crate::store::{entities::course_editor, roster::Roster};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, Set};

/// The course's editors, by course and person.
const EDITORS: Roster<course_editor::Entity> = Roster {
    course: course_editor::Column::CourseId,
    person: course_editor::Column::UserId,
    row: |course_id, user_id, added_at| course_editor::ActiveModel {
        course_id: Set(course_id),
        user_id: Set(user_id),
        added_at: Set(added_at),
        ..Default::default()
    },
};

/// One editor as the course editor lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Editor {
    /// The person's public id.
    pub public_id: String,
    /// Name.
    pub name: String,
    /// Email address.
    pub email: String,
}

/// Whether `user_id` is an editor of the course.
pub async fn is_editor(
    db: &impl ConnectionTrait,
    course_id: CourseId,
    user_id: i32,
) -> CourseResult<bool> {
    Ok(EDITORS.has(db, course_id, user_id).await?)
}

/// The courses `user_id` edits.
pub async fn edited_by(db: &impl ConnectionTrait, user_id: i32) -> CourseResult<Vec<CourseId>> {
    Ok(EDITORS.courses_of(db, user_id).await?)
}

/// Names `user_id` an editor of the course (once).
pub async fn add_editor(
    db: &impl ConnectionTrait,
    course_id: CourseId,
    user_id: i32,
    now: DateTime<Utc>,
) -> CourseResult<()> {
    Ok(EDITORS.add(db, course_id, user_id, now).await?)
}

/// Removes `user_id` from the course's editors; returns whether they were one.
pub async fn remove_editor(
    db: &impl ConnectionTrait,
    course_id: CourseId,
    user_id: i32,
) -> CourseResult<bool> {
    Ok(EDITORS.remove(db, course_id, user_id).await?)
}

/// The course's editors, by name.
pub async fn editors_of(
    db: &impl ConnectionTrait,
    course_id: CourseId,
) -> CourseResult<Vec<Editor>> {
    Ok(EDITORS
        .people(db, course_id)
        .await?
        .into_iter()
        .map(|(public_id, name, email)| Editor {
            public_id,
            name,
            email,
        })
        .collect())
}

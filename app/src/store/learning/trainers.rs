//! A course's trainers: who teaches it, naming and removing them.

use super::LearningResult;
use crate::domain::ids::CourseId;
use crate::store::{entities::course_trainer, roster::Roster};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, Set};

/// The course's trainers, by course and person.
const TRAINERS: Roster<course_trainer::Entity> = Roster {
    course: course_trainer::Column::CourseId,
    person: course_trainer::Column::UserId,
    row: |course_id, user_id, added_at| course_trainer::ActiveModel {
        course_id: Set(course_id),
        user_id: Set(user_id),
        added_at: Set(added_at),
        ..Default::default()
    },
};

/// Whether `user_id` teaches the course.
pub async fn teaches(
    db: &impl ConnectionTrait,
    course_id: CourseId,
    user_id: i32,
) -> LearningResult<bool> {
    Ok(TRAINERS.has(db, course_id, user_id).await?)
}

/// Ids of the courses `user_id` teaches.
pub async fn taught_by(db: &impl ConnectionTrait, user_id: i32) -> LearningResult<Vec<CourseId>> {
    Ok(TRAINERS.courses_of(db, user_id).await?)
}

/// Names `user_id` a trainer of the course (once).
pub async fn add_trainer(
    db: &impl ConnectionTrait,
    course_id: CourseId,
    user_id: i32,
    now: DateTime<Utc>,
) -> LearningResult<()> {
    Ok(TRAINERS.add(db, course_id, user_id, now).await?)
}

/// Removes `user_id` from the course's trainers.
pub async fn remove_trainer(
    db: &impl ConnectionTrait,
    course_id: CourseId,
    user_id: i32,
) -> LearningResult<()> {
    TRAINERS.remove(db, course_id, user_id).await?;
    Ok(())
}

/// The course's trainers: public id, name and email, by name.
pub async fn trainers_of(
    db: &impl ConnectionTrait,
    course_id: CourseId,
) -> LearningResult<Vec<(String, String, String)>> {
    Ok(TRAINERS.people(db, course_id).await?)
}

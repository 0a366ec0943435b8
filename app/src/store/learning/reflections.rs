//! Reflections: the learner's written answers, saved as drafts and sent when ready.

use super::{
    EnrolledCourse, LearningError, LearningResult, Reflection, busy_on_conflict,
    completion::settle_lesson, enrolment::record_activity,
};
use crate::domain::ids::{EnrolmentId, LessonId, QuestionId};
use crate::domain::{course::QuestionKind, learning::ReflectionState};
use crate::store::entities::reflection;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use std::collections::HashMap;

/// The learner's reflections in one lesson, by question id.
pub async fn reflections_in(
    db: &impl ConnectionTrait,
    enrolment_id: EnrolmentId,
    lesson_id: LessonId,
) -> LearningResult<HashMap<QuestionId, Reflection>> {
    Ok(reflection::Entity::find()
        .filter(reflection::Column::EnrolmentId.eq(enrolment_id))
        .filter(reflection::Column::LessonId.eq(lesson_id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.question_id, r))
        .collect())
}

/// What saving a reflection did.
#[derive(Clone, Debug)]
pub struct SavedReflection {
    /// The stored reflection.
    pub reflection: Reflection,
    /// Whether this call completed the course.
    pub course_completed: bool,
}

/// Saves a reflection as a draft, or sends it (`send`). Sent answers wait for a trainer, or
/// are accepted at once when the question says so.
pub async fn save_reflection(
    db: &impl ConnectionTrait,
    enrolled: &EnrolledCourse,
    question_id: QuestionId,
    answer: &str,
    send: bool,
    now: DateTime<Utc>,
) -> LearningResult<SavedReflection> {
    let question = enrolled
        .content
        .questions
        .values()
        .flatten()
        .find(|q| q.id == question_id && q.kind == QuestionKind::Reflection)
        .ok_or(LearningError::NotFound)?;
    let lesson = enrolled.open(question.lesson_id)?;
    let existing = reflection::Entity::find()
        .filter(reflection::Column::EnrolmentId.eq(enrolled.enrolment.id))
        .filter(reflection::Column::QuestionId.eq(question_id))
        .one(db)
        .await?;
    if existing.as_ref().is_some_and(|r| !r.state.editable()) {
        return Err(LearningError::AlreadySent);
    }
    let state = ReflectionState::after_save(send, question.review);
    let submitted_at = send.then_some(now);
    let reflection = match existing {
        Some(row) => {
            let mut active: reflection::ActiveModel = row.into();
            active.answer = Set(answer.to_owned());
            active.state = Set(state);
            if send {
                active.submitted_at = Set(submitted_at);
            }
            active.updated_at = Set(now);
            active.update(db).await?
        }
        None => reflection::ActiveModel {
            enrolment_id: Set(enrolled.enrolment.id),
            question_id: Set(question_id),
            lesson_id: Set(question.lesson_id),
            answer: Set(answer.to_owned()),
            state: Set(state),
            submitted_at: Set(submitted_at),
            comment: Set(None),
            reviewed_by: Set(None),
            reviewed_at: Set(None),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .map_err(busy_on_conflict)?,
    };
    record_activity(db, enrolled.enrolment.id, now).await?;
    let course_completed = if send {
        settle_lesson(db, enrolled, lesson, now).await?
    } else {
        false
    };
    Ok(SavedReflection {
        reflection,
        course_completed,
    })
}

//! Completing lessons and courses: a lesson without a quiz by marking it done, a lesson with a
//! quiz once it asks nothing more, and the course with its last lesson.

use super::{EnrolledCourse, LearningResult, enrolment::record_activity};
use crate::domain::ids::LessonId;
use crate::domain::learning::{LessonRequirements, ReflectionState, progress, unlocking};
use crate::store::courses::LessonRow;
use crate::store::entities::{enrolment, lesson_completion, quiz_attempt, reflection};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, TryInsertResult,
    sea_query::{Expr, ExprTrait, OnConflict},
};

/// Records a lesson as completed (once) and the course as completed when it was the last.
/// Returns whether the course became completed by this call.
pub(super) async fn complete_lesson(
    db: &impl ConnectionTrait,
    enrolled: &EnrolledCourse,
    lesson_id: LessonId,
    now: DateTime<Utc>,
) -> LearningResult<bool> {
    let inserted = lesson_completion::Entity::insert(lesson_completion::ActiveModel {
        enrolment_id: Set(enrolled.enrolment.id),
        lesson_id: Set(lesson_id),
        completed_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            lesson_completion::Column::EnrolmentId,
            lesson_completion::Column::LessonId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .try_insert()
    .exec(db)
    .await?;
    if matches!(inserted, TryInsertResult::Conflicted) {
        return Ok(false);
    }
    enrolment::Entity::update_many()
        .col_expr(
            enrolment::Column::LessonsDone,
            Expr::col(enrolment::Column::LessonsDone).add(1),
        )
        .filter(enrolment::Column::Id.eq(enrolled.enrolment.id))
        .exec(db)
        .await?;
    if enrolled.enrolment.completed_at.is_some() {
        return Ok(false);
    }
    let mut done = enrolled.completed.clone();
    done.insert(lesson_id);
    if !progress(&enrolled.shapes(), &done).complete {
        return Ok(false);
    }
    let result = enrolment::Entity::update_many()
        .col_expr(enrolment::Column::CompletedAt, Expr::value(now))
        .filter(enrolment::Column::Id.eq(enrolled.enrolment.id))
        .filter(enrolment::Column::CompletedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

/// Marks a lesson without a quiz as done. Returns whether the course became completed.
pub async fn mark_done(
    db: &impl ConnectionTrait,
    enrolled: &EnrolledCourse,
    lesson_id: LessonId,
    now: DateTime<Utc>,
) -> LearningResult<bool> {
    let lesson = enrolled.open(lesson_id)?;
    unlocking::may_mark_done(lesson.pass_mark.is_some())?;
    record_activity(db, enrolled.enrolment.id, now).await?;
    complete_lesson(db, enrolled, lesson_id, now).await
}

/// Whether the lesson's quiz asks nothing more of the learner; completes it if so.
pub(super) async fn settle_lesson(
    db: &impl ConnectionTrait,
    enrolled: &EnrolledCourse,
    lesson: &LessonRow,
    now: DateTime<Utc>,
) -> LearningResult<bool> {
    let questions = enrolled.quiz(lesson.id);
    let reflection_ids: Vec<_> = questions
        .iter()
        .filter(|q| !q.scored())
        .map(|q| q.id)
        .collect();
    let scored = questions.len() > reflection_ids.len();
    let passed = scored
        && quiz_attempt::Entity::find()
            .filter(quiz_attempt::Column::EnrolmentId.eq(enrolled.enrolment.id))
            .filter(quiz_attempt::Column::LessonId.eq(lesson.id))
            .filter(quiz_attempt::Column::Passed.eq(true))
            .count(db)
            .await?
            > 0;
    let sent = if reflection_ids.is_empty() {
        0
    } else {
        reflection::Entity::find()
            .filter(reflection::Column::EnrolmentId.eq(enrolled.enrolment.id))
            .filter(reflection::Column::QuestionId.is_in(reflection_ids.iter().copied()))
            .filter(
                reflection::Column::State.is_in(
                    ReflectionState::ALL
                        .into_iter()
                        .filter(|s| s.sent())
                        .map(ReflectionState::as_str),
                ),
            )
            .count(db)
            .await?
    };
    let needs = LessonRequirements {
        scored,
        passed,
        reflections: reflection_ids.len(),
        reflections_sent: usize::try_from(sent).unwrap_or(usize::MAX),
    };
    if needs.met() {
        complete_lesson(db, enrolled, lesson.id, now).await
    } else {
        Ok(false)
    }
}

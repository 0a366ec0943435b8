//! Quiz attempts: each one graded and kept, sent once per form, within the quiz's limits.

use super::{
    Attempt, EnrolledCourse, LearningError, LearningResult, busy_on_conflict,
    completion::settle_lesson, enrolment::record_activity,
};
use crate::domain::ids::OptionId;
use crate::domain::ids::{EnrolmentId, LessonId};
use crate::domain::learning::{AttemptRule, QuizLimits, grading, grading::Answers};
use crate::store::courses::LessonRow;
use crate::store::entities::quiz_attempt;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::BTreeMap;

/// A learner's attempts at one quiz, oldest first.
pub async fn attempts(
    db: &impl ConnectionTrait,
    enrolment_id: EnrolmentId,
    lesson_id: LessonId,
) -> LearningResult<Vec<Attempt>> {
    Ok(quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::EnrolmentId.eq(enrolment_id))
        .filter(quiz_attempt::Column::LessonId.eq(lesson_id))
        .order_by_asc(quiz_attempt::Column::Number)
        .all(db)
        .await?)
}

/// The attempt a form's one-time key already made at this quiz, if any.
pub async fn attempt_by_submission(
    db: &impl ConnectionTrait,
    enrolment_id: EnrolmentId,
    lesson_id: LessonId,
    submission: &str,
) -> LearningResult<Option<Attempt>> {
    Ok(quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::EnrolmentId.eq(enrolment_id))
        .filter(quiz_attempt::Column::LessonId.eq(lesson_id))
        .filter(quiz_attempt::Column::Submission.eq(submission))
        .one(db)
        .await?)
}

/// Whether another attempt at this quiz may start now.
pub fn attempt_rule(lesson: &LessonRow, earlier: &[Attempt], now: DateTime<Utc>) -> AttemptRule {
    let times: Vec<i64> = earlier.iter().map(|a| a.submitted_at.timestamp()).collect();
    QuizLimits {
        max_attempts: lesson.max_attempts,
        cooldown_minutes: lesson.cooldown_minutes,
    }
    .rule(&times, now.timestamp())
}

/// What submitting a quiz did.
#[derive(Clone, Debug)]
pub struct Submitted {
    /// The attempt (the earlier one, when the same form was sent twice).
    pub attempt: Attempt,
    /// Whether this call completed the course.
    pub course_completed: bool,
}

/// Marks and keeps one attempt at a quiz. Sending the same form (`submission`) again
/// returns the first attempt; a different form counts against the limit and the cool-down.
pub async fn submit_attempt(
    db: &impl ConnectionTrait,
    enrolled: &EnrolledCourse,
    lesson_id: LessonId,
    submission: &str,
    answers: &Answers,
    now: DateTime<Utc>,
) -> LearningResult<Submitted> {
    if let Some(attempt) =
        attempt_by_submission(db, enrolled.enrolment.id, lesson_id, submission).await?
    {
        return Ok(Submitted {
            attempt,
            course_completed: false,
        });
    }
    let lesson = enrolled.open(lesson_id)?;
    let Some(pass_mark) = lesson.pass_mark else {
        return Err(LearningError::NotFound);
    };
    let keys = grading::answer_keys(&enrolled.quiz(lesson_id), answers)?;
    if keys.is_empty() {
        // A quiz of reflections only has nothing to submit here.
        return Err(LearningError::BadAnswer);
    }
    let earlier = attempts(db, enrolled.enrolment.id, lesson_id).await?;
    match attempt_rule(lesson, &earlier, now) {
        AttemptRule::Allowed => {}
        AttemptRule::NoneLeft => return Err(LearningError::NoAttemptsLeft),
        AttemptRule::CoolingDown(seconds) => return Err(LearningError::CoolingDown(seconds)),
    }
    let score = grading::mark(&keys, answers, u8::try_from(pass_mark).unwrap_or(100));
    let stored: BTreeMap<String, Vec<i32>> = answers
        .iter()
        .map(|(q, options)| (q.to_string(), options.iter().map(|o| o.get()).collect()))
        .collect();
    let attempt = quiz_attempt::ActiveModel {
        enrolment_id: Set(enrolled.enrolment.id),
        lesson_id: Set(lesson_id),
        number: Set(i32::try_from(earlier.len() + 1).unwrap_or(i32::MAX)),
        submission: Set(submission.to_owned()),
        answers: Set(serde_json::to_string(&stored).unwrap_or_default()),
        right_answers: Set(i32::try_from(score.right).unwrap_or(i32::MAX)),
        scored: Set(i32::try_from(score.total).unwrap_or(i32::MAX)),
        percent: Set(i32::from(score.percent)),
        passed: Set(score.passed),
        submitted_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(busy_on_conflict)?;
    record_activity(db, enrolled.enrolment.id, now).await?;
    let course_completed = if score.passed {
        settle_lesson(db, enrolled, lesson, now).await?
    } else {
        false
    };
    Ok(Submitted {
        attempt,
        course_completed,
    })
}

/// The chosen options of a stored attempt, per question id.
pub fn answers_of(attempt: &Attempt) -> Answers {
    serde_json::from_str::<BTreeMap<String, Vec<i32>>>(&attempt.answers)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(q, o)| Some((q.parse().ok()?, o.into_iter().map(OptionId::new).collect())))
        .collect()
}

//! Enrolment: starting a course, and the learner's enrolled course with its content and
//! progress, read once per request and handed to the rules.

use super::{Enrolment, LearningError, LearningResult, completed};
use crate::domain::ids::{CourseId, EnrolmentId, LessonId};
use crate::domain::{
    course::{CourseStatus, VersionState},
    learning::{CourseProgress, ModuleShape, QuizOption, QuizQuestion, progress, unlocking},
};
use crate::store::courses::{Course, LessonRow, VersionContent};
use crate::store::entities::{course, course_version, enrolment, lesson};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
    sea_query::{Expr, OnConflict},
};
use std::collections::HashSet;

/// The learner's enrolment in a course, if any.
pub async fn enrolment_in(
    db: &impl ConnectionTrait,
    user_id: i32,
    course_id: CourseId,
) -> LearningResult<Option<Enrolment>> {
    Ok(enrolment::Entity::find()
        .filter(enrolment::Column::UserId.eq(user_id))
        .filter(enrolment::Column::CourseId.eq(course_id))
        .one(db)
        .await?)
}

/// Starts a published course on its published version; starting it again changes nothing.
pub async fn enrol(
    db: &impl ConnectionTrait,
    user_id: i32,
    course: &Course,
    centre_id: Option<i32>,
    now: DateTime<Utc>,
) -> LearningResult<Enrolment> {
    let version_id = course
        .published_version_id
        .filter(|_| course.status == CourseStatus::Published)
        .ok_or(LearningError::NotFound)?;
    enrolment::Entity::insert(enrolment::ActiveModel {
        user_id: Set(user_id),
        course_id: Set(course.id),
        version_id: Set(version_id),
        centre_id: Set(centre_id),
        started_at: Set(now),
        last_activity_at: Set(now),
        completed_at: Set(None),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([enrolment::Column::UserId, enrolment::Column::CourseId])
            .do_nothing()
            .to_owned(),
    )
    .try_insert()
    .exec(db)
    .await?;
    enrolment_in(db, user_id, course.id)
        .await?
        .ok_or(LearningError::NotFound)
}

/// Moves the enrolment's last activity to `now`.
pub(super) async fn record_activity(
    db: &impl ConnectionTrait,
    enrolment_id: EnrolmentId,
    now: DateTime<Utc>,
) -> LearningResult<()> {
    enrolment::Entity::update_many()
        .col_expr(enrolment::Column::LastActivityAt, Expr::value(now))
        .filter(enrolment::Column::Id.eq(enrolment_id))
        .exec(db)
        .await?;
    Ok(())
}

/// A learner's own view of one lesson: their enrolment, the version's content and progress.
#[derive(Clone, Debug)]
pub struct EnrolledCourse {
    /// The enrolment.
    pub enrolment: Enrolment,
    /// The course.
    pub course: Course,
    /// The enrolled version's content.
    pub content: VersionContent,
    /// Completed lesson ids.
    pub completed: HashSet<LessonId>,
    /// Progress over the version.
    pub progress: CourseProgress,
}

impl EnrolledCourse {
    /// The lesson with this id in the learner's version.
    pub fn lesson(&self, lesson_id: LessonId) -> LearningResult<&LessonRow> {
        self.content
            .modules
            .iter()
            .flat_map(|m| self.content.lessons_of(m.id))
            .find(|l| l.id == lesson_id)
            .ok_or(LearningError::NotEnrolled)
    }

    /// The version's modules as the learning rules see them.
    pub fn shapes(&self) -> Vec<ModuleShape> {
        shapes_of(&self.content)
    }

    /// Whether the module holding `lesson_id` is open to the learner.
    pub fn unlocked(&self, lesson_id: LessonId) -> bool {
        unlocking::may_open(&self.shapes(), &self.progress, lesson_id).is_ok()
    }

    /// The lesson, when the learner may work on it now.
    pub fn open(&self, lesson_id: LessonId) -> LearningResult<&LessonRow> {
        let lesson = self.lesson(lesson_id)?;
        unlocking::may_open(&self.shapes(), &self.progress, lesson_id)?;
        Ok(lesson)
    }

    /// The lesson's quiz questions as grading sees them, in quiz order.
    pub fn quiz(&self, lesson_id: LessonId) -> Vec<QuizQuestion> {
        self.content
            .questions_of(lesson_id)
            .iter()
            .map(|q| QuizQuestion {
                id: q.id,
                kind: q.kind,
                options: self
                    .content
                    .options_of(q.id)
                    .iter()
                    .map(|o| QuizOption {
                        id: o.id,
                        correct: o.correct,
                    })
                    .collect(),
            })
            .collect()
    }
}

/// The signed-in learner's enrolled course that `lesson_id` belongs to.
///
/// A lesson of a draft is not found; a lesson of a version other than the learner's, or of
/// a course they have not started, is not theirs.
pub async fn enrolled_for_lesson(
    db: &impl ConnectionTrait,
    user_id: i32,
    lesson_id: LessonId,
) -> LearningResult<EnrolledCourse> {
    let row = lesson::Entity::find_by_id(lesson_id)
        .one(db)
        .await?
        .ok_or(LearningError::NotFound)?;
    let version = course_version::Entity::find_by_id(row.version_id)
        .one(db)
        .await?
        .ok_or(LearningError::NotFound)?;
    if version.state == VersionState::Draft {
        return Err(LearningError::NotFound);
    }
    // The row lock queues one learner's concurrent writes (two tabs, a quiz and a
    // reflection at once), so each sees what the one before it completed.
    let enrolment = enrolment::Entity::find()
        .filter(enrolment::Column::UserId.eq(user_id))
        .filter(enrolment::Column::CourseId.eq(version.course_id))
        .lock_exclusive()
        .one(db)
        .await?
        .filter(|e| e.version_id == version.id)
        .ok_or(LearningError::NotEnrolled)?;
    let content = crate::store::courses::content_of(db, version).await?;
    with_content(db, enrolment, content).await
}

/// The learner's enrolled course, by enrolment.
pub async fn enrolled(
    db: &impl ConnectionTrait,
    enrolment: Enrolment,
) -> LearningResult<EnrolledCourse> {
    let content = crate::store::courses::load_content(db, enrolment.version_id).await?;
    with_content(db, enrolment, content).await
}

/// The enrolled course of an enrolment whose version's content is loaded.
async fn with_content(
    db: &impl ConnectionTrait,
    enrolment: Enrolment,
    content: VersionContent,
) -> LearningResult<EnrolledCourse> {
    let course = course::Entity::find_by_id(enrolment.course_id)
        .one(db)
        .await?
        .ok_or(LearningError::NotFound)?;
    let completed = completed(db, enrolment.id).await?;
    let progress = progress(&shapes_of(&content), &completed);
    Ok(EnrolledCourse {
        enrolment,
        course,
        content,
        completed,
        progress,
    })
}

/// A version's modules as the learning rules see them.
fn shapes_of(content: &VersionContent) -> Vec<ModuleShape> {
    content
        .modules
        .iter()
        .map(|m| ModuleShape {
            lessons: content.lessons_of(m.id).iter().map(|l| l.id).collect(),
            requires_previous: m.requires_previous,
        })
        .collect()
}

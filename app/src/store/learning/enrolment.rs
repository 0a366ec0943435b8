//! Enrolment: starting a course, and the learner's enrolled course with its content and
//! progress, read once per request and handed to the rules.

use super::{Enrolment, LearningError, LearningResult, completed};
use crate::domain::ids::{CourseId, EnrolmentId, LessonId};
use crate::domain::{
    course::CourseStatus,
    learning::{CourseProgress, ModuleShape, QuizOption, QuizQuestion, progress, unlocking},
};
use crate::store::courses::{Course, LessonRow, VersionContent};
use crate::store::entities::{course, enrolment};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
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

/// The learner's enrolled course, by enrolment.
pub async fn enrolled(
    db: &impl ConnectionTrait,
    enrolment: Enrolment,
) -> LearningResult<EnrolledCourse> {
    let content = crate::store::courses::load_content(db, enrolment.version_id).await?;
    let course = course::Entity::find_by_id(enrolment.course_id)
        .one(db)
        .await?
        .ok_or(LearningError::NotFound)?;
    with_course(db, enrolment, course, content).await
}

/// The enrolled course of an enrolment whose course and version's content are read.
pub(super) async fn with_course(
    db: &impl ConnectionTrait,
    enrolment: Enrolment,
    course: Course,
    content: VersionContent,
) -> LearningResult<EnrolledCourse> {
    let completed = completed(db, enrolment.id).await?;
    Ok(assembled(enrolment, course, content, completed))
}

/// The enrolled course, its progress counted from the `completed` lessons.
pub(super) fn assembled(
    enrolment: Enrolment,
    course: Course,
    content: VersionContent,
    completed: HashSet<LessonId>,
) -> EnrolledCourse {
    let progress = progress(&shapes_of(&content), &completed);
    EnrolledCourse {
        enrolment,
        course,
        content,
        completed,
        progress,
    }
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

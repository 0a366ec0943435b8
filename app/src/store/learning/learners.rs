//! The trainers' and coordinators' view of a course's learners: filtered, paginated, with
//! progress and quiz results loaded for the whole page at once.

use super::{
    Enrolment, LearningResult,
    outline::{completed_of, outlines},
};
use crate::domain::ids::{CourseId, EnrolmentId, LessonId, VersionId};
use crate::domain::{
    authz::Scope,
    learning::{CourseProgress, LearnerStatus, STUCK_AFTER_DAYS},
};
use crate::store::entities::{course_version, enrolment, quiz_attempt, user};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait,
    sea_query::{Expr, ExprTrait},
};
use std::collections::{HashMap, HashSet};

/// Filters of the learner overview.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LearnerFilter {
    /// Only learners with this centre.
    pub centre: Option<i32>,
    /// Only learners with this status.
    pub status: Option<LearnerStatus>,
}

/// The condition that selects the learners `scope` and `filter` name; the status part is the
/// SQL twin of [`LearnerStatus::of`].
pub(crate) fn learner_condition(
    course_id: CourseId,
    scope: &Scope,
    filter: &LearnerFilter,
    now: DateTime<Utc>,
) -> Condition {
    use enrolment::Column as C;
    let mut condition = Condition::all().add(C::CourseId.eq(course_id));
    if let Scope::Centres(ids) = scope {
        condition = condition.add(C::CentreId.is_in(ids.iter().copied()));
    }
    if let Some(centre) = filter.centre {
        condition = condition.add(C::CentreId.eq(centre));
    }
    let quiet_since = now - chrono::Duration::days(STUCK_AFTER_DAYS);
    let started = Expr::col(C::LastActivityAt).gt(Expr::col(C::StartedAt));
    condition = match filter.status {
        None => condition,
        Some(LearnerStatus::Completed) => condition.add(C::CompletedAt.is_not_null()),
        Some(LearnerStatus::NotStarted) => condition
            .add(C::CompletedAt.is_null())
            .add(Expr::col(C::LastActivityAt).lte(Expr::col(C::StartedAt))),
        Some(LearnerStatus::Stuck) => condition
            .add(C::CompletedAt.is_null())
            .add(started)
            .add(C::LastActivityAt.lt(quiet_since)),
        Some(LearnerStatus::InProgress) => condition
            .add(C::CompletedAt.is_null())
            .add(started)
            .add(C::LastActivityAt.gte(quiet_since)),
    };
    condition
}

/// One quiz's results for one learner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuizResult {
    /// The quiz's lesson title.
    pub lesson: String,
    /// Attempts made.
    pub attempts: u32,
    /// Best score in percent.
    pub best: i32,
    /// Whether an attempt passed.
    pub passed: bool,
}

/// One learner in the overview.
#[derive(Clone, Debug)]
pub struct LearnerRow {
    /// The enrolment.
    pub enrolment: Enrolment,
    /// Name.
    pub name: String,
    /// Email.
    pub email: String,
    /// Centre name, if they named one.
    pub centre: Option<String>,
    /// Status now.
    pub status: LearnerStatus,
    /// Progress over their version.
    pub progress: CourseProgress,
    /// Module titles of their version, matching `progress.modules`.
    pub modules: Vec<String>,
    /// Their version's number.
    pub version: i32,
    /// Quiz results, in lesson order.
    pub quizzes: Vec<QuizResult>,
}

/// How learner lists are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LearnerOrder {
    /// Most recently active first, for reading.
    Recent,
    /// By enrolment, which activity does not change, for exporting in batches.
    Stable,
}

/// One page of a course's learners and how many match.
#[allow(clippy::too_many_arguments)]
pub async fn learners(
    db: &impl ConnectionTrait,
    course_id: CourseId,
    scope: &Scope,
    filter: &LearnerFilter,
    order: LearnerOrder,
    now: DateTime<Utc>,
    page: u64,
    per_page: u64,
) -> LearningResult<(Vec<LearnerRow>, u64)> {
    let query = enrolment::Entity::find().filter(learner_condition(course_id, scope, filter, now));
    let total = query.clone().count(db).await?;
    let query = match order {
        LearnerOrder::Recent => query.order_by_desc(enrolment::Column::LastActivityAt),
        LearnerOrder::Stable => query,
    };
    let rows = query
        .order_by_asc(enrolment::Column::Id)
        .offset(page * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    Ok((learner_rows(db, rows, now).await?, total))
}

async fn learner_rows(
    db: &impl ConnectionTrait,
    rows: Vec<Enrolment>,
    now: DateTime<Utc>,
) -> LearningResult<Vec<LearnerRow>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<_> = rows.iter().map(|e| e.id).collect();
    let mut version_ids: Vec<_> = rows.iter().map(|e| e.version_id).collect();
    version_ids.sort_unstable();
    version_ids.dedup();
    let outlines = outlines(db, &version_ids).await?;
    let numbers: HashMap<_, i32> = course_version::Entity::find()
        .select_only()
        .columns([course_version::Column::Id, course_version::Column::Number])
        .filter(course_version::Column::Id.is_in(version_ids.iter().copied()))
        .into_tuple::<(VersionId, i32)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let people: HashMap<_, (String, String)> = user::Entity::find()
        .select_only()
        .columns([
            user::Column::Id,
            user::Column::DisplayName,
            user::Column::Email,
        ])
        .filter(user::Column::Id.is_in(rows.iter().map(|e| e.user_id)))
        .into_tuple::<(i32, String, String)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, name, email)| (id, (name, email)))
        .collect();
    let centres =
        crate::store::centres::names_of(db, rows.iter().filter_map(|e| e.centre_id).collect())
            .await?;
    let mut completed = completed_of(db, &ids).await?;
    // Attempts per enrolment and quiz, counted in the database: (enrolment, lesson, count, best).
    let attempts: Vec<(EnrolmentId, LessonId, i64, Option<i32>)> = quiz_attempt::Entity::find()
        .select_only()
        .column(quiz_attempt::Column::EnrolmentId)
        .column(quiz_attempt::Column::LessonId)
        .column_as(quiz_attempt::Column::Id.count(), "attempts")
        .column_as(quiz_attempt::Column::Percent.max(), "best")
        .filter(quiz_attempt::Column::EnrolmentId.is_in(ids.iter().copied()))
        .group_by(quiz_attempt::Column::EnrolmentId)
        .group_by(quiz_attempt::Column::LessonId)
        .into_tuple()
        .all(db)
        .await?;
    let passed: HashSet<(_, _)> = quiz_attempt::Entity::find()
        .select_only()
        .column(quiz_attempt::Column::EnrolmentId)
        .column(quiz_attempt::Column::LessonId)
        .filter(quiz_attempt::Column::EnrolmentId.is_in(ids.iter().copied()))
        .filter(quiz_attempt::Column::Passed.eq(true))
        .distinct()
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let results: HashMap<(_, _), (u32, i32, bool)> = attempts
        .into_iter()
        .map(|(enrolment, lesson, count, best)| {
            (
                (enrolment, lesson),
                (
                    u32::try_from(count).unwrap_or(u32::MAX),
                    best.unwrap_or(0),
                    passed.contains(&(enrolment, lesson)),
                ),
            )
        })
        .collect();
    Ok(rows
        .into_iter()
        .map(|enrolment| {
            let outline = outlines
                .get(&enrolment.version_id)
                .cloned()
                .unwrap_or_default();
            let done = completed.remove(&enrolment.id).unwrap_or_default();
            let quizzes = outline
                .modules
                .iter()
                .flat_map(|m| &m.lessons)
                .filter(|l| l.quiz)
                .filter_map(|l| {
                    results
                        .get(&(enrolment.id, l.id))
                        .map(|(attempts, best, passed)| QuizResult {
                            lesson: l.title.clone(),
                            attempts: *attempts,
                            best: *best,
                            passed: *passed,
                        })
                })
                .collect();
            let (name, email) = people.get(&enrolment.user_id).cloned().unwrap_or_default();
            LearnerRow {
                name,
                email,
                centre: enrolment.centre_id.and_then(|c| centres.get(&c).cloned()),
                status: LearnerStatus::of(
                    enrolment.started_at,
                    enrolment.last_activity_at,
                    enrolment.completed_at.is_some(),
                    now,
                ),
                progress: outline.progress(&done),
                modules: outline.modules.iter().map(|m| m.title.clone()).collect(),
                version: numbers.get(&enrolment.version_id).copied().unwrap_or(0),
                quizzes,
                enrolment,
            }
        })
        .collect())
}

/// The ids of courses taken with any of `centres`, as a subquery.
pub fn courses_with_centres(centres: &[i32]) -> sea_orm::sea_query::SelectStatement {
    enrolment::Entity::find()
        .select_only()
        .column(enrolment::Column::CourseId)
        .filter(enrolment::Column::CentreId.is_in(centres.iter().copied()))
        .into_query()
}

/// How many learners each course has, for the given course ids; only those taken with one
/// of `centres` when given.
pub async fn learner_counts(
    db: &impl ConnectionTrait,
    course_ids: &[CourseId],
    centres: Option<&[i32]>,
) -> LearningResult<HashMap<CourseId, i64>> {
    if course_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let mut query = enrolment::Entity::find();
    if let Some(centres) = centres {
        query = query.filter(enrolment::Column::CentreId.is_in(centres.iter().copied()));
    }
    let rows: Vec<(CourseId, i64)> = query
        .select_only()
        .column(enrolment::Column::CourseId)
        .column_as(enrolment::Column::Id.count(), "n")
        .filter(enrolment::Column::CourseId.is_in(course_ids.iter().copied()))
        .group_by(enrolment::Column::CourseId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

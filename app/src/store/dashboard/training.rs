//! What the training dashboard counts, one query per figure for a whole page of courses:
//! learners enrolled, halfway, completed and certified per course, the answers of recent quiz
//! attempts with the questions' right options, workshops to come with their seats, and
//! sign-offs waiting.

use crate::{
    domain::ids::{CourseId, OptionId, QuestionId, VersionId},
    store::{
        StoreError, StoreResult,
        entities::{
            course_version, enrolment, lesson, question, question_option, quiz_attempt, sign_off,
            workshop,
        },
        profiles::CHUNK,
        workshops::{WorkshopError, WorkshopSummary, with_counts},
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Statement,
};
use std::collections::{BTreeSet, HashMap};

/// Counts per course.
pub type PerCourse = HashMap<CourseId, u64>;

/// `(course id, n)` rows as a map.
fn per_course(rows: Vec<(CourseId, i64)>) -> PerCourse {
    rows.into_iter()
        .map(|(course, n)| (course, u64::try_from(n).unwrap_or(0)))
        .collect()
}

/// The ids as an SQL list; they are numbers read from the database, never text from a
/// request.
fn id_list(courses: &[CourseId]) -> String {
    courses
        .iter()
        .map(|c| c.get().to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// Runs a `SELECT course_id, n … GROUP BY course_id` statement.
async fn counted(db: &impl ConnectionTrait, sql: String) -> StoreResult<PerCourse> {
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    let mut out = PerCourse::new();
    for row in rows {
        let course: i32 = row.try_get_by_index(0)?;
        let n: i64 = row.try_get_by_index(1)?;
        out.insert(CourseId::new(course), u64::try_from(n).unwrap_or(0));
    }
    Ok(out)
}

/// Learners enrolled in each course, and of those who completed it.
pub async fn enrolled_and_completed(
    db: &impl ConnectionTrait,
    courses: &[CourseId],
) -> StoreResult<(PerCourse, PerCourse)> {
    let count = |completed: bool| {
        let mut query = enrolment::Entity::find()
            .select_only()
            .column(enrolment::Column::CourseId)
            .column_as(enrolment::Column::Id.count(), "n")
            .filter(enrolment::Column::CourseId.is_in(courses.iter().copied()))
            .group_by(enrolment::Column::CourseId);
        if completed {
            query = query.filter(enrolment::Column::CompletedAt.is_not_null());
        }
        query.into_tuple::<(CourseId, i64)>()
    };
    let enrolled = per_course(count(false).all(db).await?);
    let completed = per_course(count(true).all(db).await?);
    Ok((enrolled, completed))
}

/// Learners in each course who completed it or did at least half of their version's lessons
/// (`domain::training::halfway`).
pub async fn halfway(db: &impl ConnectionTrait, courses: &[CourseId]) -> StoreResult<PerCourse> {
    if courses.is_empty() {
        return Ok(PerCourse::new());
    }
    counted(
        db,
        format!(
            "SELECT e.course_id, COUNT(*) FROM enrolments e \
             LEFT JOIN (SELECT version_id, COUNT(*) AS lessons FROM lessons GROUP BY version_id) v \
             ON v.version_id = e.version_id \
             WHERE e.course_id IN ({}) AND (e.completed_at IS NOT NULL OR \
             (v.lessons > 0 AND e.lessons_done * 2 >= v.lessons)) \
             GROUP BY e.course_id",
            id_list(courses)
        ),
    )
    .await
}

/// Learners in each course who completed it and hold (or held: expired counts, revoked does
/// not) a certificate of a programme the course counts toward.
pub async fn certified(db: &impl ConnectionTrait, courses: &[CourseId]) -> StoreResult<PerCourse> {
    if courses.is_empty() {
        return Ok(PerCourse::new());
    }
    counted(
        db,
        format!(
            "SELECT e.course_id, COUNT(DISTINCT e.user_id) FROM enrolments e \
             WHERE e.course_id IN ({}) AND e.completed_at IS NOT NULL \
             AND EXISTS (SELECT 1 FROM certificates c \
             JOIN programme_courses p ON p.programme_id = c.programme_id \
             WHERE c.user_id = e.user_id AND p.course_id = e.course_id AND c.revoked_at IS NULL) \
             GROUP BY e.course_id",
            id_list(courses)
        ),
    )
    .await
}

/// The chosen options of the newest `limit` quiz attempts in `courses` (in any course for
/// none), newest first.
pub async fn recent_answers(
    db: &impl ConnectionTrait,
    courses: Option<&[CourseId]>,
    limit: u64,
) -> StoreResult<Vec<HashMap<QuestionId, BTreeSet<OptionId>>>> {
    let mut query = quiz_attempt::Entity::find()
        .select_only()
        .column(quiz_attempt::Column::Answers);
    if let Some(courses) = courses {
        let in_courses = sea_orm::sea_query::Query::select()
            .column(enrolment::Column::Id)
            .from(enrolment::Entity)
            .and_where(enrolment::Column::CourseId.is_in(courses.iter().copied()))
            .to_owned();
        query = query.filter(quiz_attempt::Column::EnrolmentId.in_subquery(in_courses));
    }
    let rows: Vec<String> = query
        .order_by_desc(quiz_attempt::Column::Id)
        .limit(limit)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.iter().filter_map(|text| parse_answers(text)).collect())
}

/// An attempt's stored answers (`{"question id": [option ids]}`); none when unreadable.
fn parse_answers(text: &str) -> Option<HashMap<QuestionId, BTreeSet<OptionId>>> {
    let stored: HashMap<String, Vec<i32>> = serde_json::from_str(text).ok()?;
    stored
        .into_iter()
        .map(|(q, options)| {
            Some((
                QuestionId::new(q.parse().ok()?),
                options.into_iter().map(OptionId::new).collect(),
            ))
        })
        .collect()
}

/// The right options of each of `questions`.
pub async fn right_options(
    db: &impl ConnectionTrait,
    questions: &[QuestionId],
) -> StoreResult<HashMap<QuestionId, BTreeSet<OptionId>>> {
    let mut keys: HashMap<QuestionId, BTreeSet<OptionId>> =
        questions.iter().map(|q| (*q, BTreeSet::new())).collect();
    for chunk in questions.chunks(CHUNK) {
        let rows: Vec<(QuestionId, OptionId)> = question_option::Entity::find()
            .select_only()
            .column(question_option::Column::QuestionId)
            .column(question_option::Column::Id)
            .filter(question_option::Column::QuestionId.is_in(chunk.iter().copied()))
            .filter(question_option::Column::Correct.eq(true))
            .into_tuple()
            .all(db)
            .await?;
        for (question, option) in rows {
            keys.entry(question).or_default().insert(option);
        }
    }
    // A question that no longer exists has no row at all: leave it out.
    let mut existing = std::collections::HashSet::new();
    for chunk in questions.chunks(CHUNK) {
        let rows: Vec<QuestionId> = question::Entity::find()
            .select_only()
            .column(question::Column::Id)
            .filter(question::Column::Id.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        existing.extend(rows);
    }
    keys.retain(|q, _| existing.contains(q));
    Ok(keys)
}

/// The questions named, each with its lesson.
pub async fn questions(
    db: &impl ConnectionTrait,
    ids: &[QuestionId],
) -> StoreResult<Vec<(question::Model, lesson::Model)>> {
    let questions = question::Entity::find()
        .filter(question::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let lessons = lesson::Entity::find()
        .filter(lesson::Column::Id.is_in(questions.iter().map(|q| q.lesson_id)))
        .all(db)
        .await?;
    Ok(questions
        .into_iter()
        .filter_map(|q| {
            let lesson = lessons.iter().find(|l| l.id == q.lesson_id)?.clone();
            Some((q, lesson))
        })
        .collect())
}

/// The first `limit` workshops not yet ended, the soonest first, organised by `organiser` (all
/// when none), with their seats; and how many there are in all.
pub async fn upcoming_workshops(
    db: &impl ConnectionTrait,
    organiser: Option<i32>,
    now: DateTime<Utc>,
    limit: u64,
) -> StoreResult<(Vec<WorkshopSummary>, u64)> {
    let mut query = workshop::Entity::find().filter(workshop::Column::EndsAt.gt(now));
    if let Some(organiser) = organiser {
        query = query.filter(workshop::Column::CreatedBy.eq(organiser));
    }
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_asc(workshop::Column::StartsAt)
        .order_by_asc(workshop::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let listed = with_counts(db, rows).await.map_err(|e| match e {
        WorkshopError::Store(e) => e,
        other => StoreError::NotFound(if matches!(other, WorkshopError::NotFound) {
            "workshop"
        } else {
            "workshop seats"
        }),
    })?;
    Ok((listed, total))
}

/// Sign-offs waiting for one of `programmes` (all when none), and since when the oldest waits.
pub async fn waiting_sign_offs(
    db: &impl ConnectionTrait,
    programmes: Option<&[crate::domain::ids::ProgrammeId]>,
) -> StoreResult<(u64, Option<DateTime<Utc>>)> {
    let mut pending = sign_off::Entity::find().filter(sign_off::Column::SignedAt.is_null());
    if let Some(programmes) = programmes {
        pending = pending.filter(sign_off::Column::ProgrammeId.is_in(programmes.iter().copied()));
    }
    let count = pending.clone().count(db).await?;
    let oldest: Option<DateTime<Utc>> = pending
        .select_only()
        .column(sign_off::Column::RequestedAt)
        .order_by_asc(sign_off::Column::RequestedAt)
        .into_tuple()
        .one(db)
        .await?;
    Ok((count, oldest))
}

/// The course title each of `versions` carries.
pub async fn version_titles(
    db: &impl ConnectionTrait,
    versions: &[VersionId],
) -> StoreResult<HashMap<VersionId, String>> {
    let rows: Vec<(VersionId, String)> = course_version::Entity::find()
        .select_only()
        .column(course_version::Column::Id)
        .column(course_version::Column::Title)
        .filter(course_version::Column::Id.is_in(versions.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

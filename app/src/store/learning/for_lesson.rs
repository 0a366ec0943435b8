//! The learner's enrolled course that a lesson belongs to: the lesson's version, its
//! course and the learner's enrolment read in one statement (with the completed lessons too
//! when a page is only read), since every lesson page and every answer reads it.

use super::{
    EnrolledCourse, Enrolment, LearningError, LearningResult,
    enrolment::{assembled, with_course},
};
use crate::domain::{course::VersionState, ids::LessonId};
use crate::store::{
    courses::{Course, Version, content_of},
    entities::{course, course_version, enrolment, lesson, lesson_completion},
    packed,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, IdenStatic, Iterable, QueryFilter,
    QueryResult, QueryTrait,
    sea_query::{Alias, Expr, ExprTrait, LockType, Query, SelectStatement},
};
use std::collections::HashSet;

/// The prefix of the enrolment's columns (the version's are `A_`, the course's `B_`).
const ENROLMENT: &str = "C_";

/// The version holding `lesson_id` (`A_`), its course (`B_`) and `user_id`'s enrolment in
/// that course (`C_`), as one row; none when any of the three is missing.
fn lesson_of_learner(user_id: i32, lesson_id: LessonId) -> SelectStatement {
    let of_lesson = Query::select()
        .column(lesson::Column::VersionId)
        .from(lesson::Entity)
        .and_where(lesson::Column::Id.eq(lesson_id))
        .to_owned();
    let mut statement = course_version::Entity::find()
        .filter(course_version::Column::Id.in_subquery(of_lesson))
        .find_also_related(course::Entity)
        .into_query();
    statement.inner_join(
        enrolment::Entity,
        Expr::col((enrolment::Entity, enrolment::Column::CourseId))
            .equals((course_version::Entity, course_version::Column::CourseId))
            .and(Expr::col((enrolment::Entity, enrolment::Column::UserId)).eq(user_id)),
    );
    for column in enrolment::Column::iter() {
        statement.expr_as(
            Expr::col((enrolment::Entity, column)),
            Alias::new(format!("{ENROLMENT}{}", column.as_str())),
        );
    }
    statement
}

/// Why the learner has no enrolled course for `lesson_id`: the lesson is not found (or is a
/// draft's), or it is not theirs.
async fn refusal(db: &impl ConnectionTrait, lesson_id: LessonId) -> LearningResult<LearningError> {
    let version = match lesson::Entity::find_by_id(lesson_id).one(db).await? {
        Some(row) => {
            course_version::Entity::find_by_id(row.version_id)
                .one(db)
                .await?
        }
        None => None,
    };
    Ok(match version {
        Some(version) if version.state != VersionState::Draft => LearningError::NotEnrolled,
        _ => LearningError::NotFound,
    })
}

/// Runs `statement` (built on [`lesson_of_learner`]) and checks what it found: a draft's
/// lesson is not found; a lesson of a version other than the one the learner started is not
/// theirs. Gives the row too, for what the statement read besides.
async fn found(
    db: &impl ConnectionTrait,
    statement: &SelectStatement,
    lesson_id: LessonId,
) -> LearningResult<(QueryResult, Version, Course, Enrolment)> {
    let Some(row) = db.query_one(statement).await? else {
        return Err(refusal(db, lesson_id).await?);
    };
    let version = Version::from_query_result(&row, "A_")?;
    let course = course::Model::from_query_result_optional(&row, "B_")?;
    let enrolment = Enrolment::from_query_result(&row, ENROLMENT)?;
    let course = course.ok_or(LearningError::NotFound)?;
    if version.state == VersionState::Draft {
        return Err(LearningError::NotFound);
    }
    if enrolment.version_id != version.id {
        return Err(LearningError::NotEnrolled);
    }
    Ok((row, version, course, enrolment))
}

/// The signed-in learner's enrolled course that `lesson_id` belongs to, for a change to it.
///
/// The enrolment's row lock queues one learner's concurrent writes (two tabs, a quiz and a
/// reflection at once); the completed lessons are read once it is held, so each write sees
/// what the one before it completed.
pub async fn enrolled_for_lesson(
    db: &impl ConnectionTrait,
    user_id: i32,
    lesson_id: LessonId,
) -> LearningResult<EnrolledCourse> {
    let mut statement = lesson_of_learner(user_id, lesson_id);
    statement.lock_with_tables(LockType::Update, [enrolment::Entity]);
    let (_, version, course, enrolment) = found(db, &statement, lesson_id).await?;
    let content = content_of(db, version).await?;
    with_course(db, enrolment, course, content).await
}

/// The signed-in learner's enrolled course that `lesson_id` belongs to, for a page that only
/// reads it: the completed lessons come in the same statement.
pub async fn reading_lesson(
    db: &impl ConnectionTrait,
    user_id: i32,
    lesson_id: LessonId,
) -> LearningResult<EnrolledCourse> {
    let done = Query::select()
        .expr(packed::rows_as_json(
            db.get_database_backend(),
            [Expr::col((
                lesson_completion::Entity,
                lesson_completion::Column::LessonId,
            ))],
        ))
        .from(lesson_completion::Entity)
        .and_where(
            Expr::col((
                lesson_completion::Entity,
                lesson_completion::Column::EnrolmentId,
            ))
            .equals((enrolment::Entity, enrolment::Column::Id)),
        )
        .to_owned();
    let mut statement = lesson_of_learner(user_id, lesson_id);
    statement.expr_as(Expr::from(done), Alias::new("completed"));
    let (row, version, course, enrolment) = found(db, &statement, lesson_id).await?;
    let done: Option<String> = row.try_get("", "completed")?;
    let completed: HashSet<LessonId> =
        packed::unpack::<(LessonId,)>(done.as_deref(), "lessons done")?
            .into_iter()
            .map(|(lesson,)| lesson)
            .collect();
    let content = content_of(db, version).await?;
    Ok(assembled(enrolment, course, content, completed))
}

//! Reviewing reflections: the queue of sent answers with what a reviewer needs to read them,
//! and the trainer's verdict.

use super::{Enrolment, LearningError, LearningResult, Reflection, outline::labels};
use crate::domain::ids::{CourseId, ReflectionId};
use crate::domain::learning::ReflectionState;
use crate::store::courses::QuestionRow;
use crate::store::entities::{course_version, enrolment, lesson, question, reflection, user};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait, sea_query::Expr,
};
use std::collections::HashMap;

/// A reflection waiting for review, with what the reviewer needs to read it.
#[derive(Clone, Debug)]
pub struct QueueItem {
    /// The reflection.
    pub reflection: Reflection,
    /// The learner's name.
    pub learner: String,
    /// The course's title in the learner's version.
    pub course_title: String,
    /// The lesson's title.
    pub lesson_title: String,
    /// The question.
    pub prompt: String,
    /// What a good answer covers.
    pub guidance: Option<String>,
}

/// One page of reflections waiting for review in `course_ids` (all courses for `None`),
/// oldest first, and how many wait in all.
pub async fn review_queue(
    db: &impl ConnectionTrait,
    course_ids: Option<&[CourseId]>,
    page: u64,
    per_page: u64,
) -> LearningResult<(Vec<QueueItem>, u64)> {
    let mut query =
        reflection::Entity::find().filter(reflection::Column::State.eq(ReflectionState::Submitted));
    if let Some(ids) = course_ids {
        let enrolments = enrolment::Entity::find()
            .select_only()
            .column(enrolment::Column::Id)
            .filter(enrolment::Column::CourseId.is_in(ids.iter().copied()))
            .into_query();
        query = query.filter(reflection::Column::EnrolmentId.in_subquery(enrolments));
    }
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_asc(reflection::Column::SubmittedAt)
        .order_by_asc(reflection::Column::Id)
        .offset(page * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    Ok((describe(db, rows).await?, total))
}

/// One reflection with its context for the reviewer, and the learner's enrolment.
pub async fn queue_item(
    db: &impl ConnectionTrait,
    id: ReflectionId,
) -> LearningResult<(QueueItem, Enrolment)> {
    let row = reflection::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(LearningError::NotFound)?;
    let enrolment = enrolment::Entity::find_by_id(row.enrolment_id)
        .one(db)
        .await?
        .ok_or(LearningError::NotFound)?;
    let item = describe(db, vec![row])
        .await?
        .pop()
        .ok_or(LearningError::NotFound)?;
    Ok((item, enrolment))
}

/// Adds names and texts to reflections, with a fixed number of queries.
pub(super) async fn describe(
    db: &impl ConnectionTrait,
    rows: Vec<Reflection>,
) -> LearningResult<Vec<QueueItem>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let enrolments: HashMap<_, Enrolment> = enrolment::Entity::find()
        .filter(enrolment::Column::Id.is_in(rows.iter().map(|r| r.enrolment_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let names = labels::<user::Entity, _>(
        db,
        user::Column::Id,
        user::Column::DisplayName,
        enrolments.values().map(|e| e.user_id),
    )
    .await?;
    let titles = labels::<course_version::Entity, _>(
        db,
        course_version::Column::Id,
        course_version::Column::Title,
        enrolments.values().map(|e| e.version_id),
    )
    .await?;
    let lessons = labels::<lesson::Entity, _>(
        db,
        lesson::Column::Id,
        lesson::Column::Title,
        rows.iter().map(|r| r.lesson_id),
    )
    .await?;
    let questions: HashMap<_, QuestionRow> = question::Entity::find()
        .filter(question::Column::Id.is_in(rows.iter().map(|r| r.question_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|q| (q.id, q))
        .collect();
    Ok(rows
        .into_iter()
        .map(|reflection| {
            let enrolment = enrolments.get(&reflection.enrolment_id);
            let question = questions.get(&reflection.question_id);
            QueueItem {
                learner: enrolment
                    .and_then(|e| names.get(&e.user_id))
                    .cloned()
                    .unwrap_or_default(),
                course_title: enrolment
                    .and_then(|e| titles.get(&e.version_id))
                    .cloned()
                    .unwrap_or_default(),
                lesson_title: lessons
                    .get(&reflection.lesson_id)
                    .cloned()
                    .unwrap_or_default(),
                prompt: question.map(|q| q.prompt.clone()).unwrap_or_default(),
                guidance: question.and_then(|q| q.guidance.clone()),
                reflection,
            }
        })
        .collect())
}

/// Records a trainer's review of a sent reflection: accepted, or asked to be revised.
pub async fn review(
    db: &impl ConnectionTrait,
    reflection_id: ReflectionId,
    reviewer: i32,
    accept: bool,
    comment: Option<String>,
    now: DateTime<Utc>,
) -> LearningResult<()> {
    let state = ReflectionState::after_review(accept);
    let result = reflection::Entity::update_many()
        .col_expr(reflection::Column::State, Expr::value(state))
        .col_expr(reflection::Column::Comment, Expr::value(comment))
        .col_expr(reflection::Column::ReviewedBy, Expr::value(reviewer))
        .col_expr(reflection::Column::ReviewedAt, Expr::value(now))
        .col_expr(reflection::Column::UpdatedAt, Expr::value(now))
        .filter(reflection::Column::Id.eq(reflection_id))
        .filter(reflection::Column::State.eq(ReflectionState::Submitted))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Err(LearningError::AlreadyReviewed);
    }
    Ok(())
}

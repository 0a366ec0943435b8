//! The learner's own dashboard: their courses with progress, and reflections that wait.

use super::{
    Enrolment, LearningResult, QueueItem,
    outline::{completed_of, labels, outlines},
    reviews::describe,
};
use crate::domain::learning::{CourseProgress, ReflectionState};
use crate::store::entities::{course, course_version, enrolment, reflection};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait,
};

/// A course on the learner's dashboard.
#[derive(Clone, Debug)]
pub struct MyCourse {
    /// The enrolment.
    pub enrolment: Enrolment,
    /// The course's short name.
    pub slug: String,
    /// Title of the learner's version.
    pub title: String,
    /// Progress.
    pub progress: CourseProgress,
    /// Title of the next lesson, if any.
    pub next_title: Option<String>,
}

/// One page of the learner's courses, most recently active first, and how many there are.
pub async fn my_courses(
    db: &impl ConnectionTrait,
    user_id: i32,
    page: u64,
    per_page: u64,
) -> LearningResult<(Vec<MyCourse>, u64)> {
    let query = enrolment::Entity::find().filter(enrolment::Column::UserId.eq(user_id));
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_asc(enrolment::Column::CompletedAt.is_not_null())
        .order_by_desc(enrolment::Column::LastActivityAt)
        .order_by_asc(enrolment::Column::Id)
        .offset(page * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    let ids: Vec<_> = rows.iter().map(|e| e.id).collect();
    let version_ids: Vec<_> = rows.iter().map(|e| e.version_id).collect();
    let outlines = outlines(db, &version_ids).await?;
    let mut completed = completed_of(db, &ids).await?;
    let titles = labels::<course_version::Entity, _>(
        db,
        course_version::Column::Id,
        course_version::Column::Title,
        version_ids.iter().copied(),
    )
    .await?;
    let slugs = labels::<course::Entity, _>(
        db,
        course::Column::Id,
        course::Column::Slug,
        rows.iter().map(|e| e.course_id),
    )
    .await?;
    Ok((
        rows.into_iter()
            .map(|enrolment| {
                let outline = outlines
                    .get(&enrolment.version_id)
                    .cloned()
                    .unwrap_or_default();
                let progress =
                    outline.progress(&completed.remove(&enrolment.id).unwrap_or_default());
                MyCourse {
                    slug: slugs.get(&enrolment.course_id).cloned().unwrap_or_default(),
                    title: titles
                        .get(&enrolment.version_id)
                        .cloned()
                        .unwrap_or_default(),
                    next_title: progress
                        .next
                        .and_then(|id| outline.lesson_title(id).map(str::to_owned)),
                    progress,
                    enrolment,
                }
            })
            .collect(),
        total,
    ))
}

/// The learner's reflections that wait for a trainer or for a revision, newest first.
pub async fn my_open_reflections(
    db: &impl ConnectionTrait,
    user_id: i32,
    limit: u64,
) -> LearningResult<Vec<QueueItem>> {
    let mine = enrolment::Entity::find()
        .select_only()
        .column(enrolment::Column::Id)
        .filter(enrolment::Column::UserId.eq(user_id))
        .into_query();
    let rows = reflection::Entity::find()
        .filter(reflection::Column::EnrolmentId.in_subquery(mine))
        .filter(
            reflection::Column::State.is_in([ReflectionState::Submitted, ReflectionState::Revise]),
        )
        .order_by_desc(reflection::Column::UpdatedAt)
        .limit(limit)
        .all(db)
        .await?;
    describe(db, rows).await
}

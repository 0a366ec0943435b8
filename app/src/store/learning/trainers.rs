//! A course's trainers: who teaches it, naming and removing them.

use super::LearningResult;
use crate::domain::ids::CourseId;
use crate::store::entities::{course_trainer, user};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait, Set, sea_query::OnConflict,
};

/// Whether `user_id` teaches the course.
pub async fn teaches(
    db: &impl ConnectionTrait,
    course_id: CourseId,
    user_id: i32,
) -> LearningResult<bool> {
    Ok(course_trainer::Entity::find()
        .filter(course_trainer::Column::CourseId.eq(course_id))
        .filter(course_trainer::Column::UserId.eq(user_id))
        .count(db)
        .await?
        > 0)
}

/// Ids of the courses `user_id` teaches.
pub async fn taught_by(db: &impl ConnectionTrait, user_id: i32) -> LearningResult<Vec<CourseId>> {
    Ok(course_trainer::Entity::find()
        .select_only()
        .column(course_trainer::Column::CourseId)
        .filter(course_trainer::Column::UserId.eq(user_id))
        .into_tuple()
        .all(db)
        .await?)
}

/// Names `user_id` a trainer of the course (once).
pub async fn add_trainer(
    db: &impl ConnectionTrait,
    course_id: CourseId,
    user_id: i32,
    now: DateTime<Utc>,
) -> LearningResult<()> {
    course_trainer::Entity::insert(course_trainer::ActiveModel {
        course_id: Set(course_id),
        user_id: Set(user_id),
        added_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            course_trainer::Column::CourseId,
            course_trainer::Column::UserId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .try_insert()
    .exec(db)
    .await?;
    Ok(())
}

/// Removes `user_id` from the course's trainers.
pub async fn remove_trainer(
    db: &impl ConnectionTrait,
    course_id: CourseId,
    user_id: i32,
) -> LearningResult<()> {
    course_trainer::Entity::delete_many()
        .filter(course_trainer::Column::CourseId.eq(course_id))
        .filter(course_trainer::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// The course's trainers: public id, name and email, by name.
pub async fn trainers_of(
    db: &impl ConnectionTrait,
    course_id: CourseId,
) -> LearningResult<Vec<(String, String, String)>> {
    let ids = course_trainer::Entity::find()
        .select_only()
        .column(course_trainer::Column::UserId)
        .filter(course_trainer::Column::CourseId.eq(course_id))
        .into_query();
    Ok(user::Entity::find()
        .select_only()
        .columns([
            user::Column::PublicId,
            user::Column::DisplayName,
            user::Column::Email,
        ])
        .filter(user::Column::Id.in_subquery(ids))
        .order_by_asc(user::Column::DisplayName)
        .into_tuple()
        .all(db)
        .await?)
}

//! People named on a course (its trainers, its editors): one table of (course, person) pairs
//! each, read and written by the same queries.

use crate::domain::ids::CourseId;
use crate::store::entities::user;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait, sea_query::OnConflict,
};

/// A table of (course, person) pairs, named by its two columns and how a new row is made.
pub(crate) struct Roster<E: EntityTrait> {
    /// The course column.
    pub course: E::Column,
    /// The person column.
    pub person: E::Column,
    /// A new row: the course, the person and when they were named.
    pub row: fn(CourseId, i32, DateTime<Utc>) -> E::ActiveModel,
}

impl<E: EntityTrait> Roster<E> {
    /// Whether `person` is on the course's list.
    pub async fn has(
        &self,
        db: &impl ConnectionTrait,
        course: CourseId,
        person: i32,
    ) -> Result<bool, DbErr> {
        let found: Option<i32> = E::find()
            .select_only()
            .column(self.person)
            .filter(self.course.eq(course))
            .filter(self.person.eq(person))
            .into_tuple()
            .one(db)
            .await?;
        Ok(found.is_some())
    }

    /// The courses whose list holds `person`.
    pub async fn courses_of(
        &self,
        db: &impl ConnectionTrait,
        person: i32,
    ) -> Result<Vec<CourseId>, DbErr> {
        E::find()
            .select_only()
            .column(self.course)
            .filter(self.person.eq(person))
            .into_tuple()
            .all(db)
            .await
    }

    /// Puts `person` on the course's list (once).
    pub async fn add(
        &self,
        db: &impl ConnectionTrait,
        course: CourseId,
        person: i32,
        now: DateTime<Utc>,
    ) -> Result<(), DbErr>
    where
        E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
    {
        E::insert((self.row)(course, person, now))
            .on_conflict(
                OnConflict::columns([self.course, self.person])
                    .do_nothing()
                    .to_owned(),
            )
            .try_insert()
            .exec(db)
            .await?;
        Ok(())
    }

    /// Takes `person` off the course's list; returns whether they were on it.
    pub async fn remove(
        &self,
        db: &impl ConnectionTrait,
        course: CourseId,
        person: i32,
    ) -> Result<bool, DbErr> {
        let result = E::delete_many()
            .filter(self.course.eq(course))
            .filter(self.person.eq(person))
            .exec(db)
            .await?;
        Ok(result.rows_affected > 0)
    }

    /// The people on the course's list: public id, name and email, by name.
    pub async fn people(
        &self,
        db: &impl ConnectionTrait,
        course: CourseId,
    ) -> Result<Vec<(String, String, String)>, DbErr> {
        let ids = E::find()
            .select_only()
            .column(self.person)
            .filter(self.course.eq(course))
            .into_query();
        user::Entity::find()
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
            .await
    }
}

//! Programmes written from their file, and read back as one: the courses a file names are
//! looked up by short name here, and what the file means is decided in
//! [`crate::domain::certification::file`].

use super::programmes::ProgrammeRecord;
use crate::domain::{
    certification::{Localized, file::Resolved},
    ids::{CourseId, ProgrammeId},
};
use crate::store::{
    StoreError, StoreResult,
    entities::{course, course_version, lesson, programme, programme_course, programme_quiz},
};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use std::collections::{HashMap, HashSet};

/// The ids of the courses with these short names; unknown names are left out.
pub async fn course_ids(
    db: &impl ConnectionTrait,
    slugs: &[String],
) -> StoreResult<HashMap<String, CourseId>> {
    Ok(course::Entity::find()
        .select_only()
        .columns([course::Column::Slug, course::Column::Id])
        .filter(course::Column::Slug.is_in(slugs.iter().cloned()))
        .into_tuple::<(String, CourseId)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// The short names of these courses.
pub async fn course_slugs(
    db: &impl ConnectionTrait,
    ids: &[CourseId],
) -> StoreResult<HashMap<CourseId, String>> {
    Ok(course::Entity::find()
        .select_only()
        .columns([course::Column::Id, course::Column::Slug])
        .filter(course::Column::Id.is_in(ids.iter().copied()))
        .into_tuple::<(CourseId, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// The lessons holding a quiz in any version of these courses, by course and lesson short
/// name (two queries).
pub async fn quiz_lessons(
    db: &impl ConnectionTrait,
    courses: &[CourseId],
) -> StoreResult<HashSet<(CourseId, String)>> {
    let versions: HashMap<_, CourseId> = course_version::Entity::find()
        .select_only()
        .columns([course_version::Column::Id, course_version::Column::CourseId])
        .filter(course_version::Column::CourseId.is_in(courses.iter().copied()))
        .into_tuple::<(crate::domain::ids::VersionId, CourseId)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let lessons = lesson::Entity::find()
        .select_only()
        .columns([lesson::Column::VersionId, lesson::Column::Slug])
        .filter(lesson::Column::VersionId.is_in(versions.keys().copied()))
        .filter(lesson::Column::PassMark.is_not_null())
        .into_tuple::<(crate::domain::ids::VersionId, String)>()
        .all(db)
        .await?;
    Ok(lessons
        .into_iter()
        .filter_map(|(version, slug)| versions.get(&version).map(|c| (*c, slug)))
        .collect())
}

/// The programme with this short name.
pub async fn find_by_slug(
    db: &impl ConnectionTrait,
    slug: &str,
) -> StoreResult<Option<ProgrammeRecord>> {
    let row = programme::Entity::find()
        .filter(programme::Column::Slug.eq(slug))
        .one(db)
        .await?;
    match row {
        Some(row) => super::find(db, row.id).await.map(Some),
        None => Ok(None),
    }
}

/// What a programme is called and what earns it, as stored beside its requirements.
#[derive(Clone, Debug)]
pub struct ProgrammeTexts<'a> {
    /// Its short name.
    pub slug: &'a str,
    /// Its title per language.
    pub titles: &'a Localized,
    /// What earns it, per language.
    pub criteria: &'a Localized,
    /// The practical part a trainer signs off, if any.
    pub sign_off: Option<&'a str>,
}

/// Writes a programme: the one with `id`, or a new one when `id` is none. Its requirements
/// are replaced whole; updating the row first makes a second save of the same programme
/// wait for this one. Certificates already issued stay as they are.
pub async fn save(
    db: &impl ConnectionTrait,
    id: Option<ProgrammeId>,
    texts: ProgrammeTexts<'_>,
    resolved: &Resolved,
    now: DateTime<Utc>,
) -> StoreResult<ProgrammeId> {
    let json = |l: &Localized| {
        serde_json::to_string(l)
            .map_err(|e| StoreError::Db(sea_orm::DbErr::Type(format!("programme text: {e}"))))
    };
    let rule = &resolved.programme;
    let mut row = programme::ActiveModel {
        slug: Set(texts.slug.to_owned()),
        titles: Set(json(texts.titles)?),
        criteria: Set(json(texts.criteria)?),
        reflections: Set(rule.reflections),
        workshops: Set(i32::try_from(rule.workshops).unwrap_or(i32::MAX)),
        sign_off: Set(texts.sign_off.map(str::to_owned)),
        validity_months: Set(rule.validity_months.and_then(|m| i32::try_from(m).ok())),
        updated_at: Set(now),
        ..Default::default()
    };
    let id = match id {
        Some(id) => {
            row.id = Set(id);
            programme::Entity::update(row).exec(db).await?;
            programme_course::Entity::delete_many()
                .filter(programme_course::Column::ProgrammeId.eq(id))
                .exec(db)
                .await?;
            programme_quiz::Entity::delete_many()
                .filter(programme_quiz::Column::ProgrammeId.eq(id))
                .exec(db)
                .await?;
            id
        }
        None => {
            row.created_at = Set(now);
            programme::Entity::insert(row)
                .exec(db)
                .await?
                .last_insert_id
        }
    };
    let mut courses = Vec::new();
    for (group, requirement) in (1..).zip(&rule.courses) {
        for choice in &requirement.any_of {
            courses.push(programme_course::ActiveModel {
                programme_id: Set(id),
                requirement: Set(Some(group)),
                course_id: Set(choice.course),
                min_version: Set(choice.min_version),
                ..Default::default()
            });
        }
    }
    for course in &resolved.refreshers {
        courses.push(programme_course::ActiveModel {
            programme_id: Set(id),
            requirement: Set(None),
            course_id: Set(*course),
            min_version: Set(None),
            ..Default::default()
        });
    }
    if !courses.is_empty() {
        programme_course::Entity::insert_many(courses)
            .exec(db)
            .await?;
    }
    let mut quizzes = Vec::new();
    for (group, requirement) in (1..).zip(&rule.quizzes) {
        for choice in &requirement.any_of {
            quizzes.push(programme_quiz::ActiveModel {
                programme_id: Set(id),
                requirement: Set(group),
                course_id: Set(choice.course),
                lesson_slug: Set(choice.lesson.clone()),
                min_percent: Set(i32::from(requirement.min_percent)),
                ..Default::default()
            });
        }
    }
    if !quizzes.is_empty() {
        programme_quiz::Entity::insert_many(quizzes)
            .exec(db)
            .await?;
    }
    Ok(id)
}

/// Programmes by short name, a page at a time (from 0), and how many there are.
pub async fn page(
    db: &impl ConnectionTrait,
    page: u64,
    per_page: u64,
) -> StoreResult<(Vec<ProgrammeRecord>, u64)> {
    use sea_orm::{PaginatorTrait, QueryOrder};
    let paginator = programme::Entity::find()
        .order_by_asc(programme::Column::Slug)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page).await?;
    Ok((super::programmes::assemble(db, rows).await?, total))
}

//! Courses as lists show them: trainers' pages of courses, the catalogue's pages of published
//! ones, how many courses there are, and their titles.

use super::{Course, CourseResult, Version, content::group};
use crate::domain::ids::{CourseId, VersionId};
use crate::{
    domain::{
        course::{CourseStatus, VersionState},
        language::Language,
    },
    store::entities::{course, course_module, course_version, lesson},
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
    sea_query::{Expr, ExprTrait},
};
use std::collections::HashMap;

/// A course as lists show it: the course and the version that gives its title.
#[derive(Clone, Debug)]
pub struct Listed {
    /// The course.
    pub course: Course,
    /// Its draft if it has one, else its published version.
    pub version: Version,
    /// Whether a draft exists.
    pub has_draft: bool,
    /// Number of the published version.
    pub published_number: Option<i32>,
}

/// One page of courses for trainers, newest change first: archived ones or the others.
pub async fn authoring_page(
    db: &impl ConnectionTrait,
    archived: bool,
    page: u64,
    per_page: u64,
) -> CourseResult<(Vec<Listed>, u64)> {
    let filter = if archived {
        course::Column::Status.eq(CourseStatus::Archived)
    } else {
        course::Column::Status.ne(CourseStatus::Archived)
    };
    let paginator = course::Entity::find()
        .filter(filter)
        .order_by_desc(course::Column::UpdatedAt)
        .order_by_asc(course::Column::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    let courses = paginator.fetch_page(page).await?;
    let ids: Vec<_> = courses.iter().map(|c| c.id).collect();
    // One query for the versions of the whole page: drafts and published ones.
    let versions = course_version::Entity::find()
        .filter(course_version::Column::CourseId.is_in(ids))
        .filter(course_version::Column::State.ne(VersionState::Superseded))
        .all(db)
        .await?;
    let by_course = group(versions, |v| v.course_id);
    let listed = courses
        .into_iter()
        .filter_map(|course| {
            let versions = by_course.get(&course.id)?;
            let draft = versions.iter().find(|v| v.state == VersionState::Draft);
            let published = versions
                .iter()
                .find(|v| Some(v.id) == course.published_version_id);
            let version = draft.or(published)?.clone();
            Some(Listed {
                has_draft: draft.is_some(),
                published_number: published.map(|v| v.number),
                course,
                version,
            })
        })
        .collect();
    Ok((listed, total))
}

/// A published course as the catalogue shows it.
#[derive(Clone, Debug)]
pub struct CatalogueEntry {
    /// The course.
    pub course: Course,
    /// Its published version.
    pub version: Version,
    /// Module titles in order.
    pub modules: Vec<String>,
    /// Estimated minutes in all.
    pub minutes: i64,
}

/// One page of the catalogue: published courses, optionally in one language; those in
/// `preferred` first, then by title.
pub async fn catalogue_page(
    db: &impl ConnectionTrait,
    language: Option<Language>,
    preferred: Language,
    page: u64,
    per_page: u64,
) -> CourseResult<(Vec<CatalogueEntry>, u64)> {
    let mut query = course_version::Entity::find()
        .inner_join(course::Entity)
        .filter(course::Column::Status.eq(CourseStatus::Published))
        .filter(
            Expr::col((course::Entity, course::Column::PublishedVersionId))
                .equals((course_version::Entity, course_version::Column::Id)),
        );
    if let Some(language) = language {
        query = query.filter(course::Column::Language.eq(language.code()));
    }
    let preferred_first: Expr = Expr::case(
        Expr::col((course::Entity, course::Column::Language)).eq(preferred.code()),
        0,
    )
    .finally(1)
    .into();
    let paginator = query
        .order_by_asc(preferred_first)
        .order_by_asc(course_version::Column::Title)
        .order_by_asc(course_version::Column::Id)
        .select_also(course::Entity)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page).await?;
    let version_ids: Vec<_> = rows.iter().map(|(v, _)| v.id).collect();
    let modules = course_module::Entity::find()
        .filter(course_module::Column::VersionId.is_in(version_ids.clone()))
        .order_by_asc(course_module::Column::Position)
        .all(db)
        .await?;
    let minutes: Vec<(VersionId, Option<i64>)> = lesson::Entity::find()
        .select_only()
        .column(lesson::Column::VersionId)
        .column_as(Expr::col(lesson::Column::Minutes).sum(), "minutes")
        .filter(lesson::Column::VersionId.is_in(version_ids))
        .group_by(lesson::Column::VersionId)
        .into_tuple()
        .all(db)
        .await?;
    let minutes: HashMap<_, i64> = minutes
        .into_iter()
        .map(|(v, m)| (v, m.unwrap_or(0)))
        .collect();
    let mut modules = group(modules, |m| m.version_id);
    let entries = rows
        .into_iter()
        .filter_map(|(version, course)| {
            let course = course?;
            Some(CatalogueEntry {
                modules: modules
                    .remove(&version.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|m| m.title)
                    .collect(),
                minutes: minutes.get(&version.id).copied().unwrap_or(0),
                course,
                version,
            })
        })
        .collect();
    Ok((entries, total))
}

/// The number of courses, so the first start knows whether to load the shipped ones.
pub async fn count(db: &impl ConnectionTrait) -> CourseResult<u64> {
    Ok(course::Entity::find().count(db).await?)
}

/// Titles of courses: the published version's, else the newest version's. One query.
pub async fn titles_of(
    db: &impl ConnectionTrait,
    courses: &[Course],
) -> CourseResult<HashMap<CourseId, String>> {
    if courses.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(VersionId, CourseId, i32, String)> = course_version::Entity::find()
        .select_only()
        .columns([
            course_version::Column::Id,
            course_version::Column::CourseId,
            course_version::Column::Number,
            course_version::Column::Title,
        ])
        .filter(course_version::Column::CourseId.is_in(courses.iter().map(|c| c.id)))
        .order_by_asc(course_version::Column::Number)
        .into_tuple()
        .all(db)
        .await?;
    let mut out = HashMap::new();
    for course in courses {
        let mut mine = rows.iter().filter(|r| r.1 == course.id);
        let published = course
            .published_version_id
            .and_then(|p| rows.iter().find(|r| r.0 == p));
        if let Some(row) = published.or_else(|| mine.next_back()) {
            out.insert(course.id, row.3.clone());
        }
    }
    Ok(out)
}

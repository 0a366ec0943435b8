//! The courses a programme names, as volunteers see them on their progress.

use crate::domain::ids::CourseId;
use crate::store::{
    StoreResult,
    entities::{course, course_version},
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::BTreeMap;

/// A course's published title, short name and language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseLabel {
    /// The published title.
    pub title: String,
    /// The short name in its address.
    pub slug: String,
    /// Its language code.
    pub language: String,
}

/// Labels of these courses (two queries); unpublished ones are left out.
pub async fn labels(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = CourseId>,
) -> StoreResult<BTreeMap<CourseId, CourseLabel>> {
    let courses = course::Entity::find()
        .filter(course::Column::Id.is_in(ids))
        .all(db)
        .await?;
    let titles: BTreeMap<_, String> = course_version::Entity::find()
        .filter(
            course_version::Column::Id.is_in(courses.iter().filter_map(|c| c.published_version_id)),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|v| (v.id, v.title))
        .collect();
    Ok(courses
        .into_iter()
        .filter_map(|c| {
            let title = titles.get(&c.published_version_id?)?.clone();
            Some((
                c.id,
                CourseLabel {
                    title,
                    slug: c.slug,
                    language: c.language,
                },
            ))
        })
        .collect())
}

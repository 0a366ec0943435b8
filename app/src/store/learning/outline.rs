//! Outlines: the shape of versions without their texts, and completed lessons, each loaded
//! for many versions or enrolments at once with a fixed number of queries.

use super::LearningResult;
use crate::domain::ids::{EnrolmentId, LessonId, ModuleId, VersionId};
use crate::domain::learning::{CourseProgress, ModuleShape, progress};
use crate::store::entities::{course_module, lesson, lesson_completion};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{HashMap, HashSet};

/// A lesson in an outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineLesson {
    /// Id.
    pub id: LessonId,
    /// Title.
    pub title: String,
    /// Whether it ends in a quiz.
    pub quiz: bool,
}

/// A module in an outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineModule {
    /// Title.
    pub title: String,
    /// Whether it waits for the module before.
    pub requires_previous: bool,
    /// Lessons in order.
    pub lessons: Vec<OutlineLesson>,
}

/// A version's modules and lessons without their texts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outline {
    /// Modules in order.
    pub modules: Vec<OutlineModule>,
}

impl Outline {
    /// The shape progress is computed on.
    pub fn shapes(&self) -> Vec<ModuleShape> {
        self.modules
            .iter()
            .map(|m| ModuleShape {
                lessons: m.lessons.iter().map(|l| l.id).collect(),
                requires_previous: m.requires_previous,
            })
            .collect()
    }

    /// Progress given completed lesson ids.
    pub fn progress(&self, completed: &HashSet<LessonId>) -> CourseProgress {
        progress(&self.shapes(), completed)
    }

    /// A lesson's title.
    pub fn lesson_title(&self, id: LessonId) -> Option<&str> {
        self.modules
            .iter()
            .flat_map(|m| &m.lessons)
            .find(|l| l.id == id)
            .map(|l| l.title.as_str())
    }
}

/// Outlines of several versions, with two queries whatever their number.
pub async fn outlines(
    db: &impl ConnectionTrait,
    version_ids: &[VersionId],
) -> LearningResult<HashMap<VersionId, Outline>> {
    if version_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let modules: Vec<(ModuleId, VersionId, String, bool)> = course_module::Entity::find()
        .select_only()
        .columns([
            course_module::Column::Id,
            course_module::Column::VersionId,
            course_module::Column::Title,
            course_module::Column::RequiresPrevious,
        ])
        .filter(course_module::Column::VersionId.is_in(version_ids.iter().copied()))
        .order_by_asc(course_module::Column::VersionId)
        .order_by_asc(course_module::Column::Position)
        .into_tuple()
        .all(db)
        .await?;
    let lessons: Vec<(LessonId, ModuleId, String, Option<i32>)> = lesson::Entity::find()
        .select_only()
        .columns([
            lesson::Column::Id,
            lesson::Column::ModuleId,
            lesson::Column::Title,
            lesson::Column::PassMark,
        ])
        .filter(lesson::Column::VersionId.is_in(version_ids.iter().copied()))
        .order_by_asc(lesson::Column::ModuleId)
        .order_by_asc(lesson::Column::Position)
        .into_tuple()
        .all(db)
        .await?;
    let mut by_module: HashMap<_, Vec<OutlineLesson>> = HashMap::new();
    for (id, module_id, title, pass_mark) in lessons {
        by_module.entry(module_id).or_default().push(OutlineLesson {
            id,
            title,
            quiz: pass_mark.is_some(),
        });
    }
    let mut out: HashMap<_, Outline> = HashMap::new();
    for (id, version_id, title, requires_previous) in modules {
        out.entry(version_id)
            .or_default()
            .modules
            .push(OutlineModule {
                title,
                requires_previous,
                lessons: by_module.remove(&id).unwrap_or_default(),
            });
    }
    Ok(out)
}

/// Completed lesson ids of several enrolments, with one query.
pub async fn completed_of(
    db: &impl ConnectionTrait,
    enrolment_ids: &[EnrolmentId],
) -> LearningResult<HashMap<EnrolmentId, HashSet<LessonId>>> {
    if enrolment_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(EnrolmentId, LessonId)> = lesson_completion::Entity::find()
        .select_only()
        .columns([
            lesson_completion::Column::EnrolmentId,
            lesson_completion::Column::LessonId,
        ])
        .filter(lesson_completion::Column::EnrolmentId.is_in(enrolment_ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    let mut out: HashMap<_, HashSet<LessonId>> = HashMap::new();
    for (enrolment, lesson) in rows {
        out.entry(enrolment).or_default().insert(lesson);
    }
    Ok(out)
}

/// Completed lesson ids of one enrolment.
pub async fn completed(
    db: &impl ConnectionTrait,
    enrolment_id: EnrolmentId,
) -> LearningResult<HashSet<LessonId>> {
    Ok(completed_of(db, &[enrolment_id])
        .await?
        .remove(&enrolment_id)
        .unwrap_or_default())
}

/// `id → text` of the rows of `E` whose `id` is in `ids`, with one query.
pub(super) async fn labels<E, K>(
    db: &impl ConnectionTrait,
    id: E::Column,
    label: E::Column,
    ids: impl IntoIterator<Item = K>,
) -> LearningResult<HashMap<K, String>>
where
    E: EntityTrait,
    K: sea_orm::TryGetable + Into<sea_orm::Value> + Eq + std::hash::Hash,
{
    Ok(E::find()
        .select_only()
        .columns([id, label])
        .filter(id.is_in(ids))
        .into_tuple::<(K, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

//! Moving and deleting a draft's modules, lessons and questions among their siblings, keeping
//! the positions gapless and the first module free of a previous one to wait for.

use super::{CourseError, CourseResult, edits::module};
use crate::domain::ids::{LessonId, ModuleId, QuestionId, VersionId};
use crate::{
    domain::editing::FIRST_POSITION,
    store::entities::{course_module, lesson, question},
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set,
    sea_query::{Expr, ExprTrait},
};

/// Which kind of item to move or delete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// A module (siblings: the version's modules).
    Module(ModuleId),
    /// A lesson (siblings: the module's lessons).
    Lesson(LessonId),
    /// A question (siblings: the lesson's questions).
    Question(QuestionId),
}

/// Moves an item one place up or down among its siblings; at either end nothing happens.
pub async fn shift(db: &impl ConnectionTrait, item: Item, up: bool) -> CourseResult<()> {
    macro_rules! swap {
        ($entity:ident, $id:expr, $parent_col:ident, $parent:ident) => {{
            let row = $entity::Entity::find_by_id($id)
                .one(db)
                .await?
                .ok_or(CourseError::NotFound)?;
            let target = if up {
                row.position - 1
            } else {
                row.position + 1
            };
            let neighbour = $entity::Entity::find()
                .filter($entity::Column::$parent_col.eq(row.$parent))
                .filter($entity::Column::Position.eq(target))
                .one(db)
                .await?;
            if let Some(neighbour) = neighbour {
                let position = row.position;
                let mut a: $entity::ActiveModel = row.into();
                a.position = Set(target);
                a.update(db).await?;
                let mut b: $entity::ActiveModel = neighbour.into();
                b.position = Set(position);
                b.update(db).await?;
            }
        }};
    }
    match item {
        Item::Module(id) => swap!(course_module, id, VersionId, version_id),
        Item::Lesson(id) => swap!(lesson, id, ModuleId, module_id),
        Item::Question(id) => swap!(question, id, LessonId, lesson_id),
    }
    // The first module can never require a previous one.
    if let Item::Module(id) = item {
        let row = module(db, id).await?;
        free_first_module(db, row.version_id).await?;
    }
    Ok(())
}

/// Deletes an item with everything in it, closing the gap in the positions after it.
pub async fn remove(db: &impl ConnectionTrait, item: Item) -> CourseResult<()> {
    macro_rules! delete {
        ($entity:ident, $id:expr, $parent_col:ident, $parent:ident) => {{
            let row = $entity::Entity::find_by_id($id)
                .one(db)
                .await?
                .ok_or(CourseError::NotFound)?;
            $entity::Entity::delete_by_id(row.id).exec(db).await?;
            $entity::Entity::update_many()
                .col_expr(
                    $entity::Column::Position,
                    Expr::col($entity::Column::Position).sub(1),
                )
                .filter($entity::Column::$parent_col.eq(row.$parent))
                .filter($entity::Column::Position.gt(row.position))
                .exec(db)
                .await?;
            row.$parent
        }};
    }
    match item {
        Item::Module(id) => {
            let version = delete!(course_module, id, VersionId, version_id);
            free_first_module(db, version).await?;
        }
        Item::Lesson(id) => {
            delete!(lesson, id, ModuleId, module_id);
        }
        Item::Question(id) => {
            delete!(question, id, LessonId, lesson_id);
        }
    }
    Ok(())
}

/// Clears "requires the previous module" on the first module of a version, which a move or a
/// removal may have put there.
async fn free_first_module(db: &impl ConnectionTrait, version_id: VersionId) -> CourseResult<()> {
    course_module::Entity::update_many()
        .col_expr(course_module::Column::RequiresPrevious, Expr::value(false))
        .filter(course_module::Column::VersionId.eq(version_id))
        .filter(course_module::Column::Position.eq(FIRST_POSITION))
        .exec(db)
        .await?;
    Ok(())
}

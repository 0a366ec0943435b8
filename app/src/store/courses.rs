//! Courses and their versions: importing bundles, editing drafts, publishing.
//!
//! Content is only ever changed in a course's draft version. Publishing turns the draft into
//! the published version and the one before it into a superseded one, which learners who
//! started it keep.

mod content;
mod editors;
mod edits;
mod items;
mod keys;
mod listings;
mod published;
mod versions;

use crate::domain::course::Flaw;
use sea_orm::DbErr;

pub use super::entities::{
    course::Model as Course, course_module::Model as ModuleRow, course_version::Model as Version,
    lesson::Model as LessonRow, question::Model as QuestionRow,
    question_option::Model as OptionRow,
};
pub use crate::domain::editing::DEFAULT_PASS_MARK;
pub use content::{
    QuizSettings, VersionContent, VersionItems, content_of, load_content, question_doc,
};
pub use editors::{Editor, add_editor, edited_by, editors_of, is_editor, remove_editor};
pub use edits::{
    CourseDetails, add_lesson, add_module, add_question, course_of_version, editable, lesson,
    mark_draft_changed, module, options_of, question, question_count, update_details,
    update_lesson, update_module, update_question,
};
pub use items::{Item, remove, shift};
pub use keys::Keys;
pub use listings::{CatalogueEntry, Listed, authoring_page, catalogue_page, count, titles_of};
pub use versions::{
    create, discard_draft, draft, find, find_by_slug, free_slug, import_revision, lock, pending,
    publish, recorded_changes, set_status, start_draft, versions, working_version,
};

/// Why a course operation did not happen.
#[derive(Debug, thiserror::Error)]
pub enum CourseError {
    /// The database failed.
    #[error("database error: {0}")]
    Db(#[from] DbErr),
    /// The course, module, lesson or question does not exist.
    #[error("not found")]
    NotFound,
    /// The item belongs to a version that is not a draft, or the course is archived.
    #[error("only a draft can be changed")]
    NotEditable,
    /// Another course already uses this short name.
    #[error("a course with this short name exists")]
    SlugTaken,
    /// There is nothing new to publish.
    #[error("nothing to publish")]
    NothingToPublish,
    /// The draft has flaws that keep it from being published.
    #[error("the draft is not ready")]
    Flaws(Vec<Flaw>),
}

impl From<crate::store::StoreError> for CourseError {
    fn from(error: crate::store::StoreError) -> Self {
        match error {
            crate::store::StoreError::Db(e) => CourseError::Db(e),
            _ => CourseError::NotFound,
        }
    }
}

/// Result of a course operation.
pub type CourseResult<T> = Result<T, CourseError>;

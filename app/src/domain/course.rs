//! What a course is made of, the rules a course must satisfy before learners see it, and what
//! changed between two versions. Shared by the bundle format, the database and the editor.

mod diff;
mod doc;
mod flaw;
mod kinds;
mod limits;
mod slug;
mod validate;

pub use diff::{Change, VersionView, diff};
pub use doc::{CourseDoc, LessonDoc, ModuleDoc, OptionDoc, QuestionDoc, QuizDoc, total_minutes};
pub use flaw::{Flaw, FlawKind, Place};
pub use kinds::{CourseStatus, QuestionKind, ReviewMode, Topic, UnknownValue, VersionState};
pub use limits::{
    MAX_ATTEMPTS, MAX_BODY, MAX_COOLDOWN_MINUTES, MAX_MINUTES, MAX_OPTIONS, MAX_SUMMARY, MAX_TEXT,
    MAX_TITLE,
};
pub use slug::{is_slug, slugify};
pub use validate::{question_flaws, validate};

#[cfg(test)]
mod fixtures;

//! How a learner moves through a course: the content as the rules see it, grading, unlocking
//! and completion, quiz attempts, reflections, and where a learner stands. Plain functions over
//! plain data, so every rule is tested without a database; the store converts its rows into
//! [`content`] and writes what these rules decide.

pub mod attempts;
pub mod content;
pub mod grading;
pub mod reflections;
pub mod status;
pub mod unlocking;

pub use attempts::{AttemptRule, QuizLimits};
pub use content::{ModuleShape, QuizOption, QuizQuestion};
pub use grading::{AnswerError, AnswerKey, Score};
pub use reflections::{LessonRequirements, MAX_REFLECTION, ReflectionState};
pub use status::{LearnerStatus, STUCK_AFTER_DAYS};
pub use unlocking::{CourseProgress, ModuleProgress, Refusal, progress};

//! Learners' progress: enrolments, completed lessons, quiz attempts, reflections and their
//! review, and the trainers' view of it all. The rules come from [`crate::domain::learning`];
//! these functions read what the rules need and write what they decide.
//!
//! An enrolment is bound to the course version the learner started. Lessons of any other
//! version are not theirs, so a newly published version never touches their progress.

mod attempts;
mod completion;
mod dashboard;
mod enrolment;
mod for_lesson;
mod learners;
mod outline;
mod reflections;
mod reviews;
mod trainers;

pub use super::entities::{
    enrolment::Model as Enrolment, quiz_attempt::Model as Attempt, reflection::Model as Reflection,
};
pub use attempts::{
    Submitted, answers_of, attempt_by_submission, attempt_rule, attempts, submit_attempt,
};
pub use completion::mark_done;
pub use dashboard::{MyCourse, my_courses, my_open_reflections};
pub use enrolment::{EnrolledCourse, enrol, enrolled, enrolment_in};
pub use for_lesson::{enrolled_for_lesson, reading_lesson};
pub use learners::{
    LearnerFilter, LearnerOrder, LearnerRow, QuizResult, courses_with_centres, learner_counts,
    learners,
};
pub use outline::{Outline, OutlineLesson, OutlineModule, completed, completed_of, outlines};
pub use reflections::{SavedReflection, reflections_in, save_reflection};
pub use reviews::{QueueItem, queue_item, review, review_queue};
pub use trainers::{add_trainer, remove_trainer, taught_by, teaches, trainers_of};

use crate::domain::{
    ids::QuestionId,
    learning::{AnswerError, Refusal},
};
use sea_orm::{DbErr, SqlErr};

/// Why a learning operation did not happen.
#[derive(Debug, thiserror::Error)]
pub enum LearningError {
    /// The database failed.
    #[error("database error: {0}")]
    Db(#[from] DbErr),
    /// The course, lesson or question does not exist, or is not published.
    #[error("not found")]
    NotFound,
    /// The learner has not started the course, or started another version of it.
    #[error("not enrolled")]
    NotEnrolled,
    /// The lesson's module waits for the one before.
    #[error("locked")]
    Locked,
    /// The quiz's attempts are used up.
    #[error("no attempts left")]
    NoAttemptsLeft,
    /// The next attempt opens in this many seconds.
    #[error("cooling down for {0} s")]
    CoolingDown(i64),
    /// The reflection was sent and cannot change now.
    #[error("already sent")]
    AlreadySent,
    /// The reflection was reviewed already.
    #[error("already reviewed")]
    AlreadyReviewed,
    /// Another request wrote the same row at the same moment.
    #[error("changed at the same time")]
    Busy,
    /// An answer names a question or option that is not in this quiz.
    #[error("answer does not fit the quiz")]
    BadAnswer,
    /// These scored questions have no answer.
    #[error("unanswered questions")]
    Unanswered(Vec<QuestionId>),
    /// A lesson with a quiz is completed by its quiz, not by marking it done.
    #[error("the quiz completes this lesson")]
    QuizFirst,
}

impl From<crate::store::courses::CourseError> for LearningError {
    fn from(error: crate::store::courses::CourseError) -> Self {
        match error {
            crate::store::courses::CourseError::Db(e) => LearningError::Db(e),
            _ => LearningError::NotFound,
        }
    }
}

impl From<crate::store::StoreError> for LearningError {
    fn from(error: crate::store::StoreError) -> Self {
        match error {
            crate::store::StoreError::Db(e) => LearningError::Db(e),
            _ => LearningError::NotFound,
        }
    }
}

impl From<Refusal> for LearningError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::NotInCourse => LearningError::NotEnrolled,
            Refusal::Locked => LearningError::Locked,
            Refusal::QuizFirst => LearningError::QuizFirst,
        }
    }
}

impl From<AnswerError> for LearningError {
    fn from(error: AnswerError) -> Self {
        match error {
            AnswerError::DoesNotFit => LearningError::BadAnswer,
            AnswerError::Unanswered(ids) => LearningError::Unanswered(ids),
        }
    }
}

/// Result of a learning operation.
pub type LearningResult<T> = Result<T, LearningError>;

/// A unique index refused the write: another request wrote the same row first.
fn busy_on_conflict(error: DbErr) -> LearningError {
    if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) {
        LearningError::Busy
    } else {
        LearningError::Db(error)
    }
}

//! The error server functions return: specific enough for the page to say what went wrong,
//! never carrying internal details to the browser.

use crate::domain::password_policy::Weakness;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

/// What is wrong with one form field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// Nothing was entered.
    Required,
    /// Longer than allowed.
    TooLong,
    /// Not an email address.
    InvalidEmail,
    /// Password under the minimum length.
    PasswordTooShort,
    /// Password over the maximum length.
    PasswordTooLong,
    /// A password that is easy to guess, and what makes it so.
    PasswordTooEasy(Weakness),
    /// Not one of the offered languages.
    UnknownLanguage,
    /// The authenticator or recovery code is not right (or was used before).
    WrongCode,
    /// The current password given to confirm a change is wrong.
    WrongPassword,
    /// A box that must be ticked was not.
    MustConfirm,
    /// A number outside the allowed range.
    OutOfRange,
    /// Not one of the allowed values, or not in the allowed form.
    NotAllowed,
    /// A quiz cannot be switched off while it has questions.
    HasQuestions,
    /// A lesson with a quiz is completed by passing its quiz.
    QuizFirst,
}

/// A problem tied to a named form field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's `name`.
    pub field: String,
    /// What is wrong.
    pub problem: Problem,
}

/// Errors of server functions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Some fields are invalid; nothing was saved.
    #[error("some fields are invalid")]
    Invalid(Vec<FieldError>),
    /// Wrong email or password (never says which).
    #[error("wrong email or password")]
    InvalidCredentials,
    /// The password was right but the address is not confirmed yet; a new link was sent.
    #[error("the email address is not confirmed yet")]
    EmailNotVerified,
    /// Too many attempts.
    #[error("too many attempts; try again in {minutes} minutes")]
    RateLimited {
        /// Whole minutes to wait, at least 1.
        minutes: u32,
    },
    /// The link is unknown, used or expired.
    #[error("the link is invalid, used or expired")]
    LinkInvalid,
    /// The action needs a signed-in person.
    #[error("sign-in required")]
    Unauthenticated,
    /// The signed-in person may not do this.
    #[error("not allowed")]
    Forbidden,
    /// The thing asked for does not exist (or is not visible to this person).
    #[error("not found")]
    NotFound,
    /// Only a draft can be changed (or the course is archived).
    #[error("only a draft can be changed")]
    NotEditable,
    /// There is nothing new to publish.
    #[error("nothing to publish")]
    NothingToPublish,
    /// The draft has flaws that keep it from being published.
    #[error("the course is not ready to publish")]
    CourseFlaws(Vec<crate::domain::course::Flaw>),
    /// Another course already uses this short name.
    #[error("a course with this short name exists")]
    SlugTaken,
    /// A programme file has flaws; nothing was saved.
    #[error("the programme has flaws")]
    ProgrammeFlaws(Vec<crate::domain::certification::file::ProgrammeFlaw>),
    /// The learner has not started this course, or started another version of it.
    #[error("start the course first")]
    NotEnrolled,
    /// The module waits for the one before it to be completed.
    #[error("complete the previous module first")]
    Locked,
    /// Every attempt allowed at this quiz is used.
    #[error("no attempts left")]
    NoAttemptsLeft,
    /// The next attempt opens after a wait.
    #[error("try again in {minutes} minutes")]
    CoolingDown {
        /// Whole minutes to wait, at least 1.
        minutes: u32,
    },
    /// The answer was sent already and waits for review.
    #[error("already sent")]
    AlreadySent,
    /// The reflection was reviewed already.
    #[error("already reviewed")]
    AlreadyReviewed,
    /// Another request changed the same thing at the same moment.
    #[error("changed at the same time; try again")]
    Busy,
    /// The workshop has started: signing up and cancelling are closed.
    #[error("the workshop has started")]
    WorkshopStarted,
    /// Attendance is marked from the day of the workshop.
    #[error("attendance opens on the day of the workshop")]
    AttendanceNotOpen,
    /// Something failed on the server; details are in the server log.
    #[error("something went wrong on our side")]
    Internal,
    /// The request itself failed (network, encoding).
    #[error("the request failed: {0}")]
    Request(String),
    /// The person cannot be asked to start this group (not a candidate now, or asked
    /// already).
    #[error("this person cannot be asked to start this group")]
    CannotAsk,
    /// The answer to a request was refused: it was answered already, the group found its
    /// igangsætter, or every place of the person is taken.
    #[error("the answer was refused: {0:?}")]
    AnswerRefused(crate::domain::groups::AcceptRefused),
    /// The group moved on since the page was loaded: the step no longer starts from where
    /// it is.
    #[error("the group has moved on")]
    GroupMoved,
    /// The survey link no longer takes answers.
    #[error("the survey is closed")]
    SurveyClosed,
    /// The database cannot be reached just now; nothing was changed.
    #[error("the database is unavailable")]
    Unavailable,
    /// The action hands out or takes away powers and the password was last given too long
    /// ago in this session: it must be given again first.
    #[error("confirm the password first")]
    ConfirmPasswordFirst,
}

/// Seconds a client is asked to wait (`Retry-After`) while the database cannot be reached.
pub const UNAVAILABLE_RETRY_SECS: &str = "10";

impl AppError {
    /// A single-field validation error.
    pub fn field(field: &str, problem: Problem) -> AppError {
        AppError::Invalid(vec![FieldError {
            field: field.to_owned(),
            problem,
        }])
    }

    /// The problem reported for `field`, if any.
    pub fn problem_for(&self, field: &str) -> Option<Problem> {
        match self {
            AppError::Invalid(errors) => {
                errors.iter().find(|e| e.field == field).map(|e| e.problem)
            }
            _ => None,
        }
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// The HTTP status that describes this error.
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::InvalidCredentials | AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::EmailNotVerified | AppError::Forbidden | AppError::ConfirmPasswordFirst => {
                StatusCode::FORBIDDEN
            }
            AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::LinkInvalid | AppError::Request(_) => StatusCode::BAD_REQUEST,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::NotEditable
            | AppError::NothingToPublish
            | AppError::SlugTaken
            | AppError::NotEnrolled
            | AppError::Locked
            | AppError::NoAttemptsLeft
            | AppError::AlreadySent
            | AppError::AlreadyReviewed
            | AppError::Busy
            | AppError::WorkshopStarted
            | AppError::AttendanceNotOpen
            | AppError::CannotAsk
            | AppError::AnswerRefused(_)
            | AppError::GroupMoved
            | AppError::SurveyClosed => StatusCode::CONFLICT,
            AppError::CoolingDown { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::CourseFlaws(_) | AppError::ProgrammeFlaws(_) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Request(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl From<crate::store::StoreError> for AppError {
    fn from(error: crate::store::StoreError) -> Self {
        match error {
            crate::store::StoreError::Db(error) => error.into(),
            other => {
                tracing::error!(error = %other, "store error");
                AppError::Internal
            }
        }
    }
}

#[cfg(feature = "ssr")]
impl From<crate::mail::MailError> for AppError {
    fn from(error: crate::mail::MailError) -> Self {
        match error {
            crate::mail::MailError::Store(error) => error.into(),
            other => {
                tracing::error!(error = %other, "mail error");
                AppError::Internal
            }
        }
    }
}

#[cfg(feature = "ssr")]
impl From<crate::store::courses::CourseError> for AppError {
    fn from(error: crate::store::courses::CourseError) -> Self {
        use crate::store::courses::CourseError;
        match error {
            CourseError::Db(error) => error.into(),
            CourseError::NotFound => AppError::NotFound,
            CourseError::NotEditable => AppError::NotEditable,
            CourseError::SlugTaken => AppError::SlugTaken,
            CourseError::NothingToPublish => AppError::NothingToPublish,
            CourseError::Flaws(flaws) => AppError::CourseFlaws(flaws),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(error: sea_orm::DbErr) -> Self {
        if crate::store::db::is_unreachable(&error) {
            tracing::warn!(%error, "database unreachable");
            AppError::Unavailable
        } else {
            tracing::error!(%error, "database error");
            AppError::Internal
        }
    }
}

#[cfg(feature = "ssr")]
impl From<crate::store::learning::LearningError> for AppError {
    fn from(error: crate::store::learning::LearningError) -> Self {
        use crate::store::learning::LearningError as L;
        match error {
            L::Db(error) => error.into(),
            L::NotFound => AppError::NotFound,
            L::NotEnrolled => AppError::NotEnrolled,
            L::Locked => AppError::Locked,
            L::NoAttemptsLeft => AppError::NoAttemptsLeft,
            L::CoolingDown(seconds) => AppError::CoolingDown {
                minutes: u32::try_from((seconds.max(1) + 59) / 60).unwrap_or(u32::MAX),
            },
            L::AlreadySent => AppError::AlreadySent,
            L::AlreadyReviewed => AppError::AlreadyReviewed,
            L::Busy => AppError::Busy,
            L::BadAnswer => AppError::field("answers", Problem::NotAllowed),
            L::Unanswered(ids) => AppError::Invalid(
                ids.into_iter()
                    .map(|id| FieldError {
                        field: format!("answers[q{id}]"),
                        problem: Problem::Required,
                    })
                    .collect(),
            ),
            L::QuizFirst => AppError::field("lesson", Problem::QuizFirst),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<crate::store::workshops::WorkshopError> for AppError {
    fn from(error: crate::store::workshops::WorkshopError) -> Self {
        use crate::store::workshops::WorkshopError as W;
        match error {
            W::Store(error) => error.into(),
            W::NotFound | W::NotSignedUp => AppError::NotFound,
            W::Closed => AppError::WorkshopStarted,
            W::TooEarly => AppError::AttendanceNotOpen,
        }
    }
}

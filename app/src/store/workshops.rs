//! Workshops in the database: scheduling them, the sign-ups with their waiting list, and
//! attendance. Who gets a seat is decided in [`crate::domain::workshops`]; the sign-up and
//! the cancellation take the workshop's row first, so two at once never overbook it.

mod attendance;
pub mod calendar;
pub mod reminders;
mod schedule;
mod signups;

pub use attendance::{RosterEntry, mark, roster};
pub use schedule::{NewWorkshop, WorkshopSummary, create, find, lock, upcoming, with_counts};
pub use signups::{MovedUp, cancel, sign_up, signups_of};

/// Why a workshop action was refused.
#[derive(Debug, thiserror::Error)]
pub enum WorkshopError {
    /// No such workshop.
    #[error("workshop not found")]
    NotFound,
    /// It has started: signing up and cancelling are closed.
    #[error("the workshop has started")]
    Closed,
    /// The person holds no place at it.
    #[error("not signed up")]
    NotSignedUp,
    /// Attendance cannot be marked before the day.
    #[error("attendance opens on the day of the workshop")]
    TooEarly,
    /// The database failed.
    #[error(transparent)]
    Store(#[from] super::StoreError),
}

impl From<sea_orm::DbErr> for WorkshopError {
    fn from(error: sea_orm::DbErr) -> Self {
        WorkshopError::Store(error.into())
    }
}

/// Result of a workshop action.
pub type WorkshopResult<T> = Result<T, WorkshopError>;

//! What makes a password acceptable: long enough, not absurdly long, and hard to guess.
//! No composition rules: length and unpredictability are what protect an account.
//!
//! Guessability is estimated with zxcvbn (score 3 of 4 or better is required), told the
//! person's own name and address; a list of breached passwords long enough to pass the
//! length rule backs it up.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
mod check;
#[cfg(feature = "ssr")]
pub use check::check_password;

/// Fewest characters accepted.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Most characters accepted (bounds the hashing work per attempt).
pub const MAX_PASSWORD_CHARS: usize = 128;

/// Why a password is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    /// Fewer than [`MIN_PASSWORD_CHARS`] characters.
    #[error("the password must have at least {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    /// More than [`MAX_PASSWORD_CHARS`] characters.
    #[error("the password must have at most {MAX_PASSWORD_CHARS} characters")]
    TooLong,
    /// Long enough, but easy to guess, for the reason given.
    #[error("the password is too easy to guess: {0:?}")]
    TooEasy(Weakness),
}

/// What makes a password easy to guess, in words a person can act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Weakness {
    /// One of the passwords most often used (or leaked).
    CommonPassword,
    /// A common password with small changes, such as a number added or a letter swapped.
    CommonWithChanges,
    /// Built on the person's own name or email address, or on this product's name.
    PersonalDetails,
    /// A row or pattern of neighbouring keys.
    KeyboardPattern,
    /// The same characters or words repeated.
    Repeats,
    /// A run such as `abcdef` or `654321`.
    Sequence,
    /// Built on a date or a year.
    Dates,
    /// Built on common first names or surnames.
    Names,
    /// A single dictionary word.
    SingleWord,
    /// Easy to guess for another reason.
    Other,
}

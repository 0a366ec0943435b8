//! What makes a password acceptable: long enough, not absurdly long, not a common one.
//! No composition rules: length and rarity are what protect an account.

use std::{collections::HashSet, sync::OnceLock};

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
    /// Among the most common passwords, or the account's own email address.
    #[error("the password is too easy to guess")]
    TooCommon,
}

fn common_passwords() -> &'static HashSet<&'static str> {
    static LIST: OnceLock<HashSet<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("common_passwords.txt")
            .lines()
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect()
    })
}

/// Checks a new password for the account with address `email`.
pub fn check_password(password: &str, email: &str) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    let lowered = password.to_lowercase();
    if common_passwords().contains(lowered.as_str())
        || lowered == email.to_lowercase()
        || lowered
            .chars()
            .all(|c| c == lowered.chars().next().unwrap_or(' '))
    {
        return Err(PasswordProblem::TooCommon);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_list_holds_three_thousand_passwords() {
        assert_eq!(common_passwords().len(), 3000);
    }

    #[test]
    fn length_and_rarity_decide() {
        let email = "mette@frivillig.test";
        assert_eq!(
            check_password("kort", email),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(
            check_password("elleve tegn", email),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(
            check_password("1qaz2wsx3edc", email),
            Err(PasswordProblem::TooCommon)
        );
        assert_eq!(
            check_password("1QAZ2WSX3EDC", email),
            Err(PasswordProblem::TooCommon)
        );
        assert_eq!(
            check_password("Mette@Frivillig.test", email),
            Err(PasswordProblem::TooCommon)
        );
        assert_eq!(
            check_password("aaaaaaaaaaaaaa", email),
            Err(PasswordProblem::TooCommon)
        );
        assert_eq!(
            check_password(&"x".repeat(60).replace("xx", "xy"), email),
            Ok(())
        );
        assert_eq!(
            check_password(&"ab".repeat(65), email),
            Err(PasswordProblem::TooLong)
        );
        // No composition rules: lower-case words are fine when long.
        assert_eq!(check_password("grøn kaffe på bænken", email), Ok(()));
        // Characters, not bytes: twelve letters with diacritics are enough.
        assert_eq!(check_password("æøåæøåæøåæøb", email), Ok(()));
        assert_eq!(
            check_password(&"ab".repeat(32), email),
            Ok(()),
            "64 characters are accepted"
        );
    }
}

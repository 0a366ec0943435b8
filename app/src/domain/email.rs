//! Email addresses, validated once at the edge.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest address accepted (RFC 5321's path limit).
pub const MAX_EMAIL_LEN: usize = 254;

/// A syntactically plausible email address, trimmed and in lower case, so one person
/// cannot end up with two accounts that differ only in capitals.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EmailAddress(String);

/// Why a string is not accepted as an email address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Nothing was entered.
    #[error("the email address is empty")]
    Empty,
    /// More than [`MAX_EMAIL_LEN`] characters.
    #[error("the email address is longer than {MAX_EMAIL_LEN} characters")]
    TooLong,
    /// Missing `@`, empty parts, spaces or a domain without a dot.
    #[error("{0:?} is not a valid email address")]
    Invalid(String),
}

impl EmailAddress {
    /// Validates and normalises an address typed by a person.
    pub fn parse(input: &str) -> Result<EmailAddress, EmailError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(EmailError::Empty);
        }
        if trimmed.chars().count() > MAX_EMAIL_LEN {
            return Err(EmailError::TooLong);
        }
        let invalid = || EmailError::Invalid(trimmed.to_owned());
        let (local, domain) = trimmed.rsplit_once('@').ok_or_else(invalid)?;
        let domain_ok = !domain.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.contains('@')
            && !local.chars().any(|c| c.is_whitespace() || c.is_control());
        if !domain_ok || !local_ok {
            return Err(invalid());
        }
        Ok(EmailAddress(trimmed.to_lowercase()))
    }

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address with all but the first letter of its local part hidden (`o…@nyt.dk`), for
    /// telling one mailbox about another without handing the other address over whole.
    pub fn masked(&self) -> String {
        let (local, domain) = self.0.split_once('@').unwrap_or((&self.0, ""));
        let first: String = local.chars().take(1).collect();
        format!("{first}…@{domain}")
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_masked_address_shows_its_first_letter_and_domain() {
        let address = EmailAddress::parse("Ole.Hansen@nyt.dk").unwrap();
        assert_eq!(address.masked(), "o…@nyt.dk");
        assert!(!address.masked().contains("hansen"));
    }

    #[test]
    fn accepts_ordinary_addresses_in_lower_case() {
        assert_eq!(
            EmailAddress::parse("  Mette.Hansen@Frivillig.DK ")
                .unwrap()
                .as_str(),
            "mette.hansen@frivillig.dk"
        );
        assert!(EmailAddress::parse("åse@kommune.no").is_ok());
    }

    #[test]
    fn rejects_what_cannot_be_an_address() {
        for bad in [
            "plain",
            "@frise.dk",
            "anna@",
            "anna@localhost",
            "anna@@frise.dk",
            "an na@frise.dk",
            "anna@frise..dk",
            "anna@.frise.dk",
            "anna@frise.dk.",
            "anna@fri se.dk",
        ] {
            assert!(
                matches!(EmailAddress::parse(bad), Err(EmailError::Invalid(_))),
                "{bad}"
            );
        }
        assert_eq!(EmailAddress::parse("   "), Err(EmailError::Empty));
        let long = format!("{}@frise.dk", "a".repeat(250));
        assert_eq!(EmailAddress::parse(&long), Err(EmailError::TooLong));
    }
}

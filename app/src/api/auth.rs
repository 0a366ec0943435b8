//! Signing up, confirming the address, signing in and out, and resetting a password.

mod log_in;
mod log_out;
mod password_reset;
mod sign_up;
mod viewer;

pub use log_in::*;
pub use log_out::*;
pub use password_reset::*;
pub use sign_up::*;
pub use viewer::*;

#[cfg(feature = "ssr")]
pub(crate) mod limits {
    use crate::store::rate_limit::Limit;
    use chrono::Duration;

    /// Sign-in attempts from one address.
    pub const LOGIN_PER_IP: Limit = Limit {
        max: 30,
        window: Duration::minutes(15),
    };
    /// Failed sign-ins for one account.
    pub const LOGIN_FAILURES_PER_ACCOUNT: Limit = Limit {
        max: 5,
        window: Duration::minutes(15),
    };
    /// Sign-ups from one address.
    pub const SIGN_UP_PER_IP: Limit = Limit {
        max: 10,
        window: Duration::hours(1),
    };
    /// Sign-ups naming one email address (each may send that address a mail).
    pub const SIGN_UP_PER_ACCOUNT: Limit = Limit {
        max: 3,
        window: Duration::hours(1),
    };
    /// Reset requests from one address.
    pub const RESET_PER_IP: Limit = Limit {
        max: 10,
        window: Duration::hours(1),
    };
    /// Reset requests for one address.
    pub const RESET_PER_ACCOUNT: Limit = Limit {
        max: 3,
        window: Duration::hours(1),
    };
}

/// Creates a single-use token for `user` and queues a mail with the link that carries it.
#[cfg(feature = "ssr")]
pub(crate) async fn mail_token_link(
    db: &impl sea_orm::ConnectionTrait,
    base_url: &str,
    user: &crate::store::people::User,
    purpose: crate::store::tokens::Purpose,
    template: crate::mail::Template,
    path: &str,
) -> Result<(), crate::errors::AppError> {
    use crate::{
        domain::email::EmailAddress, errors::AppError, mail, security::token::new_secret,
        store::tokens,
    };
    let now = chrono::Utc::now();
    let to = EmailAddress::parse(&user.email).map_err(|_| AppError::Internal)?;
    tokens::void_for_user(db, user.id, purpose, now).await?;
    let (secret, token_hash) = new_secret();
    tokens::create(
        db,
        tokens::NewToken {
            token_hash,
            purpose,
            user_id: Some(user.id),
            email: Some(user.email.clone()),
            payload: None,
        },
        now,
    )
    .await?;
    mail::queue(
        db,
        &to,
        user.language.parse().unwrap_or_default(),
        template,
        serde_json::json!({
            "name": user.display_name,
            "link": format!("{base_url}{path}?token={secret}"),
        }),
    )
    .await?;
    Ok(())
}

/// Validation shared by the forms that take a name, an email or a new password.
#[cfg(feature = "ssr")]
pub(crate) mod validate {
    use crate::{
        domain::{
            email::{EmailAddress, EmailError},
            password_policy::{PasswordProblem, check_password},
        },
        errors::{FieldError, Problem},
    };

    /// Longest display name.
    pub const MAX_NAME_CHARS: usize = 120;

    fn push(errors: &mut Vec<FieldError>, field: &str, problem: Problem) {
        errors.push(FieldError {
            field: field.to_owned(),
            problem,
        });
    }

    /// A trimmed display name, or a problem for field `name`.
    pub fn name(input: &str, errors: &mut Vec<FieldError>) -> String {
        let name = input.trim().to_owned();
        if name.is_empty() {
            push(errors, "name", Problem::Required);
        } else if name.chars().count() > MAX_NAME_CHARS || name.chars().any(char::is_control) {
            push(errors, "name", Problem::TooLong);
        }
        name
    }

    /// A valid address, or a problem for field `field`.
    pub fn email(input: &str, field: &str, errors: &mut Vec<FieldError>) -> Option<EmailAddress> {
        match EmailAddress::parse(input) {
            Ok(email) => Some(email),
            Err(EmailError::Empty) => {
                push(errors, field, Problem::Required);
                None
            }
            Err(EmailError::TooLong) => {
                push(errors, field, Problem::TooLong);
                None
            }
            Err(EmailError::Invalid(_)) => {
                push(errors, field, Problem::InvalidEmail);
                None
            }
        }
    }

    /// Records a problem for field `password` if the new password is not acceptable for the
    /// person whose address, name and similar details are `personal`.
    pub fn new_password(password: &str, personal: &[&str], errors: &mut Vec<FieldError>) {
        if let Err(problem) = check_password(password, personal) {
            let problem = match problem {
                PasswordProblem::TooShort => Problem::PasswordTooShort,
                PasswordProblem::TooLong => Problem::PasswordTooLong,
                PasswordProblem::TooEasy(weakness) => Problem::PasswordTooEasy(weakness),
            };
            push(errors, "password", problem);
        }
    }
}

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

/// How often signing in, signing up and asking for a reset link may be tried.
#[cfg(feature = "ssr")]
pub(crate) mod limits {
    use crate::{
        api::context::{client_key, rate_limited},
        errors::AppError,
        store::rate_limit::{self, Limit},
    };
    use chrono::{DateTime, Duration, Utc};

    /// Counts one try in each bucket, in order; refused at the first that is over its limit.
    pub(crate) async fn hit_all(
        db: &impl sea_orm::ConnectionTrait,
        buckets: impl IntoIterator<Item = (String, Limit)>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        for (bucket, limit) in buckets {
            if let Err(wait) = rate_limit::hit(db, &bucket, limit, now).await? {
                return Err(rate_limited(wait));
            }
        }
        Ok(())
    }

    /// How often one flow may be tried from one network address and for one email address,
    /// both counted over the same window.
    #[derive(Clone, Copy, Debug)]
    pub struct Throttle {
        /// What the flow's bucket names start with.
        name: &'static str,
        /// Tries from one network address.
        per_ip: Limit,
        /// Tries for one email address.
        per_account: Limit,
    }

    impl Throttle {
        const fn new(name: &'static str, per_ip: u64, per_account: u64, window: Duration) -> Self {
            Throttle {
                name,
                per_ip: Limit {
                    max: per_ip,
                    window,
                },
                per_account: Limit {
                    max: per_account,
                    window,
                },
            }
        }

        /// The bucket that counts tries for the email address `account`.
        fn account_bucket(&self, account: &str) -> String {
            format!("{}-account:{account}", self.name)
        }

        /// Counts a try from this client's address, then one for `account`; refused as soon
        /// as either is over its limit.
        pub async fn hit(
            &self,
            db: &impl sea_orm::ConnectionTrait,
            account: &str,
            now: DateTime<Utc>,
        ) -> Result<(), AppError> {
            let buckets = [
                (format!("{}-ip:{}", self.name, client_key()), self.per_ip),
                (self.account_bucket(account), self.per_account),
            ];
            hit_all(db, buckets, now).await
        }
    }

    /// The cookie a browser keeps after signing in, marking it as one the account used
    /// (`security::token::device_mark`); a year.
    pub const KNOWN_DEVICE_COOKIE: &str = "igang_known";

    /// Signing up: 10 from one address and 3 naming one email address (each may send that
    /// address a mail) an hour.
    pub const SIGN_UP: Throttle = Throttle::new("sign-up", 10, 3, Duration::hours(1));
    /// Reset requests: 10 from one address and 3 for one email address an hour.
    pub const RESET: Throttle = Throttle::new("reset", 10, 3, Duration::hours(1));
    /// Outcome-survey answers: 30 from one address (a group may answer together on one
    /// network) and 200 for one survey link an hour.
    pub const SURVEY: Throttle = Throttle::new("survey", 30, 200, Duration::hours(1));
    /// Wrong codes at the second step of signing in, per account (only someone who knew the
    /// password gets there).
    pub const SECOND_FACTOR: Limit = Limit {
        max: 5,
        window: Duration::minutes(15),
    };

    /// How often a password may be tried.
    ///
    /// The lock a person meets is keyed on the account *and* the client: five wrong
    /// passwords from one network address lock that address out of that account for a
    /// quarter hour, while the owner signing in from anywhere else is not stopped. Guessing
    /// spread over many addresses meets the account's own, wider limit instead, which in turn
    /// never holds a browser that signed in to the account before ([`KNOWN_DEVICE_COOKIE`]).
    #[derive(Clone, Copy, Debug)]
    pub struct SignIn {
        /// Tries from one network address, whatever the account.
        pub per_client: Limit,
        /// Tries for one account from one network address.
        pub per_account_and_client: Limit,
        /// Tries for one account from everywhere together.
        pub per_account: Limit,
    }

    /// Signing in (and confirming the password before a sensitive change): 30 tries from
    /// one address, 5 for one account from one address a quarter hour, and 100 for one
    /// account from all addresses an hour (not counting browsers it signed in from before).
    pub const LOG_IN: SignIn = SignIn {
        per_client: Limit {
            max: 30,
            window: Duration::minutes(15),
        },
        per_account_and_client: Limit {
            max: 5,
            window: Duration::minutes(15),
        },
        per_account: Limit {
            max: 100,
            window: Duration::hours(1),
        },
    };

    impl SignIn {
        /// The bucket counting tries for `account` from this client.
        fn here(account: &str) -> String {
            format!("login-account:{account}@{}", client_key())
        }

        /// Counts a sign-in try for `account` (an email address, or empty when none was
        /// given) from this client; refused as soon as a limit is passed. A browser that has
        /// signed in to the account before (`known`) is not held by the account's wider
        /// limit, so guesses from many addresses never lock the owner out.
        pub async fn hit(
            &self,
            db: &impl sea_orm::ConnectionTrait,
            account: &str,
            known: bool,
            now: DateTime<Utc>,
        ) -> Result<(), AppError> {
            let bucket = format!("login-ip:{}", client_key());
            hit_all(db, [(bucket, self.per_client)], now).await?;
            self.hit_account(db, account, known, now).await
        }

        /// Counts a try of the password of `account` for the account's two limits (the
        /// wider one left out for a `known` browser). Someone signed in who confirms their
        /// password before a sensitive change is counted here only: the client's limit is
        /// there for guessing across many accounts. Without an address, there is no account
        /// to count for.
        pub async fn hit_account(
            &self,
            db: &impl sea_orm::ConnectionTrait,
            account: &str,
            known: bool,
            now: DateTime<Utc>,
        ) -> Result<(), AppError> {
            if account.is_empty() {
                return Ok(());
            }
            let mut buckets = vec![(Self::here(account), self.per_account_and_client)];
            if !known {
                buckets.push((format!("login-account:{account}"), self.per_account));
            }
            hit_all(db, buckets, now).await
        }

        /// Forgets this client's tries for `account` once the right password was given.
        pub async fn passed(
            &self,
            db: &impl sea_orm::ConnectionTrait,
            account: &str,
        ) -> Result<(), AppError> {
            rate_limit::clear(db, &Self::here(account)).await?;
            Ok(())
        }
    }
}

#[cfg(feature = "ssr")]
pub(crate) use endings::*;

/// How the account flows end: the audit event, the mails, the commit and the redirect.
#[cfg(feature = "ssr")]
mod endings {
    use crate::{
        domain::email::EmailAddress,
        errors::AppError,
        mail::{self, Template},
        security::token::new_secret,
        store::{StoreResult, audit, people::User, tokens},
    };
    use chrono::{DateTime, Utc};
    use sea_orm::{ConnectionTrait, DatabaseTransaction};
    use tokio::sync::Notify;

    /// Records `event` in the audit log for someone acting on their own account.
    pub(crate) async fn record_own(
        db: &impl ConnectionTrait,
        event: audit::Event,
        user_id: i32,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let id = Some(user_id);
        audit::record(db, event, id, id, None, now).await
    }

    /// Ends a form post whose writes are in `txn`: commits them, wakes the mail sender
    /// (`mail_wakeup`) when the post queued mail, and sends the browser to `next`.
    pub(crate) async fn finish(
        txn: DatabaseTransaction,
        mail_wakeup: Option<&Notify>,
        next: &str,
    ) -> Result<(), AppError> {
        txn.commit().await?;
        if let Some(wakeup) = mail_wakeup {
            mail::ring(wakeup);
        }
        leptos_axum::redirect(next);
        Ok(())
    }

    /// The links mailed to an account's own address, each carrying a single-use token.
    #[derive(Clone, Copy, Debug)]
    pub(crate) enum MailedLink {
        /// Confirms the address given at sign-up.
        VerifyEmail,
        /// Opens the page for choosing a new password.
        ResetPassword,
    }

    /// Creates a single-use token for `user` and queues a mail with the link that carries it.
    pub(crate) async fn mail_token_link(
        db: &impl ConnectionTrait,
        base_url: &str,
        user: &User,
        link: MailedLink,
    ) -> Result<(), AppError> {
        let (purpose, template, path) = match link {
            MailedLink::VerifyEmail => (
                tokens::Purpose::VerifyEmail,
                Template::VerifyEmail,
                "/verify-email",
            ),
            MailedLink::ResetPassword => (
                tokens::Purpose::ResetPassword,
                Template::PasswordReset,
                "/reset-password",
            ),
        };
        let now = Utc::now();
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
        let link = format!("{base_url}{path}?token={secret}");
        queue_link_mail(db, &to, user, template, link).await
    }

    /// Queues the notice that `user`'s password has changed, with the way to reset it should
    /// someone else have changed it.
    pub(crate) async fn mail_password_changed(
        db: &impl ConnectionTrait,
        base_url: &str,
        user: &User,
    ) -> Result<(), AppError> {
        let to = EmailAddress::parse(&user.email).map_err(|_| AppError::Internal)?;
        let link = format!("{base_url}/forgot-password");
        queue_link_mail(db, &to, user, Template::PasswordChanged, link).await
    }

    /// Queues `template` to `to` in `user`'s language, greeting them by name, with `link`.
    pub(crate) async fn queue_link_mail(
        db: &impl ConnectionTrait,
        to: &EmailAddress,
        user: &User,
        template: Template,
        link: String,
    ) -> Result<(), AppError> {
        let values = serde_json::json!({ "name": user.display_name, "link": link });
        mail::queue(
            db,
            to,
            user.language.parse().unwrap_or_default(),
            template,
            values,
        )
        .await?;
        Ok(())
    }
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

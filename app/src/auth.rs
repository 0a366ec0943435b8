//! Who is making the request: the signed-in person as the UI sees them, and (on the server)
//! the session the middleware resolved from the cookie.

use crate::domain::{authz::SecondFactor, language::Language, role::Role};
use serde::{Deserialize, Serialize};

/// The signed-in person, as pages need to know them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    /// Display name.
    pub name: String,
    /// Email address.
    pub email: String,
    /// Preferred language.
    pub language: Language,
    /// Roles held (each once).
    pub roles: Vec<Role>,
    /// Second-factor state of this session.
    pub second_factor: SecondFactor,
}

impl Viewer {
    /// Whether the person holds `role`.
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

#[cfg(feature = "ssr")]
pub use ssr::*;

#[cfg(feature = "ssr")]
mod ssr {
    use super::Viewer;
    use crate::{
        domain::{
            authz::{SecondFactor, Subject},
            role::Role,
        },
        security::{cookie_value, token::hash_secret},
        store::{StoreResult, people::User, sessions},
    };
    use chrono::Utc;
    use sea_orm::DatabaseConnection;

    /// Name of the session cookie.
    pub const SESSION_COOKIE: &str = "igang_session";

    /// A request's resolved session, put in the request extensions by the middleware.
    #[derive(Clone, Debug)]
    pub struct Auth {
        /// The session row's id.
        pub session_id: i32,
        /// The account.
        pub user: User,
        /// Roles with the centre each applies to.
        pub roles: Vec<(Role, Option<i32>)>,
        /// Second-factor state of this session.
        pub second_factor: SecondFactor,
        /// When the person last entered their password or a code in this session.
        pub reauthenticated_at: Option<chrono::DateTime<chrono::Utc>>,
    }

    impl Auth {
        /// The view of this person the UI gets.
        pub fn viewer(&self) -> Viewer {
            let mut roles: Vec<Role> = self.roles.iter().map(|(role, _)| *role).collect();
            roles.sort_by_key(|r| r.as_str());
            roles.dedup();
            Viewer {
                name: self.user.display_name.clone(),
                email: self.user.email.clone(),
                language: self.user.language.parse().unwrap_or_default(),
                roles,
                second_factor: self.second_factor,
            }
        }

        /// The person as the permission rules see them.
        pub fn subject(&self) -> Subject {
            Subject {
                user_id: self.user.id,
                grants: self.roles.clone(),
                second_factor: self.second_factor,
            }
        }
    }

    /// Looks up the session named by the request's cookie.
    pub async fn resolve(
        db: &DatabaseConnection,
        headers: &http::HeaderMap,
    ) -> StoreResult<Option<Auth>> {
        let Some(secret) = cookie_value(headers, SESSION_COOKIE) else {
            return Ok(None);
        };
        let now = Utc::now();
        let Some((session, user, roles)) =
            sessions::find_live(db, &hash_secret(&secret), now).await?
        else {
            return Ok(None);
        };
        let second_factor = match (user.totp_enabled_at, session.second_factor_at) {
            (None, _) => SecondFactor::NotEnrolled,
            (Some(_), None) => SecondFactor::Pending,
            (Some(_), Some(_)) => SecondFactor::Done,
        };
        Ok(Some(Auth {
            session_id: session.id,
            user,
            roles,
            second_factor,
            reauthenticated_at: session.reauthenticated_at,
        }))
    }

    /// The current request's session, if signed in.
    pub fn current() -> Option<Auth> {
        leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Auth>().cloned())
    }

    /// The current request's session if it is fully signed in (not awaiting a code).
    pub fn signed_in() -> Option<Auth> {
        current().filter(|auth| auth.second_factor != SecondFactor::Pending)
    }

    /// `Set-Cookie` value that stores a session secret.
    pub fn session_cookie(secret: &str, secure: bool) -> String {
        let max_age = sessions::ABSOLUTE_LIFETIME.num_seconds();
        crate::security::cookie_header(SESSION_COOKIE, secret, "/", max_age, "Lax", secure)
    }

    /// `Set-Cookie` value that removes the session cookie.
    pub fn clear_session_cookie(secure: bool) -> String {
        crate::security::cookie_header(SESSION_COOKIE, "", "/", 0, "Lax", secure)
    }
}

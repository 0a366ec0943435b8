//! Authenticator-app enrolment and the second step of signing in.

use crate::errors::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the enrolment page shows: the QR code and the key for typing in by hand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotpSetup {
    /// The secret in groups of four, for manual entry.
    pub secret: String,
    /// Width and height of the QR code in SVG units.
    pub qr_size: i32,
    /// The QR code's dark modules as one SVG path.
    pub qr_path: String,
}

/// Creates a new authenticator secret for the signed-in person (not yet active).
///
/// A plain form post comes back to the setup page, which then shows the key.
#[server(endpoint = "two-factor/begin")]
pub async fn begin_totp_enrolment() -> Result<TotpSetup, AppError> {
    use crate::{
        api::context::{require, state},
        domain::authz::Action,
        security::{seal, totp},
        store::people,
    };
    let state = state()?;
    let auth = require(Action::ManageOwnAccount)?;
    if auth.user.totp_enabled_at.is_some() {
        // Replacing a working authenticator is a separate, re-authenticated flow.
        return Err(AppError::Forbidden);
    }
    let secret = totp::new_secret();
    let setup = ssr::setup_of(&secret, &auth.user.email)?;
    people::set_pending_totp(
        &state.db,
        auth.user.id,
        seal::seal(&state.site.secret_key, &secret),
    )
    .await?;
    leptos_axum::redirect("/account/two-factor");
    Ok(setup)
}

/// The key set up but not yet confirmed, for the setup page; `None` when there is none.
pub async fn pending_setup() -> Result<Option<TotpSetup>, AppError> {
    #[cfg(feature = "ssr")]
    {
        use crate::{api::context::state, security::seal};
        let Some(auth) = crate::auth::signed_in() else {
            return Ok(None);
        };
        let (Some(sealed), None) = (&auth.user.totp_secret, auth.user.totp_enabled_at) else {
            return Ok(None);
        };
        let secret =
            seal::open(&state()?.site.secret_key, sealed).map_err(|_| AppError::Internal)?;
        ssr::setup_of(&secret, &auth.user.email).map(Some)
    }
    #[cfg(not(feature = "ssr"))]
    Ok(None)
}

/// The recovery codes made by the confirmation just before, shown once: they come back
/// sealed in a short-lived cookie for this page only, which is cleared as they are read.
pub fn codes_to_show() -> Option<Vec<String>> {
    #[cfg(feature = "ssr")]
    {
        ssr::take_codes()
    }
    #[cfg(not(feature = "ssr"))]
    None
}

/// Confirms the authenticator with a first code; returns the recovery codes, shown once.
#[server(endpoint = "two-factor/confirm")]
pub async fn confirm_totp_enrolment(code: String) -> Result<Vec<String>, AppError> {
    use crate::{
        api::context::{require, state},
        domain::authz::Action,
        errors::Problem,
        security::{seal, token::hash_secret, totp},
        store::{audit, db::begin_write, people, recovery, sessions},
    };
    use chrono::Utc;
    let state = state()?;
    let auth = require(Action::ManageOwnAccount)?;
    let now = Utc::now();
    let sealed = match (&auth.user.totp_secret, auth.user.totp_enabled_at) {
        (Some(sealed), None) => sealed.clone(),
        _ => return Err(AppError::Forbidden),
    };
    let secret = seal::open(&state.site.secret_key, &sealed).map_err(|_| AppError::Internal)?;
    let Some(step) = totp::verify(&secret, &code, now.timestamp().max(0) as u64, None) else {
        return Err(AppError::field("code", Problem::WrongCode));
    };
    let codes = totp::new_recovery_codes();
    let txn = begin_write(&state.db).await?;
    people::enable_totp(&txn, auth.user.id, step as i64, now).await?;
    recovery::replace(
        &txn,
        auth.user.id,
        codes.iter().map(|c| hash_secret(c)).collect(),
    )
    .await?;
    let (secret_cookie, token_hash) = crate::security::token::new_secret();
    sessions::mark_second_factor(&txn, auth.session_id, token_hash, now).await?;
    let id = Some(auth.user.id);
    audit::record(&txn, audit::Event::TwoFactorEnabled, id, id, None, now).await?;
    txn.commit().await?;
    crate::api::context::set_cookie(&crate::auth::session_cookie(
        &secret_cookie,
        state.site.is_https(),
    ));
    // A plain form post comes back to the setup page, which shows the codes once.
    ssr::give_codes(&state, auth.user.id, &codes);
    leptos_axum::redirect("/account/two-factor");
    Ok(codes)
}

/// The second step of signing in: a code from the authenticator, or a recovery code.
#[server(endpoint = "two-factor/verify")]
pub async fn verify_second_factor(code: String, next: Option<String>) -> Result<(), AppError> {
    use crate::{
        api::{
            auth::limits,
            context::{rate_limited, state},
        },
        auth,
        domain::{authz::SecondFactor, redirect::safe_local_path},
        errors::Problem,
        security::{seal, token::hash_secret, totp},
        store::{audit, people, rate_limit, recovery, sessions},
    };
    use chrono::Utc;
    let state = state()?;
    let current = auth::current().ok_or(AppError::Unauthenticated)?;
    if current.second_factor != SecondFactor::Pending {
        return Err(AppError::Forbidden);
    }
    let now = Utc::now();
    let user = &current.user;
    let bucket = format!("second-factor:{}", user.id);
    if let Err(wait) = rate_limit::hit(&state.db, &bucket, limits::SECOND_FACTOR, now).await? {
        return Err(rate_limited(wait));
    }
    let secret = user
        .totp_secret
        .as_deref()
        .and_then(|sealed| seal::open(&state.site.secret_key, sealed).ok())
        .ok_or(AppError::Internal)?;
    let last = user.totp_last_step.and_then(|s| u64::try_from(s).ok());
    let id = Some(user.id);
    let accepted = match totp::verify(&secret, &code, now.timestamp().max(0) as u64, last) {
        Some(step) => people::record_totp_step(&state.db, user.id, step as i64).await?,
        None => {
            let used = recovery::consume(
                &state.db,
                user.id,
                &hash_secret(&totp::normalise_recovery_code(&code)),
                now,
            )
            .await?;
            if used {
                audit::record(&state.db, audit::Event::RecoveryCodeUsed, id, id, None, now).await?;
            }
            used
        }
    };
    if !accepted {
        audit::record(&state.db, audit::Event::TwoFactorFailed, id, id, None, now).await?;
        return Err(AppError::field("code", Problem::WrongCode));
    }
    rate_limit::clear(&state.db, &bucket).await?;
    // A new session secret with the new powers.
    let (secret_cookie, token_hash) = crate::security::token::new_secret();
    sessions::mark_second_factor(&state.db, current.session_id, token_hash, now).await?;
    crate::api::context::set_cookie(&auth::session_cookie(&secret_cookie, state.site.is_https()));
    audit::record(&state.db, audit::Event::TwoFactorPassed, id, id, None, now).await?;
    leptos_axum::redirect(match next.as_deref() {
        Some(path) if !path.is_empty() && !path.starts_with("/login") => {
            safe_local_path(Some(path))
        }
        _ => "/account",
    });
    Ok(())
}

/// Turns the authenticator off (after the current password), so a new one can be set up.
/// Staff must set up the new one before their staff powers return.
#[server(endpoint = "two-factor/reset")]
pub async fn reset_two_factor(current_password: String) -> Result<(), AppError> {
    use crate::{
        api::{
            account::confirm_password,
            context::{require, state},
        },
        domain::authz::Action,
        store::{audit, db::begin_write, people, recovery, sessions},
    };
    let state = state()?;
    let auth = require(Action::ManageOwnAccount)?;
    confirm_password(&state, &auth, current_password).await?;
    let txn = begin_write(&state.db).await?;
    // Sessions waiting for a code would otherwise count as fully signed in once the
    // authenticator is gone: end every session but this one.
    sessions::delete_all_for_user(&txn, auth.user.id, Some(auth.session_id)).await?;
    people::clear_totp(&txn, auth.user.id).await?;
    recovery::replace(&txn, auth.user.id, Vec::new()).await?;
    let id = Some(auth.user.id);
    audit::record(
        &txn,
        audit::Event::TwoFactorDisabled,
        id,
        id,
        None,
        chrono::Utc::now(),
    )
    .await?;
    txn.commit().await?;
    leptos_axum::redirect("/account/two-factor");
    Ok(())
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::TotpSetup;
    use crate::{
        api::context::{set_cookie, state},
        errors::AppError,
        security::{cookie_header, cookie_value, seal, totp},
        state::AppState,
    };

    /// The cookie that carries freshly made recovery codes, sealed, to the setup page.
    const CODES_COOKIE: &str = "igang_recovery_codes";
    const CODES_PATH: &str = "/account/two-factor";

    /// The QR code and the grouped key for `secret`.
    pub fn setup_of(secret: &str, email: &str) -> Result<TotpSetup, AppError> {
        let url = totp::otpauth_url(secret, email).ok_or(AppError::Internal)?;
        let (qr_size, qr_path) = totp::qr_svg_path(&url).ok_or(AppError::Internal)?;
        let grouped = secret
            .as_bytes()
            .chunks(4)
            .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
            .collect::<Vec<_>>()
            .join(" ");
        Ok(TotpSetup {
            secret: grouped,
            qr_size,
            qr_path,
        })
    }

    fn cookie(state: &AppState, value: &str, max_age: i64) -> String {
        cookie_header(
            CODES_COOKIE,
            value,
            CODES_PATH,
            max_age,
            "Strict",
            state.site.is_https(),
        )
    }

    /// Hands `codes` to the next view of the setup page by person `user`.
    pub fn give_codes(state: &AppState, user: i32, codes: &[String]) {
        let sealed = seal::seal(
            &state.site.secret_key,
            &format!("{user} {}", codes.join(" ")),
        );
        set_cookie(&cookie(state, &sealed, 600));
    }

    /// The codes handed to this person, if any; the cookie is cleared.
    pub fn take_codes() -> Option<Vec<String>> {
        let parts = leptos::prelude::use_context::<http::request::Parts>()?;
        let sealed = cookie_value(&parts.headers, CODES_COOKIE)?;
        let state = state().ok()?;
        set_cookie(&cookie(&state, "", 0));
        let auth = crate::auth::signed_in()?;
        let opened = seal::open(&state.site.secret_key, &sealed).ok()?;
        let mut words = opened.split(' ');
        (words.next()? == auth.user.id.to_string()).then(|| words.map(str::to_owned).collect())
    }
}

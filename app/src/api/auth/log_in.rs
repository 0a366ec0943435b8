use crate::errors::AppError;
use leptos::prelude::*;

/// Whether this request comes from a browser that signed in to `account` before.
#[cfg(feature = "ssr")]
fn known_device(key: &[u8; 32], account: &str) -> bool {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| {
            crate::security::cookie_value(&parts.headers, super::limits::KNOWN_DEVICE_COOKIE)
        })
        .is_some_and(|mark| crate::security::token::is_device_mark(key, account, &mark))
}

/// Signs in with email and password, starting a fresh session.
#[server(endpoint = "auth/log-in")]
pub async fn log_in(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use super::{MailedLink, limits::LOG_IN, mail_token_link, record_own};
    use crate::{
        api::context::{set_cookie, state},
        auth,
        domain::{authz::is_staff, email::EmailAddress, redirect::safe_local_path},
        mail,
        security::{password::verify_password_bounded, token::new_secret},
        store::{audit, people, sessions},
    };
    use chrono::Utc;

    let state = state()?;
    let now = Utc::now();
    let email = EmailAddress::parse(&email).ok();
    let account = email.as_ref().map_or("", |e| e.as_str());
    let known = known_device(&state.site.secret_key, account);
    LOG_IN.hit(&state.db, account, known, now).await?;
    let user = match &email {
        Some(email) => people::find_by_email(&state.db, email).await?,
        None => None,
    };
    // Unknown accounts are checked against a stand-in hash: same answer, same time.
    let stored = user.as_ref().and_then(|u| u.password_hash.clone());
    if !verify_password_bounded(password, stored).await {
        let subject = user.as_ref().map(|u| u.id);
        audit::record(
            &state.db,
            audit::Event::LoginFailed,
            None,
            subject,
            None,
            now,
        )
        .await?;
        return Err(AppError::InvalidCredentials);
    }
    let Some(user) = user else {
        return Err(AppError::InvalidCredentials);
    };
    if user.email_verified_at.is_none() {
        // They proved the password; send a fresh link rather than leave them stuck.
        let base = &state.site.base_url;
        mail_token_link(&state.db, base, &user, MailedLink::VerifyEmail).await?;
        mail::ring(&state.mail_wakeup);
        return Err(AppError::EmailNotVerified);
    }

    LOG_IN.passed(&state.db, account).await?;
    // A new session id at every sign-in: a planted cookie never becomes a signed-in one.
    if let Some(previous) = auth::current() {
        sessions::delete(&state.db, previous.session_id).await?;
    }
    let (secret, token_hash) = new_secret();
    let has_totp = user.totp_enabled_at.is_some();
    sessions::create(&state.db, user.id, token_hash, false, now).await?;
    set_cookie(&auth::session_cookie(&secret, state.site.is_https()));
    // The browser is one this account uses: guesses elsewhere never lock it out.
    set_cookie(&crate::security::cookie_header(
        super::limits::KNOWN_DEVICE_COOKIE,
        &crate::security::token::device_mark(&state.site.secret_key, account),
        "/api/auth",
        365 * 24 * 3600,
        "Strict",
        state.site.is_https(),
    ));
    record_own(&state.db, audit::Event::LoggedIn, user.id, now).await?;
    let target = match next.as_deref() {
        Some(path)
            if path.is_empty() || path.starts_with("/login") || path.starts_with("/signup") =>
        {
            "/account"
        }
        Some(path) => safe_local_path(Some(path)),
        None => "/account",
    };
    let roles = people::roles_of(&state.db, user.id).await?;
    if has_totp {
        let next = crate::domain::redirect::query_encode(target);
        leptos_axum::redirect(&format!("/login/two-factor?next={next}"));
    } else if is_staff(roles.iter().map(|(role, _)| *role)) {
        // Staff set up an authenticator before anything else.
        leptos_axum::redirect("/account/two-factor");
    } else {
        leptos_axum::redirect(target);
    }
    Ok(())
}

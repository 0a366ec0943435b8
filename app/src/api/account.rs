//! The signed-in person's own account: profile, password, address, deletion.

use crate::errors::AppError;
use leptos::prelude::*;

/// Checks the current password of the signed-in person before a sensitive change.
#[cfg(feature = "ssr")]
pub(crate) async fn confirm_password(
    state: &crate::state::AppState,
    auth: &crate::auth::Auth,
    password: String,
) -> Result<(), AppError> {
    use crate::{
        api::auth::limits::LOG_IN, errors::Problem, security::password::verify_password_bounded,
        store::sessions,
    };
    let now = chrono::Utc::now();
    let account = auth.user.email.as_str();
    // Signed in here, the browser is the account's own: only its own limit counts.
    LOG_IN.hit_account(&state.db, account, true, now).await?;
    if !verify_password_bounded(password, auth.user.password_hash.clone()).await {
        return Err(AppError::field("current_password", Problem::WrongPassword));
    }
    LOG_IN.passed(&state.db, account).await?;
    sessions::mark_reauthenticated(&state.db, auth.session_id, now).await?;
    Ok(())
}

/// Gives the password again, for the actions that ask for it within the last half hour, then
/// goes back to the page that asked (`next`, a path of this site).
#[server(endpoint = "account/confirm-password")]
pub async fn confirm_password_again(
    current_password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        api::context::{require, state},
        domain::{authz::Action, redirect::safe_local_path},
    };
    let state = state()?;
    let auth = require(Action::ManageOwnAccount)?;
    confirm_password(&state, &auth, current_password).await?;
    let next = match next.as_deref() {
        Some(path) if !path.is_empty() && !path.starts_with("/account/confirm") => path,
        _ => "/account",
    };
    leptos_axum::redirect(safe_local_path(Some(next)));
    Ok(())
}

/// Changes name and preferred language.
#[server(endpoint = "account/profile")]
pub async fn update_profile(name: String, language: String) -> Result<(), AppError> {
    use crate::{
        api::{
            auth::{record_own, validate},
            context::{require, state},
        },
        domain::{authz::Action, language::Language},
        errors::Problem,
        store::{audit, people},
    };
    let state = state()?;
    let auth = require(Action::ManageOwnAccount)?;
    let mut errors = Vec::new();
    let name = validate::name(&name, &mut errors);
    let language = language.parse::<Language>();
    if language.is_err() {
        errors.push(crate::errors::FieldError {
            field: "language".into(),
            problem: Problem::UnknownLanguage,
        });
    }
    let (Ok(language), true) = (language, errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    people::update_profile(&state.db, auth.user.id, &name, language).await?;
    let now = chrono::Utc::now();
    record_own(&state.db, audit::Event::ProfileChanged, auth.user.id, now).await?;
    leptos_axum::redirect("/account?saved=profile");
    Ok(())
}

/// Changes the password; other sessions end, this one stays.
#[server(endpoint = "account/password")]
pub async fn change_password(current_password: String, password: String) -> Result<(), AppError> {
    use crate::{
        api::{
            auth::{finish, mail_password_changed, record_own, validate},
            context::{require, state},
        },
        domain::authz::Action,
        security::password::hash_password_bounded,
        store::{audit, db::begin_write, people, sessions},
    };
    let state = state()?;
    let auth = require(Action::ManageOwnAccount)?;
    let mut errors = Vec::new();
    validate::new_password(
        &password,
        &[&auth.user.email, &auth.user.display_name],
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    confirm_password(&state, &auth, current_password).await?;
    let hash = hash_password_bounded(password).await.map_err(|error| {
        tracing::error!(%error, "hashing failed");
        AppError::Internal
    })?;
    let now = chrono::Utc::now();
    let txn = begin_write(&state.db).await?;
    people::set_password_hash(&txn, auth.user.id, hash, now).await?;
    sessions::delete_all_for_user(&txn, auth.user.id, Some(auth.session_id)).await?;
    crate::store::tokens::void_all_for_user(&txn, auth.user.id, now).await?;
    mail_password_changed(&txn, &state.site.base_url, &auth.user).await?;
    record_own(&txn, audit::Event::PasswordChanged, auth.user.id, now).await?;
    finish(txn, Some(&state.mail_wakeup), "/account?saved=password").await
}

/// Mails a confirmation link to a new address; the account moves when it is opened.
#[server(endpoint = "account/email")]
pub async fn request_email_change(
    new_email: String,
    current_password: String,
) -> Result<(), AppError> {
    use crate::{
        api::{
            auth::{queue_link_mail, validate},
            context::{require, state},
        },
        domain::authz::Action,
        mail::{self, Template},
        security::token::new_secret,
        store::{people, tokens},
    };
    let state = state()?;
    let auth = require(Action::ManageOwnAccount)?;
    let mut errors = Vec::new();
    let Some(email) = validate::email(&new_email, "new_email", &mut errors) else {
        return Err(AppError::Invalid(errors));
    };
    confirm_password(&state, &auth, current_password).await?;
    let now = chrono::Utc::now();
    // An address that belongs to someone else gets no mail and the same answer.
    if people::find_by_email(&state.db, &email).await?.is_none() {
        tokens::void_for_user(&state.db, auth.user.id, tokens::Purpose::ChangeEmail, now).await?;
        let (secret, token_hash) = new_secret();
        tokens::create(
            &state.db,
            tokens::NewToken {
                token_hash,
                purpose: tokens::Purpose::ChangeEmail,
                user_id: Some(auth.user.id),
                email: Some(email.as_str().to_owned()),
                payload: None,
            },
            now,
        )
        .await?;
        let base = &state.site.base_url;
        let link = format!("{base}/confirm-email-change?token={secret}");
        queue_link_mail(&state.db, &email, &auth.user, Template::VerifyEmail, link).await?;
        mail::ring(&state.mail_wakeup);
    }
    leptos_axum::redirect("/account?saved=email-sent");
    Ok(())
}

/// Moves the account to the address the link was sent to.
#[server(endpoint = "account/confirm-email")]
pub async fn confirm_email_change(token: String) -> Result<(), AppError> {
    use crate::{
        api::{
            auth::{finish, record_own},
            context::state,
        },
        domain::email::EmailAddress,
        security::token::hash_secret,
        store::{StoreError, audit, db::begin_write, people, tokens},
    };
    let state = state()?;
    let now = chrono::Utc::now();
    let txn = begin_write(&state.db).await?;
    let found = tokens::find_valid(
        &txn,
        &hash_secret(token.trim()),
        tokens::Purpose::ChangeEmail,
        now,
    )
    .await?
    .ok_or(AppError::LinkInvalid)?;
    let (Some(user_id), Some(email)) = (found.user_id, found.email.as_deref()) else {
        return Err(AppError::LinkInvalid);
    };
    let email = EmailAddress::parse(email).map_err(|_| AppError::LinkInvalid)?;
    if !tokens::consume(&txn, found.id, now).await? {
        return Err(AppError::LinkInvalid);
    }
    let before = people::find_by_id(&txn, user_id)
        .await?
        .ok_or(AppError::LinkInvalid)?;
    match people::set_email(&txn, user_id, &email, now).await {
        Ok(()) => {}
        Err(StoreError::Conflict(_)) => return Err(AppError::LinkInvalid),
        Err(other) => return Err(other.into()),
    }
    // Links sent to the old address, and sessions elsewhere, end with the move.
    tokens::void_all_for_user(&txn, user_id, now).await?;
    let keep = crate::auth::signed_in()
        .filter(|a| a.user.id == user_id)
        .map(|a| a.session_id);
    crate::store::sessions::delete_all_for_user(&txn, user_id, keep).await?;
    record_own(&txn, audit::Event::EmailChanged, user_id, now).await?;
    // The old address is told, so a taken-over account does not move unnoticed.
    if let Ok(old) = EmailAddress::parse(&before.email) {
        crate::mail::queue(
            &txn,
            &old,
            before.language.parse().unwrap_or_default(),
            crate::mail::Template::EmailChanged,
            serde_json::json!({
                "name": before.display_name,
                "address": email.masked(),
                "link": format!("{}/privacy", state.site.base_url),
            }),
        )
        .await?;
    }
    finish(txn, Some(&state.mail_wakeup), "/account?saved=email").await
}

/// Removes the signed-in person's account for good: everything about them is deleted, and
/// what counts in the figures stays without them.
#[server(endpoint = "account/delete")]
pub async fn delete_account(
    current_password: String,
    confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        api::{
            auth::record_own,
            context::{require, set_cookie, state},
        },
        auth,
        domain::{authz::Action, role::Role},
        errors::Problem,
        store::{audit, db::begin_write, erasure, people},
    };
    let state = state()?;
    let current = require(Action::ManageOwnAccount)?;
    if confirm.as_deref() != Some("yes") {
        return Err(AppError::field("confirm", Problem::MustConfirm));
    }
    confirm_password(&state, &current, current_password).await?;
    let is_admin = current.roles.iter().any(|(role, _)| *role == Role::Admin);
    if is_admin && people::count_with_role(&state.db, Role::Admin).await? <= 1 {
        // Someone must remain who can run the platform.
        return Err(AppError::Forbidden);
    }
    let txn = begin_write(&state.db).await?;
    // Recorded with the emptied account's id: the event says an account was removed, not whose.
    let now = chrono::Utc::now();
    record_own(&txn, audit::Event::AccountDeleted, current.user.id, now).await?;
    // Their seats at workshops to come go to those waiting.
    let moved_up = crate::api::workshops::ssr::give_up_places(
        &txn,
        &state.site.base_url,
        current.user.id,
        now,
    )
    .await?;
    erasure::erase(&txn, current.user.id, now).await?;
    txn.commit().await?;
    if moved_up {
        crate::mail::ring(&state.mail_wakeup);
    }
    set_cookie(&auth::clear_session_cookie(state.site.is_https()));
    leptos_axum::redirect("/?deleted=1");
    Ok(())
}

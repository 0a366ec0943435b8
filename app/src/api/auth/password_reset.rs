use crate::errors::AppError;
use leptos::prelude::*;

/// Mails a reset link if the address has an account; answers the same either way.
#[server(endpoint = "auth/request-password-reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    use super::{MailedLink, finish, limits::RESET, mail_token_link, validate};
    use crate::{
        api::context::state,
        store::{audit, people},
    };
    use chrono::Utc;

    let state = state()?;
    let mut errors = Vec::new();
    let Some(email) = validate::email(&email, "email", &mut errors) else {
        return Err(AppError::Invalid(errors));
    };
    let now = Utc::now();
    RESET.hit(&state.db, email.as_str(), now).await?;
    let txn = crate::store::db::begin_write(&state.db).await?;
    if let Some(user) = people::find_by_email(&txn, &email).await? {
        let base = &state.site.base_url;
        mail_token_link(&txn, base, &user, MailedLink::ResetPassword).await?;
        audit::record(
            &txn,
            audit::Event::PasswordResetRequested,
            None,
            Some(user.id),
            None,
            now,
        )
        .await?;
    }
    finish(txn, Some(&state.mail_wakeup), "/forgot-password/sent").await
}

/// Sets a new password through a reset link; ends every session of the account.
#[server(endpoint = "auth/reset-password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use super::{finish, mail_password_changed, record_own, validate};
    use crate::{
        api::context::state,
        security::{password::hash_password_bounded, token::hash_secret},
        store::{audit, people, sessions, tokens},
    };
    use chrono::Utc;

    let state = state()?;
    let now = Utc::now();
    let token_hash = hash_secret(token.trim());
    let found = tokens::find_valid(&state.db, &token_hash, tokens::Purpose::ResetPassword, now)
        .await?
        .ok_or(AppError::LinkInvalid)?;
    let user = match found.user_id {
        Some(id) => people::find_by_id(&state.db, id).await?,
        None => None,
    }
    .ok_or(AppError::LinkInvalid)?;
    let mut errors = Vec::new();
    validate::new_password(&password, &[&user.email, &user.display_name], &mut errors);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let hash = hash_password_bounded(password).await.map_err(|error| {
        tracing::error!(%error, "hashing failed");
        AppError::Internal
    })?;

    let txn = crate::store::db::begin_write(&state.db).await?;
    if !tokens::consume(&txn, found.id, now).await? {
        return Err(AppError::LinkInvalid);
    }
    people::set_password_hash(&txn, user.id, hash, now).await?;
    // Links sent before (address change, other resets) must not outlive the new password.
    tokens::void_all_for_user(&txn, user.id, now).await?;
    // Opening the link proved the mailbox is theirs.
    people::mark_email_verified(&txn, user.id, now).await?;
    sessions::delete_all_for_user(&txn, user.id, None).await?;
    mail_password_changed(&txn, &state.site.base_url, &user).await?;
    record_own(&txn, audit::Event::PasswordReset, user.id, now).await?;
    finish(txn, Some(&state.mail_wakeup), "/login?reset=1").await
}

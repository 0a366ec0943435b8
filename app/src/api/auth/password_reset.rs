use crate::errors::AppError;
use leptos::prelude::*;

/// Mails a reset link if the address has an account; answers the same either way.
#[server(endpoint = "auth/request-password-reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    use super::{limits, validate};
    use crate::{
        api::context::{client_ip, rate_limited, state},
        mail::{self, Template},
        store::{audit, people, rate_limit, tokens},
    };
    use chrono::Utc;

    let state = state()?;
    let mut errors = Vec::new();
    let Some(email) = validate::email(&email, "email", &mut errors) else {
        return Err(AppError::Invalid(errors));
    };
    let now = Utc::now();
    for (bucket, limit) in [
        (format!("reset-ip:{}", client_ip()), limits::RESET_PER_IP),
        (format!("reset-account:{email}"), limits::RESET_PER_ACCOUNT),
    ] {
        if let Err(wait) = rate_limit::hit(&state.db, &bucket, limit, now).await? {
            return Err(rate_limited(wait));
        }
    }
    let txn = crate::store::db::begin_write(&state.db).await?;
    if let Some(user) = people::find_by_email(&txn, &email).await? {
        super::mail_token_link(
            &txn,
            &state.site.base_url,
            &user,
            tokens::Purpose::ResetPassword,
            Template::PasswordReset,
            "/reset-password",
        )
        .await?;
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
    txn.commit().await?;
    mail::ring(&state.mail_wakeup);
    leptos_axum::redirect("/forgot-password/sent");
    Ok(())
}

/// Sets a new password through a reset link; ends every session of the account.
#[server(endpoint = "auth/reset-password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use super::validate;
    use crate::{
        api::context::state,
        domain::email::EmailAddress,
        mail::{self, Template},
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
    let to = EmailAddress::parse(&user.email).map_err(|_| AppError::Internal)?;
    mail::queue(
        &txn,
        &to,
        user.language.parse().unwrap_or_default(),
        Template::PasswordChanged,
        serde_json::json!({
            "name": user.display_name,
            "link": format!("{}/forgot-password", state.site.base_url),
        }),
    )
    .await?;
    audit::record(
        &txn,
        audit::Event::PasswordReset,
        Some(user.id),
        Some(user.id),
        None,
        now,
    )
    .await?;
    txn.commit().await?;
    mail::ring(&state.mail_wakeup);
    leptos_axum::redirect("/login?reset=1");
    Ok(())
}

use crate::errors::AppError;
use leptos::prelude::*;

/// Creates a volunteer account and mails a confirmation link.
///
/// Answers the same whether or not the address already has an account (the owner of an
/// existing one gets a mail saying so), so the form cannot be used to find out who is here.
#[server(endpoint = "auth/sign-up")]
pub async fn sign_up(
    name: String,
    email: String,
    password: String,
    language: String,
) -> Result<(), AppError> {
    use super::{MailedLink, finish, limits::SIGN_UP, mail_token_link, record_own, validate};
    use crate::{
        api::context::state,
        domain::{language::Language, role::Role},
        errors::{FieldError, Problem},
        mail::{self, Template},
        security::password::hash_password_bounded,
        store::{audit, people},
    };
    use chrono::Utc;

    let state = state()?;
    let mut errors = Vec::new();
    let name = validate::name(&name, &mut errors);
    let email = validate::email(&email, "email", &mut errors);
    validate::new_password(
        &password,
        &[email.as_ref().map_or("", |e| e.as_str()), &name],
        &mut errors,
    );
    let language = language.parse::<Language>().unwrap_or_else(|_| {
        errors.push(FieldError {
            field: "language".into(),
            problem: Problem::UnknownLanguage,
        });
        Language::Da
    });
    let (Some(email), true) = (email, errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };

    let now = Utc::now();
    SIGN_UP.hit(&state.db, email.as_str(), now).await?;

    // Hash in every case, so an existing address takes as long as a new one.
    let hash = hash_password_bounded(password).await.map_err(|error| {
        tracing::error!(%error, "hashing failed");
        AppError::Internal
    })?;

    let base = &state.site.base_url;
    let txn = crate::store::db::begin_write(&state.db).await?;
    if let Some(existing) = people::find_by_email(&txn, &email).await? {
        let language = existing.language.parse().unwrap_or(language);
        mail::queue(
            &txn,
            &email,
            language,
            Template::AccountExists,
            serde_json::json!({ "name": existing.display_name, "link": format!("{base}/forgot-password") }),
        )
        .await?;
    } else {
        let user = people::create_user(
            &txn,
            people::NewUser {
                email: email.clone(),
                display_name: name.clone(),
                language,
                password_hash: Some(hash),
                email_verified: false,
            },
            now,
        )
        .await?;
        people::grant_role(&txn, user.id, Role::Volunteer, None).await?;
        mail_token_link(&txn, base, &user, MailedLink::VerifyEmail).await?;
        record_own(&txn, audit::Event::SignedUp, user.id, now).await?;
    }
    finish(txn, Some(&state.mail_wakeup), "/signup/check-email").await
}

/// Confirms the address behind a sign-up link. A POST (from the page the link opens),
/// so mail scanners that fetch links cannot confirm on the person's behalf.
#[server(endpoint = "auth/confirm-email")]
pub async fn confirm_email(token: String) -> Result<(), AppError> {
    use super::{finish, record_own};
    use crate::{
        api::context::state,
        security::token::hash_secret,
        store::{audit, people, tokens},
    };
    use chrono::Utc;

    let state = state()?;
    let now = Utc::now();
    let txn = crate::store::db::begin_write(&state.db).await?;
    let Some(found) = tokens::find_valid(
        &txn,
        &hash_secret(token.trim()),
        tokens::Purpose::VerifyEmail,
        now,
    )
    .await?
    else {
        return Err(AppError::LinkInvalid);
    };
    let Some(user_id) = found.user_id else {
        return Err(AppError::LinkInvalid);
    };
    if !tokens::consume(&txn, found.id, now).await? {
        return Err(AppError::LinkInvalid);
    }
    people::mark_email_verified(&txn, user_id, now).await?;
    record_own(&txn, audit::Event::EmailVerified, user_id, now).await?;
    finish(txn, None, "/login?verified=1").await
}

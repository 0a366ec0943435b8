use crate::errors::AppError;
use leptos::prelude::*;

/// What an invitation grants, kept with its token.
#[cfg(feature = "ssr")]
#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct Grant {
    pub(super) role: String,
    pub(super) centre_id: Option<i32>,
}

/// The invitation whose link carries `token`, while it can still be used, and the address it
/// was sent to; `LinkInvalid` otherwise.
#[cfg(feature = "ssr")]
async fn usable_invitation(
    db: &impl sea_orm::ConnectionTrait,
    token: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<
    (
        crate::store::tokens::OneTimeToken,
        crate::domain::email::EmailAddress,
    ),
    AppError,
> {
    use crate::{domain::email::EmailAddress, security::token::hash_secret, store::tokens};
    let found = tokens::find_valid(
        db,
        &hash_secret(token.trim()),
        tokens::Purpose::Invitation,
        now,
    )
    .await?
    .ok_or(AppError::LinkInvalid)?;
    let email = found
        .email
        .as_deref()
        .and_then(|e| EmailAddress::parse(e).ok())
        .ok_or(AppError::LinkInvalid)?;
    Ok((found, email))
}

/// Invitations one person may send an hour.
#[cfg(feature = "ssr")]
const INVITES_PER_INVITER: crate::store::rate_limit::Limit = crate::store::rate_limit::Limit {
    max: 30,
    window: chrono::Duration::hours(1),
};

/// Invitations one person may send one address a day (withdrawn ones count too).
#[cfg(feature = "ssr")]
const INVITES_PER_ADDRESS: crate::store::rate_limit::Limit = crate::store::rate_limit::Limit {
    max: 3,
    window: chrono::Duration::days(1),
};

/// Whether `subject` may see and manage invitations granting `grant`: administrators every
/// one, coordinators those to their own centre.
#[cfg(feature = "ssr")]
pub(super) fn may_manage(subject: &crate::domain::authz::Subject, grant: &Grant) -> bool {
    use crate::domain::authz::{Action, allows};
    allows(Some(subject), Action::ManageUsers)
        || grant
            .centre_id
            .is_some_and(|centre_id| allows(Some(subject), Action::InviteCoordinator { centre_id }))
}

/// Whether the signed-in person may send any invitation at all: administrators, and
/// coordinators of a centre they may invite to.
#[cfg(feature = "ssr")]
pub(super) fn may_invite_anyone(auth: &crate::auth::Auth) -> bool {
    use crate::domain::{
        authz::{Action, allows},
        role::Role,
    };
    let subject = auth.subject();
    allows(Some(&subject), Action::ManageUsers)
        || auth.roles.iter().any(|(role, centre)| {
            *role == Role::Coordinator
                && centre.is_some_and(|centre_id| {
                    allows(Some(&subject), Action::InviteCoordinator { centre_id })
                })
        })
}

/// Invites someone by email to be a coordinator of a centre, or a trainer.
#[server(endpoint = "admin/invite")]
pub async fn invite(email: String, role: String, centre: Option<String>) -> Result<(), AppError> {
    use crate::{
        api::{
            auth::{limits::hit_all, validate},
            context::{require, require_recent_password, state},
        },
        domain::{
            authz::{Action, allows},
            role::Role,
        },
        errors::Problem,
        mail::{self, Template},
        security::token::new_secret,
        store::{audit, centres, people, tokens},
    };
    let state = state()?;
    let inviter = require(Action::ManageOwnAccount)?;
    let mut errors = Vec::new();
    let Some(email) = validate::email(&email, "email", &mut errors) else {
        return Err(AppError::Invalid(errors));
    };
    let (role, centre) = match role.parse::<Role>() {
        Ok(Role::Coordinator) => {
            let centre = match centre.as_deref().filter(|c| !c.is_empty()) {
                Some(id) => centres::find_by_public_id(&state.db, id).await?,
                None => None,
            }
            .ok_or(AppError::field("centre", Problem::Required))?;
            if !allows(
                Some(&inviter.subject()),
                Action::InviteCoordinator {
                    centre_id: centre.id,
                },
            ) {
                return Err(AppError::Forbidden);
            }
            (Role::Coordinator, Some(centre))
        }
        Ok(Role::Trainer) => {
            if !allows(Some(&inviter.subject()), Action::ManageUsers) {
                return Err(AppError::Forbidden);
            }
            (Role::Trainer, None)
        }
        _ => return Err(AppError::field("role", Problem::Required)),
    };
    require_recent_password(&inviter)?;
    let now = chrono::Utc::now();
    let buckets = [
        (
            format!("invite-by:{}", inviter.user.id),
            INVITES_PER_INVITER,
        ),
        (
            format!("invite-to:{}:{}", inviter.user.id, email.as_str()),
            INVITES_PER_ADDRESS,
        ),
    ];
    hit_all(&state.db, buckets, now).await?;
    let existing = people::find_by_email(&state.db, &email).await?;
    let (secret, token_hash) = new_secret();
    let grant = Grant {
        role: role.as_str().into(),
        centre_id: centre.as_ref().map(|c| c.id),
    };
    tokens::create(
        &state.db,
        tokens::NewToken {
            token_hash,
            purpose: tokens::Purpose::Invitation,
            user_id: existing.as_ref().map(|u| u.id),
            email: Some(email.as_str().to_owned()),
            payload: serde_json::to_string(&grant).ok(),
        },
        now,
    )
    .await?;
    let language = existing
        .as_ref()
        .and_then(|u| u.language.parse().ok())
        .unwrap_or(inviter.user.language.parse().unwrap_or_default());
    mail::queue(
        &state.db,
        &email,
        language,
        Template::Invitation,
        serde_json::json!({
            "inviter": inviter.user.display_name,
            "role": role.as_str(),
            "centre": centre.as_ref().map(|c| c.name.clone()).unwrap_or_default(),
            "link": format!("{}/invitation?token={secret}", state.site.base_url),
        }),
    )
    .await?;
    mail::ring(&state.mail_wakeup);
    let detail = format!("invited {} as {}", email, role.as_str());
    audit::record(
        &state.db,
        audit::Event::Invited,
        Some(inviter.user.id),
        existing.map(|u| u.id),
        Some(detail),
        now,
    )
    .await?;
    leptos_axum::redirect("/admin/invitations?sent=1");
    Ok(())
}

/// Accepts an invitation: attaches the role to the invited address's account, creating it
/// (with the given name and password) if there is none yet.
#[server(endpoint = "admin/accept-invitation")]
pub async fn accept_invitation(
    token: String,
    name: Option<String>,
    password: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        api::{auth::validate, context::state},
        domain::{language::Language, role::Role},
        security::password::hash_password_bounded,
        store::{audit, db::begin_write, people, sessions, tokens},
    };
    let state = state()?;
    let now = chrono::Utc::now();
    let (found, email) = usable_invitation(&state.db, &token, now).await?;
    let grant: Grant = found
        .payload
        .as_deref()
        .and_then(|p| serde_json::from_str(p).ok())
        .ok_or(AppError::LinkInvalid)?;
    let role: Role = grant.role.parse().map_err(|_| AppError::LinkInvalid)?;
    // An unconfirmed account may have been made by someone else with this address: the
    // invited person sets the password now, replacing whatever was there.
    let existing = people::find_by_email(&state.db, &email).await?;
    let confirmed = existing.as_ref().filter(|u| u.email_verified_at.is_some());
    let new_account = match confirmed {
        Some(_) => None,
        None => {
            let mut errors = Vec::new();
            let name = validate::name(name.as_deref().unwrap_or_default(), &mut errors);
            let password = password.unwrap_or_default();
            validate::new_password(&password, &[email.as_str(), &name], &mut errors);
            if !errors.is_empty() {
                return Err(AppError::Invalid(errors));
            }
            let hash = hash_password_bounded(password)
                .await
                .map_err(|_| AppError::Internal)?;
            Some((name, hash))
        }
    };
    let txn = begin_write(&state.db).await?;
    if !tokens::consume(&txn, found.id, now).await? {
        return Err(AppError::LinkInvalid);
    }
    let user_id = match (existing, new_account) {
        (Some(user), None) => user.id,
        (Some(user), Some((name, hash))) => {
            people::set_password_hash(&txn, user.id, hash, now).await?;
            people::update_profile(
                &txn,
                user.id,
                &name,
                user.language.parse().unwrap_or_default(),
            )
            .await?;
            people::mark_email_verified(&txn, user.id, now).await?;
            sessions::delete_all_for_user(&txn, user.id, None).await?;
            tokens::void_all_for_user(&txn, user.id, now).await?;
            user.id
        }
        (None, Some((name, hash))) => {
            let user = people::create_user(
                &txn,
                people::NewUser {
                    email: email.clone(),
                    display_name: name,
                    language: Language::Da,
                    password_hash: Some(hash),
                    // The link reached this mailbox.
                    email_verified: true,
                },
                now,
            )
            .await?;
            people::grant_role(&txn, user.id, Role::Volunteer, None).await?;
            user.id
        }
        (None, None) => return Err(AppError::Internal),
    };
    people::grant_role(&txn, user_id, role, grant.centre_id).await?;
    audit::record(
        &txn,
        audit::Event::RoleChanged,
        Some(user_id),
        Some(user_id),
        Some(format!("accepted invitation as {}", role.as_str())),
        now,
    )
    .await?;
    txn.commit().await?;
    leptos_axum::redirect("/login?invited=1");
    Ok(())
}

/// Withdraws an invitation nobody has used yet: its link stops working at once. Open to
/// whoever may send such an invitation.
#[server(endpoint = "admin/withdraw-invitation")]
pub async fn withdraw_invitation(invitation: i32) -> Result<(), AppError> {
    use crate::{
        api::context::{require, state},
        domain::authz::Action,
        store::{audit, db::begin_write, tokens},
    };
    let state = state()?;
    let auth = require(Action::ManageOwnAccount)?;
    if !may_invite_anyone(&auth) {
        return Err(AppError::Forbidden);
    }
    let now = chrono::Utc::now();
    let txn = begin_write(&state.db).await?;
    let found = tokens::find_open(&txn, invitation, tokens::Purpose::Invitation, now)
        .await?
        .ok_or(AppError::NotFound)?;
    let grant: Option<Grant> = found
        .payload
        .as_deref()
        .and_then(|p| serde_json::from_str(p).ok());
    if !grant.is_some_and(|g| may_manage(&auth.subject(), &g)) {
        // Someone else's invitation is not there, as far as this person can tell.
        return Err(AppError::NotFound);
    }
    if !tokens::delete_unused(&txn, found.id).await? {
        return Err(AppError::NotFound);
    }
    let detail = format!(
        "withdrew the invitation of {}",
        found.email.unwrap_or_default()
    );
    audit::record(
        &txn,
        audit::Event::InvitationWithdrawn,
        Some(auth.user.id),
        found.user_id,
        Some(detail),
        now,
    )
    .await?;
    txn.commit().await?;
    leptos_axum::redirect("/admin/invitations?withdrawn=1");
    Ok(())
}

/// Whether an invitation link is still usable and whether its address already has a confirmed account.
#[server(endpoint = "admin/invitation-status")]
pub async fn invitation_status(token: String) -> Result<bool, AppError> {
    use crate::{api::context::state, store::people};
    let state = state()?;
    let (_, email) = usable_invitation(&state.db, &token, chrono::Utc::now()).await?;
    Ok(people::find_by_email(&state.db, &email)
        .await?
        .is_some_and(|u| u.email_verified_at.is_some()))
}

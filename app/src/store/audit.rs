//! The audit log: who did what to whom, never with secrets in it.

use super::{StoreResult, entities::audit_event};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

pub use audit_event::Model as AuditEvent;

/// Security-relevant events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A new account was created.
    SignedUp,
    /// An address was confirmed.
    EmailVerified,
    /// Successful sign-in.
    LoggedIn,
    /// Wrong password, unknown account or wrong code.
    LoginFailed,
    /// Signed out.
    LoggedOut,
    /// Every session of the account ended.
    LoggedOutEverywhere,
    /// A reset link was requested.
    PasswordResetRequested,
    /// The password was changed through a reset link.
    PasswordReset,
    /// The password was changed from the account page.
    PasswordChanged,
    /// A role was granted or removed.
    RoleChanged,
    /// The account was deleted by its owner.
    AccountDeleted,
    /// Attempts were refused by the rate limit.
    RateLimited,
    /// An authenticator was set up.
    TwoFactorEnabled,
    /// A second-factor code was accepted at sign-in.
    TwoFactorPassed,
    /// A recovery code was used at sign-in.
    RecoveryCodeUsed,
    /// A wrong second-factor code was given.
    TwoFactorFailed,
    /// The account moved to a new address.
    EmailChanged,
    /// Name or language changed.
    ProfileChanged,
    /// A centre was created.
    CentreCreated,
    /// Someone was invited to a role.
    Invited,
    /// An invitation not yet used was withdrawn.
    InvitationWithdrawn,
    /// The authenticator was turned off.
    TwoFactorDisabled,
    /// A course version was published.
    CoursePublished,
    /// A course was taken out of the catalogue, archived or restored.
    CourseStatusChanged,
    /// A course or a new version of one was imported from a bundle.
    CourseImported,
    /// A certificate was revoked.
    CertificateRevoked,
    /// A new key signs credentials from now on.
    SigningKeyRotated,
    /// A certification programme was created or changed.
    ProgrammeSaved,
}

impl Event {
    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            Event::SignedUp => "signed_up",
            Event::EmailVerified => "email_verified",
            Event::LoggedIn => "logged_in",
            Event::LoginFailed => "login_failed",
            Event::LoggedOut => "logged_out",
            Event::LoggedOutEverywhere => "logged_out_everywhere",
            Event::PasswordResetRequested => "password_reset_requested",
            Event::PasswordReset => "password_reset",
            Event::PasswordChanged => "password_changed",
            Event::RoleChanged => "role_changed",
            Event::AccountDeleted => "account_deleted",
            Event::RateLimited => "rate_limited",
            Event::TwoFactorEnabled => "two_factor_enabled",
            Event::TwoFactorPassed => "two_factor_passed",
            Event::RecoveryCodeUsed => "recovery_code_used",
            Event::TwoFactorFailed => "two_factor_failed",
            Event::EmailChanged => "email_changed",
            Event::ProfileChanged => "profile_changed",
            Event::CentreCreated => "centre_created",
            Event::Invited => "invited",
            Event::InvitationWithdrawn => "invitation_withdrawn",
            Event::TwoFactorDisabled => "two_factor_disabled",
            Event::CoursePublished => "course_published",
            Event::CourseStatusChanged => "course_status_changed",
            Event::CourseImported => "course_imported",
            Event::CertificateRevoked => "certificate_revoked",
            Event::SigningKeyRotated => "signing_key_rotated",
            Event::ProgrammeSaved => "programme_saved",
        }
    }
}

/// Appends an event.
pub async fn record(
    db: &impl ConnectionTrait,
    event: Event,
    actor_id: Option<i32>,
    subject_id: Option<i32>,
    detail: Option<String>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    audit_event::ActiveModel {
        at: Set(now),
        event: Set(event.as_str().to_owned()),
        actor_id: Set(actor_id),
        subject_id: Set(subject_id),
        detail: Set(detail),
        ..Default::default()
    }
    .insert(db)
    .await?;
    tracing::info!(event = event.as_str(), actor_id, subject_id, "audit");
    Ok(())
}

/// One page of the log, newest first, and the number of events in all.
pub async fn page(
    db: &impl ConnectionTrait,
    page: u64,
    per_page: u64,
) -> StoreResult<(Vec<AuditEvent>, u64)> {
    use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder};
    let paginator = audit_event::Entity::find()
        .order_by_desc(audit_event::Column::At)
        .order_by_desc(audit_event::Column::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    Ok((paginator.fetch_page(page).await?, total))
}

/// Forgets the details of events older than `before` (a detail may hold an address); the
/// events themselves stay. How many were emptied.
pub async fn forget_details(db: &impl ConnectionTrait, before: DateTime<Utc>) -> StoreResult<u64> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
    Ok(audit_event::Entity::update_many()
        .col_expr(audit_event::Column::Detail, Expr::value(None::<String>))
        .filter(audit_event::Column::At.lt(before))
        .filter(audit_event::Column::Detail.is_not_null())
        .exec(db)
        .await?
        .rows_affected)
}

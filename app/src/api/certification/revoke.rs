//! Revoking a certificate: an administrator withdraws it, with a reason, and from then on the
//! public check, the PDF and the status list say so.

use crate::errors::AppError;
use leptos::prelude::*;

/// The longest reason.
pub const MAX_REASON: usize = 500;

/// Revokes the certificate with this code (administrators; the box must be ticked).
#[server(endpoint = "certificates/revoke")]
pub async fn revoke_certificate(
    code: String,
    reason: String,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        api::context::require,
        domain::{authz::Action, certification::CertificateCode},
        errors::Problem,
    };
    let auth = require(Action::RevokeCertificates)?;
    crate::api::context::require_recent_password(&auth)?;
    let code = CertificateCode::parse(&code).ok_or(AppError::field("code", Problem::NotAllowed))?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::field("reason", Problem::Required));
    }
    if reason.chars().count() > MAX_REASON {
        return Err(AppError::field("reason", Problem::TooLong));
    }
    if confirm.as_deref() != Some("yes") {
        return Err(AppError::field("confirm", Problem::MustConfirm));
    }
    let db = crate::api::context::state()?.db;
    if !super::ssr::revoke(&db, &code, reason, Some(auth.user.id), chrono::Utc::now()).await? {
        return Err(AppError::field("code", Problem::NotAllowed));
    }
    Ok(())
}

//! The public check of a certificate by its code: who holds it, of what, from when and
//! until when, and whether it holds. Nothing more about the person.

use crate::{domain::certification::CertificateStatus, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What anyone with the code may see.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verification {
    /// The code, as written on the certificate.
    pub code: String,
    /// The holder's name; none when their account was deleted.
    pub holder: Option<String>,
    /// The programme's title in the page's language.
    pub programme: String,
    /// Issued, `YYYY-MM-DD`.
    pub issued: String,
    /// Last renewed, `YYYY-MM-DD`.
    pub renewed: Option<String>,
    /// Expires, `YYYY-MM-DD`, if it does.
    pub expires: Option<String>,
    /// Whether it holds now.
    pub status: CertificateStatus,
    /// Revoked on, `YYYY-MM-DD`.
    pub revoked_on: Option<String>,
}

/// The certificate with this code (typing slips forgiven); no sign-in needed.
#[server(endpoint = "verify")]
pub async fn verify_certificate(code: String) -> Result<Verification, AppError> {
    use crate::{
        api::{context::state, dates::date},
        domain::certification::CertificateCode,
        language::request_language,
        store::certification,
    };
    let code = CertificateCode::parse(&code).ok_or(AppError::NotFound)?;
    let db = state()?.db;
    let record = certification::by_code(&db, &code)
        .await?
        .ok_or(AppError::NotFound)?;
    let language = request_language();
    Ok(Verification {
        code: record.code.to_string(),
        holder: record.holder_name.clone(),
        programme: record.programme.get(language).to_owned(),
        issued: date(record.issued_at),
        renewed: record.renewed_at.map(date),
        expires: record.expires_at.map(date),
        status: record.status(chrono::Utc::now()),
        revoked_on: record.revoked.as_ref().map(|r| date(r.0)),
    })
}

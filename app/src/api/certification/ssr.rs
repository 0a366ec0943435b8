//! What certification changes share: settling a volunteer's certification with the email
//! for each certificate issued, and revoking a certificate with its audit entry.

use crate::{
    domain::{email::EmailAddress, language::Language},
    errors::AppError,
    mail::{self, Template},
    state::AppState,
    store::{
        certification::{self, Settled},
        people,
    },
};
use sea_orm::ConnectionTrait;

/// Revokes the certificate with `code` for `reason`, by `actor` (none from the command
/// line), and records it in the audit log. Returns false when it was revoked already.
pub async fn revoke(
    db: &sea_orm::DatabaseConnection,
    code: &crate::domain::certification::CertificateCode,
    reason: &str,
    actor: Option<i32>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<bool, AppError> {
    use crate::store::{audit, db::begin_write};
    let txn = begin_write(db).await?;
    let record = certification::by_code(&txn, code)
        .await?
        .ok_or(AppError::NotFound)?;
    let revoked = certification::revoke(&txn, code, reason, now).await?;
    if revoked {
        audit::record(
            &txn,
            audit::Event::CertificateRevoked,
            actor,
            record.holder_id,
            Some(format!("{code}: {reason}")),
            now,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(revoked)
}

/// Settles `user_id`'s certification inside the caller's transaction and queues an email
/// for each certificate issued; returns whether any mail was queued (ring after commit).
pub async fn settle(
    db: &impl ConnectionTrait,
    state: &AppState,
    user_id: i32,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<bool, AppError> {
    let settled = certification::settle(db, user_id, now).await?;
    tell_certified(db, state, user_id, &settled).await
}

/// Tells a person about each certificate that settling issued them.
async fn tell_certified(
    db: &impl ConnectionTrait,
    state: &AppState,
    user_id: i32,
    settled: &[Settled],
) -> Result<bool, AppError> {
    let issued: Vec<_> = settled
        .iter()
        .filter_map(|s| match s {
            Settled::Issued { programme, code } => Some((*programme, code)),
            _ => None,
        })
        .collect();
    if issued.is_empty() {
        return Ok(false);
    }
    let Some(person) = people::find_by_id(db, user_id).await? else {
        return Ok(false);
    };
    let Ok(to) = EmailAddress::parse(&person.email) else {
        return Ok(false);
    };
    let language = person.language.parse().unwrap_or(Language::Da);
    for (programme, code) in issued {
        let programme = certification::find(db, programme).await?;
        mail::queue(
            db,
            &to,
            language,
            Template::CertificateIssued,
            serde_json::json!({
                "name": person.display_name,
                "programme": programme.titles.get(language),
                "code": code.as_str(),
                "link": format!("{}/verify/{}", state.site.base_url, code),
            }),
        )
        .await?;
    }
    Ok(true)
}

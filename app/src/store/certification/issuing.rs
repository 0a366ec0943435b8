//! Settling a volunteer's certification after anything that may count: issuing a certificate
//! the moment the last requirement is met, queueing them for a sign-off, or renewing a
//! certificate when they completed a refresher. Called inside the transaction of the change
//! that may have met it, so the certificate and its cause are kept or lost together.

use super::{certificates, evidence::gather, programmes, sign_offs};
use crate::domain::{
    certification::{CertificateCode, Outcome, evaluate, validity},
    ids::ProgrammeId,
};
use crate::store::StoreResult;
use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;

/// What settling changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Settled {
    /// A certificate was issued.
    Issued {
        /// Of this programme.
        programme: ProgrammeId,
        /// With this code.
        code: CertificateCode,
    },
    /// Everything but the sign-off is met: the volunteer now waits for a trainer.
    AwaitingSignOff {
        /// Of this programme.
        programme: ProgrammeId,
    },
    /// A refresher renewed a certificate.
    Renewed {
        /// Of this programme.
        programme: ProgrammeId,
        /// Until then.
        expires_at: DateTime<Utc>,
    },
}

/// Issues, queues or renews what `user_id`'s evidence now calls for.
pub async fn settle(
    db: &impl ConnectionTrait,
    user_id: i32,
    now: DateTime<Utc>,
) -> StoreResult<Vec<Settled>> {
    let programmes = programmes::all(db).await?;
    if programmes.is_empty() {
        return Ok(Vec::new());
    }
    let held = certificates::held(db, user_id).await?;
    let gathered = gather(db, user_id, &programmes).await?;
    let mut settled = Vec::new();
    for (programme, gathered) in programmes.iter().zip(gathered) {
        if let Some(certificate) = held.iter().find(|c| c.programme_id == programme.id) {
            let since = certificate.renewed_at.unwrap_or(certificate.issued_at);
            let Some(refreshed) = gathered.refreshed_at.filter(|at| *at > since) else {
                continue;
            };
            if let Ok(expires_at) = validity::renewal(
                certificate.expires_at,
                certificate.revoked_at.is_some(),
                programme.programme.validity_months,
                refreshed,
            ) {
                certificates::renew(db, certificate.id, expires_at, now).await?;
                settled.push(Settled::Renewed {
                    programme: programme.id,
                    expires_at,
                });
            }
            continue;
        }
        match evaluate(&programme.programme, &gathered.evidence) {
            Outcome::Met => {
                if let Some(code) = certificates::issue(db, programme, user_id, now).await? {
                    settled.push(Settled::Issued {
                        programme: programme.id,
                        code,
                    });
                }
            }
            Outcome::AwaitingSignOff => {
                if sign_offs::request(db, programme.id, user_id, now).await? {
                    settled.push(Settled::AwaitingSignOff {
                        programme: programme.id,
                    });
                }
            }
            Outcome::Incomplete(_) => {}
        }
    }
    Ok(settled)
}

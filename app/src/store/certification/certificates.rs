//! Certificates: issued, found by their public code, listed for their holder, renewed and
//! revoked.

use super::programmes::ProgrammeRecord;
use crate::domain::{
    certification::{CertificateCode, CertificateStatus, Localized, code::CODE_BYTES, validity},
    ids::{CertificateId, ProgrammeId},
};
use crate::store::{
    StoreError, StoreResult,
    entities::{certificate, programme},
};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    TryInsertResult,
    sea_query::{Expr, OnConflict},
};

/// A certificate with its programme's titles, as pages and documents show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateRecord {
    /// Its id (also its place in the revocation list).
    pub id: CertificateId,
    /// The public code.
    pub code: CertificateCode,
    /// The programme.
    pub programme_id: ProgrammeId,
    /// The programme's title in each language.
    pub programme: Localized,
    /// The holder's account; none once it was deleted.
    pub holder_id: Option<i32>,
    /// The holder's name; none once their account was deleted.
    pub holder_name: Option<String>,
    /// The holder's language code.
    pub language: String,
    /// When it was issued.
    pub issued_at: DateTime<Utc>,
    /// When it expires, if it does.
    pub expires_at: Option<DateTime<Utc>>,
    /// When it was last renewed.
    pub renewed_at: Option<DateTime<Utc>>,
    /// When it was revoked, and why.
    pub revoked: Option<(DateTime<Utc>, String)>,
}

impl CertificateRecord {
    /// Whether it holds at `now`.
    pub fn status(&self, now: DateTime<Utc>) -> CertificateStatus {
        validity::status(self.expires_at, self.revoked.as_ref().map(|r| r.0), now)
    }
}

/// Issues a certificate of `programme` to `user_id` at `now`, unless they hold one already.
/// Returns its code when it was issued by this call.
pub(super) async fn issue(
    db: &impl ConnectionTrait,
    programme: &ProgrammeRecord,
    user_id: i32,
    now: DateTime<Utc>,
) -> StoreResult<Option<CertificateCode>> {
    use rand::RngCore;
    let holder = crate::store::entities::user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("user"))?;
    let mut bytes = [0u8; CODE_BYTES];
    rand::rng().fill_bytes(&mut bytes);
    let code = CertificateCode::from_bytes(bytes);
    let inserted = certificate::Entity::insert(certificate::ActiveModel {
        code: Set(code.clone()),
        programme_id: Set(programme.id),
        user_id: Set(Some(user_id)),
        holder_name: Set(Some(holder.display_name)),
        language: Set(holder.language),
        issued_at: Set(now),
        expires_at: Set(validity::expires_at(
            now,
            programme.programme.validity_months,
        )),
        renewed_at: Set(None),
        last_reminder_days: Set(None),
        revoked_at: Set(None),
        revocation_reason: Set(None),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            certificate::Column::UserId,
            certificate::Column::ProgrammeId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .try_insert()
    .exec(db)
    .await?;
    Ok(match inserted {
        TryInsertResult::Inserted(_) => Some(code),
        _ => None,
    })
}

/// Issues a certificate of `programme` to `user_id` without evidence gathered here: for a
/// certificate earned before the person came to the product (recognised prior training),
/// and for demonstration content. Returns its code, or none when they hold one already.
pub async fn recognise(
    db: &impl ConnectionTrait,
    programme: &ProgrammeRecord,
    user_id: i32,
    now: DateTime<Utc>,
) -> StoreResult<Option<CertificateCode>> {
    issue(db, programme, user_id, now).await
}

/// Gives a certificate a new expiry from a renewal at `now`; the next reminder starts over.
pub(super) async fn renew(
    db: &impl ConnectionTrait,
    id: CertificateId,
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    certificate::Entity::update_many()
        .col_expr(certificate::Column::ExpiresAt, Expr::value(expires_at))
        .col_expr(certificate::Column::RenewedAt, Expr::value(now))
        .col_expr(
            certificate::Column::LastReminderDays,
            Expr::value(Option::<i32>::None),
        )
        .filter(certificate::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

async fn records(
    db: &impl ConnectionTrait,
    rows: Vec<certificate::Model>,
) -> StoreResult<Vec<CertificateRecord>> {
    let programmes = programme::Entity::find()
        .filter(programme::Column::Id.is_in(rows.iter().map(|r| r.programme_id)))
        .all(db)
        .await?;
    rows.into_iter()
        .map(|row| {
            let titles = programmes
                .iter()
                .find(|p| p.id == row.programme_id)
                .ok_or(StoreError::NotFound("programme"))?;
            let programme: Localized = serde_json::from_str(&titles.titles).map_err(|e| {
                StoreError::Db(sea_orm::DbErr::Type(format!("programme titles: {e}")))
            })?;
            Ok(CertificateRecord {
                id: row.id,
                code: row.code,
                programme_id: row.programme_id,
                programme,
                holder_id: row.user_id,
                holder_name: row.holder_name,
                language: row.language,
                issued_at: row.issued_at,
                expires_at: row.expires_at,
                renewed_at: row.renewed_at,
                revoked: row
                    .revoked_at
                    .map(|at| (at, row.revocation_reason.unwrap_or_default())),
            })
        })
        .collect()
}

/// The certificate with this public code.
pub async fn by_code(
    db: &impl ConnectionTrait,
    code: &CertificateCode,
) -> StoreResult<Option<CertificateRecord>> {
    let rows = certificate::Entity::find()
        .filter(certificate::Column::Code.eq(code.clone()))
        .all(db)
        .await?;
    Ok(records(db, rows).await?.pop())
}

/// The certificates a person holds, newest first.
pub async fn of_holder(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> StoreResult<Vec<CertificateRecord>> {
    let rows = certificate::Entity::find()
        .filter(certificate::Column::UserId.eq(user_id))
        .order_by_desc(certificate::Column::IssuedAt)
        .all(db)
        .await?;
    records(db, rows).await
}

/// The certificates of `user_id`, by programme, with their row (for settling).
pub(super) async fn held(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> StoreResult<Vec<certificate::Model>> {
    Ok(certificate::Entity::find()
        .filter(certificate::Column::UserId.eq(user_id))
        .all(db)
        .await?)
}

/// Revokes the certificate with this code at `now`, with a reason. Returns false when it was
/// revoked already (the first revocation stands).
pub async fn revoke(
    db: &impl ConnectionTrait,
    code: &CertificateCode,
    reason: &str,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let result = certificate::Entity::update_many()
        .col_expr(certificate::Column::RevokedAt, Expr::value(now))
        .col_expr(certificate::Column::RevocationReason, Expr::value(reason))
        .filter(certificate::Column::Code.eq(code.clone()))
        .filter(certificate::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

/// The revoked certificates with ids from `first` to `last`, for a revocation list.
pub async fn revoked_between(
    db: &impl ConnectionTrait,
    first: CertificateId,
    last: CertificateId,
) -> StoreResult<Vec<CertificateId>> {
    Ok(certificate::Entity::find()
        .select_only()
        .column(certificate::Column::Id)
        .filter(certificate::Column::Id.between(first, last))
        .filter(certificate::Column::RevokedAt.is_not_null())
        .into_tuple::<CertificateId>()
        .all(db)
        .await?)
}

//! A certificate of a programme.

use crate::domain::{
    certification::CertificateCode,
    ids::{CertificateId, ProgrammeId},
};
use sea_orm::entity::prelude::*;

/// Row of `certificates`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "certificates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: CertificateId,
    pub code: CertificateCode,
    pub programme_id: ProgrammeId,
    /// The holder; none once their account is deleted.
    pub user_id: Option<i32>,
    /// The holder's name as issued; none once their account is deleted.
    pub holder_name: Option<String>,
    /// The holder's language, for the PDF.
    pub language: String,
    pub issued_at: DateTimeUtc,
    pub expires_at: Option<DateTimeUtc>,
    pub renewed_at: Option<DateTimeUtc>,
    /// The last expiry reminder sent, as days before expiry.
    pub last_reminder_days: Option<i32>,
    pub revoked_at: Option<DateTimeUtc>,
    pub revocation_reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

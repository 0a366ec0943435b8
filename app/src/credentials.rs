//! Signed credentials: a certificate as an Open Badges 3.0 credential, and the revocation
//! lists, each a VC-JWT signed with the current ES256 key. Keys are made on first start,
//! kept in the database with the private half sealed by the server key, and rotated on
//! request; every key ever used stays published, so what it signed still verifies.
//! The documents are built in [`crate::documents::credential`]; this module reads what they
//! state, signs them and manages the keys.

use crate::{
    documents::credential::{self as document, AchievementFacts, Addresses, CredentialFacts},
    domain::{
        certification::{CertificateCode, status_list},
        language::Language,
    },
    security::{jws, seal},
    store::{
        StoreError, audit, certification,
        db::begin_write,
        signing_keys::{self, NewSigningKey, SigningKeyRow},
    },
};
use base64::{Engine, engine::general_purpose::STANDARD};
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use serde_json::{Value, json};

/// The media type of a signed credential.
pub const MEDIA_TYPE: &str = "application/vc+jwt";

/// Why a credential could not be made.
#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    /// Reading or writing failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A transaction could not start or end.
    #[error("database error: {0}")]
    Db(#[from] sea_orm::DbErr),
    /// The key could not be made or used.
    #[error(transparent)]
    Key(#[from] jws::JwsError),
    /// The stored key could not be opened with the server key.
    #[error("the signing key cannot be opened with this server key")]
    Sealed,
    /// The revocation list could not be compressed.
    #[error("the revocation list could not be encoded: {0}")]
    Encode(#[from] std::io::Error),
}

type Result<T> = std::result::Result<T, CredentialError>;

/// Makes a new key and makes it the one that signs; the old ones stay published. Returns
/// the new key's name.
pub async fn rotate_signing_key(
    db: &DatabaseConnection,
    secret: &[u8; 32],
    now: DateTime<Utc>,
) -> Result<String> {
    let (private, public) = jws::generate()?;
    let key = NewSigningKey {
        key_id: public.thumbprint(),
        algorithm: jws::ALGORITHM.to_owned(),
        sealed_private_key: seal::seal(secret, &STANDARD.encode(private)),
        public_x: public.x,
        public_y: public.y,
    };
    let txn = begin_write(db).await?;
    let row = signing_keys::replace_current(&txn, key, now).await?;
    audit::record(
        &txn,
        audit::Event::SigningKeyRotated,
        None,
        None,
        Some(row.key_id.clone()),
        now,
    )
    .await?;
    txn.commit().await?;
    tracing::info!(key_id = %row.key_id, "a new credential signing key signs from now on");
    Ok(row.key_id)
}

/// Makes the first signing key when there is none. Returns whether it made one.
pub async fn ensure_signing_key(
    db: &DatabaseConnection,
    secret: &[u8; 32],
    now: DateTime<Utc>,
) -> Result<bool> {
    if signing_keys::current(db).await?.is_some() {
        return Ok(false);
    }
    rotate_signing_key(db, secret, now).await?;
    Ok(true)
}

/// The current key, its private half opened; made first if there is none yet.
async fn signer(db: &DatabaseConnection, secret: &[u8; 32]) -> Result<(SigningKeyRow, Vec<u8>)> {
    let row = match signing_keys::current(db).await? {
        Some(row) => row,
        None => {
            rotate_signing_key(db, secret, Utc::now()).await?;
            signing_keys::current(db)
                .await?
                .ok_or(StoreError::NotFound("signing key"))?
        }
    };
    let private = seal::open(secret, &row.sealed_private_key)
        .ok()
        .and_then(|text| STANDARD.decode(text).ok())
        .ok_or(CredentialError::Sealed)?;
    Ok((row, private))
}

/// `payload` signed with the current key.
async fn sign(
    db: &DatabaseConnection,
    secret: &[u8; 32],
    at: &Addresses,
    payload: &Value,
) -> Result<String> {
    let (row, private) = signer(db, secret).await?;
    Ok(jws::sign(&private, &at.key(&row.key_id), "JWT", payload)?)
}

fn public_jwk(at: &Addresses, row: &SigningKeyRow) -> Value {
    jws::PublicKey {
        x: row.public_x.clone(),
        y: row.public_y.clone(),
    }
    .jwk(&at.key(&row.key_id))
}

/// Every published key as a JWK Set.
pub async fn key_set(db: &DatabaseConnection, at: &Addresses) -> Result<Value> {
    let keys: Vec<Value> = signing_keys::published(db)
        .await?
        .iter()
        .map(|row| public_jwk(at, row))
        .collect();
    Ok(json!({ "keys": keys }))
}

/// One published key as a JWK, or none for an unknown name.
pub async fn key(db: &DatabaseConnection, at: &Addresses, key_id: &str) -> Result<Option<Value>> {
    Ok(signing_keys::find(db, key_id)
        .await?
        .map(|row| public_jwk(at, &row)))
}

/// The signed credential of the certificate with `code`, or none for an unknown code.
pub async fn certificate(
    db: &DatabaseConnection,
    secret: &[u8; 32],
    at: &Addresses,
    code: &CertificateCode,
) -> Result<Option<String>> {
    let Some(record) = certification::by_code(db, code).await? else {
        return Ok(None);
    };
    let programme = certification::find(db, record.programme_id).await?;
    let status = status_list::entry(record.id).ok_or(StoreError::NotFound("certificate"))?;
    let facts = CredentialFacts {
        code: record.code.to_string(),
        achievement: AchievementFacts {
            slug: programme.slug,
            titles: programme.titles,
            criteria: programme.criteria,
        },
        holder: record.holder_name,
        language: Language::from_tag(&record.language).unwrap_or_default(),
        issued_at: record.issued_at,
        expires_at: record.expires_at,
        status,
    };
    sign(db, secret, at, &document::credential(at, &facts))
        .await
        .map(Some)
}

/// Revocation list `list`, signed, as it stands at `now`; none for a list no certificate
/// can be in.
pub async fn status_list(
    db: &DatabaseConnection,
    secret: &[u8; 32],
    at: &Addresses,
    list: u32,
    now: DateTime<Utc>,
) -> Result<Option<String>> {
    let Some((first, last)) = status_list::ids_of(list) else {
        return Ok(None);
    };
    let revoked = certification::revoked_between(db, first, last).await?;
    let encoded = document::encode_list(&status_list::bitstring(list, &revoked))?;
    let payload = document::status_list_credential(at, list, &encoded, now);
    sign(db, secret, at, &payload).await.map(Some)
}

/// The programme `slug` as an achievement in `language`, or none for an unknown one.
pub async fn achievement(
    db: &DatabaseConnection,
    at: &Addresses,
    slug: &str,
    language: Language,
) -> Result<Option<Value>> {
    let programmes = certification::all(db).await?;
    Ok(programmes.into_iter().find(|p| p.slug == slug).map(|p| {
        document::achievement_document(
            at,
            &AchievementFacts {
                slug: p.slug,
                titles: p.titles,
                criteria: p.criteria,
            },
            language,
        )
    }))
}

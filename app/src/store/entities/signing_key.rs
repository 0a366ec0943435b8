//! A key that signs credentials.

use sea_orm::entity::prelude::*;

/// Row of `signing_keys`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "signing_keys")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The name verifiers look the key up by (`kid`).
    pub key_id: String,
    /// The JOSE algorithm it signs with (`ES256`).
    pub algorithm: String,
    /// The private key (PKCS #8), sealed with the server key.
    pub sealed_private_key: String,
    /// The public point's coordinates, base64url as in a JWK.
    pub public_x: String,
    pub public_y: String,
    pub created_at: DateTimeUtc,
    /// When it stopped signing; it stays published.
    pub retired_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

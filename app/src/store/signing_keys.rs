//! The keys that sign credentials: one signs, the retired ones stay published so what they
//! signed still verifies. Keys are made and sealed by the caller; this module stores them.

use crate::store::{StoreResult, entities::signing_key};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set, sea_query::Expr,
};

pub use signing_key::Model as SigningKeyRow;

/// A key to store.
#[derive(Clone, Debug)]
pub struct NewSigningKey {
    /// The name verifiers look it up by.
    pub key_id: String,
    /// The JOSE algorithm.
    pub algorithm: String,
    /// The private key, sealed.
    pub sealed_private_key: String,
    /// The public point's coordinates.
    pub public_x: String,
    pub public_y: String,
}

/// The key that signs now: the newest one not retired.
pub async fn current(db: &impl ConnectionTrait) -> StoreResult<Option<SigningKeyRow>> {
    Ok(signing_key::Entity::find()
        .filter(signing_key::Column::RetiredAt.is_null())
        .order_by_desc(signing_key::Column::Id)
        .one(db)
        .await?)
}

/// Every key, oldest first: the ones verifiers may meet.
pub async fn published(db: &impl ConnectionTrait) -> StoreResult<Vec<SigningKeyRow>> {
    Ok(signing_key::Entity::find()
        .order_by_asc(signing_key::Column::Id)
        .all(db)
        .await?)
}

/// The key named `key_id`.
pub async fn find(db: &impl ConnectionTrait, key_id: &str) -> StoreResult<Option<SigningKeyRow>> {
    Ok(signing_key::Entity::find()
        .filter(signing_key::Column::KeyId.eq(key_id))
        .one(db)
        .await?)
}

/// Stores `key` as the one that signs from `now`, retiring the others. Run it in a
/// transaction so there is never a moment without a current key.
pub async fn replace_current(
    db: &impl ConnectionTrait,
    key: NewSigningKey,
    now: DateTime<Utc>,
) -> StoreResult<SigningKeyRow> {
    signing_key::Entity::update_many()
        .col_expr(signing_key::Column::RetiredAt, Expr::value(now))
        .filter(signing_key::Column::RetiredAt.is_null())
        .exec(db)
        .await?;
    let id = signing_key::Entity::insert(signing_key::ActiveModel {
        key_id: Set(key.key_id),
        algorithm: Set(key.algorithm),
        sealed_private_key: Set(key.sealed_private_key),
        public_x: Set(key.public_x),
        public_y: Set(key.public_y),
        created_at: Set(now),
        retired_at: Set(None),
        ..Default::default()
    })
    .exec(db)
    .await?
    .last_insert_id;
    signing_key::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(crate::store::StoreError::NotFound("signing key"))
}

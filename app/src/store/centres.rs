//! Centres that post groups and employ coordinators.

use super::{StoreResult, entities::centre};
use crate::domain::{
    email::EmailAddress,
    role::{CentreKind, Country},
};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

pub use centre::Model as Centre;

/// A new centre.
#[derive(Clone, Debug)]
pub struct NewCentre {
    /// Public name.
    pub name: String,
    /// Kind of organisation.
    pub kind: CentreKind,
    /// Country it works in.
    pub country: Country,
    /// Municipality (kommune).
    pub municipality: String,
    /// Where requests about groups go.
    pub contact_email: EmailAddress,
}

/// Creates a centre.
pub async fn create(
    db: &impl ConnectionTrait,
    new: NewCentre,
    now: DateTime<Utc>,
) -> StoreResult<Centre> {
    Ok(centre::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        name: Set(new.name),
        kind: Set(new.kind.as_str().to_owned()),
        country: Set(new.country.code().to_owned()),
        municipality: Set(new.municipality),
        contact_email: Set(new.contact_email.as_str().to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// The centre with exactly this name, if any.
pub async fn find_by_name(db: &impl ConnectionTrait, name: &str) -> StoreResult<Option<Centre>> {
    Ok(centre::Entity::find()
        .filter(centre::Column::Name.eq(name))
        .one(db)
        .await?)
}

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

/// The centre with this public id.
pub async fn find_by_public_id(
    db: &impl ConnectionTrait,
    public_id: &str,
) -> StoreResult<Option<Centre>> {
    Ok(centre::Entity::find()
        .filter(centre::Column::PublicId.eq(public_id))
        .one(db)
        .await?)
}

/// The centre with this id.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> StoreResult<Option<Centre>> {
    Ok(centre::Entity::find_by_id(id).one(db).await?)
}

/// Centres with these ids, by name.
pub async fn by_ids(db: &impl ConnectionTrait, ids: Vec<i32>) -> StoreResult<Vec<Centre>> {
    use sea_orm::QueryOrder;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(centre::Entity::find()
        .filter(centre::Column::Id.is_in(ids))
        .order_by_asc(centre::Column::Name)
        .all(db)
        .await?)
}

/// One page of all centres by name, and how many there are.
pub async fn page(
    db: &impl ConnectionTrait,
    page: u64,
    per_page: u64,
) -> StoreResult<(Vec<Centre>, u64)> {
    use sea_orm::{PaginatorTrait, QueryOrder};
    let paginator = centre::Entity::find()
        .order_by_asc(centre::Column::Name)
        .order_by_asc(centre::Column::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    Ok((paginator.fetch_page(page).await?, total))
}

/// Names of many centres in one query.
pub async fn names_of(
    db: &impl ConnectionTrait,
    ids: Vec<i32>,
) -> StoreResult<std::collections::HashMap<i32, String>> {
    Ok(by_ids(db, ids)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect())
}

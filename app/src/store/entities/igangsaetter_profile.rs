//! An igangsætter's profile for matching.

use sea_orm::entity::prelude::*;

/// Row of `igangsaetter_profiles`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "igangsaetter_profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    /// The home town's GeoNames id.
    pub place_id: i32,
    /// The home town's coordinates, copied for the index.
    pub lat: f64,
    pub lon: f64,
    pub travel_km: i32,
    /// Topic codes, comma-separated.
    pub topics: String,
    /// Language codes, comma-separated.
    pub languages: String,
    /// One bit per weekday and part of the day.
    pub availability: i32,
    pub capacity: i32,
    pub available: bool,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

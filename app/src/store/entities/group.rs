//! A group a centre needs an igangsætter for.

use sea_orm::entity::prelude::*;

/// Row of `groups`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "groups")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub centre_id: i32,
    /// The coordinator who posted it; none once their account is deleted.
    pub created_by: Option<i32>,
    pub title: String,
    /// Topic code.
    pub topic: String,
    /// `self_help` or `network`.
    pub kind: String,
    /// Language code.
    pub language: String,
    /// The town's GeoNames id and its coordinates.
    pub place_id: i32,
    pub lat: f64,
    pub lon: f64,
    /// `mon` … `sun`.
    pub weekday: String,
    /// `HH:MM`.
    pub meets_at: String,
    /// `weekly` or `fortnightly`.
    pub cadence: String,
    pub starts_on: Date,
    /// Meetings the igangsætter is asked to attend.
    pub meetings: i32,
    pub description: String,
    /// Where the group is in its life.
    pub status: String,
    /// The igangsætter who accepted.
    pub igangsaetter_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub matched_at: Option<DateTimeUtc>,
    pub running_at: Option<DateTimeUtc>,
    pub self_led_at: Option<DateTimeUtc>,
    pub ended_at: Option<DateTimeUtc>,
    pub ending_reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! Database schema for Igang, as ordered sea-orm migrations that run on SQLite and PostgreSQL.

pub use sea_orm_migration::prelude::*;

mod helpers;

mod m20261123_000001_people_and_centres;
mod m20261123_000002_outbox;
mod m20261123_000003_accounts;
mod m20261123_000004_totp_replay;
mod m20261123_000005_courses;
mod m20261123_000006_learning;
mod m20261202_000007_pinned_options;
mod m20261203_000008_course_editors;
mod m20261204_000009_certification;
mod m20261205_000010_signing_keys;
mod m20261206_000011_profiles;
mod m20261207_000012_groups;
mod m20261208_000013_group_requests;
mod m20261209_000014_outcome_surveys;
mod m20261210_000015_account_removal;
mod m20261211_000016_mail_about;
mod m20261212_000017_reading_at_scale;
mod m20261213_000018_matching_from_indexes;
mod m20261214_000019_reach_index_holds_owner;

/// Applies every migration in order; the server runs it at start-up.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_people_and_centres::Migration),
            Box::new(m20261123_000002_outbox::Migration),
            Box::new(m20261123_000003_accounts::Migration),
            Box::new(m20261123_000004_totp_replay::Migration),
            Box::new(m20261123_000005_courses::Migration),
            Box::new(m20261123_000006_learning::Migration),
            Box::new(m20261202_000007_pinned_options::Migration),
            Box::new(m20261203_000008_course_editors::Migration),
            Box::new(m20261204_000009_certification::Migration),
            Box::new(m20261205_000010_signing_keys::Migration),
            Box::new(m20261206_000011_profiles::Migration),
            Box::new(m20261207_000012_groups::Migration),
            Box::new(m20261208_000013_group_requests::Migration),
            Box::new(m20261209_000014_outcome_surveys::Migration),
            Box::new(m20261210_000015_account_removal::Migration),
            Box::new(m20261211_000016_mail_about::Migration),
            Box::new(m20261212_000017_reading_at_scale::Migration),
            Box::new(m20261213_000018_matching_from_indexes::Migration),
            Box::new(m20261214_000019_reach_index_holds_owner::Migration),
        ]
    }
}

//! Database access: sea-orm entities and the queries and mutations on them.

pub mod audit;
pub mod bundles;
pub mod centres;
pub mod certification;
mod columns;
pub mod courses;
pub mod dashboard;
pub mod db;
pub mod entities;
pub mod erasure;
pub mod groups;
pub mod learning;
pub mod matching;
pub mod media;
pub mod my_data;
pub mod outbox;
pub mod packed;
pub mod people;
pub mod profiles;
pub mod rate_limit;
pub mod recovery;
pub mod rendered;
pub mod requests;
mod roster;
pub mod sessions;
pub mod signing_keys;
pub mod surveys;
pub mod tokens;
pub mod workshops;

/// A failure in the data layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database rejected or could not run a statement.
    #[error("database error: {0}")]
    Db(#[from] sea_orm::DbErr),
    /// A row that must exist was not there.
    #[error("{0} not found")]
    NotFound(&'static str),
    /// A unique value is already taken.
    #[error("{0} already exists")]
    Conflict(&'static str),
}

/// Result of a store operation.
pub type StoreResult<T> = Result<T, StoreError>;

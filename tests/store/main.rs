//! Store functions called directly on a fresh, migrated database (SQLite always, PostgreSQL
//! too when `TEST_DATABASE_URL` is set): no server and no HTTP, so a change to a query is
//! tested on its own.

mod courses;
mod editors;
mod learners;
mod learning;
mod setup;

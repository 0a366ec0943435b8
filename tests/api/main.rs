//! Integration tests: the whole server over HTTP, on SQLite and (with TEST_DATABASE_URL) PostgreSQL.

mod account;
mod admin;
mod assets;
mod auth;
mod authz;
mod certification;
mod cli;
mod courses;
mod endpoints;
mod forms;
mod health;
mod landing;
mod learning;
mod mail;
mod matching;
mod migrations;
mod privacy;
mod rendered;
mod results;
mod security;
mod shipped;
mod shuffle;
mod takeover;
mod two_factor;

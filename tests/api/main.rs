//! Integration tests: the whole server over HTTP, on SQLite and (with TEST_DATABASE_URL) PostgreSQL.

mod account;
mod auth;
mod cli;
mod health;
mod landing;
mod mail;
mod migrations;
mod security;
mod two_factor;

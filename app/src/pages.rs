//! One module per page.

pub mod account;
pub mod admin;
pub mod auth;
pub mod authoring;
pub mod certificates;
pub mod courses;
pub mod home;
pub mod learning;
pub mod matching;
pub mod not_found;
pub mod privacy;
pub mod results;
pub mod sign_offs;
pub mod teaching;
pub mod two_factor;
pub mod workshops;

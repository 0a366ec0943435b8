//! HTTP handlers and middleware outside the Leptos routes.

pub mod calendar;
pub mod certificates;
pub mod courses;
pub mod credentials;
pub mod errors;
pub mod forms;
pub mod health;
pub mod islands;
pub mod language;
pub mod my_data;
pub mod page_gzip;
pub mod results;
pub mod security;
pub mod session;
pub mod teaching;

//! Sign-up, email confirmation, sign-in and password reset pages.

pub mod login;
pub mod password;
pub mod signup;

pub use crate::components::form::action_error;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The value of `name` in the page's address; empty when the address has none.
pub fn query_value(name: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || query.read().get(name).unwrap_or_default()
}

//! The secret address of a person's workshop calendar, for calendar apps to subscribe to.

use crate::errors::AppError;
use leptos::prelude::*;

/// The address of the signed-in person's calendar feed, if they made one.
#[server(endpoint = "workshops/calendar")]
pub async fn calendar_feed() -> Result<Option<String>, AppError> {
    use crate::{
        api::context::{require, state},
        domain::authz::Action,
        security::seal,
        store::workshops::calendar,
    };
    let auth = require(Action::Learn)?;
    let state = state()?;
    let Some(sealed) = calendar::feed_of(&state.db, auth.user.id).await? else {
        return Ok(None);
    };
    // A secret sealed under another server key is as good as none.
    Ok(seal::open(&state.site.secret_key, &sealed)
        .ok()
        .map(|token| feed_url(&state.site.base_url, &token)))
}

/// Gives the signed-in person a new calendar address; the old one stops working.
#[server(endpoint = "workshops/calendar/reset")]
pub async fn reset_calendar_feed() -> Result<String, AppError> {
    use crate::{
        api::context::{require, state},
        domain::authz::Action,
        security::{seal, token},
        store::workshops::calendar,
    };
    let auth = require(Action::Learn)?;
    let state = state()?;
    let (secret, hash) = token::new_secret();
    let sealed = seal::seal(&state.site.secret_key, &secret);
    calendar::reset_feed(&state.db, auth.user.id, &hash, &sealed, chrono::Utc::now()).await?;
    Ok(feed_url(&state.site.base_url, &secret))
}

/// The feed's address for a secret.
pub fn feed_url(base_url: &str, secret: &str) -> String {
    format!("{base_url}/calendar/{secret}/workshops.ics")
}

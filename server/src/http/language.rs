//! `POST /language`: the language switch, usable without JavaScript.

use app::{
    domain::{
        language::{LANGUAGE_COOKIE, Language},
        redirect::safe_local_path,
    },
    security::cookie_header,
    state::SiteSettings,
};
use axum::{
    Form,
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use std::sync::Arc;

/// The switch's form fields.
#[derive(Deserialize)]
pub struct LanguageForm {
    lang: Option<String>,
    next: Option<String>,
}

/// Remembers the chosen language in a cookie and returns to the page the visitor came from.
pub async fn switch(
    State(site): State<Arc<SiteSettings>>,
    Form(form): Form<LanguageForm>,
) -> Response {
    let Some(language) = form
        .lang
        .as_deref()
        .and_then(|l| l.parse::<Language>().ok())
    else {
        return (
            StatusCode::BAD_REQUEST,
            "Ukendt sprog. Vælg da, nb eller en. / Unknown language: choose da, nb or en.",
        )
            .into_response();
    };
    let cookie = cookie_header(
        LANGUAGE_COOKIE,
        language.code(),
        "/",
        31_536_000,
        "Lax",
        site.is_https(),
    );
    let location = safe_local_path(form.next.as_deref()).to_owned();
    (
        StatusCode::SEE_OTHER,
        [(header::SET_COOKIE, cookie), (header::LOCATION, location)],
    )
        .into_response()
}

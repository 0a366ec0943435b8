//! Programmes written by administrators as `programme.yaml` text in the browser: the list,
//! one programme's text, and saving it (a new programme, or a change to one). What the text
//! means is decided in [`crate::domain::certification::file`].

use crate::{api::admin::Page, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A programme in the administrators' list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeRow {
    /// Its short name.
    pub slug: String,
    /// Its title in the viewer's language.
    pub title: String,
    /// Workshops it asks for.
    pub workshops: u32,
    /// Months a certificate holds; none for good.
    pub validity_months: Option<u32>,
    /// Whether a trainer signs off a practical part.
    pub sign_off: bool,
}

/// One programme's text, to edit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeText {
    /// Its short name.
    pub slug: String,
    /// Its title in the viewer's language.
    pub title: String,
    /// The `programme.yaml` text.
    pub text: String,
}

/// Programmes, by short name, a page at a time (administrators).
#[server(endpoint = "programmes/list")]
pub async fn list_programmes(page: u64) -> Result<Page<ProgrammeRow>, AppError> {
    use crate::{
        api::context::{require, state},
        domain::authz::Action,
        language::request_language,
        store::certification::editing,
    };
    require(Action::EditProgrammes)?;
    let db = state()?.db;
    let language = request_language();
    let page = page.clamp(1, 100_000);
    let per_page = crate::api::admin::PER_PAGE;
    let (records, total) = editing::page(&db, page - 1, per_page).await?;
    let items = records
        .into_iter()
        .map(|p| ProgrammeRow {
            title: p.titles.get(language).to_owned(),
            slug: p.slug,
            workshops: p.programme.workshops,
            validity_months: p.programme.validity_months,
            sign_off: p.programme.sign_off,
        })
        .collect();
    Ok(Page::new(items, page, per_page, total))
}

/// The text of the programme with this short name (administrators).
#[server(endpoint = "programmes/text")]
pub async fn load_programme_text(slug: String) -> Result<ProgrammeText, AppError> {
    use crate::{
        api::context::{require, state},
        domain::authz::Action,
        language::request_language,
    };
    require(Action::EditProgrammes)?;
    let db = state()?.db;
    let (record, text) = super::ssr::programme_file(&db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(ProgrammeText {
        slug: record.slug,
        title: record.titles.get(request_language()).to_owned(),
        text,
    })
}

/// Saves a programme from its text (administrators): the programme `original` names, or a
/// new one when `original` is empty. Certificates already issued stay as they are; the new
/// requirements count from the next step each volunteer takes.
#[server(endpoint = "programmes/save")]
pub async fn save_programme(
    #[server(default)] original: Option<String>,
    text: String,
) -> Result<(), AppError> {
    use crate::{
        api::context::{require, state},
        domain::authz::Action,
    };
    let auth = require(Action::EditProgrammes)?;
    let db = state()?.db;
    let original = original.filter(|s| !s.trim().is_empty());
    let slug = super::ssr::save_programme(
        &db,
        original.as_deref(),
        &text,
        Some(auth.user.id),
        chrono::Utc::now(),
    )
    .await?;
    leptos_axum::redirect(&format!("/admin/programmes/{slug}?saved=1"));
    Ok(())
}

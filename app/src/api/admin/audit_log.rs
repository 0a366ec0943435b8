use super::Page;
use crate::errors::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One event as the audit page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    /// When, as RFC 3339 in UTC.
    pub at: String,
    /// Event name.
    pub event: String,
    /// Who acted (email), if known and still present.
    pub actor: Option<String>,
    /// Whom it concerned (email), if known and still present.
    pub subject: Option<String>,
    /// Extra detail, never secrets.
    pub detail: Option<String>,
}

/// The audit log, newest first, a page at a time.
#[server(endpoint = "admin/audit")]
pub async fn list_audit(page: u64) -> Result<Page<AuditRow>, AppError> {
    use crate::{
        api::context::{require, state},
        domain::authz::Action,
        store::{audit, people},
    };
    let state = state()?;
    require(Action::ViewAuditLog)?;
    let page = page.clamp(1, 100_000);
    let (events, total) = audit::page(&state.db, page - 1, super::PER_PAGE).await?;
    let ids = events
        .iter()
        .flat_map(|e| [e.actor_id, e.subject_id])
        .flatten()
        .collect();
    let emails = people::emails_of(&state.db, ids).await?;
    let items = events
        .into_iter()
        .map(|e| AuditRow {
            at: e.at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            event: e.event,
            actor: e.actor_id.and_then(|id| emails.get(&id).cloned()),
            subject: e.subject_id.and_then(|id| emails.get(&id).cloned()),
            detail: e.detail,
        })
        .collect();
    Ok(Page::new(items, page, super::PER_PAGE, total))
}

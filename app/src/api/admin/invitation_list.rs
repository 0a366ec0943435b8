//! The list of recent invitations.

use crate::errors::AppError;
use leptos::prelude::*;

/// An invitation as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InvitationRow {
    /// Its id, for withdrawing it.
    pub id: i32,
    /// Invited address.
    pub email: String,
    /// Role code.
    pub role: String,
    /// Centre name, for coordinators.
    pub centre: Option<String>,
    /// When it stops working (UTC, RFC 3339 date and time).
    pub expires: String,
    /// Whether it was accepted.
    pub accepted: bool,
    /// Whether its link still works (neither used nor expired).
    pub open: bool,
}

/// Invitations of the last 30 days, newest first: all for admins, their centres' for coordinators.
#[server(endpoint = "admin/invitations")]
pub async fn list_invitations(page: u64) -> Result<super::Page<InvitationRow>, AppError> {
    use super::invitations::{may_invite_anyone, may_manage};
    use crate::{
        api::context::{require, state},
        domain::authz::Action,
        store::{centres, tokens},
    };
    let state = state()?;
    let auth = require(Action::ManageOwnAccount)?;
    if !may_invite_anyone(&auth) {
        return Err(AppError::Forbidden);
    }
    let subject = auth.subject();
    let now = chrono::Utc::now();
    let since = now - chrono::Duration::days(30);
    let all = tokens::recent_of_purpose(&state.db, tokens::Purpose::Invitation, since).await?;
    let visible: Vec<(tokens::OneTimeToken, super::invitations::Grant)> = all
        .into_iter()
        .filter_map(|t| {
            let grant: super::invitations::Grant = t
                .payload
                .as_deref()
                .and_then(|p| serde_json::from_str(p).ok())?;
            may_manage(&subject, &grant).then_some((t, grant))
        })
        .collect();
    let total = visible.len() as u64;
    let page = page.clamp(1, 100_000);
    let per_page = super::PER_PAGE as usize;
    let slice: Vec<_> = visible
        .into_iter()
        .skip((page as usize - 1) * per_page)
        .take(per_page)
        .collect();
    let names = centres::names_of(
        &state.db,
        slice.iter().filter_map(|(_, g)| g.centre_id).collect(),
    )
    .await?;
    let items = slice
        .into_iter()
        .map(|(t, g)| InvitationRow {
            id: t.id,
            open: t.used_at.is_none() && t.expires_at > now,
            email: t.email.unwrap_or_default(),
            role: g.role,
            centre: g.centre_id.and_then(|c| names.get(&c).cloned()),
            expires: t.expires_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            accepted: t.used_at.is_some(),
        })
        .collect();
    Ok(super::Page::new(items, page, super::PER_PAGE, total))
}

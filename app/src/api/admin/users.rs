use super::Page;
use crate::{domain::role::Role, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A person in the admin list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRow {
    /// Public id (used in forms and links).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Email address.
    pub email: String,
    /// Roles held, each once.
    pub roles: Vec<Role>,
    /// Whether the address is confirmed.
    pub verified: bool,
    /// Whether two-step verification is on.
    pub two_factor: bool,
}

/// People whose name or address contains `query`, a page at a time.
#[server(endpoint = "admin/users")]
pub async fn list_users(query: String, page: u64) -> Result<Page<UserRow>, AppError> {
    use crate::{
        api::context::{require, state},
        domain::authz::Action,
        store::people,
    };
    let state = state()?;
    require(Action::ManageUsers)?;
    let query: String = query.trim().chars().take(100).collect();
    let page = page.clamp(1, 100_000);
    let (users, total) = people::search(&state.db, &query, page - 1, super::PER_PAGE).await?;
    let roles = people::roles_of_many(&state.db, users.iter().map(|u| u.id).collect()).await?;
    let items = users
        .into_iter()
        .map(|u| {
            let mut held: Vec<Role> = roles
                .get(&u.id)
                .map(|r| r.iter().map(|(role, _)| *role).collect())
                .unwrap_or_default();
            held.sort_by_key(|r| r.as_str());
            held.dedup();
            UserRow {
                id: u.public_id,
                name: u.display_name,
                email: u.email,
                roles: held,
                verified: u.email_verified_at.is_some(),
                two_factor: u.totp_enabled_at.is_some(),
            }
        })
        .collect();
    Ok(Page::new(items, page, super::PER_PAGE, total))
}

/// Grants or removes the trainer or admin role. Coordinators are added by invitation to a centre.
#[server(endpoint = "admin/set-role")]
pub async fn set_role(user: String, role: String, grant: bool) -> Result<(), AppError> {
    use crate::{
        api::context::{require, require_recent_password, state},
        domain::authz::Action,
        errors::Problem,
        store::{audit, people},
    };
    let state = state()?;
    let admin = require(Action::ManageUsers)?;
    require_recent_password(&admin)?;
    let role = match role.parse::<Role>() {
        Ok(role @ (Role::Trainer | Role::Admin)) => role,
        _ => return Err(AppError::field("role", Problem::Required)),
    };
    let target = people::find_by_public_id(&state.db, &user)
        .await?
        .ok_or(AppError::NotFound)?;
    if !grant && role == Role::Admin && target.id == admin.user.id {
        // Nobody removes their own admin role: the last admin could lock everyone out.
        return Err(AppError::Forbidden);
    }
    if grant {
        people::grant_role(&state.db, target.id, role, None).await?;
    } else {
        people::revoke_role(&state.db, target.id, role).await?;
    }
    let detail = format!(
        "{} {}",
        if grant { "granted" } else { "removed" },
        role.as_str()
    );
    audit::record(
        &state.db,
        audit::Event::RoleChanged,
        Some(admin.user.id),
        Some(target.id),
        Some(detail),
        chrono::Utc::now(),
    )
    .await?;
    Ok(())
}

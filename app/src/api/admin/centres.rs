use super::Page;
use crate::errors::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A centre as the admin pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CentreRow {
    /// Public id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind, stored form (`volunteer_centre`, ...).
    pub kind: String,
    /// `DK` or `NO`.
    pub country: String,
    /// Municipality.
    pub municipality: String,
    /// Contact address.
    pub contact_email: String,
}

#[cfg(feature = "ssr")]
fn row(c: crate::store::centres::Centre) -> CentreRow {
    CentreRow {
        id: c.public_id,
        name: c.name,
        kind: c.kind,
        country: c.country,
        municipality: c.municipality,
        contact_email: c.contact_email,
    }
}

/// Every centre, by name, a page at a time.
#[server(endpoint = "admin/centres")]
pub async fn list_centres(page: u64) -> Result<Page<CentreRow>, AppError> {
    use crate::{
        api::context::{require, state},
        domain::authz::Action,
        store::centres,
    };
    let state = state()?;
    require(Action::ManageCentres)?;
    let page = page.clamp(1, 100_000);
    let (items, total) = centres::page(&state.db, page - 1, super::PER_PAGE).await?;
    Ok(Page::new(
        items.into_iter().map(row).collect(),
        page,
        super::PER_PAGE,
        total,
    ))
}

/// The centres the signed-in person may invite coordinators to.
#[server(endpoint = "admin/invitable-centres")]
pub async fn invitable_centres() -> Result<Vec<CentreRow>, AppError> {
    use crate::{
        api::context::{require, state},
        domain::{
            authz::{Action, allows},
            role::Role,
        },
        store::centres,
    };
    let state = state()?;
    let auth = require(Action::ManageOwnAccount)?;
    let subject = auth.subject();
    let candidates = if allows(Some(&subject), Action::ManageCentres) {
        centres::page(&state.db, 0, 500).await?.0
    } else {
        let ids = auth
            .roles
            .iter()
            .filter(|(r, _)| *r == Role::Coordinator)
            .filter_map(|(_, c)| *c)
            .collect();
        centres::by_ids(&state.db, ids).await?
    };
    Ok(candidates
        .into_iter()
        .filter(|c| {
            allows(
                Some(&subject),
                Action::InviteCoordinator { centre_id: c.id },
            )
        })
        .map(row)
        .collect())
}

/// Creates a centre.
#[server(endpoint = "admin/create-centre")]
pub async fn create_centre(
    name: String,
    kind: String,
    country: String,
    municipality: String,
    contact_email: String,
) -> Result<(), AppError> {
    use crate::{
        api::{
            auth::validate,
            context::{require, state},
        },
        domain::{
            authz::Action,
            role::{CentreKind, Country},
        },
        errors::{FieldError, Problem},
        store::{audit, centres},
    };
    let state = state()?;
    let admin = require(Action::ManageCentres)?;
    let mut errors = Vec::new();
    let mut text = |field: &str, value: &str, max: usize| {
        let value = value.trim().to_owned();
        if value.is_empty() {
            errors.push(FieldError {
                field: field.into(),
                problem: Problem::Required,
            });
        } else if value.chars().count() > max {
            errors.push(FieldError {
                field: field.into(),
                problem: Problem::TooLong,
            });
        }
        value
    };
    let name = text("name", &name, 160);
    let municipality = text("municipality", &municipality, 120);
    let kind = match kind.as_str() {
        "volunteer_centre" => Some(CentreKind::VolunteerCentre),
        "municipal_contact_point" => Some(CentreKind::MunicipalContactPoint),
        "patient_organisation" => Some(CentreKind::PatientOrganisation),
        "self_help_organisation" => Some(CentreKind::SelfHelpOrganisation),
        _ => None,
    };
    let country = match country.as_str() {
        "DK" => Some(Country::Dk),
        "NO" => Some(Country::No),
        _ => None,
    };
    if kind.is_none() {
        errors.push(FieldError {
            field: "kind".into(),
            problem: Problem::Required,
        });
    }
    if country.is_none() {
        errors.push(FieldError {
            field: "country".into(),
            problem: Problem::Required,
        });
    }
    let email = validate::email(&contact_email, "contact_email", &mut errors);
    let (Some(kind), Some(country), Some(contact_email), true) =
        (kind, country, email, errors.is_empty())
    else {
        return Err(AppError::Invalid(errors));
    };
    let now = chrono::Utc::now();
    let centre = centres::create(
        &state.db,
        centres::NewCentre {
            name,
            kind,
            country,
            municipality,
            contact_email,
        },
        now,
    )
    .await?;
    audit::record(
        &state.db,
        audit::Event::CentreCreated,
        Some(admin.user.id),
        None,
        Some(centre.name),
        now,
    )
    .await?;
    leptos_axum::redirect("/admin/centres?created=1");
    Ok(())
}

//! The sign-off queue: volunteers who met everything but a programme's practical part, and
//! the trainer's sign-off, which issues the certificate in the same transaction.

use crate::{api::admin::Page, domain::ids::ProgrammeId, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Queue entries per page.
#[cfg(feature = "ssr")]
const PER_PAGE: u64 = 25;
/// The longest note.
pub const MAX_NOTE: usize = 1_000;

/// A volunteer waiting for a sign-off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignOffItem {
    /// The programme.
    pub programme: ProgrammeId,
    /// Its title, in the page's language.
    pub title: String,
    /// The practical part to sign off.
    pub what: String,
    /// The volunteer's public id.
    pub person: String,
    /// Their name.
    pub name: String,
    /// Waiting since, `YYYY-MM-DD`.
    pub since: String,
}

/// The programmes the signed-in trainer signs off (all for administrators; `None`).
#[cfg(feature = "ssr")]
async fn signer(
    db: &impl sea_orm::ConnectionTrait,
) -> Result<(crate::auth::Auth, Option<Vec<ProgrammeId>>), AppError> {
    let auth = crate::auth::signed_in().ok_or(AppError::Unauthenticated)?;
    let programmes = signed_off_by(db, &auth).await?;
    Ok((auth, programmes))
}

/// The programmes `auth` signs off: those whose practical part a course they teach holds,
/// all (`None`) for administrators; refused for anyone who teaches nothing.
#[cfg(feature = "ssr")]
pub(crate) async fn signed_off_by(
    db: &impl sea_orm::ConnectionTrait,
    auth: &crate::auth::Auth,
) -> Result<Option<Vec<ProgrammeId>>, AppError> {
    use crate::{
        domain::authz::{Action, allows},
        store::{certification, learning},
    };
    let subject = auth.subject();
    if !allows(Some(&subject), Action::TeachCourse { teaches: true }) {
        return Err(AppError::Forbidden);
    }
    if allows(Some(&subject), Action::ManageUsers) {
        return Ok(None);
    }
    let taught = learning::taught_by(db, auth.user.id).await?;
    Ok(Some(
        certification::all(db)
            .await?
            .into_iter()
            .filter(|p| p.programme.signed_off_by(&taught))
            .map(|p| p.id)
            .collect(),
    ))
}

/// Those waiting for the signed-in trainer's sign-off, the longest waiting first.
#[server(endpoint = "certificates/sign-offs")]
pub async fn sign_off_queue(page: u64) -> Result<Page<SignOffItem>, AppError> {
    use crate::{api::context::state, language::request_language, store::certification};
    let db = state()?.db;
    let (_, programmes) = signer(&db).await?;
    let page = page.clamp(1, 100_000);
    let (items, total) =
        certification::sign_off_queue(&db, programmes.as_deref(), page - 1, PER_PAGE).await?;
    let all = certification::all(&db).await?;
    let language = request_language();
    let items = items
        .into_iter()
        .filter_map(|item| {
            let programme = all.iter().find(|p| p.id == item.programme_id)?;
            Some(SignOffItem {
                programme: programme.id,
                title: programme.titles.get(language).to_owned(),
                what: programme.sign_off.clone().unwrap_or_default(),
                person: item.public_id,
                name: item.name,
                since: crate::api::dates::date(item.requested_at),
            })
        })
        .collect();
    Ok(Page::new(items, page, PER_PAGE, total))
}

/// Signs off the practical part for one volunteer, with a short note; their certificate is
/// issued at once when nothing else is missing.
#[server(endpoint = "certificates/sign-off")]
pub async fn sign_off(
    programme: ProgrammeId,
    person: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    use crate::{
        api::context::state,
        errors::Problem,
        mail,
        store::{certification, db::begin_write, people},
    };
    let note = note.trim();
    if note.chars().count() > MAX_NOTE {
        return Err(AppError::field("note", Problem::TooLong));
    }
    let state = state()?;
    let (auth, programmes) = signer(&state.db).await?;
    match certification::find(&state.db, programme).await {
        Ok(_) => {}
        Err(crate::store::StoreError::NotFound(_)) => return Err(AppError::NotFound),
        Err(error) => return Err(error.into()),
    }
    if programmes.is_some_and(|p| !p.contains(&programme)) {
        return Err(AppError::Forbidden);
    }
    let volunteer = people::find_by_public_id(&state.db, &person)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = chrono::Utc::now();
    let txn = begin_write(&state.db).await?;
    if !certification::sign(&txn, programme, volunteer.id, auth.user.id, note, now).await? {
        return Err(AppError::NotFound);
    }
    let mailed = super::ssr::settle(&txn, &state, volunteer.id, now).await?;
    txn.commit().await?;
    if mailed {
        mail::ring(&state.mail_wakeup);
    }
    Ok(())
}

//! The attendance list of a workshop, marked by the trainer who runs it. Marking someone as
//! present may complete their certification: the certificate is issued in the same
//! transaction.

use super::WorkshopItem;
use crate::{domain::ids::WorkshopId, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One person holding a seat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceRow {
    /// Their public id.
    pub person: String,
    /// Their name.
    pub name: String,
    /// Whether they came; none until marked.
    pub attended: Option<bool>,
}

/// A workshop with those holding a seat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceList {
    /// The workshop.
    pub workshop: WorkshopItem,
    /// Whether attendance can be marked now (from the day of the workshop).
    pub open: bool,
    /// Those holding a seat, by name.
    pub people: Vec<AttendanceRow>,
}

#[cfg(feature = "ssr")]
async fn organised(
    db: &impl sea_orm::ConnectionTrait,
    workshop: WorkshopId,
) -> Result<(crate::auth::Auth, crate::store::entities::workshop::Model), AppError> {
    use crate::{
        api::context::require,
        domain::authz::{Action, allows},
        store::workshops,
    };
    let auth = require(Action::ScheduleWorkshops)?;
    let row = workshops::find(db, workshop).await?;
    let organiser = row.created_by == Some(auth.user.id);
    if !allows(Some(&auth.subject()), Action::RunWorkshop { organiser }) {
        return Err(AppError::Forbidden);
    }
    Ok((auth, row))
}

/// The attendance list, for the trainer who runs the workshop (and administrators).
#[server(endpoint = "workshops/attendance")]
pub async fn load_attendance(workshop: WorkshopId) -> Result<AttendanceList, AppError> {
    use crate::{api::context::state, store::workshops};
    let db = state()?.db;
    let (auth, row) = organised(&db, workshop).await?;
    let roster = workshops::roster(&db, workshop).await?;
    let summary = workshops::with_counts(&db, vec![row.clone()])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    Ok(AttendanceList {
        workshop: super::ssr::item(summary, None, auth.user.id),
        open: crate::domain::workshops::attendance_open(row.starts_at, chrono::Utc::now()),
        people: roster
            .into_iter()
            .map(|r| AttendanceRow {
                person: r.public_id,
                name: r.name,
                attended: r.attended,
            })
            .collect(),
    })
}

/// Marks whether one person came (`attended` is `yes` or `no`).
#[server(endpoint = "workshops/mark")]
pub async fn mark_attendance(
    workshop: WorkshopId,
    person: String,
    attended: String,
) -> Result<(), AppError> {
    use crate::{
        api::context::state,
        errors::Problem,
        mail,
        store::{db::begin_write, people, workshops},
    };
    let attended = match attended.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::field("attended", Problem::NotAllowed)),
    };
    let state = state()?;
    organised(&state.db, workshop).await?;
    let who = people::find_by_public_id(&state.db, &person)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = chrono::Utc::now();
    let txn = begin_write(&state.db).await?;
    if !workshops::mark(&txn, workshop, who.id, attended, now).await? {
        return Err(AppError::NotFound);
    }
    let mailed = crate::api::certification::ssr::settle(&txn, &state, who.id, now).await?;
    txn.commit().await?;
    if mailed {
        mail::ring(&state.mail_wakeup);
    }
    Ok(())
}

//! A group's life after it is posted: the centre follows its requests and may take a waiting
//! one back; the igangsætter who accepted lists their groups, marks the first meeting held
//! and steps out when their meetings are done; the centre ends a group, with a reason.

use crate::{
    api::{admin::Page, matching::GroupRow},
    domain::groups::{GroupStatus, RequestStatus},
    errors::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Rows per page in these lists.
#[cfg(feature = "ssr")]
const PER_PAGE: u64 = 20;

/// A group as the igangsætter who accepted it sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyGroupItem {
    /// The listed facts.
    pub group: GroupRow,
    /// The centre behind it.
    pub centre: String,
    /// Meetings they agreed to attend.
    pub meetings: u32,
    /// The steps they may take now.
    pub steps: Vec<GroupStatus>,
}

/// A request sent for a group, as the centre sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupRequestRow {
    /// Its id.
    pub id: i32,
    /// The igangsætter asked.
    pub name: String,
    /// Where it stands.
    pub status: RequestStatus,
    /// Their reason, if they declined with one.
    pub reason: Option<String>,
    /// Sent, `YYYY-MM-DD`.
    pub sent_on: String,
    /// Answer by, `YYYY-MM-DD`.
    pub expires_on: String,
}

/// A page (from 1) of the groups the signed-in person accepted, newest first.
#[server(endpoint = "groups/mine")]
pub async fn my_groups(page: u64) -> Result<Page<MyGroupItem>, AppError> {
    use crate::{
        api::context::{require, state},
        domain::{
            authz::Action,
            groups::{Mover, steps_for},
        },
        store::{centres, groups},
    };
    let auth = require(Action::Learn)?;
    let db = state()?.db;
    let page = page.max(1);
    let (rows, total) = groups::page_of_igangsaetter(&db, auth.user.id, page - 1, PER_PAGE).await?;
    let names = centres::by_ids(&db, rows.iter().map(|g| g.centre_id).collect()).await?;
    let items = rows
        .iter()
        .map(|g| MyGroupItem {
            group: super::groups::row_of(g),
            centre: names
                .iter()
                .find(|c| c.id == g.centre_id)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            meetings: g.plan.meetings,
            steps: steps_for(Mover::Igangsaetter, g.status),
        })
        .collect();
    Ok(Page::new(items, page, PER_PAGE, total))
}

/// A page (from 1) of the requests sent for `group`, newest first; its centre's only.
#[server(endpoint = "groups/requests")]
pub async fn group_requests(group: i32, page: u64) -> Result<Page<GroupRequestRow>, AppError> {
    use crate::{
        api::{context::state, dates::local_date},
        store::{matching, requests},
    };
    let db = state()?.db;
    let record = super::groups::group_for(&db, group).await?;
    let page = page.max(1);
    let (rows, total) = requests::of_group(&db, record.id, page - 1, PER_PAGE).await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.user_id).collect();
    let names = matching::names(&db, &ids).await?;
    let items = rows
        .into_iter()
        .map(|r| GroupRequestRow {
            id: r.id,
            name: names
                .get(&r.user_id)
                .map(|(_, name)| name.clone())
                .unwrap_or_default(),
            status: RequestStatus::parse(&r.status).unwrap_or(RequestStatus::Expired),
            reason: r.reason,
            sent_on: local_date(r.sent_at).to_string(),
            expires_on: local_date(r.expires_at).to_string(),
        })
        .collect();
    Ok(Page::new(items, page, PER_PAGE, total))
}

/// Takes back waiting request `request`; its group's centre only.
#[server(endpoint = "requests/withdraw")]
pub async fn withdraw_request(request: i32) -> Result<(), AppError> {
    use crate::{
        api::context::{require, state},
        domain::{authz::Action, groups::AcceptRefused},
        store::{groups, requests},
    };
    let db = state()?.db;
    require(Action::ManageOwnAccount)?;
    let row = requests::find(&db, request)
        .await?
        .ok_or(AppError::NotFound)?;
    let record = groups::find(&db, row.group_id)
        .await?
        .ok_or(AppError::NotFound)?;
    require(Action::ViewCentre {
        centre_id: record.centre_id,
    })?;
    if !requests::withdraw(&db, row.id, chrono::Utc::now()).await? {
        return Err(AppError::AnswerRefused(AcceptRefused::NotPending));
    }
    leptos_axum::redirect(&format!("/groups/{}?withdrawn=1", record.id));
    Ok(())
}

/// Takes group `group` to status `to`: the centre ends it (with an optional `reason`) or
/// takes any other step; the igangsætter who accepted it marks the first meeting held,
/// steps out, or gives it back before it starts. Steps that cannot be undone need
/// `confirm=yes`.
#[server(endpoint = "groups/move")]
pub async fn move_group(
    group: i32,
    to: String,
    #[server(default)] reason: String,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        api::context::{require, state},
        domain::{
            authz::{Action, allows},
            groups::{MAX_REASON, MoveRefused, Mover, may_move},
        },
        errors::Problem,
        store::{db::begin_write, groups, requests},
    };
    let db = state()?.db;
    let auth = require(Action::ManageOwnAccount)?;
    let record = groups::find(&db, group).await?.ok_or(AppError::NotFound)?;
    let for_centre = allows(
        Some(&auth.subject()),
        Action::ViewCentre {
            centre_id: record.centre_id,
        },
    );
    let mover = if for_centre {
        Mover::Centre
    } else if record.igangsaetter == Some(auth.user.id) {
        Mover::Igangsaetter
    } else {
        return Err(AppError::Forbidden);
    };
    let to = GroupStatus::parse(to.trim()).ok_or(AppError::field("to", Problem::NotAllowed))?;
    let reason = reason.trim().to_owned();
    if reason.chars().count() > MAX_REASON {
        return Err(AppError::field("reason", Problem::TooLong));
    }
    let reason = (to == GroupStatus::Ended && !reason.is_empty()).then_some(reason);
    match may_move(mover, record.status, to) {
        Ok(()) => {}
        Err(MoveRefused::NotNow) => return Err(AppError::GroupMoved),
        Err(MoveRefused::NotYours) => return Err(AppError::Forbidden),
    }
    if to != GroupStatus::Running && confirm.as_deref() != Some("yes") {
        return Err(AppError::field("confirm", Problem::MustConfirm));
    }
    let now = chrono::Utc::now();
    let txn = begin_write(&db).await?;
    let held_by = (mover == Mover::Igangsaetter).then_some(auth.user.id);
    let step = (record.status, to);
    if !groups::advance(&txn, record.id, step, held_by, reason, now).await? {
        return Err(AppError::GroupMoved);
    }
    if to == GroupStatus::Ended {
        requests::withdraw_waiting(&txn, record.id, now).await?;
    }
    txn.commit().await?;
    tracing::info!(
        group = record.id,
        from = record.status.as_str(),
        to = to.as_str(),
        ?mover,
        "group moved"
    );
    let next = match mover {
        Mover::Centre => format!("/groups/{}?moved={}", record.id, to.as_str()),
        Mover::Igangsaetter => format!("/my-groups?moved={}", to.as_str()),
    };
    leptos_axum::redirect(&next);
    Ok(())
}

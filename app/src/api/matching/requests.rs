//! Requests to igangsættere: a coordinator asks a candidate, with a personal message, and
//! the igangsætter finds it by email and in their list of requests, and accepts or declines.

use crate::{
    api::{admin::Page, matching::GroupRow},
    domain::groups::RequestStatus,
    errors::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Requests per page in an igangsætter's list.
#[cfg(feature = "ssr")]
const PER_PAGE: u64 = 20;

/// A request as the igangsætter sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestItem {
    /// Its id.
    pub id: i32,
    /// The group asked about.
    pub group: GroupRow,
    /// The centre asking.
    pub centre: String,
    /// The coordinator's message.
    pub message: String,
    /// Where it stands.
    pub status: RequestStatus,
    /// Their reason, if they declined with one.
    pub reason: Option<String>,
    /// Sent, `YYYY-MM-DD`.
    pub sent_on: String,
    /// Answer by, `YYYY-MM-DD`.
    pub expires_on: String,
    /// Meetings they are asked to attend.
    pub meetings: u32,
}

/// Asks the igangsætter with public id `person` to start group `group`, with `message`.
#[server(endpoint = "requests/send")]
pub async fn send_request(group: i32, person: String, message: String) -> Result<(), AppError> {
    use crate::{
        api::{
            auth::finish,
            context::{require, state},
            dates::local_date,
        },
        domain::{
            authz::Action,
            groups::{GroupStatus, MAX_MESSAGE},
            matching::eligible,
        },
        errors::Problem,
        mail::{self, Template},
        store::{centres, db::begin_write, matching, people, requests},
    };
    let state = state()?;
    let db = &state.db;
    let record = super::groups::group_for(db, group).await?;
    let auth = require(Action::ManageOwnAccount)?;
    let message = message.trim().to_owned();
    if message.is_empty() {
        return Err(AppError::field("message", Problem::Required));
    }
    if message.chars().count() > MAX_MESSAGE {
        return Err(AppError::field("message", Problem::TooLong));
    }
    let asked = people::find_by_public_id(db, person.trim())
        .await?
        .ok_or(AppError::CannotAsk)?;
    let now = chrono::Utc::now();
    let candidate = matching::candidate_of(db, asked.id, now)
        .await?
        .ok_or(AppError::CannotAsk)?;
    let may_ask = record.status == GroupStatus::Seeking
        && eligible(&candidate, &record.plan.need(record.at)).is_ok()
        && !requests::waiting_people(db, record.id)
            .await?
            .contains(&asked.id);
    if !may_ask {
        return Err(AppError::CannotAsk);
    }
    let centre = centres::find(db, record.centre_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let expires = now + chrono::Duration::days(state.site.request_days);
    let language = asked.language.parse().unwrap_or_default();
    let place = crate::domain::places::find(record.plan.place).map_or("", |p| p.name);
    let txn = begin_write(db).await?;
    requests::send(
        &txn,
        record.id,
        asked.id,
        auth.user.id,
        &message,
        now,
        expires,
    )
    .await?;
    let to =
        crate::domain::email::EmailAddress::parse(&asked.email).map_err(|_| AppError::CannotAsk)?;
    mail::queue_about(
        &txn,
        &to,
        language,
        Template::GroupRequest,
        minijinja::context! {
            name => asked.display_name,
            centre => centre.name,
            group => record.plan.title,
            weekday => record.plan.weekday.as_str(),
            time => record.plan.time.format("%H:%M").to_string(),
            place => place,
            starts => record.plan.starts_on.to_string(),
            meetings => record.plan.meetings,
            message => message,
            expires => local_date(expires).to_string(),
            link => format!("{}/requests", state.site.base_url),
        },
        Some(auth.user.id),
    )
    .await
    .map_err(|error| {
        tracing::error!(%error, "request mail");
        AppError::Internal
    })?;
    finish(
        txn,
        Some(&state.mail_wakeup),
        &format!("/groups/{}?asked=1", record.id),
    )
    .await
}

/// A page (from 1) of the signed-in person's requests, newest first.
#[server(endpoint = "requests/mine")]
pub async fn my_requests(page: u64) -> Result<Page<RequestItem>, AppError> {
    use crate::{
        api::{
            context::{require, state},
            dates::local_date,
        },
        domain::authz::Action,
        store::{centres, groups, requests},
    };
    let auth = require(Action::Learn)?;
    let db = state()?.db;
    let page = page.max(1);
    let (rows, total) = requests::inbox(&db, auth.user.id, page - 1, PER_PAGE).await?;
    let group_ids: Vec<i32> = rows.iter().map(|r| r.group_id).collect();
    let found = groups::by_ids(&db, &group_ids).await?;
    let centre_ids: Vec<i32> = found.iter().map(|g| g.centre_id).collect();
    let names = centres::by_ids(&db, centre_ids).await?;
    let items = rows
        .into_iter()
        .filter_map(|r| {
            let group = found.iter().find(|g| g.id == r.group_id)?;
            let centre = names.iter().find(|c| c.id == group.centre_id)?;
            Some(RequestItem {
                id: r.id,
                group: super::groups::row_of(group),
                centre: centre.name.clone(),
                message: r.message,
                status: RequestStatus::parse(&r.status).unwrap_or(RequestStatus::Expired),
                reason: r.reason,
                sent_on: local_date(r.sent_at).to_string(),
                expires_on: local_date(r.expires_at).to_string(),
                meetings: group.plan.meetings,
            })
        })
        .collect();
    Ok(Page::new(items, page, PER_PAGE, total))
}

/// Answers request `request`: `answer` is `accept` or `decline`, with an optional `reason`
/// for declining.
#[server(endpoint = "requests/answer")]
pub async fn answer_request(
    request: i32,
    answer: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::{
        api::context::{require, state},
        domain::{authz::Action, groups::MAX_REASON},
        errors::Problem,
        store::requests::{self, AnswerError},
    };
    let auth = require(Action::Learn)?;
    let db = state()?.db;
    let now = chrono::Utc::now();
    let outcome = match answer.trim() {
        "accept" => requests::accept(&db, request, auth.user.id, now)
            .await
            .map(|_| ()),
        "decline" => {
            let reason = reason.trim().to_owned();
            if reason.chars().count() > MAX_REASON {
                return Err(AppError::field("reason", Problem::TooLong));
            }
            let reason = (!reason.is_empty()).then_some(reason);
            requests::decline(&db, request, auth.user.id, reason, now).await
        }
        _ => return Err(AppError::field("answer", Problem::NotAllowed)),
    };
    match outcome {
        Ok(()) => {
            leptos_axum::redirect(&format!("/requests?answered={}", answer.trim()));
            Ok(())
        }
        Err(AnswerError::Refused(why)) => Err(AppError::AnswerRefused(why)),
        Err(AnswerError::NotYours) => Err(AppError::Forbidden),
        Err(AnswerError::Store(crate::store::StoreError::NotFound(_))) => Err(AppError::NotFound),
        Err(AnswerError::Store(error)) => Err(error.into()),
    }
}

//! Requests to igangsættere: sent by a coordinator, answered once. Accepting runs in one
//! write transaction that locks the igangsætter's profile and then the group (PostgreSQL
//! row locks; SQLite takes its write lock at the start), so two answers at the same instant
//! never give a group two igangsættere nor a person more groups than their places.

use crate::{
    domain::groups::{AcceptRefused, GroupStatus, RequestStatus, may_accept},
    store::{
        StoreError, StoreResult,
        db::begin_write,
        entities::{group, group_request, igangsaetter_profile},
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set, sea_query::Expr,
};

pub use group_request::Model as RequestRow;

/// What an answer could not do.
#[derive(Debug, thiserror::Error)]
pub enum AnswerError {
    /// The rules refused it.
    #[error("refused: {0:?}")]
    Refused(AcceptRefused),
    /// The request is not this person's.
    #[error("not the person asked")]
    NotYours,
    /// Reading or writing failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for AnswerError {
    fn from(error: sea_orm::DbErr) -> AnswerError {
        AnswerError::Store(error.into())
    }
}

fn status_of(row: &group_request::Model) -> RequestStatus {
    RequestStatus::parse(&row.status).unwrap_or(RequestStatus::Expired)
}

/// The people with a request for `group_id` still waiting.
pub async fn waiting_people(db: &impl ConnectionTrait, group_id: i32) -> StoreResult<Vec<i32>> {
    Ok(group_request::Entity::find()
        .select_only()
        .column(group_request::Column::UserId)
        .filter(group_request::Column::GroupId.eq(group_id))
        .filter(group_request::Column::Status.eq(RequestStatus::Pending.as_str()))
        .into_tuple()
        .all(db)
        .await?)
}

/// Writes a waiting request; its id.
pub async fn send(
    db: &impl ConnectionTrait,
    group_id: i32,
    user_id: i32,
    sent_by: i32,
    message: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> StoreResult<i32> {
    let row = group_request::ActiveModel {
        group_id: Set(group_id),
        user_id: Set(user_id),
        sent_by: Set(Some(sent_by)),
        message: Set(message.to_owned()),
        status: Set(RequestStatus::Pending.as_str().to_owned()),
        reason: Set(None),
        sent_at: Set(now),
        expires_at: Set(expires_at),
        answered_at: Set(None),
        ..Default::default()
    };
    Ok(group_request::Entity::insert(row)
        .exec(db)
        .await?
        .last_insert_id)
}

/// The request with this id.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> StoreResult<Option<RequestRow>> {
    Ok(group_request::Entity::find_by_id(id).one(db).await?)
}

/// A page (from 0) of the requests to `user_id`, newest first, and how many there are.
pub async fn inbox(
    db: &impl ConnectionTrait,
    user_id: i32,
    page: u64,
    per_page: u64,
) -> StoreResult<(Vec<RequestRow>, u64)> {
    let paginator = group_request::Entity::find()
        .filter(group_request::Column::UserId.eq(user_id))
        .order_by_desc(group_request::Column::SentAt)
        .order_by_desc(group_request::Column::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    Ok((paginator.fetch_page(page).await?, total))
}

/// Moves a waiting request to `next` at `now`, with a reason; false when it was not
/// waiting any more.
async fn settle(
    db: &impl ConnectionTrait,
    id: i32,
    next: RequestStatus,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let done = group_request::Entity::update_many()
        .col_expr(group_request::Column::Status, Expr::value(next.as_str()))
        .col_expr(group_request::Column::Reason, Expr::value(reason))
        .col_expr(group_request::Column::AnsweredAt, Expr::value(now))
        .filter(group_request::Column::Id.eq(id))
        .filter(group_request::Column::Status.eq(RequestStatus::Pending.as_str()))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// Declines request `id` as `user_id`, with an optional reason.
pub async fn decline(
    db: &DatabaseConnection,
    id: i32,
    user_id: i32,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), AnswerError> {
    let row = find(db, id).await?.ok_or(StoreError::NotFound("request"))?;
    if row.user_id != user_id {
        return Err(AnswerError::NotYours);
    }
    if !settle(db, id, RequestStatus::Declined, reason, now).await? {
        return Err(AnswerError::Refused(AcceptRefused::NotPending));
    }
    Ok(())
}

/// Accepts request `id` as `user_id` at `now`: the group is matched with them and its other
/// waiting requests are withdrawn. Returns the group's id.
pub async fn accept(
    db: &DatabaseConnection,
    id: i32,
    user_id: i32,
    now: DateTime<Utc>,
) -> Result<i32, AnswerError> {
    let txn = begin_write(db).await?;
    let request = group_request::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(StoreError::NotFound("request"))?;
    if request.user_id != user_id {
        return Err(AnswerError::NotYours);
    }
    // The person first, then the group: every accepting transaction locks in this order.
    let profile = igangsaetter_profile::Entity::find_by_id(user_id)
        .lock_exclusive()
        .one(&txn)
        .await?;
    let group_row = group::Entity::find_by_id(request.group_id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .ok_or(StoreError::NotFound("group"))?;
    let active = group::Entity::find()
        .filter(group::Column::IgangsaetterId.eq(user_id))
        .filter(
            group::Column::Status.is_in(
                GroupStatus::ALL
                    .into_iter()
                    .filter(|s| s.takes_a_place())
                    .map(GroupStatus::as_str),
            ),
        )
        .count(&txn)
        .await?;
    let capacity = profile.map_or(0, |p| u32::try_from(p.capacity).unwrap_or(0));
    let group_status = GroupStatus::parse(&group_row.status).unwrap_or(GroupStatus::Ended);
    may_accept(
        status_of(&request),
        group_status,
        u32::try_from(active).unwrap_or(u32::MAX),
        capacity,
    )
    .map_err(AnswerError::Refused)?;
    let matched = group::Entity::update_many()
        .col_expr(
            group::Column::Status,
            Expr::value(GroupStatus::Matched.as_str()),
        )
        .col_expr(group::Column::IgangsaetterId, Expr::value(Some(user_id)))
        .col_expr(group::Column::MatchedAt, Expr::value(Some(now)))
        .filter(group::Column::Id.eq(group_row.id))
        .filter(group::Column::Status.eq(GroupStatus::Seeking.as_str()))
        .exec(&txn)
        .await?;
    if matched.rows_affected != 1 {
        return Err(AnswerError::Refused(AcceptRefused::GroupTaken));
    }
    if !settle(&txn, id, RequestStatus::Accepted, None, now).await? {
        return Err(AnswerError::Refused(AcceptRefused::NotPending));
    }
    withdraw_waiting(&txn, group_row.id, now).await?;
    txn.commit().await?;
    Ok(group_row.id)
}

/// Takes back waiting request `id` at `now`; false when it was not waiting any more.
pub async fn withdraw(db: &impl ConnectionTrait, id: i32, now: DateTime<Utc>) -> StoreResult<bool> {
    settle(db, id, RequestStatus::Withdrawn, None, now).await
}

/// Marks waiting request `id` expired at `now`; false when it was answered meanwhile.
pub async fn expire(db: &impl ConnectionTrait, id: i32, now: DateTime<Utc>) -> StoreResult<bool> {
    settle(db, id, RequestStatus::Expired, None, now).await
}

/// Up to `limit` waiting requests whose answer-by time has passed at `now`, oldest first.
pub async fn overdue(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    limit: u64,
) -> StoreResult<Vec<RequestRow>> {
    Ok(group_request::Entity::find()
        .filter(group_request::Column::Status.eq(RequestStatus::Pending.as_str()))
        .filter(group_request::Column::ExpiresAt.lte(now))
        .order_by_asc(group_request::Column::ExpiresAt)
        .order_by_asc(group_request::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// A page (from 0) of the requests sent for `group_id`, newest first, and how many there are.
pub async fn of_group(
    db: &impl ConnectionTrait,
    group_id: i32,
    page: u64,
    per_page: u64,
) -> StoreResult<(Vec<RequestRow>, u64)> {
    let paginator = group_request::Entity::find()
        .filter(group_request::Column::GroupId.eq(group_id))
        .order_by_desc(group_request::Column::SentAt)
        .order_by_desc(group_request::Column::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    Ok((paginator.fetch_page(page).await?, total))
}

/// Takes back every request for `group_id` still waiting, at `now`: the group found its
/// igangsætter or no longer seeks one.
pub async fn withdraw_waiting(
    db: &impl ConnectionTrait,
    group_id: i32,
    now: DateTime<Utc>,
) -> StoreResult<u64> {
    Ok(group_request::Entity::update_many()
        .col_expr(
            group_request::Column::Status,
            Expr::value(RequestStatus::Withdrawn.as_str()),
        )
        .col_expr(group_request::Column::AnsweredAt, Expr::value(Some(now)))
        .filter(group_request::Column::GroupId.eq(group_id))
        .filter(group_request::Column::Status.eq(RequestStatus::Pending.as_str()))
        .exec(db)
        .await?
        .rows_affected)
}

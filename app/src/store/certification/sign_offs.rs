//! The sign-off queue: volunteers who met everything but a programme's practical part.

use crate::domain::ids::ProgrammeId;
use crate::store::{
    StoreResult,
    entities::{sign_off, user},
};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
    TryInsertResult,
    sea_query::{Expr, OnConflict},
};

/// A volunteer waiting for a trainer's sign-off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignOffRequest {
    /// The programme.
    pub programme_id: ProgrammeId,
    /// The volunteer.
    pub user_id: i32,
    /// Their public id.
    pub public_id: String,
    /// Their name.
    pub name: String,
    /// Since when they wait.
    pub requested_at: DateTime<Utc>,
}

/// Puts `user_id` in the queue of `programme`; returns whether they were not in it yet.
pub(super) async fn request(
    db: &impl ConnectionTrait,
    programme: ProgrammeId,
    user_id: i32,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let inserted = sign_off::Entity::insert(sign_off::ActiveModel {
        programme_id: Set(programme),
        user_id: Set(user_id),
        requested_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([sign_off::Column::ProgrammeId, sign_off::Column::UserId])
            .do_nothing()
            .to_owned(),
    )
    .try_insert()
    .exec(db)
    .await?;
    Ok(matches!(inserted, TryInsertResult::Inserted(_)))
}

/// One page of those waiting for a sign-off of one of `programmes` (all when none), the
/// longest waiting first, and how many wait in all.
pub async fn queue(
    db: &impl ConnectionTrait,
    programmes: Option<&[ProgrammeId]>,
    page: u64,
    per_page: u64,
) -> StoreResult<(Vec<SignOffRequest>, u64)> {
    let mut pending = sign_off::Entity::find().filter(sign_off::Column::SignedAt.is_null());
    if let Some(programmes) = programmes {
        pending = pending.filter(sign_off::Column::ProgrammeId.is_in(programmes.iter().copied()));
    }
    let pending = pending
        .order_by_asc(sign_off::Column::RequestedAt)
        .order_by_asc(sign_off::Column::Id);
    let total = pending.clone().count(db).await?;
    let rows = pending.paginate(db, per_page).fetch_page(page).await?;
    let names: Vec<user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().map(|r| r.user_id)))
        .all(db)
        .await?;
    let requests = rows
        .into_iter()
        .filter_map(|row| {
            let person = names.iter().find(|u| u.id == row.user_id)?;
            Some(SignOffRequest {
                programme_id: row.programme_id,
                user_id: row.user_id,
                public_id: person.public_id.clone(),
                name: person.display_name.clone(),
                requested_at: row.requested_at,
            })
        })
        .collect();
    Ok((requests, total))
}

/// Signs off the practical part of `programme` for `user_id`, with a note. Returns false when
/// they were not waiting (or were signed off already).
pub async fn sign(
    db: &impl ConnectionTrait,
    programme: ProgrammeId,
    user_id: i32,
    trainer: i32,
    note: &str,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let result = sign_off::Entity::update_many()
        .col_expr(sign_off::Column::SignedBy, Expr::value(trainer))
        .col_expr(sign_off::Column::SignedAt, Expr::value(now))
        .col_expr(sign_off::Column::Note, Expr::value(note))
        .filter(sign_off::Column::ProgrammeId.eq(programme))
        .filter(sign_off::Column::UserId.eq(user_id))
        .filter(sign_off::Column::SignedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

//! Groups centres need an igangsætter for: written from a checked plan, listed a page at a
//! time per centre, and read back as plans.

use crate::{
    domain::{
        group_plan::{Cadence, GroupKind, GroupPlan},
        groups::GroupStatus,
        matching::{Coordinates, Weekday},
        profile::Topic,
    },
    store::{StoreError, StoreResult, entities::group},
};
use chrono::{DateTime, NaiveTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

/// A stored group.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupRecord {
    /// Its id.
    pub id: i32,
    /// The centre it belongs to.
    pub centre_id: i32,
    /// What was planned.
    pub plan: GroupPlan,
    /// Where its town lies.
    pub at: Coordinates,
    /// Where it is in its life.
    pub status: GroupStatus,
    /// The igangsætter who accepted, if any.
    pub igangsaetter: Option<i32>,
    /// When it was posted.
    pub created_at: DateTime<Utc>,
    /// The steps it has taken.
    pub steps: Steps,
}

fn unreadable(what: &str, value: &str) -> StoreError {
    StoreError::Db(sea_orm::DbErr::Type(format!("group {what} {value:?}")))
}

fn from_row(row: group::Model) -> StoreResult<GroupRecord> {
    let steps = Steps {
        dates: [
            (GroupStatus::Seeking, Some(row.created_at)),
            (GroupStatus::Matched, row.matched_at),
            (GroupStatus::Running, row.running_at),
            (GroupStatus::SelfLed, row.self_led_at),
            (GroupStatus::Ended, row.ended_at),
        ]
        .into_iter()
        .filter_map(|(status, at)| at.map(|at| (status, at)))
        .collect(),
        ending_reason: row.ending_reason.clone(),
    };
    let plan = GroupPlan {
        topic: Topic::parse(&row.topic).ok_or_else(|| unreadable("topic", &row.topic))?,
        kind: GroupKind::parse(&row.kind).ok_or_else(|| unreadable("kind", &row.kind))?,
        language: row
            .language
            .parse()
            .map_err(|_| unreadable("language", &row.language))?,
        place: row.place_id,
        weekday: Weekday::parse(&row.weekday).ok_or_else(|| unreadable("weekday", &row.weekday))?,
        time: NaiveTime::parse_from_str(&row.meets_at, "%H:%M")
            .map_err(|_| unreadable("time", &row.meets_at))?,
        cadence: Cadence::parse(&row.cadence).ok_or_else(|| unreadable("cadence", &row.cadence))?,
        starts_on: row.starts_on,
        meetings: u32::try_from(row.meetings).unwrap_or(0),
        description: row.description,
        title: row.title,
    };
    Ok(GroupRecord {
        id: row.id,
        centre_id: row.centre_id,
        plan,
        at: Coordinates {
            lat: row.lat,
            lon: row.lon,
        },
        status: GroupStatus::parse(&row.status).ok_or_else(|| unreadable("status", &row.status))?,
        igangsaetter: row.igangsaetter_id,
        created_at: row.created_at,
        steps,
    })
}

/// Writes a new group of `centre_id` from a checked `plan`, seeking an igangsætter; its id.
pub async fn create(
    db: &impl ConnectionTrait,
    centre_id: i32,
    created_by: i32,
    plan: &GroupPlan,
    at: Coordinates,
    now: DateTime<Utc>,
) -> StoreResult<i32> {
    let row = group::ActiveModel {
        centre_id: Set(centre_id),
        created_by: Set(Some(created_by)),
        title: Set(plan.title.trim().to_owned()),
        topic: Set(plan.topic.as_str().to_owned()),
        kind: Set(plan.kind.as_str().to_owned()),
        language: Set(plan.language.code().to_owned()),
        place_id: Set(plan.place),
        lat: Set(at.lat),
        lon: Set(at.lon),
        weekday: Set(plan.weekday.as_str().to_owned()),
        meets_at: Set(plan.time.format("%H:%M").to_string()),
        cadence: Set(plan.cadence.as_str().to_owned()),
        starts_on: Set(plan.starts_on),
        meetings: Set(i32::try_from(plan.meetings).unwrap_or(i32::MAX)),
        description: Set(plan.description.trim().to_owned()),
        status: Set(GroupStatus::Seeking.as_str().to_owned()),
        igangsaetter_id: Set(None),
        created_at: Set(now),
        matched_at: Set(None),
        running_at: Set(None),
        self_led_at: Set(None),
        ended_at: Set(None),
        ending_reason: Set(None),
        ..Default::default()
    };
    Ok(group::Entity::insert(row).exec(db).await?.last_insert_id)
}

/// The group with this id.
pub async fn find(db: &impl ConnectionTrait, id: i32) -> StoreResult<Option<GroupRecord>> {
    group::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(from_row)
        .transpose()
}

/// A page (from 0) of the groups of `centre_id`, optionally of one status, newest first, and
/// how many there are.
pub async fn page_of_centre(
    db: &impl ConnectionTrait,
    centre_id: i32,
    status: Option<GroupStatus>,
    page: u64,
    per_page: u64,
) -> StoreResult<(Vec<GroupRecord>, u64)> {
    let mut query = group::Entity::find().filter(group::Column::CentreId.eq(centre_id));
    if let Some(status) = status {
        query = query.filter(group::Column::Status.eq(status.as_str()));
    }
    let paginator = query
        .order_by_desc(group::Column::CreatedAt)
        .order_by_desc(group::Column::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page).await?;
    let groups = rows.into_iter().map(from_row).collect::<StoreResult<_>>()?;
    Ok((groups, total))
}

/// The groups with these ids.
pub async fn by_ids(db: &impl ConnectionTrait, ids: &[i32]) -> StoreResult<Vec<GroupRecord>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    group::Entity::find()
        .filter(group::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(from_row)
        .collect()
}

/// Takes group `id` from `from` to `to` at `now`, writing the step's date (and the ending
/// reason, for `Ended`); a group given back to seeking forgets its igangsætter. With
/// `held_by`, only while that person is still its igangsætter. False when the group was no
/// longer where the step starts: someone else moved it meanwhile.
pub async fn advance(
    db: &impl ConnectionTrait,
    id: i32,
    (from, to): (GroupStatus, GroupStatus),
    held_by: Option<i32>,
    reason: Option<String>,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    use sea_orm::sea_query::Expr;
    let mut update = group::Entity::update_many()
        .col_expr(group::Column::Status, Expr::value(to.as_str()))
        .filter(group::Column::Id.eq(id))
        .filter(group::Column::Status.eq(from.as_str()));
    if let Some(person) = held_by {
        update = update.filter(group::Column::IgangsaetterId.eq(person));
    }
    update = match to {
        GroupStatus::Seeking => update
            .col_expr(group::Column::IgangsaetterId, Expr::value(None::<i32>))
            .col_expr(group::Column::MatchedAt, Expr::value(None::<DateTime<Utc>>)),
        GroupStatus::Matched => update.col_expr(group::Column::MatchedAt, Expr::value(Some(now))),
        GroupStatus::Running => update.col_expr(group::Column::RunningAt, Expr::value(Some(now))),
        GroupStatus::SelfLed => update.col_expr(group::Column::SelfLedAt, Expr::value(Some(now))),
        GroupStatus::Ended => update
            .col_expr(group::Column::EndedAt, Expr::value(Some(now)))
            .col_expr(group::Column::EndingReason, Expr::value(reason)),
    };
    Ok(update.exec(db).await?.rows_affected == 1)
}

/// The dates of a group's steps so far and its ending reason.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Steps {
    /// When it was posted, matched, started, went on by itself and ended.
    pub dates: Vec<(GroupStatus, DateTime<Utc>)>,
    /// Why it ended, if the centre said.
    pub ending_reason: Option<String>,
}

/// A page (from 0) of the groups `user_id` accepted, newest match first, and how many
/// there are.
pub async fn page_of_igangsaetter(
    db: &impl ConnectionTrait,
    user_id: i32,
    page: u64,
    per_page: u64,
) -> StoreResult<(Vec<GroupRecord>, u64)> {
    let paginator = group::Entity::find()
        .filter(group::Column::IgangsaetterId.eq(user_id))
        .order_by_desc(group::Column::MatchedAt)
        .order_by_desc(group::Column::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page).await?;
    let groups = rows.into_iter().map(from_row).collect::<StoreResult<_>>()?;
    Ok((groups, total))
}

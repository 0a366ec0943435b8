//! What a centre's dashboard counts, one query per figure whatever the number of groups:
//! groups by status, days from posting to an igangsætter's yes, groups started and ended
//! since a date, requests waiting, survey answers, and the certificates of some people that
//! run out soon. The training and national dashboards count in their own modules.

pub mod national;
pub mod training;

use crate::{
    domain::{
        groups::{GroupStatus, RequestStatus},
        survey::Answer,
    },
    store::{
        StoreResult,
        entities::{certificate, group, group_request, survey_answer},
        profiles::CHUNK,
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, sea_query::Query,
};

/// How many of the centre's groups stand at each status.
pub async fn groups_by_status(
    db: &impl ConnectionTrait,
    centre_id: i32,
) -> StoreResult<Vec<(GroupStatus, u64)>> {
    let rows: Vec<(String, i64)> = group::Entity::find()
        .select_only()
        .column(group::Column::Status)
        .column_as(group::Column::Id.count(), "n")
        .filter(group::Column::CentreId.eq(centre_id))
        .group_by(group::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    Ok(GroupStatus::ALL
        .into_iter()
        .map(|status| {
            let n = rows
                .iter()
                .find(|(s, _)| s == status.as_str())
                .map_or(0, |(_, n)| u64::try_from(*n).unwrap_or(0));
            (status, n)
        })
        .collect())
}

/// Days from posting to the igangsætter's yes, for each of the centre's groups that found
/// one.
pub async fn days_to_match(db: &impl ConnectionTrait, centre_id: i32) -> StoreResult<Vec<i64>> {
    let rows: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)> = group::Entity::find()
        .select_only()
        .column(group::Column::CreatedAt)
        .column(group::Column::MatchedAt)
        .filter(group::Column::CentreId.eq(centre_id))
        .filter(group::Column::MatchedAt.is_not_null())
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(posted, matched)| Some((matched? - posted).num_days()))
        .collect())
}

/// How many of the centre's groups had their first meeting, and how many ended, at or after
/// `since`.
pub async fn started_and_ended_since(
    db: &impl ConnectionTrait,
    centre_id: i32,
    since: DateTime<Utc>,
) -> StoreResult<(u64, u64)> {
    let started = group::Entity::find()
        .filter(group::Column::CentreId.eq(centre_id))
        .filter(group::Column::RunningAt.gte(since))
        .count(db)
        .await?;
    let ended = group::Entity::find()
        .filter(group::Column::CentreId.eq(centre_id))
        .filter(group::Column::EndedAt.gte(since))
        .count(db)
        .await?;
    Ok((started, ended))
}

/// The query for the ids of the centre's groups.
fn groups_of(centre_id: i32) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(group::Column::Id)
        .from(group::Entity)
        .and_where(group::Column::CentreId.eq(centre_id))
        .to_owned()
}

/// Requests for the centre's groups that wait for an answer.
pub async fn waiting_requests(db: &impl ConnectionTrait, centre_id: i32) -> StoreResult<u64> {
    Ok(group_request::Entity::find()
        .filter(group_request::Column::Status.eq(RequestStatus::Pending.as_str()))
        .filter(group_request::Column::GroupId.in_subquery(groups_of(centre_id)))
        .count(db)
        .await?)
}

/// Every survey answer given about the centre's groups.
pub async fn survey_answers(db: &impl ConnectionTrait, centre_id: i32) -> StoreResult<Vec<Answer>> {
    let rows = survey_answer::Entity::find()
        .filter(survey_answer::Column::GroupId.in_subquery(groups_of(centre_id)))
        .order_by_asc(survey_answer::Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(super::surveys::answer_of).collect())
}

/// How many of `people` hold a certificate valid at `now` that runs out before `until`.
pub async fn expiring(
    db: &impl ConnectionTrait,
    people: &[i32],
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> StoreResult<u64> {
    let mut count = 0;
    for chunk in people.chunks(CHUNK) {
        let rows = certificate::Entity::find()
            .filter(certificate::Column::UserId.is_in(chunk.iter().copied()))
            .filter(certificate::Column::RevokedAt.is_null())
            .filter(certificate::Column::ExpiresAt.gt(now))
            .filter(certificate::Column::ExpiresAt.lt(until))
            .all(db)
            .await?;
        let mut holders: Vec<i32> = rows.iter().filter_map(|r| r.user_id).collect();
        holders.sort_unstable();
        holders.dedup();
        count += holders.len() as u64;
    }
    Ok(count)
}

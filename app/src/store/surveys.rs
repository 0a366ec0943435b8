//! Outcome surveys: a group's link, kept as written so its centre can hand it out again (it
//! lets a participant answer, nothing more), and the answers, each only a point per
//! statement under its month.

use crate::{
    domain::survey::Answer,
    store::{
        StoreResult,
        entities::{group_survey, survey_answer},
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};

pub use group_survey::Model as SurveyLink;

/// The link of `group_id`, if its centre opened one.
pub async fn of_group(db: &impl ConnectionTrait, group_id: i32) -> StoreResult<Option<SurveyLink>> {
    Ok(group_survey::Entity::find_by_id(group_id).one(db).await?)
}

/// The link with this token.
pub async fn by_token(db: &impl ConnectionTrait, token: &str) -> StoreResult<Option<SurveyLink>> {
    Ok(group_survey::Entity::find()
        .filter(group_survey::Column::Token.eq(token))
        .one(db)
        .await?)
}

/// Opens the survey of `group_id` with `token` until `closes_at`; the link it has, which is
/// the one opened first when two open it at once.
pub async fn open(
    db: &impl ConnectionTrait,
    group_id: i32,
    token: &str,
    now: DateTime<Utc>,
    closes_at: DateTime<Utc>,
) -> StoreResult<SurveyLink> {
    if let Some(link) = of_group(db, group_id).await? {
        return Ok(link);
    }
    let row = group_survey::ActiveModel {
        group_id: Set(group_id),
        token: Set(token.to_owned()),
        opened_at: Set(now),
        closes_at: Set(closes_at),
    };
    // Two opening at once: the second insert does nothing and both read the first link.
    group_survey::Entity::insert(row)
        .on_conflict_do_nothing()
        .exec(db)
        .await?;
    of_group(db, group_id)
        .await?
        .ok_or(crate::store::StoreError::NotFound("survey"))
}

/// Files one answer for `group_id` under `month` (`YYYY-MM`).
pub async fn answer(
    db: &impl ConnectionTrait,
    group_id: i32,
    month: &str,
    answer: Answer,
) -> StoreResult<()> {
    let [seen, less_alone, insight, talking, mastery] = answer.0.map(i16::from);
    let row = survey_answer::ActiveModel {
        group_id: Set(group_id),
        month: Set(month.to_owned()),
        seen: Set(seen),
        less_alone: Set(less_alone),
        insight: Set(insight),
        talking: Set(talking),
        mastery: Set(mastery),
        ..Default::default()
    };
    survey_answer::Entity::insert(row).exec(db).await?;
    Ok(())
}

/// Every answer for `group_id`.
pub async fn answers(db: &impl ConnectionTrait, group_id: i32) -> StoreResult<Vec<Answer>> {
    let rows = survey_answer::Entity::find()
        .filter(survey_answer::Column::GroupId.eq(group_id))
        .order_by_asc(survey_answer::Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(answer_of).collect())
}

/// The answer a stored row holds.
pub(crate) fn answer_of(row: survey_answer::Model) -> Answer {
    let point = |value: i16| u8::try_from(value).unwrap_or(0);
    Answer([
        point(row.seen),
        point(row.less_alone),
        point(row.insight),
        point(row.talking),
        point(row.mastery),
    ])
}

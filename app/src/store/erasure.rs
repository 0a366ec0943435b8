//! Removing an account at its owner's wish. Everything about the person goes: their name,
//! address, password and authenticator, sessions and links, roles, profile, the requests
//! they were sent, what they wrote (reflections, and their words to others: request
//! messages, comments, sign-off notes), the mail queued to them or naming them, the attempts
//! counted against their address, their name on certificates and in audit details. What
//! counts in the figures stays, tied to the emptied row: enrolments, lessons done, quiz
//! scores, seats at workshops held, certificates (which then say the holder removed their
//! account) and the groups they started (one they had agreed to but not yet met seeks someone
//! else). Seats at workshops to come are given up before this, through the sign-up rules, so
//! the waiting list moves up (`api::workshops::ssr::give_up_places`).

use crate::{
    domain::{groups::GroupStatus, ids::EnrolmentId},
    store::{
        StoreResult,
        entities::{
            audit_event, auth_attempt, calendar_feed, certificate, course_editor, course_trainer,
            enrolment, group, group_request, igangsaetter_profile, one_time_token, outbox_message,
            recovery_code, reflection, session, sign_off, user, user_role,
        },
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QuerySelect, sea_query::Expr,
};

/// The name an emptied account shows where a name is listed.
pub const REMOVED_NAME: &str = "—";
/// The domain of the placeholder address an emptied account holds (addresses are unique).
pub const REMOVED_DOMAIN: &str = "@removed.invalid";

/// Empties account `id` at `now`, inside the caller's transaction. Nothing is done to an
/// account already removed; false then.
pub async fn erase(db: &impl ConnectionTrait, id: i32, now: DateTime<Utc>) -> StoreResult<bool> {
    let Some(person) = user::Entity::find_by_id(id).one(db).await? else {
        return Ok(false);
    };
    if person.deleted_at.is_some() {
        return Ok(false);
    }
    let email = person.email.clone();
    // What they wrote and what was written to or about them.
    let enrolments: Vec<EnrolmentId> = enrolment::Entity::find()
        .select_only()
        .column(enrolment::Column::Id)
        .filter(enrolment::Column::UserId.eq(id))
        .into_tuple::<EnrolmentId>()
        .all(db)
        .await?;
    if !enrolments.is_empty() {
        reflection::Entity::delete_many()
            .filter(reflection::Column::EnrolmentId.is_in(enrolments))
            .exec(db)
            .await?;
    }
    group_request::Entity::delete_many()
        .filter(group_request::Column::UserId.eq(id))
        .exec(db)
        .await?;
    // A group they agreed to start but had not yet met seeks someone else.
    group::Entity::update_many()
        .col_expr(
            group::Column::Status,
            Expr::value(GroupStatus::Seeking.as_str()),
        )
        .col_expr(group::Column::IgangsaetterId, Expr::value(None::<i32>))
        .col_expr(group::Column::MatchedAt, Expr::value(None::<DateTime<Utc>>))
        .filter(group::Column::IgangsaetterId.eq(id))
        .filter(group::Column::Status.eq(GroupStatus::Matched.as_str()))
        .exec(db)
        .await?;
    // What they wrote to others: a request's message, a comment on a reflection, a note on a
    // sign-off. The request, the reading and the sign-off stay, without their words or name.
    group_request::Entity::update_many()
        .col_expr(group_request::Column::Message, Expr::value(""))
        .col_expr(group_request::Column::SentBy, Expr::value(None::<i32>))
        .filter(group_request::Column::SentBy.eq(id))
        .exec(db)
        .await?;
    reflection::Entity::update_many()
        .col_expr(reflection::Column::Comment, Expr::value(None::<String>))
        .col_expr(reflection::Column::ReviewedBy, Expr::value(None::<i32>))
        .filter(reflection::Column::ReviewedBy.eq(id))
        .exec(db)
        .await?;
    sign_off::Entity::update_many()
        .col_expr(sign_off::Column::Note, Expr::value(None::<String>))
        .col_expr(sign_off::Column::SignedBy, Expr::value(None::<i32>))
        .filter(sign_off::Column::SignedBy.eq(id))
        .exec(db)
        .await?;
    igangsaetter_profile::Entity::delete_many()
        .filter(igangsaetter_profile::Column::UserId.eq(id))
        .exec(db)
        .await?;
    sign_off::Entity::update_many()
        .col_expr(sign_off::Column::Note, Expr::value(None::<String>))
        .filter(sign_off::Column::UserId.eq(id))
        .exec(db)
        .await?;
    certificate::Entity::update_many()
        .col_expr(certificate::Column::HolderName, Expr::value(None::<String>))
        .filter(certificate::Column::UserId.eq(id))
        .exec(db)
        .await?;
    // Their ways in, and what they may do.
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(id))
        .exec(db)
        .await?;
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::UserId.eq(id))
        .exec(db)
        .await?;
    calendar_feed::Entity::delete_many()
        .filter(calendar_feed::Column::UserId.eq(id))
        .exec(db)
        .await?;
    one_time_token::Entity::delete_many()
        .filter(
            one_time_token::Column::UserId
                .eq(id)
                .or(one_time_token::Column::Email.eq(email.clone())),
        )
        .exec(db)
        .await?;
    user_role::Entity::delete_many()
        .filter(user_role::Column::UserId.eq(id))
        .exec(db)
        .await?;
    course_editor::Entity::delete_many()
        .filter(course_editor::Column::UserId.eq(id))
        .exec(db)
        .await?;
    course_trainer::Entity::delete_many()
        .filter(course_trainer::Column::UserId.eq(id))
        .exec(db)
        .await?;
    // Their address wherever it was written down. `%` and `_` in the pattern match any text,
    // so it finds a few too many at most; the exact address is then checked here.
    let mentions = format!("%{email}%");
    outbox_message::Entity::delete_many()
        .filter(
            outbox_message::Column::Recipient
                .eq(email.clone())
                .or(outbox_message::Column::AboutUserId.eq(id))
                .or(outbox_message::Column::BodyText.like(mentions.clone())),
        )
        .exec(db)
        .await?;
    let buckets: Vec<(i32, String)> = auth_attempt::Entity::find()
        .select_only()
        .column(auth_attempt::Column::Id)
        .column(auth_attempt::Column::Bucket)
        .filter(auth_attempt::Column::Bucket.like(mentions.clone()))
        .into_tuple()
        .all(db)
        .await?;
    let counted = buckets
        .into_iter()
        .filter(|(_, bucket)| bucket.contains(&email))
        .map(|(id, _)| id);
    auth_attempt::Entity::delete_many()
        .filter(auth_attempt::Column::Id.is_in(counted))
        .exec(db)
        .await?;
    let details: Vec<(i32, Option<String>)> = audit_event::Entity::find()
        .select_only()
        .column(audit_event::Column::Id)
        .column(audit_event::Column::Detail)
        .filter(audit_event::Column::Detail.like(mentions))
        .into_tuple()
        .all(db)
        .await?;
    let named = details
        .into_iter()
        .filter(|(_, detail)| detail.as_deref().is_some_and(|d| d.contains(&email)))
        .map(|(id, _)| id);
    audit_event::Entity::update_many()
        .col_expr(audit_event::Column::Detail, Expr::value(None::<String>))
        .filter(
            audit_event::Column::SubjectId
                .eq(id)
                .or(audit_event::Column::Id.is_in(named)),
        )
        .exec(db)
        .await?;
    // The row itself, emptied; a fresh public id so no link to the old one leads here.
    let removed = uuid::Uuid::new_v4().to_string();
    user::Entity::update_many()
        .col_expr(
            user::Column::Email,
            Expr::value(format!("removed-{removed}{REMOVED_DOMAIN}")),
        )
        .col_expr(user::Column::PublicId, Expr::value(removed))
        .col_expr(user::Column::DisplayName, Expr::value(REMOVED_NAME))
        .col_expr(user::Column::PasswordHash, Expr::value(None::<String>))
        .col_expr(
            user::Column::EmailVerifiedAt,
            Expr::value(None::<DateTime<Utc>>),
        )
        .col_expr(user::Column::TotpSecret, Expr::value(None::<String>))
        .col_expr(
            user::Column::TotpEnabledAt,
            Expr::value(None::<DateTime<Utc>>),
        )
        .col_expr(user::Column::TotpLastStep, Expr::value(None::<i64>))
        .col_expr(user::Column::DeletedAt, Expr::value(Some(now)))
        .filter(user::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(true)
}

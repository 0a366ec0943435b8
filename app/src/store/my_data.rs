//! Everything stored about one person, as one JSON document they download from their
//! account page: their account, roles, courses and progress, quiz attempts, reflections,
//! certificates, workshop seats, sign-offs, igangsætter profile, the requests they were
//! sent and sent, the groups they started, what they wrote to others (comments on
//! reflections, sign-off notes), their sessions, what was mailed to them, and the audit
//! entries about them. Secrets (password, authenticator, session keys) are named only by
//! whether they are set. Nothing about another person is included: a request's message is
//! the coordinator's words to them, what they wrote to others is listed without whom it was
//! for, and a centre or course is named, never the people behind it.

use crate::store::{
    StoreResult,
    entities::{
        audit_event, certificate, course, enrolment, group, group_request, igangsaetter_profile,
        lesson, lesson_completion, outbox_message, programme, quiz_attempt, reflection, session,
        sign_off, user, user_role, workshop, workshop_signup,
    },
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use std::collections::HashMap;

/// The document for account `id`, or nothing when there is no such account.
pub async fn export(db: &impl ConnectionTrait, id: i32) -> StoreResult<Option<Value>> {
    let Some(person) = user::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let roles = user_role::Entity::find()
        .filter(user_role::Column::UserId.eq(id))
        .all(db)
        .await?;
    let enrolments = enrolment::Entity::find()
        .filter(enrolment::Column::UserId.eq(id))
        .order_by_asc(enrolment::Column::Id)
        .all(db)
        .await?;
    let enrolment_ids: Vec<_> = enrolments.iter().map(|e| e.id).collect();
    let courses: HashMap<_, _> = course::Entity::find()
        .filter(course::Column::Id.is_in(enrolments.iter().map(|e| e.course_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.slug))
        .collect();
    let completions = lesson_completion::Entity::find()
        .filter(lesson_completion::Column::EnrolmentId.is_in(enrolment_ids.clone()))
        .order_by_asc(lesson_completion::Column::Id)
        .all(db)
        .await?;
    let attempts = quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::EnrolmentId.is_in(enrolment_ids.clone()))
        .order_by_asc(quiz_attempt::Column::Id)
        .all(db)
        .await?;
    let reflections = reflection::Entity::find()
        .filter(reflection::Column::EnrolmentId.is_in(enrolment_ids))
        .order_by_asc(reflection::Column::Id)
        .all(db)
        .await?;
    let lesson_ids = completions
        .iter()
        .map(|c| c.lesson_id)
        .chain(attempts.iter().map(|a| a.lesson_id))
        .chain(reflections.iter().map(|r| r.lesson_id));
    let lessons: HashMap<_, _> = lesson::Entity::find()
        .filter(lesson::Column::Id.is_in(lesson_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|l| (l.id, l.title))
        .collect();
    let lesson_title = |id| lessons.get(&id).cloned().unwrap_or_default();
    let certificates = certificate::Entity::find()
        .filter(certificate::Column::UserId.eq(id))
        .order_by_asc(certificate::Column::IssuedAt)
        .all(db)
        .await?;
    let sign_offs = sign_off::Entity::find()
        .filter(sign_off::Column::UserId.eq(id))
        .all(db)
        .await?;
    let programmes: HashMap<_, _> = programme::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.slug))
        .collect();
    let seats = workshop_signup::Entity::find()
        .filter(workshop_signup::Column::UserId.eq(id))
        .all(db)
        .await?;
    let workshops: HashMap<_, _> = workshop::Entity::find()
        .filter(workshop::Column::Id.is_in(seats.iter().map(|s| s.workshop_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|w| (w.id, (w.title, w.starts_at)))
        .collect();
    let profile = igangsaetter_profile::Entity::find_by_id(id).one(db).await?;
    let requests = group_request::Entity::find()
        .filter(group_request::Column::UserId.eq(id))
        .order_by_asc(group_request::Column::Id)
        .all(db)
        .await?;
    let sent = group_request::Entity::find()
        .filter(group_request::Column::SentBy.eq(id))
        .order_by_asc(group_request::Column::Id)
        .all(db)
        .await?;
    let comments = reflection::Entity::find()
        .filter(reflection::Column::ReviewedBy.eq(id))
        .order_by_asc(reflection::Column::Id)
        .all(db)
        .await?;
    let notes = sign_off::Entity::find()
        .filter(sign_off::Column::SignedBy.eq(id))
        .all(db)
        .await?;
    let sessions = session::Entity::find()
        .filter(session::Column::UserId.eq(id))
        .order_by_asc(session::Column::Id)
        .all(db)
        .await?;
    let mail = outbox_message::Entity::find()
        .filter(outbox_message::Column::Recipient.eq(person.email.clone()))
        .order_by_asc(outbox_message::Column::Id)
        .all(db)
        .await?;
    let started = group::Entity::find()
        .filter(group::Column::IgangsaetterId.eq(id))
        .all(db)
        .await?;
    let asked_about = group::Entity::find()
        .filter(group::Column::Id.is_in(requests.iter().chain(sent.iter()).map(|r| r.group_id)))
        .all(db)
        .await?;
    let group_title = |id: i32| {
        asked_about
            .iter()
            .find(|g| g.id == id)
            .map(|g| g.title.clone())
            .unwrap_or_default()
    };
    let audit = audit_event::Entity::find()
        .filter(
            audit_event::Column::SubjectId
                .eq(id)
                .or(audit_event::Column::ActorId.eq(id)),
        )
        .order_by_asc(audit_event::Column::Id)
        .all(db)
        .await?;

    Ok(Some(json!({
        "account": {
            "public_id": person.public_id,
            "email": person.email,
            "name": person.display_name,
            "language": person.language,
            "created_at": person.created_at,
            "email_confirmed_at": person.email_verified_at,
            "password_set": person.password_hash.is_some(),
            "password_changed_at": person.password_changed_at,
            "authenticator_since": person.totp_enabled_at,
        },
        "roles": roles.iter().map(|r| json!({
            "role": r.role.as_str(),
            "centre_id": r.centre_id,
        })).collect::<Vec<_>>(),
        "courses": enrolments.iter().map(|e| json!({
            "course": courses.get(&e.course_id),
            "started_at": e.started_at,
            "last_activity_at": e.last_activity_at,
            "completed_at": e.completed_at,
            "lessons_done": completions.iter().filter(|c| c.enrolment_id == e.id).map(|c| json!({
                "lesson": lesson_title(c.lesson_id),
                "at": c.completed_at,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "quiz_attempts": attempts.iter().map(|a| json!({
            "lesson": lesson_title(a.lesson_id),
            "number": a.number,
            "percent": a.percent,
            "passed": a.passed,
            "answers": a.answers,
            "right_answers": a.right_answers,
            "scored": a.scored,
            "at": a.submitted_at,
        })).collect::<Vec<_>>(),
        "reflections": reflections.iter().map(|r| json!({
            "lesson": lesson_title(r.lesson_id),
            "answer": r.answer,
            "submitted_at": r.submitted_at,
            "trainer_comment": r.comment,
            "read_at": r.reviewed_at,
        })).collect::<Vec<_>>(),
        "certificates": certificates.iter().map(|c| json!({
            "code": c.code.to_string(),
            "programme": programmes.get(&c.programme_id),
            "name_on_it": c.holder_name,
            "issued_at": c.issued_at,
            "expires_at": c.expires_at,
            "renewed_at": c.renewed_at,
            "revoked_at": c.revoked_at,
        })).collect::<Vec<_>>(),
        "sign_offs": sign_offs.iter().map(|s| json!({
            "programme": programmes.get(&s.programme_id),
            "requested_at": s.requested_at,
            "signed_at": s.signed_at,
            "note": s.note,
        })).collect::<Vec<_>>(),
        "workshops": seats.iter().map(|s| json!({
            "workshop": workshops.get(&s.workshop_id).map(|w| &w.0),
            "starts_at": workshops.get(&s.workshop_id).map(|w| w.1),
            "placement": s.placement,
            "signed_up_at": s.signed_up_at,
            "attended": s.attended,
        })).collect::<Vec<_>>(),
        "igangsaetter_profile": profile.map(|p| json!({
            "place_id": p.place_id,
            "travel_km": p.travel_km,
            "topics": p.topics,
            "languages": p.languages,
            "availability": p.availability,
            "groups_at_once": p.capacity,
            "open_to_requests": p.available,
            "updated_at": p.updated_at,
        })),
        "requests": requests.iter().map(|r| json!({
            "group": group_title(r.group_id),
            "message": r.message,
            "status": r.status,
            "your_reason": r.reason,
            "sent_at": r.sent_at,
            "answer_by": r.expires_at,
            "answered_at": r.answered_at,
        })).collect::<Vec<_>>(),
        "requests_sent": sent.iter().map(|r| json!({
            "group": group_title(r.group_id),
            "message": r.message,
            "status": r.status,
            "sent_at": r.sent_at,
        })).collect::<Vec<_>>(),
        "comments_written": comments.iter().map(|r| json!({
            "comment": r.comment,
            "at": r.reviewed_at,
        })).collect::<Vec<_>>(),
        "sign_off_notes_written": notes.iter().map(|s| json!({
            "programme": programmes.get(&s.programme_id),
            "note": s.note,
            "signed_at": s.signed_at,
        })).collect::<Vec<_>>(),
        "sessions": sessions.iter().map(|s| json!({
            "started_at": s.created_at,
            "last_seen_at": s.last_seen_at,
            "expires_at": s.expires_at,
            "authenticator_at": s.second_factor_at,
        })).collect::<Vec<_>>(),
        // What was mailed, not its text: a link in it may still open an account. A message
        // about someone else (a notice naming them) shows its kind only.
        "mail": mail.iter().map(|m| json!({
            "kind": m.template,
            "subject": m.about_user_id.is_none().then_some(&m.subject),
            "status": m.status,
            "queued_at": m.created_at,
            "sent_at": m.sent_at,
        })).collect::<Vec<_>>(),
        "groups_started": started.iter().map(|g| json!({
            "group": g.title,
            "status": g.status,
            "matched_at": g.matched_at,
            "running_at": g.running_at,
            "self_led_at": g.self_led_at,
            "ended_at": g.ended_at,
        })).collect::<Vec<_>>(),
        "audit": audit.iter().map(|a| json!({
            "at": a.at,
            "event": a.event,
            "by_you": a.actor_id == Some(id),
            "detail": if a.subject_id == Some(id) { a.detail.clone() } else { None },
        })).collect::<Vec<_>>(),
    })))
}

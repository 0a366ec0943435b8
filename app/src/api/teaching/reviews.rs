//! Reviewing reflections: the queue of sent answers and the trainer's verdict on one.

use crate::domain::ids::ReflectionId;
use crate::{api::admin::Page, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A reflection in the review queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueEntry {
    /// Reflection id.
    pub id: ReflectionId,
    /// Learner's name.
    pub learner: String,
    /// Course title.
    pub course: String,
    /// Lesson title.
    pub lesson: String,
    /// The question.
    pub prompt: String,
    /// What a good answer covers.
    pub guidance: Option<String>,
    /// The answer.
    pub answer: String,
    /// Sent, `YYYY-MM-DD HH:MM`.
    pub sent: String,
}

/// Reflections waiting for the signed-in trainer, oldest first.
#[server(endpoint = "teach/reviews")]
pub async fn review_queue(page: u64) -> Result<Page<QueueEntry>, AppError> {
    use crate::{
        api::context::{require, state},
        domain::authz::{Action, allows},
        store::learning,
    };
    let auth = require(Action::TeachCourse { teaches: true })?;
    let db = state()?.db;
    let courses = if allows(Some(&auth.subject()), Action::ManageUsers) {
        None
    } else {
        Some(learning::taught_by(&db, auth.user.id).await?)
    };
    let page = page.clamp(1, 100_000);
    let (items, total) =
        learning::review_queue(&db, courses.as_deref(), page - 1, super::PER_PAGE).await?;
    Ok(Page {
        items: items
            .into_iter()
            .map(|i| QueueEntry {
                id: i.reflection.id,
                learner: i.learner,
                course: i.course_title,
                lesson: i.lesson_title,
                prompt: i.prompt,
                guidance: i.guidance,
                answer: i.reflection.answer,
                sent: i
                    .reflection
                    .submitted_at
                    .map(crate::api::dates::time)
                    .unwrap_or_default(),
            })
            .collect(),
        page,
        pages: total.div_ceil(super::PER_PAGE).max(1),
        total,
    })
}

/// Accepts a reflection or asks for a revision (which needs a comment); the learner is
/// told by email that there is feedback, without the answer or the comment in the mail.
#[server(endpoint = "teach/review")]
pub async fn review_reflection(
    reflection: ReflectionId,
    decision: String,
    #[server(default)] comment: String,
) -> Result<(), AppError> {
    use crate::{
        api::context::state,
        domain::{email::EmailAddress, language::Language},
        errors::Problem,
        mail::{self, Template},
        store::{db::begin_write, learning, people},
    };
    let accept = match decision.as_str() {
        "accept" => true,
        "revise" => false,
        _ => return Err(AppError::field("decision", Problem::NotAllowed)),
    };
    let comment = comment.trim().to_owned();
    if comment.chars().count() > 4_000 {
        return Err(AppError::field("comment", Problem::TooLong));
    }
    if !accept && comment.is_empty() {
        return Err(AppError::field("comment", Problem::Required));
    }
    crate::api::context::require(crate::domain::authz::Action::TeachCourse { teaches: true })?;
    let state = state()?;
    let (item, enrolment) = learning::queue_item(&state.db, reflection).await?;
    let auth = super::ssr::course_trainer(&state.db, enrolment.course_id).await?;
    let learner = people::find_by_id(&state.db, enrolment.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = chrono::Utc::now();
    let txn = begin_write(&state.db).await?;
    learning::review(
        &txn,
        reflection,
        auth.user.id,
        accept,
        (!comment.is_empty()).then_some(comment),
        now,
    )
    .await?;
    if let Ok(to) = EmailAddress::parse(&learner.email) {
        mail::queue(
            &txn,
            &to,
            learner.language.parse().unwrap_or(Language::Da),
            Template::ReflectionReviewed,
            serde_json::json!({
                "name": learner.display_name,
                "course": item.course_title,
                "lesson": item.lesson_title,
                "accepted": accept,
                "link": format!("{}/learn/lessons/{}", state.site.base_url, item.reflection.lesson_id),
            }),
        )
        .await?;
    }
    // An accepted reflection may be the last thing a certification waited for.
    crate::api::certification::ssr::settle(&txn, &state, enrolment.user_id, now).await?;
    txn.commit().await?;
    mail::ring(&state.mail_wakeup);
    Ok(())
}

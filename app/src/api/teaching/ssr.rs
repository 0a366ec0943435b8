//! What the teaching server functions (and the learners' spreadsheet) share: who follows
//! which learners, as [`crate::domain::authz`] decides it, and the overview's filters and rows.

use super::{LearnerView, ModuleCount, QuizCount};
use crate::domain::ids::CourseId;
use crate::{
    auth::Auth,
    domain::{
        authz::{self, Action, Scope, allows},
        learning::LearnerStatus,
    },
    errors::AppError,
    store::learning,
};

/// Which learners of `course_id` `auth` may see, or why none.
pub async fn scope(
    db: &impl sea_orm::ConnectionTrait,
    auth: &Auth,
    course_id: CourseId,
) -> Result<Scope, AppError> {
    let teaches = learning::teaches(db, course_id, auth.user.id).await?;
    authz::learner_scope(&auth.subject(), teaches).ok_or(AppError::Forbidden)
}

/// Reads the overview's filters from their query-string form.
pub async fn filter(
    db: &impl sea_orm::ConnectionTrait,
    centre: &str,
    status: &str,
) -> Result<learning::LearnerFilter, AppError> {
    use crate::errors::Problem;
    let centre = match centre.trim() {
        "" => None,
        id => Some(
            crate::store::centres::find_by_public_id(db, id)
                .await?
                .ok_or_else(|| AppError::field("centre", Problem::NotAllowed))?
                .id,
        ),
    };
    let status = match status.trim() {
        "" => None,
        s => Some(
            LearnerStatus::parse(s)
                .ok_or_else(|| AppError::field("status", Problem::NotAllowed))?,
        ),
    };
    Ok(learning::LearnerFilter { centre, status })
}

/// A learner row as pages and exports show it.
pub fn view(row: learning::LearnerRow) -> LearnerView {
    LearnerView {
        name: row.name,
        // A removed account keeps counting, but has no address to show.
        email: if row.email.ends_with(crate::store::erasure::REMOVED_DOMAIN) {
            String::new()
        } else {
            row.email
        },
        centre: row.centre,
        status: row.status,
        percent: row.progress.percent,
        modules: row
            .modules
            .into_iter()
            .zip(&row.progress.modules)
            .map(|(title, p)| ModuleCount {
                title,
                done: p.done,
                total: p.total,
            })
            .collect(),
        quizzes: row
            .quizzes
            .into_iter()
            .map(|q| QuizCount {
                lesson: q.lesson,
                attempts: q.attempts,
                best: q.best,
                passed: q.passed,
            })
            .collect(),
        version: row.version,
        started: crate::api::dates::date(row.enrolment.started_at),
        last_activity: crate::api::dates::date(row.enrolment.last_activity_at),
    }
}

/// The signed-in person, when they follow learners of some course (see
/// [`authz::follows_learners`]). Which learners is decided per course by [`scope`].
pub fn follower() -> Result<Auth, AppError> {
    let auth = crate::auth::signed_in().ok_or(AppError::Unauthenticated)?;
    if authz::follows_learners(&auth.subject()) {
        Ok(auth)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The signed-in person, when they may act for the course's trainers.
pub async fn course_trainer(
    db: &impl sea_orm::ConnectionTrait,
    course_id: CourseId,
) -> Result<Auth, AppError> {
    let auth = crate::auth::signed_in().ok_or(AppError::Unauthenticated)?;
    let teaches = learning::teaches(db, course_id, auth.user.id).await?;
    if allows(Some(&auth.subject()), Action::TeachCourse { teaches }) {
        Ok(auth)
    } else {
        Err(AppError::Forbidden)
    }
}

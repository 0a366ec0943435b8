//! Shared server-side steps of course authoring: who may author, checking form fields, and
//! running a change inside a course's draft version.

use crate::domain::ids::{CourseId, VersionId};
use crate::{
    api::context::{require, state},
    auth::Auth,
    domain::{
        authz::{Action, allows},
        course::MAX_TITLE,
    },
    errors::{AppError, FieldError, Problem},
    store::{
        courses::{self, Course, CourseError, Version},
        db::begin_write,
    },
};
use sea_orm::DatabaseTransaction;

/// The signed-in author.
pub fn author() -> Result<Auth, AppError> {
    require(Action::AuthorCourses)
}

/// Whether `auth` may change the course: one of its editors, or an administrator.
pub async fn may_edit(
    db: &impl sea_orm::ConnectionTrait,
    auth: &Auth,
    course_id: CourseId,
) -> Result<bool, AppError> {
    let editor = courses::is_editor(db, course_id, auth.user.id).await?;
    Ok(allows(Some(&auth.subject()), Action::EditCourse { editor }))
}

/// Refuses unless `auth` may change the course.
pub async fn ensure_editor(
    db: &impl sea_orm::ConnectionTrait,
    auth: &Auth,
    course_id: CourseId,
) -> Result<(), AppError> {
    if may_edit(db, auth, course_id).await? {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Collects field problems for a form.
#[derive(Default)]
pub struct Check(pub Vec<FieldError>);

impl Check {
    pub fn problem(&mut self, field: &str, problem: Problem) {
        self.0.push(FieldError {
            field: field.into(),
            problem,
        });
    }

    /// Trimmed text, checked for presence and length.
    pub fn text(&mut self, field: &str, value: &str, max: usize, required: bool) -> String {
        let value = value.trim().replace("\r\n", "\n");
        if required && value.is_empty() {
            self.problem(field, Problem::Required);
        } else if value.chars().count() > max {
            self.problem(field, Problem::TooLong);
        }
        value
    }

    /// A title.
    pub fn title(&mut self, field: &str, value: &str) -> String {
        self.text(field, value, MAX_TITLE, true)
    }

    /// A whole number within `range`.
    pub fn number(
        &mut self,
        field: &str,
        value: &str,
        range: std::ops::RangeInclusive<u32>,
    ) -> u32 {
        match value.trim().parse::<u32>() {
            Ok(n) if range.contains(&n) => n,
            Ok(_) => {
                self.problem(field, Problem::OutOfRange);
                *range.start()
            }
            Err(_) if value.trim().is_empty() => {
                self.problem(field, Problem::Required);
                *range.start()
            }
            Err(_) => {
                self.problem(field, Problem::OutOfRange);
                *range.start()
            }
        }
    }

    /// `Err` with every problem, if there are any.
    pub fn finish(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self.0))
        }
    }
}

/// Runs `change` on the draft that holds `version_id` (passed to it, as read under the
/// course's lock), in one transaction, and marks the draft as changed.
pub async fn in_draft<T>(
    version_id: VersionId,
    change: impl AsyncFnOnce(&DatabaseTransaction, &Version) -> Result<T, AppError>,
) -> Result<T, AppError> {
    let state = state()?;
    let auth = author()?;
    let course_id = courses::course_of_version(&state.db, version_id).await?;
    ensure_editor(&state.db, &auth, course_id).await?;
    let txn = begin_write(&state.db).await?;
    let (course, version) = courses::editable(&txn, version_id).await?;
    let result = change(&txn, &version).await?;
    courses::mark_draft_changed(&txn, &course, version.id, chrono::Utc::now()).await?;
    txn.commit().await?;
    Ok(result)
}

/// The course with this public id, when the signed-in author may change it.
pub async fn course(db: &impl sea_orm::ConnectionTrait, id: &str) -> Result<Course, AppError> {
    let auth = author()?;
    let course = courses::find(db, id).await?;
    ensure_editor(db, &auth, course.id).await?;
    Ok(course)
}

/// The draft version id of a course, or why there is none to change.
pub async fn draft_id(
    db: &impl sea_orm::ConnectionTrait,
    course: &Course,
) -> Result<VersionId, AppError> {
    match courses::draft(db, course.id).await? {
        Some(v) => Ok(v.id),
        None => Err(CourseError::NotEditable.into()),
    }
}

/// Begins a transaction.
pub async fn write() -> Result<DatabaseTransaction, AppError> {
    Ok(begin_write(&state()?.db).await?)
}

//! The trainers' list of courses, and creating a new course.

use crate::{api::admin::Page, domain::course::CourseStatus, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::ssr;

/// Courses per page in the trainers' list.
pub const PER_PAGE: u64 = 20;

/// A course in the trainers' list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthoredCourse {
    /// Public id.
    pub id: String,
    /// Title of the version being worked on.
    pub title: String,
    /// Language code.
    pub language: String,
    /// Status.
    pub status: CourseStatus,
    /// Number of the version being worked on.
    pub version: i32,
    /// Whether that version is a draft.
    pub has_draft: bool,
    /// Number of the published version.
    pub published: Option<i32>,
    /// Last change, `YYYY-MM-DD`.
    pub updated: String,
    /// Whether the signed-in author may change it (otherwise they may preview and copy it).
    pub editable: bool,
}

/// The trainers' list of courses: the working ones, or the archived ones.
#[server(endpoint = "authoring/courses")]
pub async fn list_authored_courses(
    page: u64,
    archived: bool,
) -> Result<Page<AuthoredCourse>, AppError> {
    use crate::{
        api::{context::state, dates::date},
        store::courses,
    };
    let auth = ssr::author()?;
    let state = state()?;
    let page = page.clamp(1, 100_000);
    let (rows, total) = courses::authoring_page(&state.db, archived, page - 1, PER_PAGE).await?;
    let mine = courses::edited_by(&state.db, auth.user.id).await?;
    let subject = auth.subject();
    let may_edit = |course| {
        let editor = mine.contains(&course);
        crate::domain::authz::allows(
            Some(&subject),
            crate::domain::authz::Action::EditCourse { editor },
        )
    };
    Ok(Page {
        items: rows
            .into_iter()
            .map(|l| AuthoredCourse {
                id: l.course.public_id,
                title: l.version.title,
                language: l.course.language,
                status: l.course.status,
                version: l.version.number,
                has_draft: l.has_draft,
                published: l.published_number,
                updated: date(l.course.updated_at),
                editable: may_edit(l.course.id),
            })
            .collect(),
        page,
        pages: total.div_ceil(PER_PAGE).max(1),
        total,
    })
}

/// Creates an empty course (draft version 1) and opens its editor.
#[server(endpoint = "authoring/create-course")]
pub async fn create_course(title: String, language: String) -> Result<String, AppError> {
    use crate::{
        domain::{
            course::{CourseDoc, slugify},
            language::Language,
        },
        errors::Problem,
        store::courses,
    };
    let auth = ssr::author()?;
    let mut check = ssr::Check::default();
    let title = check.title("title", &title);
    let language = match language.parse::<Language>() {
        Ok(l) => l,
        Err(_) => {
            check.problem("language", Problem::UnknownLanguage);
            Language::Da
        }
    };
    check.finish()?;
    let txn = ssr::write().await?;
    let slug = courses::free_slug(&txn, &slugify(&title)).await?;
    let course = courses::create(
        &txn,
        &CourseDoc {
            slug,
            title,
            language,
            summary: String::new(),
            leads_to_certificate: false,
            body: String::new(),
            modules: Vec::new(),
        },
        Some(auth.user.id),
        chrono::Utc::now(),
    )
    .await?;
    // Whoever writes a course teaches it, and so follows its learners.
    crate::store::learning::add_trainer(&txn, course.id, auth.user.id, chrono::Utc::now())
        .await
        .map_err(AppError::from)?;
    txn.commit().await?;
    leptos_axum::redirect(&format!("/authoring/courses/{}", course.public_id));
    Ok(course.public_id)
}

//! The learner's dashboard: their courses and the reflections that wait for someone.

use crate::domain::ids::LessonId;
use crate::{api::admin::Page, domain::learning::ReflectionState, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Courses per page of the dashboard.
pub const PER_PAGE: u64 = 20;

/// A course on the dashboard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCourseCard {
    /// Short name.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Percent completed.
    pub percent: u8,
    /// The lesson to continue with.
    pub next: Option<LessonId>,
    /// Its title.
    pub next_title: Option<String>,
    /// Completion date, `YYYY-MM-DD`.
    pub completed_on: Option<String>,
}

/// A reflection of the learner's that waits for someone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenReflection {
    /// The lesson it belongs to.
    pub lesson: LessonId,
    /// Lesson title.
    pub lesson_title: String,
    /// Course title.
    pub course_title: String,
    /// Where it stands: sent, or sent back for revision.
    pub state: ReflectionState,
}

/// The learner's dashboard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    /// Courses, those in progress first.
    pub courses: Page<MyCourseCard>,
    /// Reflections waiting for review or revision.
    pub reflections: Vec<OpenReflection>,
}

/// The learner's dashboard: their courses and their open reflections.
#[server(endpoint = "learn/dashboard")]
pub async fn load_dashboard(page: u64) -> Result<Dashboard, AppError> {
    use crate::store::learning;
    let auth = super::ssr::learner()?;
    let db = super::ssr::db()?;
    let page = page.clamp(1, 100_000);
    let (courses, total) = learning::my_courses(&db, auth.user.id, page - 1, PER_PAGE).await?;
    let open = learning::my_open_reflections(&db, auth.user.id, 20).await?;
    Ok(Dashboard {
        courses: Page {
            items: courses
                .into_iter()
                .map(|c| MyCourseCard {
                    slug: c.slug,
                    title: c.title,
                    percent: c.progress.percent,
                    next: c.progress.next,
                    next_title: c.next_title,
                    completed_on: c.enrolment.completed_at.map(crate::api::dates::date),
                })
                .collect(),
            page,
            pages: total.div_ceil(PER_PAGE).max(1),
            total,
        },
        reflections: open
            .into_iter()
            .map(|r| OpenReflection {
                lesson: r.reflection.lesson_id,
                lesson_title: r.lesson_title,
                course_title: r.course_title,
                state: r.reflection.state,
            })
            .collect(),
    })
}

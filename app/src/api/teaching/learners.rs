//! One course's learners as trainers and coordinators see them: filtered, paginated, with
//! progress per module and quiz results.

use crate::{api::admin::Page, domain::learning::LearnerStatus, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A module's progress for one learner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleCount {
    /// Title.
    pub title: String,
    /// Lessons completed.
    pub done: usize,
    /// Lessons in all.
    pub total: usize,
}

/// A quiz's results for one learner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizCount {
    /// The quiz's lesson.
    pub lesson: String,
    /// Attempts made.
    pub attempts: u32,
    /// Best score in percent.
    pub best: i32,
    /// Whether one passed.
    pub passed: bool,
}

/// One learner in the overview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnerView {
    /// Name.
    pub name: String,
    /// Email.
    pub email: String,
    /// Centre, if named.
    pub centre: Option<String>,
    /// Status.
    pub status: LearnerStatus,
    /// Percent completed.
    pub percent: u8,
    /// Per module.
    pub modules: Vec<ModuleCount>,
    /// Per quiz attempted.
    pub quizzes: Vec<QuizCount>,
    /// Version followed.
    pub version: i32,
    /// Started, `YYYY-MM-DD`.
    pub started: String,
    /// Last activity, `YYYY-MM-DD`.
    pub last_activity: String,
}

/// A trainer of a course.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainerEntry {
    /// Account public id.
    pub id: String,
    /// Name.
    pub name: String,
}

/// The learner overview of one course.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnerOverview {
    /// Course title.
    pub title: String,
    /// Whether the viewer sees every learner (else only their centres').
    pub all: bool,
    /// Centres to filter by: public id and name.
    pub centres: Vec<(String, String)>,
    /// Learners.
    pub learners: Page<LearnerView>,
    /// The course's trainers (shown to those who see every learner).
    pub trainers: Vec<TrainerEntry>,
}

/// One page of a course's learners, filtered by centre and status.
#[server(endpoint = "teach/learners")]
pub async fn load_learners(
    course: String,
    #[server(default)] centre: String,
    #[server(default)] status: String,
    page: u64,
) -> Result<LearnerOverview, AppError> {
    use crate::{
        api::context::state,
        domain::authz::Scope,
        store::{centres, courses, learning},
    };
    let auth = super::ssr::follower()?;
    let db = state()?.db;
    let course = courses::find(&db, &course).await?;
    let scope = super::ssr::scope(&db, &auth, course.id).await?;
    let filter = super::ssr::filter(&db, &centre, &status).await?;
    let page = page.clamp(1, 100_000);
    let now = chrono::Utc::now();
    let (rows, total) = learning::learners(
        &db,
        course.id,
        &scope,
        &filter,
        learning::LearnerOrder::Recent,
        now,
        page - 1,
        super::PER_PAGE,
    )
    .await?;
    let centre_choices = match &scope {
        Scope::All => centres::page(&db, 0, 500).await?.0,
        Scope::Centres(ids) => centres::by_ids(&db, ids.clone()).await?,
    };
    let trainers = if scope == Scope::All {
        learning::trainers_of(&db, course.id).await?
    } else {
        Vec::new()
    };
    let title = courses::titles_of(&db, std::slice::from_ref(&course))
        .await?
        .remove(&course.id)
        .unwrap_or_default();
    Ok(LearnerOverview {
        title,
        all: scope == Scope::All,
        centres: centre_choices
            .into_iter()
            .map(|c| (c.public_id, c.name))
            .collect(),
        learners: Page {
            items: rows.into_iter().map(super::ssr::view).collect(),
            page,
            pages: total.div_ceil(super::PER_PAGE).max(1),
            total,
        },
        trainers: trainers
            .into_iter()
            .map(|(id, name, _)| TrainerEntry { id, name })
            .collect(),
    })
}

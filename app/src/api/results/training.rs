//! The training dashboard: each course's funnel from enrolment to certificate, the quiz
//! questions learners miss most, workshops to come and how full they are, and sign-offs
//! waiting; a trainer sees their own courses, workshops and programmes, an administrator all.

use crate::{api::admin::Page, domain::training::Funnel, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Courses per page of the dashboard.
#[cfg(feature = "ssr")]
pub const COURSES_PER_PAGE: u64 = 10;
/// How many of the newest quiz attempts the missed questions are counted over.
#[cfg(feature = "ssr")]
pub const RECENT_ATTEMPTS: u64 = 5_000;
/// How many missed questions and workshops are listed.
#[cfg(feature = "ssr")]
pub const LISTED: usize = 10;

/// One course's funnel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseFunnel {
    /// Public id.
    pub id: String,
    /// Title and language code.
    pub title: String,
    pub language: String,
    /// How far its learners got.
    pub funnel: Funnel,
}

/// A question learners often answer wrong.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MissedQuestion {
    /// The course and lesson it is in.
    pub course: String,
    pub lesson: String,
    /// The question's prompt.
    pub prompt: String,
    /// Attempts that answered it, and how many of those were wrong.
    pub asked: u64,
    pub missed: u64,
    /// Wrong answers in whole percent.
    pub percent: u64,
}

/// A workshop to come and its seats.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkshopFill {
    /// Its id, for the link to its list.
    pub id: i32,
    pub title: String,
    /// Its day, `YYYY-MM-DD`.
    pub date: String,
    pub place: String,
    pub seated: u32,
    pub capacity: i32,
    pub waiting: u32,
    /// Seats taken in whole percent.
    pub percent: u32,
}

/// A trainer's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainingDashboard {
    /// Their courses, a page at a time, each with its funnel.
    pub courses: Page<CourseFunnel>,
    /// The questions most often answered wrong in the newest attempts at their courses.
    pub missed: Vec<MissedQuestion>,
    /// How many attempts those were counted over.
    pub attempts_read: u64,
    /// Their first workshops to come, the soonest first, and how many there are in all.
    pub workshops: Vec<WorkshopFill>,
    pub workshops_coming: u64,
    /// Sign-offs waiting for them, and since when the oldest waits (`YYYY-MM-DD`).
    pub sign_offs_waiting: u64,
    pub oldest_sign_off: Option<String>,
}

/// Whose figures: the courses, workshops and programmes someone follows (`None`: all).
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct TrainingScope {
    pub courses: Option<Vec<crate::domain::ids::CourseId>>,
    pub organiser: Option<i32>,
    pub programmes: Option<Vec<crate::domain::ids::ProgrammeId>>,
}

/// The scope of a trainer (or administrator); refused for anyone else.
#[cfg(feature = "ssr")]
pub async fn training_scope(
    db: &impl sea_orm::ConnectionTrait,
    auth: &crate::auth::Auth,
) -> Result<TrainingScope, AppError> {
    use crate::{api::certification::signed_off_by, store::learning};
    let programmes = signed_off_by(db, auth).await?;
    if programmes.is_none() {
        return Ok(TrainingScope {
            courses: None,
            organiser: None,
            programmes: None,
        });
    }
    Ok(TrainingScope {
        courses: Some(learning::taught_by(db, auth.user.id).await?),
        organiser: Some(auth.user.id),
        programmes,
    })
}

/// Computes the dashboard for `scope`: one page of courses (all of them for `page` none).
#[cfg(feature = "ssr")]
pub async fn training_dashboard(
    db: &sea_orm::DatabaseConnection,
    scope: &TrainingScope,
    page: Option<u64>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<TrainingDashboard, AppError> {
    use crate::{
        domain::training::{fill_percent, tally_missed},
        store::{courses, dashboard::training as figures, entities::course},
    };
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
    let mut query = course::Entity::find();
    if let Some(ids) = &scope.courses {
        query = query.filter(course::Column::Id.is_in(ids.iter().copied()));
    }
    let query = query.order_by_asc(course::Column::Slug);
    let total = query.clone().count(db).await?;
    let (rows, page, per_page) = match page {
        Some(page) => {
            let page = page.clamp(1, 100_000);
            let rows = query
                .offset((page - 1) * COURSES_PER_PAGE)
                .limit(COURSES_PER_PAGE)
                .all(db)
                .await?;
            (rows, page, COURSES_PER_PAGE)
        }
        None => (query.all(db).await?, 1, total.max(1)),
    };
    let ids: Vec<_> = rows.iter().map(|c| c.id).collect();
    let (enrolled, completed) = figures::enrolled_and_completed(db, &ids).await?;
    let halfway = figures::halfway(db, &ids).await?;
    let certified = figures::certified(db, &ids).await?;
    let titles = courses::titles_of(db, &rows).await?;
    let count = |map: &figures::PerCourse, id| map.get(&id).copied().unwrap_or(0);
    let items = rows
        .into_iter()
        .map(|c| CourseFunnel {
            title: titles.get(&c.id).cloned().unwrap_or_else(|| c.slug.clone()),
            funnel: Funnel {
                enrolled: count(&enrolled, c.id),
                halfway: count(&halfway, c.id),
                completed: count(&completed, c.id),
                certified: count(&certified, c.id),
            },
            language: c.language,
            id: c.public_id,
        })
        .collect();

    // Missed questions over every course in scope, not just this page's.
    let answers = figures::recent_answers(db, scope.courses.as_deref(), RECENT_ATTEMPTS).await?;
    let mut asked: Vec<_> = answers.iter().flat_map(|a| a.keys().copied()).collect();
    asked.sort_unstable_by_key(|q| q.get());
    asked.dedup();
    let keys = figures::right_options(db, &asked).await?;
    let missed: Vec<_> = tally_missed(&answers, &keys)
        .into_iter()
        .take(LISTED)
        .collect();
    let named =
        figures::questions(db, &missed.iter().map(|m| m.question).collect::<Vec<_>>()).await?;
    let course_titles = figures::version_titles(
        db,
        &named.iter().map(|(q, _)| q.version_id).collect::<Vec<_>>(),
    )
    .await?;
    let missed = missed
        .iter()
        .filter_map(|m| {
            let (question, lesson) = named.iter().find(|(q, _)| q.id == m.question)?;
            Some(MissedQuestion {
                course: course_titles
                    .get(&question.version_id)
                    .cloned()
                    .unwrap_or_default(),
                lesson: lesson.title.clone(),
                prompt: question.prompt.clone(),
                asked: m.asked,
                missed: m.missed,
                percent: m.percent(),
            })
        })
        .collect();

    let (workshops, workshops_coming) =
        figures::upcoming_workshops(db, scope.organiser, now, LISTED as u64).await?;
    let workshops = workshops
        .into_iter()
        .map(|w| WorkshopFill {
            id: w.workshop.id.get(),
            date: crate::api::dates::date(w.workshop.starts_at),
            percent: fill_percent(w.seated, w.workshop.capacity),
            title: w.workshop.title,
            place: w.workshop.place,
            seated: w.seated,
            capacity: w.workshop.capacity,
            waiting: w.waiting,
        })
        .collect();
    let (sign_offs_waiting, oldest) =
        figures::waiting_sign_offs(db, scope.programmes.as_deref()).await?;
    Ok(TrainingDashboard {
        courses: Page::new(items, page, per_page, total),
        missed,
        attempts_read: answers.len() as u64,
        workshops,
        workshops_coming,
        sign_offs_waiting,
        oldest_sign_off: oldest.map(crate::api::dates::date),
    })
}

/// The signed-in trainer's dashboard, page `page` of their courses.
#[server(endpoint = "results/training")]
pub async fn load_training_dashboard(page: u64) -> Result<TrainingDashboard, AppError> {
    let db = crate::api::context::state()?.db;
    let auth = crate::auth::signed_in().ok_or(AppError::Unauthenticated)?;
    let scope = training_scope(&db, &auth).await?;
    training_dashboard(&db, &scope, Some(page), chrono::Utc::now()).await
}

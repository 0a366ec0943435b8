//! Following learners: the courses someone teaches, each course's learners with filters,
//! the queue of reflections to review, and a course's trainers.
//!
//! A course's trainers and administrators see all its learners; a centre's coordinators see
//! those who take it with their centre. Reviewing reflections is for trainers of the course.

use crate::{api::admin::Page, domain::progress::LearnerStatus, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Rows per page of learners and of the review queue.
pub const PER_PAGE: u64 = 25;

/// A course in the teaching list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaughtCourse {
    /// Public id.
    pub id: String,
    /// Title of the published (or working) version.
    pub title: String,
    /// Language code.
    pub language: String,
    /// Learners who started it.
    pub learners: i64,
}

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

/// A reflection in the review queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueEntry {
    /// Reflection id.
    pub id: i32,
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

#[cfg(feature = "ssr")]
pub mod server {
    use super::*;
    use crate::{
        auth::Auth,
        domain::{
            authz::{Action, Subject, allows},
            role::Role,
        },
        store::learning::{self, Scope},
    };

    /// The centres whose learners `subject` follows as their coordinator.
    pub fn followed_centres(subject: &Subject) -> Vec<i32> {
        subject
            .grants
            .iter()
            .filter(|(role, _)| *role == Role::Coordinator)
            .filter_map(|(_, centre)| *centre)
            .filter(|c| allows(Some(subject), Action::ViewCentre { centre_id: *c }))
            .collect()
    }

    /// Which learners of `course_id` `auth` may see, or why none.
    pub async fn scope(
        db: &impl sea_orm::ConnectionTrait,
        auth: &Auth,
        course_id: i32,
    ) -> Result<Scope, AppError> {
        let subject = auth.subject();
        let teaches = learning::teaches(db, course_id, auth.user.id).await?;
        if allows(Some(&subject), Action::TeachCourse { teaches }) {
            return Ok(Scope::All);
        }
        let centres = followed_centres(&subject);
        if centres.is_empty() {
            Err(AppError::Forbidden)
        } else {
            Ok(Scope::Centres(centres))
        }
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
            email: row.email,
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
            started: crate::api::authoring::date(row.enrolment.started_at),
            last_activity: crate::api::authoring::date(row.enrolment.last_activity_at),
        }
    }

    /// The signed-in person, when they follow learners of some course: administrators,
    /// trainers and coordinators. Which learners is decided per course by [`scope`].
    pub fn follower() -> Result<Auth, AppError> {
        let auth = crate::auth::signed_in().ok_or(AppError::Unauthenticated)?;
        let subject = auth.subject();
        if !followed_centres(&subject).is_empty()
            || allows(Some(&subject), Action::TeachCourse { teaches: true })
        {
            Ok(auth)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// The signed-in person, when they may act for the course's trainers.
    pub async fn course_trainer(
        db: &impl sea_orm::ConnectionTrait,
        course_id: i32,
    ) -> Result<Auth, AppError> {
        let auth = crate::auth::signed_in().ok_or(AppError::Unauthenticated)?;
        let teaches = learning::teaches(db, course_id, auth.user.id).await?;
        if allows(Some(&auth.subject()), Action::TeachCourse { teaches }) {
            Ok(auth)
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// The courses the signed-in person follows learners of.
#[server(endpoint = "teach/courses")]
pub async fn list_teaching(page: u64) -> Result<Page<TaughtCourse>, AppError> {
    use crate::{
        api::context::state,
        domain::authz::{Action, allows},
        store::{courses, entities::course, learning},
    };
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
    let auth = server::follower()?;
    let subject = auth.subject();
    let db = state()?.db;
    let admin = allows(Some(&subject), Action::ManageUsers);
    let taught = if allows(Some(&subject), Action::TeachCourse { teaches: true }) {
        learning::taught_by(&db, auth.user.id).await?
    } else {
        Vec::new()
    };
    // Coordinators see the courses their centres' learners take, with those learners only.
    let centres = server::followed_centres(&subject);
    let mut query = course::Entity::find();
    if !admin {
        let with_centres = learning::courses_with_centres(&centres);
        query = query.filter(
            sea_orm::Condition::any()
                .add(course::Column::Id.is_in(taught.iter().copied()))
                .add(course::Column::Id.in_subquery(with_centres)),
        );
    }
    let page = page.clamp(1, 100_000);
    let paginator = query
        .order_by_asc(course::Column::Slug)
        .paginate(&db, PER_PAGE);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page - 1).await?;
    let ids: Vec<i32> = rows.iter().map(|c| c.id).collect();
    let (all_ids, centre_ids): (Vec<i32>, Vec<i32>) =
        ids.iter().partition(|id| admin || taught.contains(id));
    let mut counts = learning::learner_counts(&db, &all_ids, None).await?;
    counts.extend(learning::learner_counts(&db, &centre_ids, Some(&centres)).await?);
    let titles = courses::titles_of(&db, &rows).await?;
    Ok(Page {
        items: rows
            .into_iter()
            .map(|c| TaughtCourse {
                title: titles.get(&c.id).cloned().unwrap_or_else(|| c.slug.clone()),
                learners: counts.get(&c.id).copied().unwrap_or(0),
                language: c.language,
                id: c.public_id,
            })
            .collect(),
        page,
        pages: total.div_ceil(PER_PAGE).max(1),
        total,
    })
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
        store::{centres, courses, learning},
    };
    let auth = server::follower()?;
    let db = state()?.db;
    let course = courses::find(&db, &course).await?;
    let scope = server::scope(&db, &auth, course.id).await?;
    let filter = server::filter(&db, &centre, &status).await?;
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
        PER_PAGE,
    )
    .await?;
    let centre_choices = match &scope {
        learning::Scope::All => centres::page(&db, 0, 500).await?.0,
        learning::Scope::Centres(ids) => centres::by_ids(&db, ids.clone()).await?,
    };
    let trainers = if scope == learning::Scope::All {
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
        all: scope == learning::Scope::All,
        centres: centre_choices
            .into_iter()
            .map(|c| (c.public_id, c.name))
            .collect(),
        learners: Page {
            items: rows.into_iter().map(server::view).collect(),
            page,
            pages: total.div_ceil(PER_PAGE).max(1),
            total,
        },
        trainers: trainers
            .into_iter()
            .map(|(id, name, _)| TrainerEntry { id, name })
            .collect(),
    })
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
        learning::review_queue(&db, courses.as_deref(), page - 1, PER_PAGE).await?;
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
                    .map(crate::api::authoring::time)
                    .unwrap_or_default(),
            })
            .collect(),
        page,
        pages: total.div_ceil(PER_PAGE).max(1),
        total,
    })
}

/// Accepts a reflection or asks for a revision (which needs a comment); the learner is
/// told by email that there is feedback, without the answer or the comment in the mail.
#[server(endpoint = "teach/review")]
pub async fn review_reflection(
    reflection: i32,
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
    let auth = server::course_trainer(&state.db, enrolment.course_id).await?;
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
    txn.commit().await?;
    mail::ring(&state.mail_wakeup);
    Ok(())
}

/// Names a trainer (by email) as one of the course's trainers.
#[server(endpoint = "teach/add-trainer")]
pub async fn add_course_trainer(course: String, email: String) -> Result<(), AppError> {
    use crate::{
        api::context::state,
        domain::role::Role,
        errors::Problem,
        store::{courses, learning, people},
    };
    server::follower()?;
    let db = state()?.db;
    let course = courses::find(&db, &course).await?;
    server::course_trainer(&db, course.id).await?;
    let address = crate::domain::email::EmailAddress::parse(&email)
        .map_err(|_| AppError::field("email", Problem::InvalidEmail))?;
    let person = people::find_by_email(&db, &address)
        .await?
        .ok_or_else(|| AppError::field("email", Problem::NotAllowed))?;
    let roles = people::roles_of(&db, person.id).await?;
    if !roles.iter().any(|(r, _)| *r == Role::Trainer) {
        return Err(AppError::field("email", Problem::NotAllowed));
    }
    learning::add_trainer(&db, course.id, person.id, chrono::Utc::now()).await?;
    Ok(())
}

/// Removes one of the course's trainers.
#[server(endpoint = "teach/remove-trainer")]
pub async fn remove_course_trainer(course: String, trainer: String) -> Result<(), AppError> {
    use crate::{
        api::context::state,
        store::{courses, learning, people},
    };
    server::follower()?;
    let db = state()?.db;
    let course = courses::find(&db, &course).await?;
    server::course_trainer(&db, course.id).await?;
    let person = people::find_by_public_id(&db, &trainer)
        .await?
        .ok_or(AppError::NotFound)?;
    learning::remove_trainer(&db, course.id, person.id).await?;
    Ok(())
}

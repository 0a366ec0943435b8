//! The catalogue of published courses, a course's overview, and the trainers' preview of a
//! course exactly as learners will see it.

use crate::domain::ids::{LessonId, OptionId, QuestionId};
use crate::{api::admin::Page, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Courses per catalogue page.
pub const PER_PAGE: u64 = 12;

/// A course in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueCard {
    /// Short name, used in the address.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Language code.
    pub language: String,
    /// Module titles in order.
    pub modules: Vec<String>,
    /// Estimated minutes in all.
    pub minutes: i64,
    /// Whether it leads to the igangsætter certificate.
    pub leads_to_certificate: bool,
}

/// A lesson in a course overview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonSummary {
    /// Id.
    pub id: LessonId,
    /// Title.
    pub title: String,
    /// Estimated minutes.
    pub minutes: i32,
    /// Whether it ends in a quiz.
    pub has_quiz: bool,
}

/// A module in a course overview.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleSummary {
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Introduction, sanitized HTML.
    pub body_html: String,
    /// Whether the previous module must be completed first.
    pub requires_previous: bool,
    /// Lessons.
    pub lessons: Vec<LessonSummary>,
}

/// A course as learners see it before they start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseOverview {
    /// Short name.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Introduction, sanitized HTML.
    pub body_html: String,
    /// Language code.
    pub language: String,
    /// Whether it leads to the certificate.
    pub leads_to_certificate: bool,
    /// Estimated minutes in all.
    pub minutes: i64,
    /// Version number shown.
    pub version: i32,
    /// Modules.
    pub modules: Vec<ModuleSummary>,
}

/// A question as learners see it: no right answers, no explanations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnerQuestion {
    /// Id.
    pub id: QuestionId,
    /// Kind, stored form.
    pub kind: String,
    /// Scenario case.
    pub case: Option<String>,
    /// The question.
    pub prompt: String,
    /// Options: id and text.
    pub options: Vec<(OptionId, String)>,
}

/// A lesson as learners see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonPage {
    /// Id.
    pub id: LessonId,
    /// Course title.
    pub course_title: String,
    /// Module title.
    pub module_title: String,
    /// Title.
    pub title: String,
    /// Estimated minutes.
    pub minutes: i32,
    /// Body, sanitized HTML.
    pub body_html: String,
    /// Pass mark of the quiz, if any.
    pub pass_mark: Option<i32>,
    /// Quiz questions.
    pub questions: Vec<LearnerQuestion>,
    /// The lesson before, in reading order.
    pub previous: Option<LessonId>,
    /// The lesson after.
    pub next: Option<LessonId>,
}

#[cfg(feature = "ssr")]
fn overview(
    course: &crate::store::courses::Course,
    content: &crate::store::courses::VersionContent,
) -> CourseOverview {
    let v = &content.version;
    CourseOverview {
        slug: course.slug.clone(),
        title: v.title.clone(),
        summary: v.summary.clone(),
        body_html: v.body_html.clone(),
        language: course.language.clone(),
        leads_to_certificate: v.leads_to_certificate,
        minutes: content
            .lessons
            .values()
            .flatten()
            .map(|l| i64::from(l.minutes))
            .sum(),
        version: v.number,
        modules: content
            .modules
            .iter()
            .map(|m| ModuleSummary {
                title: m.title.clone(),
                summary: m.summary.clone(),
                body_html: m.body_html.clone(),
                requires_previous: m.requires_previous,
                lessons: content
                    .lessons_of(m.id)
                    .iter()
                    .map(|l| LessonSummary {
                        id: l.id,
                        title: l.title.clone(),
                        minutes: l.minutes,
                        has_quiz: l.pass_mark.is_some(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The lesson `lesson_id` of `content` as learners see it.
#[cfg(feature = "ssr")]
pub fn lesson_page(
    content: &crate::store::courses::VersionContent,
    lesson_id: LessonId,
) -> Result<LessonPage, AppError> {
    let order: Vec<(
        &crate::store::courses::ModuleRow,
        &crate::store::courses::LessonRow,
    )> = content
        .modules
        .iter()
        .flat_map(|m| content.lessons_of(m.id).iter().map(move |l| (m, l)))
        .collect();
    let at = order
        .iter()
        .position(|(_, l)| l.id == lesson_id)
        .ok_or(AppError::NotFound)?;
    let (module, lesson) = order[at];
    Ok(LessonPage {
        id: lesson.id,
        course_title: content.version.title.clone(),
        module_title: module.title.clone(),
        title: lesson.title.clone(),
        minutes: lesson.minutes,
        body_html: lesson.body_html.clone(),
        pass_mark: lesson.pass_mark,
        questions: if lesson.pass_mark.is_some() {
            content
                .questions_of(lesson.id)
                .iter()
                .map(|q| LearnerQuestion {
                    id: q.id,
                    kind: q.kind.as_str().to_owned(),
                    case: q.case_text.clone(),
                    prompt: q.prompt.clone(),
                    options: content
                        .options_of(q.id)
                        .iter()
                        .map(|o| (o.id, o.text.clone()))
                        .collect(),
                })
                .collect()
        } else {
            Vec::new()
        },
        previous: at.checked_sub(1).map(|i| order[i].1.id),
        next: order.get(at + 1).map(|(_, l)| l.id),
    })
}

/// One page of published courses. `language` is a language code, or `all` or empty for every
/// language; courses in the page's own language come first either way.
#[server(endpoint = "courses/catalogue")]
pub async fn list_catalogue(language: String, page: u64) -> Result<Page<CatalogueCard>, AppError> {
    use crate::{api::context::state, domain::language::Language, errors::Problem, store::courses};
    let state = state()?;
    let language = match language.as_str() {
        "all" | "" => None,
        code => Some(
            code.parse::<Language>()
                .map_err(|_| AppError::field("language", Problem::UnknownLanguage))?,
        ),
    };
    let page = page.clamp(1, 100_000);
    let (entries, total) = courses::catalogue_page(
        &state.db,
        language,
        crate::language::request_language(),
        page - 1,
        PER_PAGE,
    )
    .await?;
    Ok(Page {
        items: entries
            .into_iter()
            .map(|e| CatalogueCard {
                slug: e.course.slug,
                title: e.version.title,
                summary: e.version.summary,
                language: e.course.language,
                modules: e.modules,
                minutes: e.minutes,
                leads_to_certificate: e.version.leads_to_certificate,
            })
            .collect(),
        page,
        pages: total.div_ceil(PER_PAGE).max(1),
        total,
    })
}

/// A published course's overview, by short name.
#[server(endpoint = "courses/overview")]
pub async fn load_course_overview(slug: String) -> Result<CourseOverview, AppError> {
    use crate::{api::context::state, domain::course::CourseStatus, store::courses};
    let state = state()?;
    let course = courses::find_by_slug(&state.db, &slug)
        .await?
        .filter(|c| c.status == CourseStatus::Published)
        .ok_or(AppError::NotFound)?;
    let version = course.published_version_id.ok_or(AppError::NotFound)?;
    let content = courses::load_content(&state.db, version).await?;
    Ok(overview(&course, &content))
}

/// A trainer's preview of the version being worked on, as learners will see it.
#[server(endpoint = "authoring/preview-course")]
pub async fn preview_course(course: String) -> Result<CourseOverview, AppError> {
    use crate::{
        api::context::{require, state},
        domain::authz::Action,
        store::courses,
    };
    require(Action::AuthorCourses)?;
    let state = state()?;
    let course = courses::find(&state.db, &course).await?;
    let version = courses::working_version(&state.db, &course).await?;
    let content = courses::load_content(&state.db, version.id).await?;
    Ok(overview(&course, &content))
}

/// A trainer's preview of one lesson, as learners will see it.
#[server(endpoint = "authoring/preview-lesson")]
pub async fn preview_lesson(lesson: LessonId) -> Result<LessonPage, AppError> {
    use crate::{
        api::context::{require, state},
        domain::authz::Action,
        store::courses,
    };
    require(Action::AuthorCourses)?;
    let state = state()?;
    let row = courses::lesson(&state.db, lesson).await?;
    let content = courses::load_content(&state.db, row.version_id).await?;
    lesson_page(&content, lesson)
}

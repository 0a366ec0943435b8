//! The course editor: the course's details, its modules and lessons, and moving or deleting
//! any of them.

use crate::domain::ids::{LessonId, ModuleId};
use crate::{
    domain::course::{CourseStatus, Flaw, VersionState},
    errors::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::ssr;

/// A lesson as the course outline shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonOutline {
    /// Id.
    pub id: LessonId,
    /// Title.
    pub title: String,
    /// Estimated minutes.
    pub minutes: i32,
    /// Whether it ends in a quiz.
    pub has_quiz: bool,
    /// Number of questions.
    pub questions: usize,
}

/// A module with its texts and lessons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleOutline {
    /// Id.
    pub id: ModuleId,
    /// Title.
    pub title: String,
    /// Topic tag, stored form.
    pub topic: String,
    /// Whether the previous module must be completed first.
    pub requires_previous: bool,
    /// Summary.
    pub summary: String,
    /// Markdown introduction.
    pub body: String,
    /// Lessons in order.
    pub lessons: Vec<LessonOutline>,
}

/// Everything the course editor shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseEditor {
    /// Public id.
    pub id: String,
    /// Short name.
    pub slug: String,
    /// Language code.
    pub language: String,
    /// Status.
    pub status: CourseStatus,
    /// Number of the version shown.
    pub version: i32,
    /// State of the version shown.
    pub state: VersionState,
    /// Number of the published version.
    pub published: Option<i32>,
    /// Title.
    pub title: String,
    /// Catalogue summary.
    pub summary: String,
    /// Markdown introduction.
    pub body: String,
    /// Counts towards the certificate.
    pub leads_to_certificate: bool,
    /// Modules in order.
    pub modules: Vec<ModuleOutline>,
    /// What keeps the version from being published.
    pub flaws: Vec<Flaw>,
}

impl CourseEditor {
    /// Whether the version shown can be changed.
    pub fn editable(&self) -> bool {
        self.state == VersionState::Draft && self.status != CourseStatus::Archived
    }
}

/// The course editor's data: the draft if there is one, else the published version.
#[server(endpoint = "authoring/course")]
pub async fn load_course_editor(course: String) -> Result<CourseEditor, AppError> {
    use crate::{api::context::state, domain::course::validate, store::courses};
    ssr::author()?;
    let state = state()?;
    let course = ssr::course(&state.db, &course).await?;
    let version = courses::working_version(&state.db, &course).await?;
    let content = courses::load_content(&state.db, version.id).await?;
    let flaws = validate(&content.doc(&course));
    let published = match course.published_version_id {
        Some(id) if id == version.id => Some(version.number),
        Some(_) => courses::versions(&state.db, course.id)
            .await?
            .into_iter()
            .find(|v| Some(v.id) == course.published_version_id)
            .map(|v| v.number),
        None => None,
    };
    let modules = content
        .modules
        .iter()
        .map(|m| ModuleOutline {
            id: m.id,
            title: m.title.clone(),
            topic: m.topic.clone(),
            requires_previous: m.requires_previous,
            summary: m.summary.clone(),
            body: m.body.clone(),
            lessons: content
                .lessons_of(m.id)
                .iter()
                .map(|l| LessonOutline {
                    id: l.id,
                    title: l.title.clone(),
                    minutes: l.minutes,
                    has_quiz: l.pass_mark.is_some(),
                    questions: content.questions_of(l.id).len(),
                })
                .collect(),
        })
        .collect();
    let v = content.version;
    Ok(CourseEditor {
        id: course.public_id,
        slug: course.slug,
        language: course.language,
        status: course.status,
        version: v.number,
        state: v.state,
        published,
        title: v.title,
        summary: v.summary,
        body: v.body,
        leads_to_certificate: v.leads_to_certificate,
        modules,
        flaws,
    })
}

/// Changes the draft's title, summary, introduction and certificate setting.
#[server(endpoint = "authoring/update-course")]
pub async fn update_course(
    course: String,
    title: String,
    summary: String,
    body: String,
    #[server(default)] leads_to_certificate: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        api::context::state,
        domain::course::{MAX_BODY, MAX_SUMMARY},
        store::courses::{self, CourseDetails},
    };
    ssr::author()?;
    let mut check = ssr::Check::default();
    let details = CourseDetails {
        title: check.title("title", &title),
        summary: check.text("summary", &summary, MAX_SUMMARY, false),
        body: check.text("body", &body, MAX_BODY, false),
        leads_to_certificate: leads_to_certificate.is_some(),
    };
    let state = state()?;
    let course = ssr::course(&state.db, &course).await?;
    let draft = ssr::draft_id(&state.db, &course).await?;
    check.finish()?;
    ssr::in_draft(draft, async move |txn, version| {
        Ok(courses::update_details(txn, version.clone(), details).await?)
    })
    .await
}

/// Parses a topic from the editor: a built-in one, or `custom` with a name.
#[cfg(feature = "ssr")]
fn topic(check: &mut ssr::Check, topic: &str, custom: &str) -> crate::domain::course::Topic {
    use crate::{
        domain::course::{Topic, slugify},
        errors::Problem,
    };
    if topic == "custom" {
        let name = slugify(custom.trim());
        if custom.trim().is_empty() {
            check.problem("custom_topic", Problem::Required);
        }
        match format!("custom:{name}").parse() {
            Ok(t) => t,
            Err(_) => {
                check.problem("custom_topic", Problem::NotAllowed);
                Topic::Values
            }
        }
    } else {
        topic.parse().unwrap_or_else(|_| {
            check.problem("topic", Problem::NotAllowed);
            Topic::Values
        })
    }
}

/// Adds a module at the end of the draft.
#[server(endpoint = "authoring/add-module")]
pub async fn add_module(
    course: String,
    title: String,
    topic: String,
    #[server(default)] custom_topic: String,
) -> Result<ModuleId, AppError> {
    use crate::{
        api::context::state,
        domain::course::{ModuleDoc, slugify},
        store::courses,
    };
    ssr::author()?;
    let mut check = ssr::Check::default();
    let title = check.title("title", &title);
    let topic = self::topic(&mut check, &topic, &custom_topic);
    let state = state()?;
    let course = ssr::course(&state.db, &course).await?;
    let draft = ssr::draft_id(&state.db, &course).await?;
    check.finish()?;
    let module = ModuleDoc {
        slug: slugify(&title),
        title,
        topic,
        requires_previous: true,
        summary: String::new(),
        body: String::new(),
        lessons: Vec::new(),
    };
    ssr::in_draft(draft, async move |txn, _| {
        Ok(courses::add_module(txn, draft, &module).await?.id)
    })
    .await
}

/// Changes a module's texts and settings.
#[server(endpoint = "authoring/update-module")]
pub async fn update_module(
    module: ModuleId,
    title: String,
    topic: String,
    #[server(default)] custom_topic: String,
    #[server(default)] summary: String,
    #[server(default)] body: String,
    #[server(default)] requires_previous: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        api::context::state,
        domain::course::{MAX_BODY, MAX_SUMMARY, ModuleDoc},
        store::courses,
    };
    ssr::author()?;
    let mut check = ssr::Check::default();
    let title = check.title("title", &title);
    let topic = self::topic(&mut check, &topic, &custom_topic);
    let summary = check.text("summary", &summary, MAX_SUMMARY, false);
    let body = check.text("body", &body, MAX_BODY, false);
    let state = state()?;
    let row = courses::module(&state.db, module).await?;
    check.finish()?;
    let doc = ModuleDoc {
        slug: row.slug.clone(),
        title,
        topic,
        requires_previous: requires_previous.is_some(),
        summary,
        body,
        lessons: Vec::new(),
    };
    ssr::in_draft(row.version_id, async move |txn, _| {
        let row = courses::module(txn, module).await?;
        Ok(courses::update_module(txn, row, &doc).await?)
    })
    .await
}

/// Adds a lesson at the end of a module.
#[server(endpoint = "authoring/add-lesson")]
pub async fn add_lesson(module: ModuleId, title: String) -> Result<LessonId, AppError> {
    use crate::{
        api::context::state,
        domain::course::{LessonDoc, slugify},
        store::courses,
    };
    ssr::author()?;
    let mut check = ssr::Check::default();
    let title = check.title("title", &title);
    let state = state()?;
    let row = courses::module(&state.db, module).await?;
    check.finish()?;
    let lesson = LessonDoc {
        slug: slugify(&title),
        title,
        minutes: 10,
        body: String::new(),
        quiz: None,
    };
    let id = ssr::in_draft(row.version_id, async move |txn, _| {
        Ok(courses::add_lesson(txn, &row, &lesson).await?.id)
    })
    .await?;
    leptos_axum::redirect(&format!("/authoring/lessons/{id}"));
    Ok(id)
}

/// Moves a module, lesson or question one place up or down.
#[server(endpoint = "authoring/move")]
pub async fn move_item(item: String, id: i32, direction: String) -> Result<(), AppError> {
    use crate::{api::context::state, errors::Problem, store::courses};
    ssr::author()?;
    let up = match direction.as_str() {
        "up" => true,
        "down" => false,
        _ => return Err(AppError::field("direction", Problem::NotAllowed)),
    };
    let state = state()?;
    let (item, version) = locate(&state.db, &item, id).await?;
    ssr::in_draft(version, async move |txn, _| {
        Ok(courses::shift(txn, item, up).await?)
    })
    .await
}

/// Deletes a module, lesson or question with everything in it.
#[server(endpoint = "authoring/delete")]
pub async fn delete_item(
    item: String,
    id: i32,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::{api::context::state, errors::Problem, store::courses};
    ssr::author()?;
    let state = state()?;
    let (item, version) = locate(&state.db, &item, id).await?;
    if confirm.is_none() {
        return Err(AppError::field("confirm", Problem::MustConfirm));
    }
    ssr::in_draft(version, async move |txn, _| {
        Ok(courses::remove(txn, item).await?)
    })
    .await
}

/// The item named by a form, and the version it belongs to.
#[cfg(feature = "ssr")]
async fn locate(
    db: &impl sea_orm::ConnectionTrait,
    item: &str,
    id: i32,
) -> Result<(crate::store::courses::Item, crate::domain::ids::VersionId), AppError> {
    use crate::{
        errors::Problem,
        store::courses::{self, Item},
    };
    Ok(match item {
        "module" => {
            let id = ModuleId::new(id);
            (Item::Module(id), courses::module(db, id).await?.version_id)
        }
        "lesson" => {
            let id = LessonId::new(id);
            (Item::Lesson(id), courses::lesson(db, id).await?.version_id)
        }
        "question" => {
            let id = crate::domain::ids::QuestionId::new(id);
            (
                Item::Question(id),
                courses::question(db, id).await?.version_id,
            )
        }
        _ => return Err(AppError::field("item", Problem::NotAllowed)),
    })
}

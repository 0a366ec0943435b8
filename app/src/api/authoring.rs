//! Course authoring for trainers: courses, modules, lessons, questions, versions.
//!
//! Every function asks for [`Action::AuthorCourses`](crate::domain::authz::Action) before it
//! looks anything up, and changes only ever land in a course's draft version.
// A server function's arguments are its form's fields; the question form has eight.
#![allow(clippy::too_many_arguments)]

use crate::{
    api::admin::Page,
    domain::course::{Change, CourseStatus, Flaw, QuestionDoc, VersionState},
    errors::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

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
}

/// A lesson as the course outline shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonOutline {
    /// Id.
    pub id: i32,
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
    pub id: i32,
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

/// A question with its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionItem {
    /// Id.
    pub id: i32,
    /// Content.
    pub question: QuestionDoc,
}

/// Everything the lesson editor shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonEditor {
    /// Id.
    pub id: i32,
    /// The course's public id.
    pub course: String,
    /// The course's title.
    pub course_title: String,
    /// The module's title.
    pub module_title: String,
    /// Whether it can be changed.
    pub editable: bool,
    /// Title.
    pub title: String,
    /// Estimated minutes.
    pub minutes: i32,
    /// Markdown body.
    pub body: String,
    /// The body as learners see it.
    pub body_html: String,
    /// Pass mark, when the lesson has a quiz.
    pub pass_mark: Option<i32>,
    /// Attempts allowed at the quiz; none means no limit.
    pub max_attempts: Option<i32>,
    /// Minutes between attempts.
    pub cooldown_minutes: Option<i32>,
    /// Questions in order.
    pub questions: Vec<QuestionItem>,
}

/// One version in the history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionEntry {
    /// Number.
    pub number: i32,
    /// State.
    pub state: VersionState,
    /// Title at that version.
    pub title: String,
    /// When it was published, `YYYY-MM-DD HH:MM` UTC.
    pub published_at: Option<String>,
    /// What changed against the version before, as recorded when published.
    pub changes: Vec<Change>,
}

/// What publishing now would do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishPreview {
    /// Number of the draft.
    pub version: i32,
    /// Number of the version it replaces.
    pub replaces: Option<i32>,
    /// Changes against that version.
    pub changes: Vec<Change>,
    /// What must be fixed first.
    pub flaws: Vec<Flaw>,
}

/// One option as the question form sends it; rows with no text are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionInput {
    /// Text.
    #[serde(default)]
    pub text: String,
    /// Ticked when right.
    #[serde(default)]
    pub correct: Option<String>,
    /// Explanation shown after answering.
    #[serde(default)]
    pub explanation: String,
    /// Ticked to keep the option last when options are shuffled.
    #[serde(default)]
    pub pinned: Option<String>,
}

#[cfg(feature = "ssr")]
mod server {
    use crate::{
        api::context::{require, state},
        auth::Auth,
        domain::{authz::Action, course::MAX_TITLE},
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
        version_id: i32,
        change: impl AsyncFnOnce(&DatabaseTransaction, &Version) -> Result<T, AppError>,
    ) -> Result<T, AppError> {
        let state = state()?;
        let txn = begin_write(&state.db).await?;
        let (course, version) = courses::editable(&txn, version_id).await?;
        let result = change(&txn, &version).await?;
        courses::touch(&txn, &course, version.id, chrono::Utc::now()).await?;
        txn.commit().await?;
        Ok(result)
    }

    /// The course with this public id.
    pub async fn course(db: &impl sea_orm::ConnectionTrait, id: &str) -> Result<Course, AppError> {
        Ok(courses::find(db, id).await?)
    }

    /// The draft version id of a course, or why there is none to change.
    pub async fn draft_id(
        db: &impl sea_orm::ConnectionTrait,
        course: &Course,
    ) -> Result<i32, AppError> {
        match courses::draft(db, course.id).await? {
            Some(v) => Ok(v.id),
            None => Err(CourseError::NotEditable.into()),
        }
    }

    /// Begins a transaction.
    pub async fn write() -> Result<DatabaseTransaction, AppError> {
        Ok(begin_write(&state()?.db).await?)
    }
}

#[cfg(feature = "ssr")]
pub(crate) fn date(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

/// A moment as `YYYY-MM-DD HH:MM` (UTC).
#[cfg(feature = "ssr")]
pub(crate) fn time(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

/// The trainers' list of courses: the working ones, or the archived ones.
#[server(endpoint = "authoring/courses")]
pub async fn list_authored_courses(
    page: u64,
    archived: bool,
) -> Result<Page<AuthoredCourse>, AppError> {
    use crate::{api::context::state, store::courses};
    server::author()?;
    let state = state()?;
    let page = page.clamp(1, 100_000);
    let (rows, total) = courses::authoring_page(&state.db, archived, page - 1, PER_PAGE).await?;
    Ok(Page {
        items: rows
            .into_iter()
            .map(|l| AuthoredCourse {
                id: l.course.public_id,
                title: l.version.title,
                language: l.course.language,
                status: l.course.status.parse().unwrap_or(CourseStatus::Draft),
                version: l.version.number,
                has_draft: l.has_draft,
                published: l.published_number,
                updated: date(l.course.updated_at),
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
    let auth = server::author()?;
    let mut check = server::Check::default();
    let title = check.title("title", &title);
    let language = match language.parse::<Language>() {
        Ok(l) => l,
        Err(_) => {
            check.problem("language", Problem::UnknownLanguage);
            Language::Da
        }
    };
    check.finish()?;
    let txn = server::write().await?;
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

/// The course editor's data: the draft if there is one, else the published version.
#[server(endpoint = "authoring/course")]
pub async fn load_course_editor(course: String) -> Result<CourseEditor, AppError> {
    use crate::{api::context::state, domain::course::validate, store::courses};
    server::author()?;
    let state = state()?;
    let course = server::course(&state.db, &course).await?;
    let version = courses::working_version(&state.db, &course).await?;
    let tree = courses::load_tree(&state.db, version.id).await?;
    let flaws = validate(&tree.doc(&course));
    let published = match course.published_version_id {
        Some(id) if id == version.id => Some(version.number),
        Some(_) => courses::versions(&state.db, course.id)
            .await?
            .into_iter()
            .find(|v| Some(v.id) == course.published_version_id)
            .map(|v| v.number),
        None => None,
    };
    let modules = tree
        .modules
        .iter()
        .map(|m| ModuleOutline {
            id: m.id,
            title: m.title.clone(),
            topic: m.topic.clone(),
            requires_previous: m.requires_previous,
            summary: m.summary.clone(),
            body: m.body.clone(),
            lessons: tree
                .lessons_of(m.id)
                .iter()
                .map(|l| LessonOutline {
                    id: l.id,
                    title: l.title.clone(),
                    minutes: l.minutes,
                    has_quiz: l.pass_mark.is_some(),
                    questions: tree.questions_of(l.id).len(),
                })
                .collect(),
        })
        .collect();
    let v = tree.version;
    Ok(CourseEditor {
        id: course.public_id,
        slug: course.slug,
        language: course.language,
        status: course.status.parse().unwrap_or(CourseStatus::Draft),
        version: v.number,
        state: v.state.parse().unwrap_or(VersionState::Draft),
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
    server::author()?;
    let mut check = server::Check::default();
    let details = CourseDetails {
        title: check.title("title", &title),
        summary: check.text("summary", &summary, MAX_SUMMARY, false),
        body: check.text("body", &body, MAX_BODY, false),
        leads_to_certificate: leads_to_certificate.is_some(),
    };
    let state = state()?;
    let course = server::course(&state.db, &course).await?;
    let draft = server::draft_id(&state.db, &course).await?;
    check.finish()?;
    server::in_draft(draft, async move |txn, version| {
        Ok(courses::update_details(txn, version.clone(), details).await?)
    })
    .await
}

/// Starts a new draft version of a published course (or returns the existing draft).
#[server(endpoint = "authoring/start-draft")]
pub async fn start_draft(course: String) -> Result<i32, AppError> {
    use crate::store::courses;
    let auth = server::author()?;
    let txn = server::write().await?;
    let course = server::course(&txn, &course).await?;
    let version =
        courses::start_draft(&txn, &course, Some(auth.user.id), chrono::Utc::now()).await?;
    txn.commit().await?;
    Ok(version.number)
}

/// Throws away the draft of a course that has a published version.
#[server(endpoint = "authoring/discard-draft")]
pub async fn discard_draft(
    course: String,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::{errors::Problem, store::courses};
    server::author()?;
    let txn = server::write().await?;
    let course = server::course(&txn, &course).await?;
    if confirm.is_none() {
        return Err(AppError::field("confirm", Problem::MustConfirm));
    }
    courses::discard_draft(&txn, &course).await?;
    txn.commit().await?;
    Ok(())
}

/// Parses a topic from the editor: a built-in one, or `custom` with a name.
#[cfg(feature = "ssr")]
fn topic(check: &mut server::Check, topic: &str, custom: &str) -> crate::domain::course::Topic {
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
) -> Result<i32, AppError> {
    use crate::{
        api::context::state,
        domain::course::{ModuleDoc, slugify},
        store::courses,
    };
    server::author()?;
    let mut check = server::Check::default();
    let title = check.title("title", &title);
    let topic = self::topic(&mut check, &topic, &custom_topic);
    let state = state()?;
    let course = server::course(&state.db, &course).await?;
    let draft = server::draft_id(&state.db, &course).await?;
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
    server::in_draft(draft, async move |txn, _| {
        Ok(courses::add_module(txn, draft, &module).await?.id)
    })
    .await
}

/// Changes a module's texts and settings.
#[server(endpoint = "authoring/update-module")]
pub async fn update_module(
    module: i32,
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
    server::author()?;
    let mut check = server::Check::default();
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
    server::in_draft(row.version_id, async move |txn, _| {
        let row = courses::module(txn, module).await?;
        Ok(courses::update_module(txn, row, &doc).await?)
    })
    .await
}

/// Adds a lesson at the end of a module.
#[server(endpoint = "authoring/add-lesson")]
pub async fn add_lesson(module: i32, title: String) -> Result<i32, AppError> {
    use crate::{
        api::context::state,
        domain::course::{LessonDoc, slugify},
        store::courses,
    };
    server::author()?;
    let mut check = server::Check::default();
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
    let id = server::in_draft(row.version_id, async move |txn, _| {
        Ok(courses::add_lesson(txn, &row, &lesson).await?.id)
    })
    .await?;
    leptos_axum::redirect(&format!("/authoring/lessons/{id}"));
    Ok(id)
}

/// Changes a lesson's title, estimate, text and quiz settings.
#[server(endpoint = "authoring/update-lesson")]
pub async fn update_lesson(
    lesson: i32,
    title: String,
    minutes: String,
    body: String,
    #[server(default)] quiz: Option<String>,
    #[server(default)] pass_mark: String,
    #[server(default)] attempts: String,
    #[server(default)] cooldown_minutes: String,
) -> Result<(), AppError> {
    use crate::{
        api::context::state,
        domain::course::{MAX_ATTEMPTS, MAX_BODY, MAX_COOLDOWN_MINUTES, MAX_MINUTES},
        store::courses::{self, QuizSettings},
    };
    server::author()?;
    let mut check = server::Check::default();
    let title = check.title("title", &title);
    let minutes = check.number("minutes", &minutes, 1..=MAX_MINUTES);
    let body = check.text("body", &body, MAX_BODY, false);
    let quiz = quiz.map(|_| QuizSettings {
        pass_mark: check.number("pass_mark", &pass_mark, 0..=100) as u8,
        attempts: (!attempts.trim().is_empty())
            .then(|| check.number("attempts", &attempts, 1..=u32::from(MAX_ATTEMPTS)) as u8),
        cooldown_minutes: (!cooldown_minutes.trim().is_empty())
            .then(|| {
                check.number(
                    "cooldown_minutes",
                    &cooldown_minutes,
                    0..=MAX_COOLDOWN_MINUTES,
                )
            })
            .filter(|m| *m > 0),
    });
    let state = state()?;
    let row = courses::lesson(&state.db, lesson).await?;
    check.finish()?;
    server::in_draft(row.version_id, async move |txn, _| {
        let row = courses::lesson(txn, lesson).await?;
        // Switching the quiz off would hide its questions from learners and drop them from
        // the next version: they are deleted first, on purpose.
        if quiz.is_none() && courses::question_count(txn, row.id).await? > 0 {
            return Err(AppError::field(
                "quiz",
                crate::errors::Problem::HasQuestions,
            ));
        }
        Ok(courses::update_lesson(txn, row, title, minutes, body, quiz).await?)
    })
    .await?;
    // A plain form post comes back to the editor, which then says the text was saved.
    leptos_axum::redirect(&format!("/authoring/lessons/{lesson}?saved=1"));
    Ok(())
}

/// The lesson editor's data.
#[server(endpoint = "authoring/lesson")]
pub async fn load_lesson_editor(lesson: i32) -> Result<LessonEditor, AppError> {
    use crate::{
        api::context::state,
        store::courses::{self, question_doc},
    };
    use sea_orm::EntityTrait;
    server::author()?;
    let state = state()?;
    let row = courses::lesson(&state.db, lesson).await?;
    let tree = courses::load_tree(&state.db, row.version_id).await?;
    let course = crate::store::entities::course::Entity::find_by_id(tree.version.course_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let module_title = tree
        .modules
        .iter()
        .find(|m| m.id == row.module_id)
        .map(|m| m.title.clone())
        .unwrap_or_default();
    let editable = tree.version.state == VersionState::Draft.as_str()
        && course.status != CourseStatus::Archived.as_str();
    Ok(LessonEditor {
        id: row.id,
        course: course.public_id,
        course_title: tree.version.title.clone(),
        module_title,
        editable,
        questions: tree
            .questions_of(row.id)
            .iter()
            .map(|q| QuestionItem {
                id: q.id,
                question: question_doc(q, tree.options_of(q.id)),
            })
            .collect(),
        title: row.title,
        minutes: row.minutes,
        body: row.body,
        body_html: row.body_html,
        pass_mark: row.pass_mark,
        max_attempts: row.max_attempts,
        cooldown_minutes: row.cooldown_minutes,
    })
}

/// Adds a question to a lesson (no `question`) or replaces one.
#[server(endpoint = "authoring/save-question")]
pub async fn save_question(
    lesson: i32,
    #[server(default)] question: Option<i32>,
    kind: String,
    prompt: String,
    #[server(default)] case: String,
    #[server(default)] guidance: String,
    #[server(default)] review: String,
    #[server(default)] options: Vec<OptionInput>,
) -> Result<i32, AppError> {
    use crate::{
        api::context::state,
        domain::course::{
            FlawKind, MAX_OPTIONS, MAX_TEXT, OptionDoc, QuestionDoc, QuestionKind, ReviewMode,
            question_flaws,
        },
        errors::Problem,
        store::courses,
    };
    server::author()?;
    let mut check = server::Check::default();
    let kind = kind.parse::<QuestionKind>().unwrap_or_else(|_| {
        check.problem("kind", Problem::NotAllowed);
        QuestionKind::SingleChoice
    });
    let prompt = check.text("prompt", &prompt, MAX_TEXT, true);
    let case = (kind == QuestionKind::Scenario).then(|| check.text("case", &case, MAX_TEXT, true));
    let (guidance, review) = if kind == QuestionKind::Reflection {
        let guidance = check.text("guidance", &guidance, MAX_TEXT, false);
        let review = review.parse::<ReviewMode>().unwrap_or_else(|_| {
            check.problem("review", Problem::NotAllowed);
            ReviewMode::Trainer
        });
        ((!guidance.is_empty()).then_some(guidance), Some(review))
    } else {
        (None, None)
    };
    let mut docs = Vec::new();
    if kind.has_options() {
        if options.len() > MAX_OPTIONS * 2 {
            check.problem("options", Problem::TooLong);
        }
        for (i, o) in options.iter().enumerate().take(MAX_OPTIONS * 2) {
            let text = check.text(&format!("options[{i}][text]"), &o.text, MAX_TEXT, false);
            let explanation = check.text(
                &format!("options[{i}][explanation]"),
                &o.explanation,
                MAX_TEXT,
                false,
            );
            if !text.is_empty() {
                docs.push(OptionDoc {
                    text,
                    correct: o.correct.is_some(),
                    explanation,
                    pinned: o.pinned.is_some(),
                });
            }
        }
    }
    let doc = QuestionDoc {
        kind,
        case,
        prompt,
        options: docs,
        guidance,
        review,
    };
    // Counting rules are checked only once the texts themselves are fine.
    if check.0.is_empty() {
        for flaw in question_flaws(&doc) {
            match flaw {
                FlawKind::OptionCount | FlawKind::CorrectCount => {
                    check.problem("options", Problem::NotAllowed)
                }
                _ => check.problem("prompt", Problem::NotAllowed),
            }
        }
    }
    let state = state()?;
    let row = courses::lesson(&state.db, lesson).await?;
    let existing = match question {
        Some(id) => {
            let q = courses::question(&state.db, id).await?;
            if q.lesson_id != row.id {
                return Err(AppError::NotFound);
            }
            Some(q)
        }
        None => None,
    };
    check.0.dedup();
    check.finish()?;
    server::in_draft(row.version_id, async move |txn, _| match existing {
        Some(q) => {
            let id = q.id;
            courses::update_question(txn, q, &doc).await?;
            Ok(id)
        }
        None => Ok(courses::add_question(txn, &row, &doc).await?.id),
    })
    .await
}

/// Moves a module, lesson or question one place up or down.
#[server(endpoint = "authoring/move")]
pub async fn move_item(item: String, id: i32, direction: String) -> Result<(), AppError> {
    use crate::{api::context::state, errors::Problem, store::courses};
    server::author()?;
    let up = match direction.as_str() {
        "up" => true,
        "down" => false,
        _ => return Err(AppError::field("direction", Problem::NotAllowed)),
    };
    let state = state()?;
    let (item, version) = locate(&state.db, &item, id).await?;
    server::in_draft(version, async move |txn, _| {
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
    server::author()?;
    let state = state()?;
    let (item, version) = locate(&state.db, &item, id).await?;
    if confirm.is_none() {
        return Err(AppError::field("confirm", Problem::MustConfirm));
    }
    server::in_draft(version, async move |txn, _| {
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
) -> Result<(crate::store::courses::Item, i32), AppError> {
    use crate::{
        errors::Problem,
        store::courses::{self, Item},
    };
    Ok(match item {
        "module" => (Item::Module(id), courses::module(db, id).await?.version_id),
        "lesson" => (Item::Lesson(id), courses::lesson(db, id).await?.version_id),
        "question" => (
            Item::Question(id),
            courses::question(db, id).await?.version_id,
        ),
        _ => return Err(AppError::field("item", Problem::NotAllowed)),
    })
}

/// Renders Markdown exactly as learners will see it, for the editor's preview.
#[server(endpoint = "authoring/preview-markdown")]
pub async fn preview_markdown(text: String) -> Result<String, AppError> {
    use crate::{domain::course::MAX_BODY, errors::Problem};
    server::author()?;
    if text.chars().count() > MAX_BODY {
        return Err(AppError::field("text", Problem::TooLong));
    }
    Ok(crate::domain::markdown::render(&text))
}

/// What publishing the draft now would change, and what must be fixed first.
#[server(endpoint = "authoring/publish-preview")]
pub async fn load_publish_preview(course: String) -> Result<PublishPreview, AppError> {
    use crate::{api::context::state, store::courses};
    server::author()?;
    let state = state()?;
    let course = server::course(&state.db, &course).await?;
    let draft = courses::draft(&state.db, course.id)
        .await?
        .ok_or(AppError::NothingToPublish)?;
    let (changes, flaws) = courses::pending(&state.db, &course).await?;
    let replaces = match course.published_version_id {
        Some(id) => courses::versions(&state.db, course.id)
            .await?
            .into_iter()
            .find(|v| v.id == id)
            .map(|v| v.number),
        None => None,
    };
    Ok(PublishPreview {
        version: draft.number,
        replaces,
        changes,
        flaws,
    })
}

/// Publishes the draft, or puts an unpublished course back in the catalogue.
#[server(endpoint = "authoring/publish")]
pub async fn publish(
    course: String,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        errors::Problem,
        store::{audit, courses},
    };
    let auth = server::author()?;
    let txn = server::write().await?;
    let course = server::course(&txn, &course).await?;
    if confirm.is_none() {
        return Err(AppError::field("confirm", Problem::MustConfirm));
    }
    let now = chrono::Utc::now();
    let changes = courses::publish(&txn, &course, Some(auth.user.id), now).await?;
    audit::record(
        &txn,
        audit::Event::CoursePublished,
        Some(auth.user.id),
        None,
        Some(format!("{} ({} changes)", course.slug, changes.len())),
        now,
    )
    .await?;
    txn.commit().await?;
    leptos_axum::redirect(&format!(
        "/authoring/courses/{}?published=1",
        course.public_id
    ));
    Ok(())
}

/// Takes a course out of the catalogue (`unpublish`), retires it (`archive`), or brings an
/// archived one back as unpublished (`restore`).
#[server(endpoint = "authoring/set-status")]
pub async fn set_course_status(
    course: String,
    change: String,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::{
        errors::Problem,
        store::{audit, courses},
    };
    let auth = server::author()?;
    let txn = server::write().await?;
    let course = server::course(&txn, &course).await?;
    let current: CourseStatus = course.status.parse().unwrap_or(CourseStatus::Draft);
    let target = match (change.as_str(), current) {
        ("unpublish", CourseStatus::Published) => CourseStatus::Draft,
        ("archive", CourseStatus::Draft | CourseStatus::Published) => CourseStatus::Archived,
        ("restore", CourseStatus::Archived) => CourseStatus::Draft,
        ("unpublish" | "archive" | "restore", _) => return Err(AppError::NotEditable),
        _ => return Err(AppError::field("change", Problem::NotAllowed)),
    };
    if confirm.is_none() {
        return Err(AppError::field("confirm", Problem::MustConfirm));
    }
    let now = chrono::Utc::now();
    courses::set_status(&txn, &course, target, now).await?;
    audit::record(
        &txn,
        audit::Event::CourseStatusChanged,
        Some(auth.user.id),
        None,
        Some(format!("{} {change}", course.slug)),
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Every version of a course, newest first, with what each changed.
#[server(endpoint = "authoring/history")]
pub async fn version_history(course: String) -> Result<Vec<VersionEntry>, AppError> {
    use crate::{api::context::state, store::courses};
    server::author()?;
    let state = state()?;
    let course = server::course(&state.db, &course).await?;
    Ok(courses::versions(&state.db, course.id)
        .await?
        .into_iter()
        .map(|v| VersionEntry {
            number: v.number,
            state: v.state.parse().unwrap_or(VersionState::Draft),
            published_at: v.published_at.map(time),
            changes: courses::recorded_changes(&v),
            title: v.title,
        })
        .collect())
}

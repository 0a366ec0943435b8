//! The lesson editor: a lesson's text and quiz settings, its questions, and the Markdown
//! preview shown while writing.
// A server function's arguments are its form's fields; the question form has eight.
#![allow(clippy::too_many_arguments)]

use crate::domain::ids::{LessonId, QuestionId};
use crate::{domain::course::QuestionDoc, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::ssr;

/// A question with its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionItem {
    /// Id.
    pub id: QuestionId,
    /// Content.
    pub question: QuestionDoc,
}

/// Everything the lesson editor shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonEditor {
    /// Id.
    pub id: LessonId,
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

/// Changes a lesson's title, estimate, text and quiz settings.
#[server(endpoint = "authoring/update-lesson")]
pub async fn update_lesson(
    lesson: LessonId,
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
    ssr::author()?;
    let mut check = ssr::Check::default();
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
    ssr::in_draft(row.version_id, async move |txn, _| {
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
pub async fn load_lesson_editor(lesson: LessonId) -> Result<LessonEditor, AppError> {
    use crate::{
        api::context::state,
        domain::course::{CourseStatus, VersionState},
        store::courses::{self, question_doc},
    };
    use sea_orm::EntityTrait;
    let auth = ssr::author()?;
    let state = state()?;
    let row = courses::lesson(&state.db, lesson).await?;
    let course_id = courses::course_of_version(&state.db, row.version_id).await?;
    ssr::ensure_editor(&state.db, &auth, course_id).await?;
    let content = courses::load_content(&state.db, row.version_id).await?;
    let course = crate::store::entities::course::Entity::find_by_id(course_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let module_title = content
        .modules
        .iter()
        .find(|m| m.id == row.module_id)
        .map(|m| m.title.clone())
        .unwrap_or_default();
    let editable =
        content.version.state == VersionState::Draft && course.status != CourseStatus::Archived;
    Ok(LessonEditor {
        id: row.id,
        course: course.public_id,
        course_title: content.version.title.clone(),
        module_title,
        editable,
        questions: content
            .questions_of(row.id)
            .iter()
            .map(|q| QuestionItem {
                id: q.id,
                question: question_doc(q, content.options_of(q.id)),
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
    lesson: LessonId,
    #[server(default)] question: Option<QuestionId>,
    kind: String,
    prompt: String,
    #[server(default)] case: String,
    #[server(default)] guidance: String,
    #[server(default)] review: String,
    #[server(default)] options: Vec<OptionInput>,
) -> Result<QuestionId, AppError> {
    use crate::{
        api::context::state,
        domain::course::{
            FlawKind, MAX_OPTIONS, MAX_TEXT, OptionDoc, QuestionDoc, QuestionKind, ReviewMode,
            question_flaws,
        },
        errors::Problem,
        store::courses,
    };
    ssr::author()?;
    let mut check = ssr::Check::default();
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
    ssr::in_draft(row.version_id, async move |txn, _| match existing {
        Some(q) => {
            let id = q.id;
            courses::update_question(txn, q, &doc).await?;
            Ok(id)
        }
        None => Ok(courses::add_question(txn, &row, &doc).await?.id),
    })
    .await
}

/// Renders Markdown exactly as learners will see it, for the editor's preview.
#[server(endpoint = "authoring/preview-markdown")]
pub async fn preview_markdown(text: String) -> Result<String, AppError> {
    use crate::{domain::course::MAX_BODY, errors::Problem};
    ssr::author()?;
    if text.chars().count() > MAX_BODY {
        return Err(AppError::field("text", Problem::TooLong));
    }
    Ok(crate::domain::markdown::render(&text))
}

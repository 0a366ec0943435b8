//! A version's content as rows in reading order: its modules, their lessons, the lessons'
//! questions and the questions' options. Loaded whole, read as a course document, and written
//! whole when a version is created.

use super::{
    Course, CourseError, CourseResult, Keys, LessonRow, ModuleRow, OptionRow, QuestionRow, Version,
};
use crate::domain::ids::{LessonId, ModuleId, QuestionId, VersionId};
use crate::{
    domain::{
        course::{CourseDoc, LessonDoc, ModuleDoc, OptionDoc, QuestionDoc, QuizDoc},
        language::Language,
        markdown,
    },
    store::entities::{course_module, course_version, lesson, question, question_option},
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::{collections::HashMap, sync::Arc};

/// One version's content, as rows in reading order: the version row, and its items
/// (shared: a published version's items never change, so readers share one copy).
#[derive(Clone, Debug)]
pub struct VersionContent {
    /// The version.
    pub version: Version,
    items: Arc<VersionItems>,
}

impl std::ops::Deref for VersionContent {
    type Target = VersionItems;

    fn deref(&self) -> &VersionItems {
        &self.items
    }
}

/// A version's modules, lessons, questions and options.
#[derive(Debug)]
pub struct VersionItems {
    /// Modules by position.
    pub modules: Vec<ModuleRow>,
    /// Lessons of each module by position, keyed by module id.
    pub lessons: HashMap<ModuleId, Vec<LessonRow>>,
    /// Questions of each lesson by position, keyed by lesson id.
    pub questions: HashMap<LessonId, Vec<QuestionRow>>,
    /// Options of each question by position, keyed by question id.
    pub options: HashMap<QuestionId, Vec<OptionRow>>,
}

/// Rows grouped by `key`, each group in the order the rows came.
pub(super) fn group<T, K: std::hash::Hash + Eq>(
    rows: Vec<T>,
    key: impl Fn(&T) -> K,
) -> HashMap<K, Vec<T>> {
    let mut map: HashMap<K, Vec<T>> = HashMap::new();
    for row in rows {
        map.entry(key(&row)).or_default().push(row);
    }
    map
}

impl VersionContent {
    /// Lessons of a module.
    pub fn lessons_of(&self, module_id: ModuleId) -> &[LessonRow] {
        self.lessons
            .get(&module_id)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Questions of a lesson.
    pub fn questions_of(&self, lesson_id: LessonId) -> &[QuestionRow] {
        self.questions
            .get(&lesson_id)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Options of a question.
    pub fn options_of(&self, question_id: QuestionId) -> &[OptionRow] {
        self.options
            .get(&question_id)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The content as a course document.
    pub fn doc(&self, course: &Course) -> CourseDoc {
        let v = &self.version;
        CourseDoc {
            slug: course.slug.clone(),
            title: v.title.clone(),
            language: course.language.parse().unwrap_or(Language::Da),
            summary: v.summary.clone(),
            leads_to_certificate: v.leads_to_certificate,
            body: v.body.clone(),
            modules: self
                .modules
                .iter()
                .map(|m| ModuleDoc {
                    slug: m.slug.clone(),
                    title: m.title.clone(),
                    topic: m
                        .topic
                        .parse()
                        .unwrap_or(crate::domain::course::Topic::Values),
                    requires_previous: m.requires_previous,
                    summary: m.summary.clone(),
                    body: m.body.clone(),
                    lessons: self
                        .lessons_of(m.id)
                        .iter()
                        .map(|l| self.lesson_doc(l))
                        .collect(),
                })
                .collect(),
        }
    }

    /// One lesson as a document.
    pub fn lesson_doc(&self, l: &LessonRow) -> LessonDoc {
        LessonDoc {
            slug: l.slug.clone(),
            title: l.title.clone(),
            minutes: u32::try_from(l.minutes).unwrap_or(0),
            body: l.body.clone(),
            quiz: l.pass_mark.map(|pass_mark| QuizDoc {
                pass_mark: u8::try_from(pass_mark).unwrap_or(100),
                attempts: l.max_attempts.and_then(|n| u8::try_from(n).ok()),
                cooldown_minutes: l.cooldown_minutes.and_then(|m| u32::try_from(m).ok()),
                questions: self
                    .questions_of(l.id)
                    .iter()
                    .map(|q| question_doc(q, self.options_of(q.id)))
                    .collect(),
            }),
        }
    }

    /// Keys of the modules, of each module's lessons, and of each lesson's questions.
    pub fn keys(&self) -> Keys {
        Keys {
            modules: self.modules.iter().map(|m| m.key.clone()).collect(),
            lessons: self
                .modules
                .iter()
                .map(|m| {
                    self.lessons_of(m.id)
                        .iter()
                        .map(|l| l.key.clone())
                        .collect()
                })
                .collect(),
            questions: self
                .modules
                .iter()
                .map(|m| {
                    self.lessons_of(m.id)
                        .iter()
                        .map(|l| {
                            self.questions_of(l.id)
                                .iter()
                                .map(|q| q.key.clone())
                                .collect()
                        })
                        .collect()
                })
                .collect(),
        }
    }
}

/// A question row and its options as a document.
pub fn question_doc(q: &QuestionRow, options: &[OptionRow]) -> QuestionDoc {
    QuestionDoc {
        kind: q.kind,
        case: q.case_text.clone(),
        prompt: q.prompt.clone(),
        options: options
            .iter()
            .map(|o| OptionDoc {
                text: o.text.clone(),
                correct: o.correct,
                explanation: o.explanation.clone(),
                pinned: o.pinned,
            })
            .collect(),
        guidance: q.guidance.clone(),
        review: q.review,
    }
}

/// A count or place as a column value.
pub(super) fn int(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// Writes a version's content under `version_id`.
pub(super) async fn insert_content(
    db: &impl ConnectionTrait,
    version_id: VersionId,
    doc: &CourseDoc,
    keys: &Keys,
) -> CourseResult<()> {
    for (m, module) in doc.modules.iter().enumerate() {
        let module_row = course_module::ActiveModel {
            version_id: Set(version_id),
            key: Set(keys.module(m)),
            position: Set(int(m)),
            slug: Set(module.slug.clone()),
            title: Set(module.title.clone()),
            topic: Set(module.topic.as_string()),
            requires_previous: Set(module.requires_previous),
            summary: Set(module.summary.clone()),
            body_html: Set(markdown::render(&module.body)),
            body: Set(module.body.clone()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        for (l, lesson) in module.lessons.iter().enumerate() {
            let lesson_row = lesson_row(
                (version_id, module_row.id),
                keys.lesson(m, l),
                int(l),
                lesson.slug.clone(),
                lesson,
            )
            .insert(db)
            .await?;
            let Some(quiz) = &lesson.quiz else { continue };
            for (q, question) in quiz.questions.iter().enumerate() {
                insert_question(
                    db,
                    version_id,
                    lesson_row.id,
                    keys.question(m, l, q),
                    int(q),
                    question,
                )
                .await?;
            }
        }
    }
    Ok(())
}

pub(super) async fn insert_question(
    db: &impl ConnectionTrait,
    version_id: VersionId,
    lesson_id: LessonId,
    key: String,
    position: i32,
    question: &QuestionDoc,
) -> CourseResult<QuestionRow> {
    let row = question::ActiveModel {
        version_id: Set(version_id),
        lesson_id: Set(lesson_id),
        key: Set(key),
        position: Set(position),
        kind: Set(question.kind),
        case_text: Set(question.case.clone()),
        prompt: Set(question.prompt.clone()),
        guidance: Set(question.guidance.clone()),
        review: Set(question.review),
        ..Default::default()
    }
    .insert(db)
    .await?;
    insert_options(db, version_id, row.id, &question.options).await?;
    Ok(row)
}

pub(super) async fn insert_options(
    db: &impl ConnectionTrait,
    version_id: VersionId,
    question_id: QuestionId,
    options: &[OptionDoc],
) -> CourseResult<()> {
    if options.is_empty() {
        return Ok(());
    }
    question_option::Entity::insert_many(options.iter().enumerate().map(|(i, o)| {
        question_option::ActiveModel {
            version_id: Set(version_id),
            question_id: Set(question_id),
            position: Set(int(i)),
            text: Set(o.text.clone()),
            correct: Set(o.correct),
            explanation: Set(o.explanation.clone()),
            pinned: Set(o.pinned),
            ..Default::default()
        }
    }))
    .exec(db)
    .await?;
    Ok(())
}

/// Loads a version's whole content with one query per level.
pub async fn load_content(
    db: &impl ConnectionTrait,
    version_id: VersionId,
) -> CourseResult<VersionContent> {
    let version = course_version::Entity::find_by_id(version_id)
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)?;
    content_of(db, version).await
}

/// The content of a version already read; a published version's items come from the
/// shared copy once read.
pub async fn content_of(
    db: &impl ConnectionTrait,
    version: Version,
) -> CourseResult<VersionContent> {
    let key = super::published::key(&version);
    if let Some(items) = key.and_then(super::published::get) {
        return Ok(VersionContent { version, items });
    }
    let items = Arc::new(read_items(db, version.id).await?);
    if let Some(key) = key {
        super::published::keep(key, Arc::clone(&items));
    }
    Ok(VersionContent { version, items })
}

/// A version's items, read from the database.
async fn read_items(
    db: &impl ConnectionTrait,
    version_id: VersionId,
) -> CourseResult<VersionItems> {
    let modules = course_module::Entity::find()
        .filter(course_module::Column::VersionId.eq(version_id))
        .order_by_asc(course_module::Column::Position)
        .all(db)
        .await?;
    let lessons = lesson::Entity::find()
        .filter(lesson::Column::VersionId.eq(version_id))
        .order_by_asc(lesson::Column::Position)
        .all(db)
        .await?;
    let questions = question::Entity::find()
        .filter(question::Column::VersionId.eq(version_id))
        .order_by_asc(question::Column::Position)
        .all(db)
        .await?;
    let options = question_option::Entity::find()
        .filter(question_option::Column::VersionId.eq(version_id))
        .order_by_asc(question_option::Column::Position)
        .all(db)
        .await?;
    Ok(VersionItems {
        modules,
        lessons: group(lessons, |l| l.module_id),
        questions: group(questions, |q| q.lesson_id),
        options: group(options, |o| o.question_id),
    })
}

/// A quiz's settings in the lesson editor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuizSettings {
    /// Percentage needed to pass.
    pub pass_mark: u8,
    /// Attempts allowed; none means no limit.
    pub attempts: Option<u8>,
    /// Minutes to wait between attempts.
    pub cooldown_minutes: Option<u32>,
}

impl QuizSettings {
    /// The settings of a quiz document.
    pub fn of(quiz: &QuizDoc) -> QuizSettings {
        QuizSettings {
            pass_mark: quiz.pass_mark,
            attempts: quiz.attempts,
            cooldown_minutes: quiz.cooldown_minutes,
        }
    }

    /// The lesson columns `pass_mark`, `max_attempts` and `cooldown_minutes`.
    pub fn columns(quiz: Option<QuizSettings>) -> (Option<i32>, Option<i32>, Option<i32>) {
        match quiz {
            None => (None, None, None),
            Some(q) => (
                Some(i32::from(q.pass_mark)),
                q.attempts.map(i32::from),
                q.cooldown_minutes.and_then(|m| i32::try_from(m).ok()),
            ),
        }
    }
}

/// The quiz columns of a lesson document.
pub(super) fn quiz_columns(lesson: &LessonDoc) -> (Option<i32>, Option<i32>, Option<i32>) {
    QuizSettings::columns(lesson.quiz.as_ref().map(QuizSettings::of))
}

/// A new lesson row in `(version, module)` at `position`, with the document's texts and quiz
/// settings.
pub(super) fn lesson_row(
    (version_id, module_id): (VersionId, ModuleId),
    key: String,
    position: i32,
    slug: String,
    lesson: &LessonDoc,
) -> lesson::ActiveModel {
    let (pass_mark, max_attempts, cooldown_minutes) = quiz_columns(lesson);
    lesson::ActiveModel {
        version_id: Set(version_id),
        module_id: Set(module_id),
        key: Set(key),
        position: Set(position),
        slug: Set(slug),
        title: Set(lesson.title.clone()),
        minutes: Set(i32::try_from(lesson.minutes).unwrap_or(i32::MAX)),
        body_html: Set(markdown::render(&lesson.body)),
        body: Set(lesson.body.clone()),
        pass_mark: Set(pass_mark),
        max_attempts: Set(max_attempts),
        cooldown_minutes: Set(cooldown_minutes),
        ..Default::default()
    }
}

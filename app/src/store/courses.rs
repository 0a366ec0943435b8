//! Courses and their versions: importing bundles, editing drafts, publishing.
//!
//! Content is only ever changed in a course's draft version. Publishing turns the draft into
//! the published version and the one before it into a superseded one, which learners who
//! started it keep.

use super::entities::{course, course_module, course_version, lesson, question, question_option};
use crate::domain::{
    course::{
        Change, CourseDoc, CourseStatus, Flaw, LessonDoc, ModuleDoc, OptionDoc, QuestionDoc,
        QuizDoc, VersionState, VersionView, diff, validate,
    },
    language::Language,
    markdown,
};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
    sea_query::{Expr, ExprTrait},
};
use std::collections::HashMap;

pub use course::Model as Course;
pub use course_module::Model as ModuleRow;
pub use course_version::Model as Version;
pub use lesson::Model as LessonRow;
pub use question::Model as QuestionRow;
pub use question_option::Model as OptionRow;

/// Why a course operation did not happen.
#[derive(Debug, thiserror::Error)]
pub enum CourseError {
    /// The database failed.
    #[error("database error: {0}")]
    Db(#[from] DbErr),
    /// The course, module, lesson or question does not exist.
    #[error("not found")]
    NotFound,
    /// The item belongs to a version that is not a draft, or the course is archived.
    #[error("only a draft can be changed")]
    NotEditable,
    /// Another course already uses this short name.
    #[error("a course with this short name exists")]
    SlugTaken,
    /// There is nothing new to publish.
    #[error("nothing to publish")]
    NothingToPublish,
    /// The draft has flaws that keep it from being published.
    #[error("the draft is not ready")]
    Flaws(Vec<Flaw>),
}

/// Result of a course operation.
pub type CourseResult<T> = Result<T, CourseError>;

/// One version's content, as rows in reading order.
#[derive(Clone, Debug)]
pub struct Tree {
    /// The version.
    pub version: Version,
    /// Modules by position.
    pub modules: Vec<ModuleRow>,
    /// Lessons of each module by position, keyed by module id.
    pub lessons: HashMap<i32, Vec<LessonRow>>,
    /// Questions of each lesson by position, keyed by lesson id.
    pub questions: HashMap<i32, Vec<QuestionRow>>,
    /// Options of each question by position, keyed by question id.
    pub options: HashMap<i32, Vec<OptionRow>>,
}

fn group<T, K: std::hash::Hash + Eq>(rows: Vec<T>, key: impl Fn(&T) -> K) -> HashMap<K, Vec<T>> {
    let mut map: HashMap<K, Vec<T>> = HashMap::new();
    for row in rows {
        map.entry(key(&row)).or_default().push(row);
    }
    map
}

impl Tree {
    /// Lessons of a module.
    pub fn lessons_of(&self, module_id: i32) -> &[LessonRow] {
        self.lessons
            .get(&module_id)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Questions of a lesson.
    pub fn questions_of(&self, lesson_id: i32) -> &[QuestionRow] {
        self.questions
            .get(&lesson_id)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Options of a question.
    pub fn options_of(&self, question_id: i32) -> &[OptionRow] {
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
        kind: q
            .kind
            .parse()
            .unwrap_or(crate::domain::course::QuestionKind::Reflection),
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
        review: q.review.as_deref().and_then(|r| r.parse().ok()),
    }
}

/// Stable keys for the items of a version, in reading order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Keys {
    /// One per module.
    pub modules: Vec<String>,
    /// Per module, one per lesson.
    pub lessons: Vec<Vec<String>>,
    /// Per module, per lesson, one per question.
    pub questions: Vec<Vec<Vec<String>>>,
}

fn new_key() -> String {
    uuid::Uuid::new_v4().to_string()
}

impl Keys {
    fn module(&self, m: usize) -> String {
        self.modules.get(m).cloned().unwrap_or_else(new_key)
    }
    fn lesson(&self, m: usize, l: usize) -> String {
        self.lessons
            .get(m)
            .and_then(|v| v.get(l))
            .cloned()
            .unwrap_or_else(new_key)
    }
    fn question(&self, m: usize, l: usize, q: usize) -> String {
        self.questions
            .get(m)
            .and_then(|v| v.get(l))
            .and_then(|v| v.get(q))
            .cloned()
            .unwrap_or_else(new_key)
    }

    /// Keys for `doc` that reuse `old`'s where a module or lesson has the same short name, so
    /// an imported revision of a course compares item by item with the version before.
    pub fn matching(old: &CourseDoc, old_keys: &Keys, doc: &CourseDoc) -> Keys {
        let modules: HashMap<&str, usize> = old
            .modules
            .iter()
            .enumerate()
            .map(|(i, m)| (m.slug.as_str(), i))
            .collect();
        // A lesson is found by module and lesson name first, then by lesson name alone (it
        // may have moved); no old key is handed out twice.
        let mut exact: HashMap<(&str, &str), (usize, usize)> = HashMap::new();
        let mut loose: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
        for (m, module) in old.modules.iter().enumerate() {
            for (l, lesson) in module.lessons.iter().enumerate() {
                exact.insert((module.slug.as_str(), lesson.slug.as_str()), (m, l));
                loose.entry(lesson.slug.as_str()).or_default().push((m, l));
            }
        }
        let mut used = std::collections::HashSet::new();
        let mut keys = Keys::default();
        for module in &doc.modules {
            keys.modules.push(
                modules
                    .get(module.slug.as_str())
                    .map(|&m| old_keys.module(m))
                    .unwrap_or_else(new_key),
            );
        }
        let mut lesson_keys: Vec<Vec<Option<String>>> = doc
            .modules
            .iter()
            .map(|m| vec![None; m.lessons.len()])
            .collect();
        for (m, module) in doc.modules.iter().enumerate() {
            for (l, lesson) in module.lessons.iter().enumerate() {
                if let Some(&at) = exact.get(&(module.slug.as_str(), lesson.slug.as_str())) {
                    used.insert(at);
                    lesson_keys[m][l] = Some(old_keys.lesson(at.0, at.1));
                }
            }
        }
        for (m, module) in doc.modules.iter().enumerate() {
            for (l, lesson) in module.lessons.iter().enumerate() {
                if lesson_keys[m][l].is_some() {
                    continue;
                }
                let found = loose
                    .get(lesson.slug.as_str())
                    .and_then(|places| places.iter().find(|at| !used.contains(*at)).copied());
                if let Some(at) = found {
                    used.insert(at);
                    lesson_keys[m][l] = Some(old_keys.lesson(at.0, at.1));
                }
            }
        }
        keys.lessons = lesson_keys
            .into_iter()
            .map(|v| v.into_iter().map(|k| k.unwrap_or_else(new_key)).collect())
            .collect();
        keys
    }
}

fn int(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// Writes a version's content under `version_id`.
async fn insert_tree(
    db: &impl ConnectionTrait,
    version_id: i32,
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
            let lesson_row = lesson::ActiveModel {
                version_id: Set(version_id),
                module_id: Set(module_row.id),
                key: Set(keys.lesson(m, l)),
                position: Set(int(l)),
                slug: Set(lesson.slug.clone()),
                title: Set(lesson.title.clone()),
                minutes: Set(i32::try_from(lesson.minutes).unwrap_or(i32::MAX)),
                body_html: Set(markdown::render(&lesson.body)),
                body: Set(lesson.body.clone()),
                pass_mark: Set(quiz_columns(lesson).0),
                max_attempts: Set(quiz_columns(lesson).1),
                cooldown_minutes: Set(quiz_columns(lesson).2),
                ..Default::default()
            }
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

async fn insert_question(
    db: &impl ConnectionTrait,
    version_id: i32,
    lesson_id: i32,
    key: String,
    position: i32,
    question: &QuestionDoc,
) -> CourseResult<QuestionRow> {
    let row = question::ActiveModel {
        version_id: Set(version_id),
        lesson_id: Set(lesson_id),
        key: Set(key),
        position: Set(position),
        kind: Set(question.kind.as_str().to_owned()),
        case_text: Set(question.case.clone()),
        prompt: Set(question.prompt.clone()),
        guidance: Set(question.guidance.clone()),
        review: Set(question.review.map(|r| r.as_str().to_owned())),
        ..Default::default()
    }
    .insert(db)
    .await?;
    insert_options(db, version_id, row.id, &question.options).await?;
    Ok(row)
}

async fn insert_options(
    db: &impl ConnectionTrait,
    version_id: i32,
    question_id: i32,
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
pub async fn load_tree(db: &impl ConnectionTrait, version_id: i32) -> CourseResult<Tree> {
    let version = course_version::Entity::find_by_id(version_id)
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)?;
    tree_of(db, version).await
}

/// The content of a version already read.
pub async fn tree_of(db: &impl ConnectionTrait, version: Version) -> CourseResult<Tree> {
    let version_id = version.id;
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
    Ok(Tree {
        version,
        modules,
        lessons: group(lessons, |l| l.module_id),
        questions: group(questions, |q| q.lesson_id),
        options: group(options, |o| o.question_id),
    })
}

async fn insert_version(
    db: &impl ConnectionTrait,
    course_id: i32,
    number: i32,
    doc: &CourseDoc,
    by: Option<i32>,
    now: DateTime<Utc>,
) -> CourseResult<Version> {
    Ok(course_version::ActiveModel {
        course_id: Set(course_id),
        number: Set(number),
        state: Set(VersionState::Draft.as_str().to_owned()),
        title: Set(doc.title.clone()),
        summary: Set(doc.summary.clone()),
        leads_to_certificate: Set(doc.leads_to_certificate),
        body_html: Set(markdown::render(&doc.body)),
        body: Set(doc.body.clone()),
        changes: Set(None),
        created_by: Set(by),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// The course row, locked until the transaction ends (PostgreSQL: `FOR UPDATE`; SQLite's
/// write transactions already exclude each other). Every change to a course's versions or
/// content takes this lock first, so a publish and an edit never interleave.
pub async fn lock(db: &impl ConnectionTrait, course_id: i32) -> CourseResult<Course> {
    course::Entity::find_by_id(course_id)
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)
}

/// The course with this public id.
pub async fn find(db: &impl ConnectionTrait, public_id: &str) -> CourseResult<Course> {
    course::Entity::find()
        .filter(course::Column::PublicId.eq(public_id))
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)
}

/// The course with this short name.
pub async fn find_by_slug(db: &impl ConnectionTrait, slug: &str) -> CourseResult<Option<Course>> {
    Ok(course::Entity::find()
        .filter(course::Column::Slug.eq(slug))
        .one(db)
        .await?)
}

/// Creates a course whose first (draft) version holds `doc`.
pub async fn create(
    db: &impl ConnectionTrait,
    doc: &CourseDoc,
    by: Option<i32>,
    now: DateTime<Utc>,
) -> CourseResult<Course> {
    if find_by_slug(db, &doc.slug).await?.is_some() {
        return Err(CourseError::SlugTaken);
    }
    let course = course::ActiveModel {
        public_id: Set(new_key()),
        slug: Set(doc.slug.clone()),
        language: Set(doc.language.code().to_owned()),
        status: Set(CourseStatus::Draft.as_str().to_owned()),
        published_version_id: Set(None),
        created_by: Set(by),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let version = insert_version(db, course.id, 1, doc, by, now).await?;
    insert_tree(db, version.id, doc, &Keys::default()).await?;
    Ok(course)
}

/// A short name like `base` that no course uses yet (`base`, `base-2`, ...).
pub async fn free_slug(db: &impl ConnectionTrait, base: &str) -> CourseResult<String> {
    let mut candidate = base.to_owned();
    for n in 2..1000 {
        if find_by_slug(db, &candidate).await?.is_none() {
            return Ok(candidate);
        }
        candidate = format!("{base}-{n}");
    }
    Ok(format!("{base}-{}", &new_key()[..8]))
}

/// Every version of a course, newest first.
pub async fn versions(db: &impl ConnectionTrait, course_id: i32) -> CourseResult<Vec<Version>> {
    Ok(course_version::Entity::find()
        .filter(course_version::Column::CourseId.eq(course_id))
        .order_by_desc(course_version::Column::Number)
        .all(db)
        .await?)
}

/// The course's draft version, if it has one.
pub async fn draft(db: &impl ConnectionTrait, course_id: i32) -> CourseResult<Option<Version>> {
    Ok(course_version::Entity::find()
        .filter(course_version::Column::CourseId.eq(course_id))
        .filter(course_version::Column::State.eq(VersionState::Draft.as_str()))
        .one(db)
        .await?)
}

async fn next_number(db: &impl ConnectionTrait, course_id: i32) -> CourseResult<i32> {
    Ok(versions(db, course_id)
        .await?
        .first()
        .map_or(1, |v| v.number + 1))
}

/// The version trainers work on: the draft if there is one, else the published one.
pub async fn working_version(db: &impl ConnectionTrait, course: &Course) -> CourseResult<Version> {
    if let Some(draft) = draft(db, course.id).await? {
        return Ok(draft);
    }
    let id = course.published_version_id.ok_or(CourseError::NotFound)?;
    course_version::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)
}

/// Makes sure the course has a draft, copying the published version into a new one if not.
pub async fn start_draft(
    db: &impl ConnectionTrait,
    course: &Course,
    by: Option<i32>,
    now: DateTime<Utc>,
) -> CourseResult<Version> {
    let course = &lock(db, course.id).await?;
    if course.status == CourseStatus::Archived.as_str() {
        return Err(CourseError::NotEditable);
    }
    if let Some(draft) = draft(db, course.id).await? {
        return Ok(draft);
    }
    let published = course.published_version_id.ok_or(CourseError::NotFound)?;
    let tree = load_tree(db, published).await?;
    let doc = tree.doc(course);
    let number = next_number(db, course.id).await?;
    let version = insert_version(db, course.id, number, &doc, by, now).await?;
    insert_tree(db, version.id, &doc, &tree.keys()).await?;
    Ok(version)
}

/// Adds `doc` to an existing course as its new draft (there must be none yet); items keep
/// their identity where their short names match the latest version's.
pub async fn import_revision(
    db: &impl ConnectionTrait,
    course: &Course,
    doc: &CourseDoc,
    by: Option<i32>,
    now: DateTime<Utc>,
) -> CourseResult<Version> {
    let course = &lock(db, course.id).await?;
    if course.status == CourseStatus::Archived.as_str()
        || draft(db, course.id).await?.is_some()
        || course.language != doc.language.code()
    {
        return Err(CourseError::NotEditable);
    }
    let latest = versions(db, course.id)
        .await?
        .into_iter()
        .next()
        .ok_or(CourseError::NotFound)?;
    let tree = load_tree(db, latest.id).await?;
    let keys = Keys::matching(&tree.doc(course), &tree.keys(), doc);
    let version = insert_version(db, course.id, latest.number + 1, doc, by, now).await?;
    insert_tree(db, version.id, doc, &keys).await?;
    Ok(version)
}

/// Throws the draft away. The course must have a published version to fall back on.
pub async fn discard_draft(db: &impl ConnectionTrait, course: &Course) -> CourseResult<()> {
    let course = &lock(db, course.id).await?;
    let draft = draft(db, course.id).await?.ok_or(CourseError::NotFound)?;
    if course.published_version_id.is_none() || course.status == CourseStatus::Archived.as_str() {
        return Err(CourseError::NotEditable);
    }
    course_version::Entity::delete_by_id(draft.id)
        .exec(db)
        .await?;
    Ok(())
}

/// What publishing the draft now would change, and what keeps it from being published.
pub async fn pending(
    db: &impl ConnectionTrait,
    course: &Course,
) -> CourseResult<(Vec<Change>, Vec<Flaw>)> {
    let draft = draft(db, course.id)
        .await?
        .ok_or(CourseError::NothingToPublish)?;
    let new = load_tree(db, draft.id).await?;
    let new_doc = new.doc(course);
    let flaws = validate(&new_doc);
    let changes = match course.published_version_id {
        None => Vec::new(),
        Some(id) => {
            let old = load_tree(db, id).await?;
            compare(&old.doc(course), &old.keys(), &new_doc, &new.keys())
        }
    };
    Ok((changes, flaws))
}

fn compare(old: &CourseDoc, old_keys: &Keys, new: &CourseDoc, new_keys: &Keys) -> Vec<Change> {
    diff(
        &VersionView {
            course: old,
            module_keys: &old_keys.modules,
            lesson_keys: &old_keys.lessons,
        },
        &VersionView {
            course: new,
            module_keys: &new_keys.modules,
            lesson_keys: &new_keys.lessons,
        },
    )
}

/// Publishes the draft (or puts an unpublished course back in the catalogue) and returns
/// what changed against the version before.
pub async fn publish(
    db: &impl ConnectionTrait,
    course: &Course,
    by: Option<i32>,
    now: DateTime<Utc>,
) -> CourseResult<Vec<Change>> {
    let course = &lock(db, course.id).await?;
    if course.status == CourseStatus::Archived.as_str() {
        return Err(CourseError::NotEditable);
    }
    let Some(draft) = draft(db, course.id).await? else {
        if course.published_version_id.is_some()
            && course.status != CourseStatus::Published.as_str()
        {
            set_status(db, course, CourseStatus::Published, now).await?;
            return Ok(Vec::new());
        }
        return Err(CourseError::NothingToPublish);
    };
    let (changes, flaws) = pending(db, course).await?;
    if !flaws.is_empty() {
        return Err(CourseError::Flaws(flaws));
    }
    if let Some(old) = course.published_version_id {
        course_version::Entity::update_many()
            .col_expr(
                course_version::Column::State,
                Expr::value(VersionState::Superseded.as_str()),
            )
            .filter(course_version::Column::Id.eq(old))
            .exec(db)
            .await?;
    }
    let changes_json = serde_json::to_string(&changes).unwrap_or_else(|_| "[]".into());
    let mut version: course_version::ActiveModel = draft.into();
    version.state = Set(VersionState::Published.as_str().to_owned());
    version.published_at = Set(Some(now));
    version.published_by = Set(by);
    version.changes = Set(Some(changes_json));
    let version = version.update(db).await?;
    let mut row: course::ActiveModel = course.clone().into();
    row.published_version_id = Set(Some(version.id));
    row.status = Set(CourseStatus::Published.as_str().to_owned());
    row.updated_at = Set(now);
    row.update(db).await?;
    Ok(changes)
}

/// Sets the course's status: unpublish (draft), archive, restore (draft).
pub async fn set_status(
    db: &impl ConnectionTrait,
    course: &Course,
    status: CourseStatus,
    now: DateTime<Utc>,
) -> CourseResult<Course> {
    let mut row: course::ActiveModel = lock(db, course.id).await?.into();
    row.status = Set(status.as_str().to_owned());
    row.updated_at = Set(now);
    Ok(row.update(db).await?)
}

/// The changes recorded when a version was published.
pub fn recorded_changes(version: &Version) -> Vec<Change> {
    version
        .changes
        .as_deref()
        .and_then(|c| serde_json::from_str(c).ok())
        .unwrap_or_default()
}

/// The draft version `version_id`, ready to be changed, with its course.
pub async fn editable(
    db: &impl ConnectionTrait,
    version_id: i32,
) -> CourseResult<(Course, Version)> {
    let course_id = course_version::Entity::find_by_id(version_id)
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)?
        .course_id;
    let course = lock(db, course_id).await?;
    // Read again under the lock: a publish may have finished meanwhile.
    let version = course_version::Entity::find_by_id(version_id)
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)?;
    if version.state != VersionState::Draft.as_str()
        || course.status == CourseStatus::Archived.as_str()
    {
        return Err(CourseError::NotEditable);
    }
    Ok((course, version))
}

/// Marks a draft as changed now.
pub async fn touch(
    db: &impl ConnectionTrait,
    course: &Course,
    version_id: i32,
    now: DateTime<Utc>,
) -> CourseResult<()> {
    course_version::Entity::update_many()
        .col_expr(course_version::Column::UpdatedAt, Expr::value(now))
        .filter(course_version::Column::Id.eq(version_id))
        .exec(db)
        .await?;
    course::Entity::update_many()
        .col_expr(course::Column::UpdatedAt, Expr::value(now))
        .filter(course::Column::Id.eq(course.id))
        .exec(db)
        .await?;
    Ok(())
}

/// New course-level texts for a draft.
#[derive(Clone, Debug)]
pub struct CourseDetails {
    /// Title.
    pub title: String,
    /// Catalogue summary.
    pub summary: String,
    /// Markdown introduction.
    pub body: String,
    /// Counts towards the certificate.
    pub leads_to_certificate: bool,
}

/// Changes the draft's course-level texts.
pub async fn update_details(
    db: &impl ConnectionTrait,
    version: Version,
    details: CourseDetails,
) -> CourseResult<()> {
    let mut row: course_version::ActiveModel = version.into();
    row.title = Set(details.title);
    row.summary = Set(details.summary);
    row.body_html = Set(markdown::render(&details.body));
    row.body = Set(details.body);
    row.leads_to_certificate = Set(details.leads_to_certificate);
    row.update(db).await?;
    Ok(())
}

/// A module by id.
pub async fn module(db: &impl ConnectionTrait, id: i32) -> CourseResult<ModuleRow> {
    course_module::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)
}

/// A lesson by id.
pub async fn lesson(db: &impl ConnectionTrait, id: i32) -> CourseResult<LessonRow> {
    lesson::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)
}

/// A question by id.
pub async fn question(db: &impl ConnectionTrait, id: i32) -> CourseResult<QuestionRow> {
    question::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)
}

/// Appends a module to a draft; the short name is made unique within the version.
pub async fn add_module(
    db: &impl ConnectionTrait,
    version_id: i32,
    module: &ModuleDoc,
) -> CourseResult<ModuleRow> {
    let siblings = course_module::Entity::find()
        .filter(course_module::Column::VersionId.eq(version_id))
        .all(db)
        .await?;
    let slug = unique_among(&module.slug, siblings.iter().map(|m| m.slug.as_str()));
    Ok(course_module::ActiveModel {
        version_id: Set(version_id),
        key: Set(new_key()),
        position: Set(int(siblings.len())),
        slug: Set(slug),
        title: Set(module.title.clone()),
        topic: Set(module.topic.as_string()),
        requires_previous: Set(module.requires_previous && !siblings.is_empty()),
        summary: Set(module.summary.clone()),
        body_html: Set(markdown::render(&module.body)),
        body: Set(module.body.clone()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

fn unique_among<'a>(base: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let taken: std::collections::HashSet<&str> = taken.collect();
    if !taken.contains(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|s| !taken.contains(s.as_str()))
        .unwrap_or_else(new_key)
}

/// Changes a module's texts and settings.
pub async fn update_module(
    db: &impl ConnectionTrait,
    row: ModuleRow,
    module: &ModuleDoc,
) -> CourseResult<()> {
    let first = row.position == 0;
    let mut active: course_module::ActiveModel = row.into();
    active.title = Set(module.title.clone());
    active.topic = Set(module.topic.as_string());
    active.requires_previous = Set(module.requires_previous && !first);
    active.summary = Set(module.summary.clone());
    active.body_html = Set(markdown::render(&module.body));
    active.body = Set(module.body.clone());
    active.update(db).await?;
    Ok(())
}

/// Appends a lesson to a module of a draft.
pub async fn add_lesson(
    db: &impl ConnectionTrait,
    module: &ModuleRow,
    lesson: &LessonDoc,
) -> CourseResult<LessonRow> {
    let siblings = lesson::Entity::find()
        .filter(lesson::Column::ModuleId.eq(module.id))
        .all(db)
        .await?;
    let slug = unique_among(&lesson.slug, siblings.iter().map(|l| l.slug.as_str()));
    Ok(lesson::ActiveModel {
        version_id: Set(module.version_id),
        module_id: Set(module.id),
        key: Set(new_key()),
        position: Set(int(siblings.len())),
        slug: Set(slug),
        title: Set(lesson.title.clone()),
        minutes: Set(i32::try_from(lesson.minutes).unwrap_or(1)),
        body_html: Set(markdown::render(&lesson.body)),
        body: Set(lesson.body.clone()),
        pass_mark: Set(quiz_columns(lesson).0),
        max_attempts: Set(quiz_columns(lesson).1),
        cooldown_minutes: Set(quiz_columns(lesson).2),
        ..Default::default()
    }
    .insert(db)
    .await?)
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
fn quiz_columns(lesson: &LessonDoc) -> (Option<i32>, Option<i32>, Option<i32>) {
    QuizSettings::columns(lesson.quiz.as_ref().map(QuizSettings::of))
}

/// Changes a lesson's texts and quiz settings (its questions are changed one by one).
pub async fn update_lesson(
    db: &impl ConnectionTrait,
    row: LessonRow,
    title: String,
    minutes: u32,
    body: String,
    quiz: Option<QuizSettings>,
) -> CourseResult<()> {
    let mut active: lesson::ActiveModel = row.into();
    active.title = Set(title);
    active.minutes = Set(i32::try_from(minutes).unwrap_or(1));
    active.body_html = Set(markdown::render(&body));
    active.body = Set(body);
    let (pass_mark, max_attempts, cooldown_minutes) = QuizSettings::columns(quiz);
    active.pass_mark = Set(pass_mark);
    active.max_attempts = Set(max_attempts);
    active.cooldown_minutes = Set(cooldown_minutes);
    active.update(db).await?;
    Ok(())
}

/// How many questions a lesson has.
pub async fn question_count(db: &impl ConnectionTrait, lesson_id: i32) -> CourseResult<u64> {
    Ok(question::Entity::find()
        .filter(question::Column::LessonId.eq(lesson_id))
        .count(db)
        .await?)
}

/// The pass mark a quiz gets when its first question is added.
pub const DEFAULT_PASS_MARK: i32 = 80;

/// Appends a question to a lesson of a draft, turning the lesson's quiz on if it was off.
pub async fn add_question(
    db: &impl ConnectionTrait,
    lesson: &LessonRow,
    question: &QuestionDoc,
) -> CourseResult<QuestionRow> {
    let count = question_count(db, lesson.id).await?;
    // Questions only exist in a quiz: the first one turns it on.
    if lesson.pass_mark.is_none() {
        lesson::Entity::update_many()
            .col_expr(lesson::Column::PassMark, Expr::value(DEFAULT_PASS_MARK))
            .filter(lesson::Column::Id.eq(lesson.id))
            .exec(db)
            .await?;
    }
    insert_question(
        db,
        lesson.version_id,
        lesson.id,
        new_key(),
        i32::try_from(count).unwrap_or(i32::MAX),
        question,
    )
    .await
}

/// Replaces a question's texts and options.
pub async fn update_question(
    db: &impl ConnectionTrait,
    row: QuestionRow,
    question: &QuestionDoc,
) -> CourseResult<()> {
    let (id, version_id) = (row.id, row.version_id);
    let mut active: question::ActiveModel = row.into();
    active.kind = Set(question.kind.as_str().to_owned());
    active.case_text = Set(question.case.clone());
    active.prompt = Set(question.prompt.clone());
    active.guidance = Set(question.guidance.clone());
    active.review = Set(question.review.map(|r| r.as_str().to_owned()));
    active.update(db).await?;
    question_option::Entity::delete_many()
        .filter(question_option::Column::QuestionId.eq(id))
        .exec(db)
        .await?;
    insert_options(db, version_id, id, &question.options).await
}

/// Options of one question, by position.
pub async fn options_of(
    db: &impl ConnectionTrait,
    question_id: i32,
) -> CourseResult<Vec<OptionRow>> {
    Ok(question_option::Entity::find()
        .filter(question_option::Column::QuestionId.eq(question_id))
        .order_by_asc(question_option::Column::Position)
        .all(db)
        .await?)
}

/// Which kind of item to move or delete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// A module (siblings: the version's modules).
    Module(i32),
    /// A lesson (siblings: the module's lessons).
    Lesson(i32),
    /// A question (siblings: the lesson's questions).
    Question(i32),
}

/// Moves an item one place up or down among its siblings; at either end nothing happens.
pub async fn shift(db: &impl ConnectionTrait, item: Item, up: bool) -> CourseResult<()> {
    macro_rules! swap {
        ($entity:ident, $id:expr, $parent_col:ident, $parent:ident) => {{
            let row = $entity::Entity::find_by_id($id)
                .one(db)
                .await?
                .ok_or(CourseError::NotFound)?;
            let target = if up {
                row.position - 1
            } else {
                row.position + 1
            };
            let neighbour = $entity::Entity::find()
                .filter($entity::Column::$parent_col.eq(row.$parent))
                .filter($entity::Column::Position.eq(target))
                .one(db)
                .await?;
            if let Some(neighbour) = neighbour {
                let position = row.position;
                let mut a: $entity::ActiveModel = row.into();
                a.position = Set(target);
                a.update(db).await?;
                let mut b: $entity::ActiveModel = neighbour.into();
                b.position = Set(position);
                b.update(db).await?;
            }
        }};
    }
    match item {
        Item::Module(id) => swap!(course_module, id, VersionId, version_id),
        Item::Lesson(id) => swap!(lesson, id, ModuleId, module_id),
        Item::Question(id) => swap!(question, id, LessonId, lesson_id),
    }
    // The first module can never require a previous one.
    if let Item::Module(id) = item {
        let row = module(db, id).await?;
        course_module::Entity::update_many()
            .col_expr(course_module::Column::RequiresPrevious, Expr::value(false))
            .filter(course_module::Column::VersionId.eq(row.version_id))
            .filter(course_module::Column::Position.eq(0))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Deletes an item with everything in it, closing the gap in the positions after it.
pub async fn remove(db: &impl ConnectionTrait, item: Item) -> CourseResult<()> {
    macro_rules! delete {
        ($entity:ident, $id:expr, $parent_col:ident, $parent:ident) => {{
            let row = $entity::Entity::find_by_id($id)
                .one(db)
                .await?
                .ok_or(CourseError::NotFound)?;
            $entity::Entity::delete_by_id(row.id).exec(db).await?;
            $entity::Entity::update_many()
                .col_expr(
                    $entity::Column::Position,
                    Expr::col($entity::Column::Position).sub(1),
                )
                .filter($entity::Column::$parent_col.eq(row.$parent))
                .filter($entity::Column::Position.gt(row.position))
                .exec(db)
                .await?;
            row.$parent
        }};
    }
    match item {
        Item::Module(id) => {
            let version = delete!(course_module, id, VersionId, version_id);
            course_module::Entity::update_many()
                .col_expr(course_module::Column::RequiresPrevious, Expr::value(false))
                .filter(course_module::Column::VersionId.eq(version))
                .filter(course_module::Column::Position.eq(0))
                .exec(db)
                .await?;
        }
        Item::Lesson(id) => {
            delete!(lesson, id, ModuleId, module_id);
        }
        Item::Question(id) => {
            delete!(question, id, LessonId, lesson_id);
        }
    }
    Ok(())
}

/// A course as lists show it: the course and the version that gives its title.
#[derive(Clone, Debug)]
pub struct Listed {
    /// The course.
    pub course: Course,
    /// Its draft if it has one, else its published version.
    pub version: Version,
    /// Whether a draft exists.
    pub has_draft: bool,
    /// Number of the published version.
    pub published_number: Option<i32>,
}

/// One page of courses for trainers, newest change first: archived ones or the others.
pub async fn authoring_page(
    db: &impl ConnectionTrait,
    archived: bool,
    page: u64,
    per_page: u64,
) -> CourseResult<(Vec<Listed>, u64)> {
    let filter = if archived {
        course::Column::Status.eq(CourseStatus::Archived.as_str())
    } else {
        course::Column::Status.ne(CourseStatus::Archived.as_str())
    };
    let paginator = course::Entity::find()
        .filter(filter)
        .order_by_desc(course::Column::UpdatedAt)
        .order_by_asc(course::Column::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    let courses = paginator.fetch_page(page).await?;
    let ids: Vec<i32> = courses.iter().map(|c| c.id).collect();
    // One query for the versions of the whole page: drafts and published ones.
    let versions = course_version::Entity::find()
        .filter(course_version::Column::CourseId.is_in(ids))
        .filter(course_version::Column::State.ne(VersionState::Superseded.as_str()))
        .all(db)
        .await?;
    let by_course = group(versions, |v| v.course_id);
    let listed = courses
        .into_iter()
        .filter_map(|course| {
            let versions = by_course.get(&course.id)?;
            let draft = versions
                .iter()
                .find(|v| v.state == VersionState::Draft.as_str());
            let published = versions
                .iter()
                .find(|v| Some(v.id) == course.published_version_id);
            let version = draft.or(published)?.clone();
            Some(Listed {
                has_draft: draft.is_some(),
                published_number: published.map(|v| v.number),
                course,
                version,
            })
        })
        .collect();
    Ok((listed, total))
}

/// A published course as the catalogue shows it.
#[derive(Clone, Debug)]
pub struct CatalogueEntry {
    /// The course.
    pub course: Course,
    /// Its published version.
    pub version: Version,
    /// Module titles in order.
    pub modules: Vec<String>,
    /// Estimated minutes in all.
    pub minutes: i64,
}

/// One page of the catalogue: published courses, optionally in one language; those in
/// `preferred` first, then by title.
pub async fn catalogue_page(
    db: &impl ConnectionTrait,
    language: Option<Language>,
    preferred: Language,
    page: u64,
    per_page: u64,
) -> CourseResult<(Vec<CatalogueEntry>, u64)> {
    let mut query = course_version::Entity::find()
        .inner_join(course::Entity)
        .filter(course::Column::Status.eq(CourseStatus::Published.as_str()))
        .filter(
            Expr::col((course::Entity, course::Column::PublishedVersionId))
                .equals((course_version::Entity, course_version::Column::Id)),
        );
    if let Some(language) = language {
        query = query.filter(course::Column::Language.eq(language.code()));
    }
    let preferred_first: Expr = Expr::case(
        Expr::col((course::Entity, course::Column::Language)).eq(preferred.code()),
        0,
    )
    .finally(1)
    .into();
    let paginator = query
        .order_by_asc(preferred_first)
        .order_by_asc(course_version::Column::Title)
        .order_by_asc(course_version::Column::Id)
        .select_also(course::Entity)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page).await?;
    let version_ids: Vec<i32> = rows.iter().map(|(v, _)| v.id).collect();
    let modules = course_module::Entity::find()
        .filter(course_module::Column::VersionId.is_in(version_ids.clone()))
        .order_by_asc(course_module::Column::Position)
        .all(db)
        .await?;
    let minutes: Vec<(i32, Option<i64>)> = lesson::Entity::find()
        .select_only()
        .column(lesson::Column::VersionId)
        .column_as(Expr::col(lesson::Column::Minutes).sum(), "minutes")
        .filter(lesson::Column::VersionId.is_in(version_ids))
        .group_by(lesson::Column::VersionId)
        .into_tuple()
        .all(db)
        .await?;
    let minutes: HashMap<i32, i64> = minutes
        .into_iter()
        .map(|(v, m)| (v, m.unwrap_or(0)))
        .collect();
    let mut modules = group(modules, |m| m.version_id);
    let entries = rows
        .into_iter()
        .filter_map(|(version, course)| {
            let course = course?;
            Some(CatalogueEntry {
                modules: modules
                    .remove(&version.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|m| m.title)
                    .collect(),
                minutes: minutes.get(&version.id).copied().unwrap_or(0),
                course,
                version,
            })
        })
        .collect();
    Ok((entries, total))
}

/// The number of courses, so the first start knows whether to load the shipped ones.
pub async fn count(db: &impl ConnectionTrait) -> CourseResult<u64> {
    Ok(course::Entity::find().count(db).await?)
}

/// Titles of courses: the published version's, else the newest version's. One query.
pub async fn titles_of(
    db: &impl ConnectionTrait,
    courses: &[Course],
) -> CourseResult<HashMap<i32, String>> {
    if courses.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i32, i32, i32, String)> = course_version::Entity::find()
        .select_only()
        .columns([
            course_version::Column::Id,
            course_version::Column::CourseId,
            course_version::Column::Number,
            course_version::Column::Title,
        ])
        .filter(course_version::Column::CourseId.is_in(courses.iter().map(|c| c.id)))
        .order_by_asc(course_version::Column::Number)
        .into_tuple()
        .all(db)
        .await?;
    let mut out = HashMap::new();
    for course in courses {
        let mut mine = rows.iter().filter(|r| r.1 == course.id);
        let published = course
            .published_version_id
            .and_then(|p| rows.iter().find(|r| r.0 == p));
        if let Some(row) = published.or_else(|| mine.next_back()) {
            out.insert(course.id, row.3.clone());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::Keys;
    use crate::domain::{
        course::{CourseDoc, LessonDoc, ModuleDoc, Topic},
        language::Language,
    };

    fn course(modules: &[(&str, &[&str])]) -> CourseDoc {
        CourseDoc {
            slug: "c".into(),
            title: "C".into(),
            language: Language::Da,
            summary: String::new(),
            leads_to_certificate: false,
            body: String::new(),
            modules: modules
                .iter()
                .map(|(m, lessons)| ModuleDoc {
                    slug: (*m).into(),
                    title: (*m).into(),
                    topic: Topic::Values,
                    requires_previous: false,
                    summary: String::new(),
                    body: String::new(),
                    lessons: lessons
                        .iter()
                        .map(|l| LessonDoc {
                            slug: (*l).into(),
                            title: (*l).into(),
                            minutes: 5,
                            body: String::new(),
                            quiz: None,
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn imported_lessons_keep_their_identity_and_never_share_it() {
        let old = course(&[("a", &["intro", "x"]), ("b", &["intro", "y"])]);
        let old_keys = Keys {
            modules: vec!["A".into(), "B".into()],
            lessons: vec![
                vec!["A1".into(), "AX".into()],
                vec!["B1".into(), "BY".into()],
            ],
            questions: Vec::new(),
        };
        // Same names in both modules; `y` moved to module a; `x` is gone; `z` is new.
        let new = course(&[("b", &["intro"]), ("a", &["intro", "y", "z"])]);
        let keys = Keys::matching(&old, &old_keys, &new);
        assert_eq!(keys.modules, ["B", "A"]);
        assert_eq!(keys.lessons[0], ["B1"]);
        assert_eq!(&keys.lessons[1][..2], ["A1", "BY"]);
        let fresh = &keys.lessons[1][2];
        assert!(!["A1", "AX", "B1", "BY"].contains(&fresh.as_str()));
    }
}

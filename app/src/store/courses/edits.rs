//! Changing a draft by hand, item by item: the course's own texts, and adding or changing its
//! modules, lessons (with their quiz settings) and questions.

use super::{
    Course, CourseError, CourseResult, LessonRow, ModuleRow, OptionRow, QuestionRow, Version,
    content::{QuizSettings, insert_options, insert_question, int, lesson_row},
    keys::new_key,
    versions::lock,
};
use crate::domain::ids::{CourseId, LessonId, ModuleId, QuestionId, VersionId};
use crate::{
    domain::{
        course::{CourseStatus, LessonDoc, ModuleDoc, QuestionDoc, VersionState},
        editing::{DEFAULT_PASS_MARK, requires_previous, unique_among},
        markdown,
    },
    store::entities::{course, course_module, course_version, lesson, question, question_option},
};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, sea_query::Expr,
};

/// The course a version belongs to.
pub async fn course_of_version(
    db: &impl ConnectionTrait,
    version_id: VersionId,
) -> CourseResult<CourseId> {
    Ok(course_version::Entity::find_by_id(version_id)
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)?
        .course_id)
}

/// The draft version `version_id`, ready to be changed, with its course.
pub async fn editable(
    db: &impl ConnectionTrait,
    version_id: VersionId,
) -> CourseResult<(Course, Version)> {
    let course = lock(db, course_of_version(db, version_id).await?).await?;
    // Read again under the lock: a publish may have finished meanwhile.
    let version = course_version::Entity::find_by_id(version_id)
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)?;
    if version.state != VersionState::Draft || course.status == CourseStatus::Archived {
        return Err(CourseError::NotEditable);
    }
    Ok((course, version))
}

/// Marks a draft as changed now.
pub async fn mark_draft_changed(
    db: &impl ConnectionTrait,
    course: &Course,
    version_id: VersionId,
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
pub async fn module(db: &impl ConnectionTrait, id: ModuleId) -> CourseResult<ModuleRow> {
    course_module::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)
}

/// A lesson by id.
pub async fn lesson(db: &impl ConnectionTrait, id: LessonId) -> CourseResult<LessonRow> {
    lesson::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)
}

/// A question by id.
pub async fn question(db: &impl ConnectionTrait, id: QuestionId) -> CourseResult<QuestionRow> {
    question::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)
}

/// Appends a module to a draft; the short name is made unique within the version.
pub async fn add_module(
    db: &impl ConnectionTrait,
    version_id: VersionId,
    module: &ModuleDoc,
) -> CourseResult<ModuleRow> {
    let siblings = course_module::Entity::find()
        .filter(course_module::Column::VersionId.eq(version_id))
        .all(db)
        .await?;
    let slug = unique_among(&module.slug, siblings.iter().map(|m| m.slug.as_str()));
    let position = int(siblings.len());
    Ok(course_module::ActiveModel {
        version_id: Set(version_id),
        key: Set(new_key()),
        position: Set(position),
        slug: Set(slug),
        title: Set(module.title.clone()),
        topic: Set(module.topic.as_string()),
        requires_previous: Set(requires_previous(module.requires_previous, position)),
        summary: Set(module.summary.clone()),
        body_html: Set(markdown::render(&module.body)),
        body: Set(module.body.clone()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// Changes a module's texts and settings.
pub async fn update_module(
    db: &impl ConnectionTrait,
    row: ModuleRow,
    module: &ModuleDoc,
) -> CourseResult<()> {
    let requires = requires_previous(module.requires_previous, row.position);
    let mut active: course_module::ActiveModel = row.into();
    active.title = Set(module.title.clone());
    active.topic = Set(module.topic.as_string());
    active.requires_previous = Set(requires);
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
    Ok(lesson_row(
        (module.version_id, module.id),
        new_key(),
        int(siblings.len()),
        slug,
        lesson,
    )
    .insert(db)
    .await?)
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
pub async fn question_count(db: &impl ConnectionTrait, lesson_id: LessonId) -> CourseResult<u64> {
    Ok(question::Entity::find()
        .filter(question::Column::LessonId.eq(lesson_id))
        .count(db)
        .await?)
}

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
    active.kind = Set(question.kind);
    active.case_text = Set(question.case.clone());
    active.prompt = Set(question.prompt.clone());
    active.guidance = Set(question.guidance.clone());
    active.review = Set(question.review);
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
    question_id: QuestionId,
) -> CourseResult<Vec<OptionRow>> {
    Ok(question_option::Entity::find()
        .filter(question_option::Column::QuestionId.eq(question_id))
        .order_by_asc(question_option::Column::Position)
        .all(db)
        .await?)
}

//! Learners' progress: enrolments, completed lessons, quiz attempts, reflections and their
//! review, and the trainers' view of it all.
//!
//! An enrolment is bound to the course version the learner started. Lessons of any other
//! version are not theirs, so a newly published version never touches their progress.

use super::entities::{
    course, course_module, course_trainer, course_version, enrolment, lesson, lesson_completion,
    question, quiz_attempt, reflection, user,
};
use crate::domain::{
    course::{CourseStatus, QuestionKind, ReviewMode, VersionState},
    progress::{
        AttemptRule, CourseProgress, LearnerStatus, LessonRequirements, Marked, ModuleShape,
        ReflectionState, STUCK_AFTER_DAYS, mark, next_attempt, progress,
    },
};
use crate::store::courses::{Course, LessonRow, QuestionRow, Tree};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, QueryTrait, Set, SqlErr, TryInsertResult,
    sea_query::{Expr, ExprTrait, OnConflict},
};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

pub use enrolment::Model as Enrolment;
pub use quiz_attempt::Model as Attempt;
pub use reflection::Model as Reflection;

/// Longest reflection answer, in characters.
pub const MAX_REFLECTION: usize = 10_000;

/// Why a learning operation did not happen.
#[derive(Debug, thiserror::Error)]
pub enum LearningError {
    /// The database failed.
    #[error("database error: {0}")]
    Db(#[from] DbErr),
    /// The course, lesson or question does not exist, or is not published.
    #[error("not found")]
    NotFound,
    /// The learner has not started the course, or started another version of it.
    #[error("not enrolled")]
    NotEnrolled,
    /// The lesson's module waits for the one before.
    #[error("locked")]
    Locked,
    /// The quiz's attempts are used up.
    #[error("no attempts left")]
    NoAttemptsLeft,
    /// The next attempt opens in this many seconds.
    #[error("cooling down for {0} s")]
    CoolingDown(i64),
    /// The reflection was sent and cannot change now.
    #[error("already sent")]
    AlreadySent,
    /// The reflection was reviewed already.
    #[error("already reviewed")]
    AlreadyReviewed,
    /// Another request wrote the same row at the same moment.
    #[error("changed at the same time")]
    Busy,
    /// An answer names a question or option that is not in this quiz.
    #[error("answer does not fit the quiz")]
    BadAnswer,
    /// These scored questions have no answer.
    #[error("unanswered questions")]
    Unanswered(Vec<i32>),
    /// A lesson with a quiz is completed by its quiz, not by marking it done.
    #[error("the quiz completes this lesson")]
    QuizFirst,
}

impl From<crate::store::courses::CourseError> for LearningError {
    fn from(error: crate::store::courses::CourseError) -> Self {
        match error {
            crate::store::courses::CourseError::Db(e) => LearningError::Db(e),
            _ => LearningError::NotFound,
        }
    }
}

impl From<crate::store::StoreError> for LearningError {
    fn from(error: crate::store::StoreError) -> Self {
        match error {
            crate::store::StoreError::Db(e) => LearningError::Db(e),
            _ => LearningError::NotFound,
        }
    }
}

/// Result of a learning operation.
pub type LearningResult<T> = Result<T, LearningError>;

fn is_unique_violation(error: &DbErr) -> bool {
    matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

fn busy_on_conflict(error: DbErr) -> LearningError {
    if is_unique_violation(&error) {
        LearningError::Busy
    } else {
        LearningError::Db(error)
    }
}

// ---------------------------------------------------------------------------------------------
// Outlines: the shape of versions, loaded for many versions at once.

/// A lesson in an outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineLesson {
    /// Id.
    pub id: i32,
    /// Title.
    pub title: String,
    /// Whether it ends in a quiz.
    pub quiz: bool,
}

/// A module in an outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineModule {
    /// Title.
    pub title: String,
    /// Whether it waits for the module before.
    pub requires_previous: bool,
    /// Lessons in order.
    pub lessons: Vec<OutlineLesson>,
}

/// A version's modules and lessons without their texts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outline {
    /// Modules in order.
    pub modules: Vec<OutlineModule>,
}

impl Outline {
    /// The shape progress is computed on.
    pub fn shapes(&self) -> Vec<ModuleShape> {
        self.modules
            .iter()
            .map(|m| ModuleShape {
                lessons: m.lessons.iter().map(|l| l.id).collect(),
                requires_previous: m.requires_previous,
            })
            .collect()
    }

    /// Progress given completed lesson ids.
    pub fn progress(&self, completed: &HashSet<i32>) -> CourseProgress {
        progress(&self.shapes(), completed)
    }

    /// A lesson's title.
    pub fn lesson_title(&self, id: i32) -> Option<&str> {
        self.modules
            .iter()
            .flat_map(|m| &m.lessons)
            .find(|l| l.id == id)
            .map(|l| l.title.as_str())
    }
}

/// Outlines of several versions, with two queries whatever their number.
pub async fn outlines(
    db: &impl ConnectionTrait,
    version_ids: &[i32],
) -> LearningResult<HashMap<i32, Outline>> {
    if version_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let modules: Vec<(i32, i32, String, bool)> = course_module::Entity::find()
        .select_only()
        .columns([
            course_module::Column::Id,
            course_module::Column::VersionId,
            course_module::Column::Title,
            course_module::Column::RequiresPrevious,
        ])
        .filter(course_module::Column::VersionId.is_in(version_ids.iter().copied()))
        .order_by_asc(course_module::Column::VersionId)
        .order_by_asc(course_module::Column::Position)
        .into_tuple()
        .all(db)
        .await?;
    let lessons: Vec<(i32, i32, String, Option<i32>)> = lesson::Entity::find()
        .select_only()
        .columns([
            lesson::Column::Id,
            lesson::Column::ModuleId,
            lesson::Column::Title,
            lesson::Column::PassMark,
        ])
        .filter(lesson::Column::VersionId.is_in(version_ids.iter().copied()))
        .order_by_asc(lesson::Column::ModuleId)
        .order_by_asc(lesson::Column::Position)
        .into_tuple()
        .all(db)
        .await?;
    let mut by_module: HashMap<i32, Vec<OutlineLesson>> = HashMap::new();
    for (id, module_id, title, pass_mark) in lessons {
        by_module.entry(module_id).or_default().push(OutlineLesson {
            id,
            title,
            quiz: pass_mark.is_some(),
        });
    }
    let mut out: HashMap<i32, Outline> = HashMap::new();
    for (id, version_id, title, requires_previous) in modules {
        out.entry(version_id)
            .or_default()
            .modules
            .push(OutlineModule {
                title,
                requires_previous,
                lessons: by_module.remove(&id).unwrap_or_default(),
            });
    }
    Ok(out)
}

/// Completed lesson ids of several enrolments, with one query.
pub async fn completed_of(
    db: &impl ConnectionTrait,
    enrolment_ids: &[i32],
) -> LearningResult<HashMap<i32, HashSet<i32>>> {
    if enrolment_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i32, i32)> = lesson_completion::Entity::find()
        .select_only()
        .columns([
            lesson_completion::Column::EnrolmentId,
            lesson_completion::Column::LessonId,
        ])
        .filter(lesson_completion::Column::EnrolmentId.is_in(enrolment_ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    let mut out: HashMap<i32, HashSet<i32>> = HashMap::new();
    for (enrolment, lesson) in rows {
        out.entry(enrolment).or_default().insert(lesson);
    }
    Ok(out)
}

/// Completed lesson ids of one enrolment.
pub async fn completed(
    db: &impl ConnectionTrait,
    enrolment_id: i32,
) -> LearningResult<HashSet<i32>> {
    Ok(completed_of(db, &[enrolment_id])
        .await?
        .remove(&enrolment_id)
        .unwrap_or_default())
}

// ---------------------------------------------------------------------------------------------
// Enrolment.

/// The learner's enrolment in a course, if any.
pub async fn enrolment_in(
    db: &impl ConnectionTrait,
    user_id: i32,
    course_id: i32,
) -> LearningResult<Option<Enrolment>> {
    Ok(enrolment::Entity::find()
        .filter(enrolment::Column::UserId.eq(user_id))
        .filter(enrolment::Column::CourseId.eq(course_id))
        .one(db)
        .await?)
}

/// Starts a published course on its published version; starting it again changes nothing.
pub async fn enrol(
    db: &impl ConnectionTrait,
    user_id: i32,
    course: &Course,
    centre_id: Option<i32>,
    now: DateTime<Utc>,
) -> LearningResult<Enrolment> {
    let version_id = course
        .published_version_id
        .filter(|_| course.status == CourseStatus::Published.as_str())
        .ok_or(LearningError::NotFound)?;
    enrolment::Entity::insert(enrolment::ActiveModel {
        user_id: Set(user_id),
        course_id: Set(course.id),
        version_id: Set(version_id),
        centre_id: Set(centre_id),
        started_at: Set(now),
        last_activity_at: Set(now),
        completed_at: Set(None),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([enrolment::Column::UserId, enrolment::Column::CourseId])
            .do_nothing()
            .to_owned(),
    )
    .try_insert()
    .exec(db)
    .await?;
    enrolment_in(db, user_id, course.id)
        .await?
        .ok_or(LearningError::NotFound)
}

async fn touch(
    db: &impl ConnectionTrait,
    enrolment_id: i32,
    now: DateTime<Utc>,
) -> LearningResult<()> {
    enrolment::Entity::update_many()
        .col_expr(enrolment::Column::LastActivityAt, Expr::value(now))
        .filter(enrolment::Column::Id.eq(enrolment_id))
        .exec(db)
        .await?;
    Ok(())
}

/// A learner's own view of one lesson: their enrolment, the version's content and progress.
#[derive(Clone, Debug)]
pub struct Seat {
    /// The enrolment.
    pub enrolment: Enrolment,
    /// The course.
    pub course: Course,
    /// The enrolled version's content.
    pub tree: Tree,
    /// Completed lesson ids.
    pub completed: HashSet<i32>,
    /// Progress over the version.
    pub progress: CourseProgress,
}

impl Seat {
    /// The lesson with this id in the learner's version.
    pub fn lesson(&self, lesson_id: i32) -> LearningResult<&LessonRow> {
        self.tree
            .modules
            .iter()
            .flat_map(|m| self.tree.lessons_of(m.id))
            .find(|l| l.id == lesson_id)
            .ok_or(LearningError::NotEnrolled)
    }

    /// Whether the module holding `lesson_id` is open to the learner.
    pub fn unlocked(&self, lesson_id: i32) -> bool {
        self.tree
            .modules
            .iter()
            .zip(&self.progress.modules)
            .find(|(m, _)| self.tree.lessons_of(m.id).iter().any(|l| l.id == lesson_id))
            .is_some_and(|(_, p)| p.unlocked)
    }
}

/// The signed-in learner's seat in the course that `lesson_id` belongs to.
///
/// A lesson of a draft is not found; a lesson of a version other than the learner's, or of
/// a course they have not started, is not theirs.
pub async fn seat_for_lesson(
    db: &impl ConnectionTrait,
    user_id: i32,
    lesson_id: i32,
) -> LearningResult<Seat> {
    let row = lesson::Entity::find_by_id(lesson_id)
        .one(db)
        .await?
        .ok_or(LearningError::NotFound)?;
    let version = course_version::Entity::find_by_id(row.version_id)
        .one(db)
        .await?
        .ok_or(LearningError::NotFound)?;
    if version.state == VersionState::Draft.as_str() {
        return Err(LearningError::NotFound);
    }
    // The row lock queues one learner's concurrent writes (two tabs, a quiz and a
    // reflection at once), so each sees what the one before it completed.
    let enrolment = enrolment::Entity::find()
        .filter(enrolment::Column::UserId.eq(user_id))
        .filter(enrolment::Column::CourseId.eq(version.course_id))
        .lock_exclusive()
        .one(db)
        .await?
        .filter(|e| e.version_id == version.id)
        .ok_or(LearningError::NotEnrolled)?;
    let tree = crate::store::courses::tree_of(db, version).await?;
    seat_in(db, enrolment, tree).await
}

/// The learner's seat in a course, by enrolment.
pub async fn seat(db: &impl ConnectionTrait, enrolment: Enrolment) -> LearningResult<Seat> {
    let tree = crate::store::courses::load_tree(db, enrolment.version_id).await?;
    seat_in(db, enrolment, tree).await
}

/// The seat of an enrolment whose version's content is loaded.
async fn seat_in(
    db: &impl ConnectionTrait,
    enrolment: Enrolment,
    tree: Tree,
) -> LearningResult<Seat> {
    let course = course::Entity::find_by_id(enrolment.course_id)
        .one(db)
        .await?
        .ok_or(LearningError::NotFound)?;
    let completed = completed(db, enrolment.id).await?;
    let progress = progress(&shapes_of(&tree), &completed);
    Ok(Seat {
        enrolment,
        course,
        tree,
        completed,
        progress,
    })
}

fn shapes_of(tree: &Tree) -> Vec<ModuleShape> {
    tree.modules
        .iter()
        .map(|m| ModuleShape {
            lessons: tree.lessons_of(m.id).iter().map(|l| l.id).collect(),
            requires_previous: m.requires_previous,
        })
        .collect()
}

/// Records a lesson as completed (once) and the course as completed when it was the last.
/// Returns whether the course became completed by this call.
async fn complete_lesson(
    db: &impl ConnectionTrait,
    seat: &Seat,
    lesson_id: i32,
    now: DateTime<Utc>,
) -> LearningResult<bool> {
    let inserted = lesson_completion::Entity::insert(lesson_completion::ActiveModel {
        enrolment_id: Set(seat.enrolment.id),
        lesson_id: Set(lesson_id),
        completed_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            lesson_completion::Column::EnrolmentId,
            lesson_completion::Column::LessonId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .try_insert()
    .exec(db)
    .await?;
    if matches!(inserted, TryInsertResult::Conflicted) || seat.enrolment.completed_at.is_some() {
        return Ok(false);
    }
    let mut done = seat.completed.clone();
    done.insert(lesson_id);
    if !progress(&shapes_of(&seat.tree), &done).complete {
        return Ok(false);
    }
    let result = enrolment::Entity::update_many()
        .col_expr(enrolment::Column::CompletedAt, Expr::value(now))
        .filter(enrolment::Column::Id.eq(seat.enrolment.id))
        .filter(enrolment::Column::CompletedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

fn open(seat: &Seat, lesson_id: i32) -> LearningResult<&LessonRow> {
    let lesson = seat.lesson(lesson_id)?;
    if !seat.unlocked(lesson_id) {
        return Err(LearningError::Locked);
    }
    Ok(lesson)
}

/// Marks a lesson without a quiz as done. Returns whether the course became completed.
pub async fn mark_done(
    db: &impl ConnectionTrait,
    seat: &Seat,
    lesson_id: i32,
    now: DateTime<Utc>,
) -> LearningResult<bool> {
    let lesson = open(seat, lesson_id)?;
    if lesson.pass_mark.is_some() {
        return Err(LearningError::QuizFirst);
    }
    touch(db, seat.enrolment.id, now).await?;
    complete_lesson(db, seat, lesson_id, now).await
}

/// Whether a question of this stored kind is a reflection (written, not scored).
pub fn is_reflection(kind: &str) -> bool {
    kind == QuestionKind::Reflection.as_str()
}

/// Whether the lesson's quiz asks nothing more of the learner; completes it if so.
async fn settle_lesson(
    db: &impl ConnectionTrait,
    seat: &Seat,
    lesson: &LessonRow,
    now: DateTime<Utc>,
) -> LearningResult<bool> {
    let questions = seat.tree.questions_of(lesson.id);
    let reflection_ids: Vec<i32> = questions
        .iter()
        .filter(|q| is_reflection(&q.kind))
        .map(|q| q.id)
        .collect();
    let scored = questions.len() > reflection_ids.len();
    let passed = scored
        && quiz_attempt::Entity::find()
            .filter(quiz_attempt::Column::EnrolmentId.eq(seat.enrolment.id))
            .filter(quiz_attempt::Column::LessonId.eq(lesson.id))
            .filter(quiz_attempt::Column::Passed.eq(true))
            .count(db)
            .await?
            > 0;
    let sent = if reflection_ids.is_empty() {
        0
    } else {
        reflection::Entity::find()
            .filter(reflection::Column::EnrolmentId.eq(seat.enrolment.id))
            .filter(reflection::Column::QuestionId.is_in(reflection_ids.iter().copied()))
            .filter(reflection::Column::State.is_in([
                ReflectionState::Submitted.as_str(),
                ReflectionState::Accepted.as_str(),
            ]))
            .count(db)
            .await?
    };
    let needs = LessonRequirements {
        scored,
        passed,
        reflections: reflection_ids.len(),
        reflections_sent: usize::try_from(sent).unwrap_or(usize::MAX),
    };
    if needs.met() {
        complete_lesson(db, seat, lesson.id, now).await
    } else {
        Ok(false)
    }
}

// ---------------------------------------------------------------------------------------------
// Quiz attempts.

/// A learner's attempts at one quiz, oldest first.
pub async fn attempts(
    db: &impl ConnectionTrait,
    enrolment_id: i32,
    lesson_id: i32,
) -> LearningResult<Vec<Attempt>> {
    Ok(quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::EnrolmentId.eq(enrolment_id))
        .filter(quiz_attempt::Column::LessonId.eq(lesson_id))
        .order_by_asc(quiz_attempt::Column::Number)
        .all(db)
        .await?)
}

/// The attempt a form's one-time key already made at this quiz, if any.
pub async fn attempt_by_submission(
    db: &impl ConnectionTrait,
    enrolment_id: i32,
    lesson_id: i32,
    submission: &str,
) -> LearningResult<Option<Attempt>> {
    Ok(quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::EnrolmentId.eq(enrolment_id))
        .filter(quiz_attempt::Column::LessonId.eq(lesson_id))
        .filter(quiz_attempt::Column::Submission.eq(submission))
        .one(db)
        .await?)
}

/// Whether another attempt at this quiz may start now.
pub fn attempt_rule(lesson: &LessonRow, earlier: &[Attempt], now: DateTime<Utc>) -> AttemptRule {
    let times: Vec<i64> = earlier.iter().map(|a| a.submitted_at.timestamp()).collect();
    next_attempt(
        &times,
        lesson.max_attempts.and_then(|n| u32::try_from(n).ok()),
        lesson
            .cooldown_minutes
            .filter(|m| *m > 0)
            .map(|m| i64::from(m) * 60),
        now.timestamp(),
    )
}

/// Checks that `answers` fit the lesson's scored questions and answer each of them.
fn check_answers(
    seat: &Seat,
    lesson: &LessonRow,
    answers: &HashMap<i32, BTreeSet<i32>>,
) -> LearningResult<Vec<Marked>> {
    let scored: Vec<&QuestionRow> = seat
        .tree
        .questions_of(lesson.id)
        .iter()
        .filter(|q| !is_reflection(&q.kind))
        .collect();
    let mut marked = Vec::with_capacity(scored.len());
    let mut unanswered = Vec::new();
    for q in &scored {
        let options = seat.tree.options_of(q.id);
        let known: BTreeSet<i32> = options.iter().map(|o| o.id).collect();
        match answers.get(&q.id) {
            None => unanswered.push(q.id),
            Some(chosen) if chosen.is_empty() => unanswered.push(q.id),
            Some(chosen) => {
                let single = q.kind != QuestionKind::MultipleChoice.as_str();
                if !chosen.is_subset(&known) || (single && chosen.len() > 1) {
                    return Err(LearningError::BadAnswer);
                }
            }
        }
        marked.push(Marked {
            question: q.id,
            correct: options.iter().filter(|o| o.correct).map(|o| o.id).collect(),
        });
    }
    if answers.keys().any(|id| !scored.iter().any(|q| q.id == *id)) {
        return Err(LearningError::BadAnswer);
    }
    if !unanswered.is_empty() {
        return Err(LearningError::Unanswered(unanswered));
    }
    Ok(marked)
}

/// What submitting a quiz did.
#[derive(Clone, Debug)]
pub struct Submitted {
    /// The attempt (the earlier one, when the same form was sent twice).
    pub attempt: Attempt,
    /// Whether this call completed the course.
    pub course_completed: bool,
}

/// Marks and keeps one attempt at a quiz. Sending the same form (`submission`) again
/// returns the first attempt; a different form counts against the limit and the cool-down.
pub async fn submit_attempt(
    db: &impl ConnectionTrait,
    seat: &Seat,
    lesson_id: i32,
    submission: &str,
    answers: &HashMap<i32, BTreeSet<i32>>,
    now: DateTime<Utc>,
) -> LearningResult<Submitted> {
    if let Some(attempt) =
        attempt_by_submission(db, seat.enrolment.id, lesson_id, submission).await?
    {
        return Ok(Submitted {
            attempt,
            course_completed: false,
        });
    }
    let lesson = open(seat, lesson_id)?;
    let Some(pass_mark) = lesson.pass_mark else {
        return Err(LearningError::NotFound);
    };
    let marked = check_answers(seat, lesson, answers)?;
    if marked.is_empty() {
        // A quiz of reflections only has nothing to submit here.
        return Err(LearningError::BadAnswer);
    }
    let earlier = attempts(db, seat.enrolment.id, lesson_id).await?;
    match attempt_rule(lesson, &earlier, now) {
        AttemptRule::Allowed => {}
        AttemptRule::NoneLeft => return Err(LearningError::NoAttemptsLeft),
        AttemptRule::CoolingDown(seconds) => return Err(LearningError::CoolingDown(seconds)),
    }
    let score = mark(&marked, answers, u8::try_from(pass_mark).unwrap_or(100));
    let stored: BTreeMap<String, Vec<i32>> = answers
        .iter()
        .map(|(q, options)| (q.to_string(), options.iter().copied().collect()))
        .collect();
    let attempt = quiz_attempt::ActiveModel {
        enrolment_id: Set(seat.enrolment.id),
        lesson_id: Set(lesson_id),
        number: Set(i32::try_from(earlier.len() + 1).unwrap_or(i32::MAX)),
        submission: Set(submission.to_owned()),
        answers: Set(serde_json::to_string(&stored).unwrap_or_default()),
        right_answers: Set(i32::try_from(score.right).unwrap_or(i32::MAX)),
        scored: Set(i32::try_from(score.total).unwrap_or(i32::MAX)),
        percent: Set(i32::from(score.percent)),
        passed: Set(score.passed),
        submitted_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(busy_on_conflict)?;
    touch(db, seat.enrolment.id, now).await?;
    let course_completed = if score.passed {
        settle_lesson(db, seat, lesson, now).await?
    } else {
        false
    };
    Ok(Submitted {
        attempt,
        course_completed,
    })
}

/// The chosen options of a stored attempt, per question id.
pub fn answers_of(attempt: &Attempt) -> HashMap<i32, BTreeSet<i32>> {
    serde_json::from_str::<BTreeMap<String, Vec<i32>>>(&attempt.answers)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(q, o)| Some((q.parse().ok()?, o.into_iter().collect())))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Reflections.

/// The learner's reflections in one lesson, by question id.
pub async fn reflections_in(
    db: &impl ConnectionTrait,
    enrolment_id: i32,
    lesson_id: i32,
) -> LearningResult<HashMap<i32, Reflection>> {
    Ok(reflection::Entity::find()
        .filter(reflection::Column::EnrolmentId.eq(enrolment_id))
        .filter(reflection::Column::LessonId.eq(lesson_id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.question_id, r))
        .collect())
}

/// What saving a reflection did.
#[derive(Clone, Debug)]
pub struct SavedReflection {
    /// The stored reflection.
    pub reflection: Reflection,
    /// Whether this call completed the course.
    pub course_completed: bool,
}

/// Saves a reflection as a draft, or sends it (`send`). Sent answers wait for a trainer, or
/// are accepted at once when the question says so.
pub async fn save_reflection(
    db: &impl ConnectionTrait,
    seat: &Seat,
    question_id: i32,
    answer: &str,
    send: bool,
    now: DateTime<Utc>,
) -> LearningResult<SavedReflection> {
    let question = seat
        .tree
        .questions
        .values()
        .flatten()
        .find(|q| q.id == question_id && is_reflection(&q.kind))
        .ok_or(LearningError::NotFound)?;
    let lesson = open(seat, question.lesson_id)?;
    let existing = reflection::Entity::find()
        .filter(reflection::Column::EnrolmentId.eq(seat.enrolment.id))
        .filter(reflection::Column::QuestionId.eq(question_id))
        .one(db)
        .await?;
    if existing
        .as_ref()
        .is_some_and(|r| !ReflectionState::parse(&r.state).editable())
    {
        return Err(LearningError::AlreadySent);
    }
    let state = match (send, question.review.as_deref()) {
        (false, _) => ReflectionState::Draft,
        (true, Some(mode)) if mode == ReviewMode::OnSubmit.as_str() => ReflectionState::Accepted,
        (true, _) => ReflectionState::Submitted,
    };
    let submitted_at = send.then_some(now);
    let reflection = match existing {
        Some(row) => {
            let mut active: reflection::ActiveModel = row.into();
            active.answer = Set(answer.to_owned());
            active.state = Set(state.as_str().to_owned());
            if send {
                active.submitted_at = Set(submitted_at);
            }
            active.updated_at = Set(now);
            active.update(db).await?
        }
        None => reflection::ActiveModel {
            enrolment_id: Set(seat.enrolment.id),
            question_id: Set(question_id),
            lesson_id: Set(question.lesson_id),
            answer: Set(answer.to_owned()),
            state: Set(state.as_str().to_owned()),
            submitted_at: Set(submitted_at),
            comment: Set(None),
            reviewed_by: Set(None),
            reviewed_at: Set(None),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .map_err(busy_on_conflict)?,
    };
    touch(db, seat.enrolment.id, now).await?;
    let course_completed = if send {
        settle_lesson(db, seat, lesson, now).await?
    } else {
        false
    };
    Ok(SavedReflection {
        reflection,
        course_completed,
    })
}

/// A reflection waiting for review, with what the reviewer needs to read it.
#[derive(Clone, Debug)]
pub struct QueueItem {
    /// The reflection.
    pub reflection: Reflection,
    /// The learner's name.
    pub learner: String,
    /// The course's title in the learner's version.
    pub course_title: String,
    /// The lesson's title.
    pub lesson_title: String,
    /// The question.
    pub prompt: String,
    /// What a good answer covers.
    pub guidance: Option<String>,
}

/// One page of reflections waiting for review in `course_ids` (all courses for `None`),
/// oldest first, and how many wait in all.
pub async fn review_queue(
    db: &impl ConnectionTrait,
    course_ids: Option<&[i32]>,
    page: u64,
    per_page: u64,
) -> LearningResult<(Vec<QueueItem>, u64)> {
    let mut query = reflection::Entity::find()
        .filter(reflection::Column::State.eq(ReflectionState::Submitted.as_str()));
    if let Some(ids) = course_ids {
        let enrolments = enrolment::Entity::find()
            .select_only()
            .column(enrolment::Column::Id)
            .filter(enrolment::Column::CourseId.is_in(ids.iter().copied()))
            .into_query();
        query = query.filter(reflection::Column::EnrolmentId.in_subquery(enrolments));
    }
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_asc(reflection::Column::SubmittedAt)
        .order_by_asc(reflection::Column::Id)
        .offset(page * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    Ok((describe(db, rows).await?, total))
}

/// One reflection with its context for the reviewer, and the learner's enrolment.
pub async fn queue_item(
    db: &impl ConnectionTrait,
    id: i32,
) -> LearningResult<(QueueItem, Enrolment)> {
    let row = reflection::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(LearningError::NotFound)?;
    let enrolment = enrolment::Entity::find_by_id(row.enrolment_id)
        .one(db)
        .await?
        .ok_or(LearningError::NotFound)?;
    let item = describe(db, vec![row])
        .await?
        .pop()
        .ok_or(LearningError::NotFound)?;
    Ok((item, enrolment))
}

/// `id → text` of the rows of `E` whose `id` is in `ids`, with one query.
async fn labels<E>(
    db: &impl ConnectionTrait,
    id: E::Column,
    label: E::Column,
    ids: impl IntoIterator<Item = i32>,
) -> LearningResult<HashMap<i32, String>>
where
    E: EntityTrait,
{
    Ok(E::find()
        .select_only()
        .columns([id, label])
        .filter(id.is_in(ids))
        .into_tuple::<(i32, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// Adds names and texts to reflections, with a fixed number of queries.
async fn describe(
    db: &impl ConnectionTrait,
    rows: Vec<Reflection>,
) -> LearningResult<Vec<QueueItem>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let enrolments: HashMap<i32, Enrolment> = enrolment::Entity::find()
        .filter(enrolment::Column::Id.is_in(rows.iter().map(|r| r.enrolment_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let names = labels::<user::Entity>(
        db,
        user::Column::Id,
        user::Column::DisplayName,
        enrolments.values().map(|e| e.user_id),
    )
    .await?;
    let titles = labels::<course_version::Entity>(
        db,
        course_version::Column::Id,
        course_version::Column::Title,
        enrolments.values().map(|e| e.version_id),
    )
    .await?;
    let lessons = labels::<lesson::Entity>(
        db,
        lesson::Column::Id,
        lesson::Column::Title,
        rows.iter().map(|r| r.lesson_id),
    )
    .await?;
    let questions: HashMap<i32, QuestionRow> = question::Entity::find()
        .filter(question::Column::Id.is_in(rows.iter().map(|r| r.question_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|q| (q.id, q))
        .collect();
    Ok(rows
        .into_iter()
        .map(|reflection| {
            let enrolment = enrolments.get(&reflection.enrolment_id);
            let question = questions.get(&reflection.question_id);
            QueueItem {
                learner: enrolment
                    .and_then(|e| names.get(&e.user_id))
                    .cloned()
                    .unwrap_or_default(),
                course_title: enrolment
                    .and_then(|e| titles.get(&e.version_id))
                    .cloned()
                    .unwrap_or_default(),
                lesson_title: lessons
                    .get(&reflection.lesson_id)
                    .cloned()
                    .unwrap_or_default(),
                prompt: question.map(|q| q.prompt.clone()).unwrap_or_default(),
                guidance: question.and_then(|q| q.guidance.clone()),
                reflection,
            }
        })
        .collect())
}

/// Records a trainer's review of a sent reflection: accepted, or asked to be revised.
pub async fn review(
    db: &impl ConnectionTrait,
    reflection_id: i32,
    reviewer: i32,
    accept: bool,
    comment: Option<String>,
    now: DateTime<Utc>,
) -> LearningResult<()> {
    let state = if accept {
        ReflectionState::Accepted
    } else {
        ReflectionState::Revise
    };
    let result = reflection::Entity::update_many()
        .col_expr(reflection::Column::State, Expr::value(state.as_str()))
        .col_expr(reflection::Column::Comment, Expr::value(comment))
        .col_expr(reflection::Column::ReviewedBy, Expr::value(reviewer))
        .col_expr(reflection::Column::ReviewedAt, Expr::value(now))
        .col_expr(reflection::Column::UpdatedAt, Expr::value(now))
        .filter(reflection::Column::Id.eq(reflection_id))
        .filter(reflection::Column::State.eq(ReflectionState::Submitted.as_str()))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Err(LearningError::AlreadyReviewed);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Trainers of a course.

/// Whether `user_id` teaches the course.
pub async fn teaches(
    db: &impl ConnectionTrait,
    course_id: i32,
    user_id: i32,
) -> LearningResult<bool> {
    Ok(course_trainer::Entity::find()
        .filter(course_trainer::Column::CourseId.eq(course_id))
        .filter(course_trainer::Column::UserId.eq(user_id))
        .count(db)
        .await?
        > 0)
}

/// Ids of the courses `user_id` teaches.
pub async fn taught_by(db: &impl ConnectionTrait, user_id: i32) -> LearningResult<Vec<i32>> {
    Ok(course_trainer::Entity::find()
        .select_only()
        .column(course_trainer::Column::CourseId)
        .filter(course_trainer::Column::UserId.eq(user_id))
        .into_tuple()
        .all(db)
        .await?)
}

/// Names `user_id` a trainer of the course (once).
pub async fn add_trainer(
    db: &impl ConnectionTrait,
    course_id: i32,
    user_id: i32,
    now: DateTime<Utc>,
) -> LearningResult<()> {
    course_trainer::Entity::insert(course_trainer::ActiveModel {
        course_id: Set(course_id),
        user_id: Set(user_id),
        added_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            course_trainer::Column::CourseId,
            course_trainer::Column::UserId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .try_insert()
    .exec(db)
    .await?;
    Ok(())
}

/// Removes `user_id` from the course's trainers.
pub async fn remove_trainer(
    db: &impl ConnectionTrait,
    course_id: i32,
    user_id: i32,
) -> LearningResult<()> {
    course_trainer::Entity::delete_many()
        .filter(course_trainer::Column::CourseId.eq(course_id))
        .filter(course_trainer::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// The course's trainers: public id, name and email, by name.
pub async fn trainers_of(
    db: &impl ConnectionTrait,
    course_id: i32,
) -> LearningResult<Vec<(String, String, String)>> {
    let ids = course_trainer::Entity::find()
        .select_only()
        .column(course_trainer::Column::UserId)
        .filter(course_trainer::Column::CourseId.eq(course_id))
        .into_query();
    Ok(user::Entity::find()
        .select_only()
        .columns([
            user::Column::PublicId,
            user::Column::DisplayName,
            user::Column::Email,
        ])
        .filter(user::Column::Id.in_subquery(ids))
        .order_by_asc(user::Column::DisplayName)
        .into_tuple()
        .all(db)
        .await?)
}

// ---------------------------------------------------------------------------------------------
// The trainers' view of learners.

/// Which learners of a course someone may see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// All of them (the course's trainers and administrators).
    All,
    /// Those who take the course with one of these centres (their coordinators).
    Centres(Vec<i32>),
}

/// Filters of the learner overview.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LearnerFilter {
    /// Only learners with this centre.
    pub centre: Option<i32>,
    /// Only learners with this status.
    pub status: Option<LearnerStatus>,
}

fn learner_condition(
    course_id: i32,
    scope: &Scope,
    filter: &LearnerFilter,
    now: DateTime<Utc>,
) -> Condition {
    use enrolment::Column as C;
    let mut condition = Condition::all().add(C::CourseId.eq(course_id));
    if let Scope::Centres(ids) = scope {
        condition = condition.add(C::CentreId.is_in(ids.iter().copied()));
    }
    if let Some(centre) = filter.centre {
        condition = condition.add(C::CentreId.eq(centre));
    }
    let quiet_since = now - chrono::Duration::days(STUCK_AFTER_DAYS);
    let started = Expr::col(C::LastActivityAt).gt(Expr::col(C::StartedAt));
    condition = match filter.status {
        None => condition,
        Some(LearnerStatus::Completed) => condition.add(C::CompletedAt.is_not_null()),
        Some(LearnerStatus::NotStarted) => condition
            .add(C::CompletedAt.is_null())
            .add(Expr::col(C::LastActivityAt).lte(Expr::col(C::StartedAt))),
        Some(LearnerStatus::Stuck) => condition
            .add(C::CompletedAt.is_null())
            .add(started)
            .add(C::LastActivityAt.lt(quiet_since)),
        Some(LearnerStatus::InProgress) => condition
            .add(C::CompletedAt.is_null())
            .add(started)
            .add(C::LastActivityAt.gte(quiet_since)),
    };
    condition
}

/// One quiz's results for one learner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuizResult {
    /// The quiz's lesson title.
    pub lesson: String,
    /// Attempts made.
    pub attempts: u32,
    /// Best score in percent.
    pub best: i32,
    /// Whether an attempt passed.
    pub passed: bool,
}

/// One learner in the overview.
#[derive(Clone, Debug)]
pub struct LearnerRow {
    /// The enrolment.
    pub enrolment: Enrolment,
    /// Name.
    pub name: String,
    /// Email.
    pub email: String,
    /// Centre name, if they named one.
    pub centre: Option<String>,
    /// Status now.
    pub status: LearnerStatus,
    /// Progress over their version.
    pub progress: CourseProgress,
    /// Module titles of their version, matching `progress.modules`.
    pub modules: Vec<String>,
    /// Their version's number.
    pub version: i32,
    /// Quiz results, in lesson order.
    pub quizzes: Vec<QuizResult>,
}

/// How learner lists are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LearnerOrder {
    /// Most recently active first, for reading.
    Recent,
    /// By enrolment, which activity does not change, for exporting in batches.
    Stable,
}

/// One page of a course's learners and how many match.
#[allow(clippy::too_many_arguments)]
pub async fn learners(
    db: &impl ConnectionTrait,
    course_id: i32,
    scope: &Scope,
    filter: &LearnerFilter,
    order: LearnerOrder,
    now: DateTime<Utc>,
    page: u64,
    per_page: u64,
) -> LearningResult<(Vec<LearnerRow>, u64)> {
    let query = enrolment::Entity::find().filter(learner_condition(course_id, scope, filter, now));
    let total = query.clone().count(db).await?;
    let query = match order {
        LearnerOrder::Recent => query.order_by_desc(enrolment::Column::LastActivityAt),
        LearnerOrder::Stable => query,
    };
    let rows = query
        .order_by_asc(enrolment::Column::Id)
        .offset(page * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    Ok((learner_rows(db, rows, now).await?, total))
}

async fn learner_rows(
    db: &impl ConnectionTrait,
    rows: Vec<Enrolment>,
    now: DateTime<Utc>,
) -> LearningResult<Vec<LearnerRow>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i32> = rows.iter().map(|e| e.id).collect();
    let mut version_ids: Vec<i32> = rows.iter().map(|e| e.version_id).collect();
    version_ids.sort_unstable();
    version_ids.dedup();
    let outlines = outlines(db, &version_ids).await?;
    let numbers: HashMap<i32, i32> = course_version::Entity::find()
        .select_only()
        .columns([course_version::Column::Id, course_version::Column::Number])
        .filter(course_version::Column::Id.is_in(version_ids.iter().copied()))
        .into_tuple::<(i32, i32)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let people: HashMap<i32, (String, String)> = user::Entity::find()
        .select_only()
        .columns([
            user::Column::Id,
            user::Column::DisplayName,
            user::Column::Email,
        ])
        .filter(user::Column::Id.is_in(rows.iter().map(|e| e.user_id)))
        .into_tuple::<(i32, String, String)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, name, email)| (id, (name, email)))
        .collect();
    let centres =
        crate::store::centres::names_of(db, rows.iter().filter_map(|e| e.centre_id).collect())
            .await?;
    let mut completed = completed_of(db, &ids).await?;
    // Attempts per enrolment and quiz, counted in the database: (enrolment, lesson, count, best).
    let attempts: Vec<(i32, i32, i64, Option<i32>)> = quiz_attempt::Entity::find()
        .select_only()
        .column(quiz_attempt::Column::EnrolmentId)
        .column(quiz_attempt::Column::LessonId)
        .column_as(quiz_attempt::Column::Id.count(), "attempts")
        .column_as(quiz_attempt::Column::Percent.max(), "best")
        .filter(quiz_attempt::Column::EnrolmentId.is_in(ids.iter().copied()))
        .group_by(quiz_attempt::Column::EnrolmentId)
        .group_by(quiz_attempt::Column::LessonId)
        .into_tuple()
        .all(db)
        .await?;
    let passed: HashSet<(i32, i32)> = quiz_attempt::Entity::find()
        .select_only()
        .column(quiz_attempt::Column::EnrolmentId)
        .column(quiz_attempt::Column::LessonId)
        .filter(quiz_attempt::Column::EnrolmentId.is_in(ids.iter().copied()))
        .filter(quiz_attempt::Column::Passed.eq(true))
        .distinct()
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let results: HashMap<(i32, i32), (u32, i32, bool)> = attempts
        .into_iter()
        .map(|(enrolment, lesson, count, best)| {
            (
                (enrolment, lesson),
                (
                    u32::try_from(count).unwrap_or(u32::MAX),
                    best.unwrap_or(0),
                    passed.contains(&(enrolment, lesson)),
                ),
            )
        })
        .collect();
    Ok(rows
        .into_iter()
        .map(|enrolment| {
            let outline = outlines
                .get(&enrolment.version_id)
                .cloned()
                .unwrap_or_default();
            let done = completed.remove(&enrolment.id).unwrap_or_default();
            let quizzes = outline
                .modules
                .iter()
                .flat_map(|m| &m.lessons)
                .filter(|l| l.quiz)
                .filter_map(|l| {
                    results
                        .get(&(enrolment.id, l.id))
                        .map(|(attempts, best, passed)| QuizResult {
                            lesson: l.title.clone(),
                            attempts: *attempts,
                            best: *best,
                            passed: *passed,
                        })
                })
                .collect();
            let (name, email) = people.get(&enrolment.user_id).cloned().unwrap_or_default();
            LearnerRow {
                name,
                email,
                centre: enrolment.centre_id.and_then(|c| centres.get(&c).cloned()),
                status: LearnerStatus::of(
                    enrolment.started_at,
                    enrolment.last_activity_at,
                    enrolment.completed_at.is_some(),
                    now,
                ),
                progress: outline.progress(&done),
                modules: outline.modules.iter().map(|m| m.title.clone()).collect(),
                version: numbers.get(&enrolment.version_id).copied().unwrap_or(0),
                quizzes,
                enrolment,
            }
        })
        .collect())
}

// ---------------------------------------------------------------------------------------------
// The learner's own dashboard.

/// A course on the learner's dashboard.
#[derive(Clone, Debug)]
pub struct MyCourse {
    /// The enrolment.
    pub enrolment: Enrolment,
    /// The course's short name.
    pub slug: String,
    /// Title of the learner's version.
    pub title: String,
    /// Progress.
    pub progress: CourseProgress,
    /// Title of the next lesson, if any.
    pub next_title: Option<String>,
}

/// One page of the learner's courses, most recently active first, and how many there are.
pub async fn my_courses(
    db: &impl ConnectionTrait,
    user_id: i32,
    page: u64,
    per_page: u64,
) -> LearningResult<(Vec<MyCourse>, u64)> {
    let query = enrolment::Entity::find().filter(enrolment::Column::UserId.eq(user_id));
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_asc(enrolment::Column::CompletedAt.is_not_null())
        .order_by_desc(enrolment::Column::LastActivityAt)
        .order_by_asc(enrolment::Column::Id)
        .offset(page * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|e| e.id).collect();
    let version_ids: Vec<i32> = rows.iter().map(|e| e.version_id).collect();
    let outlines = outlines(db, &version_ids).await?;
    let mut completed = completed_of(db, &ids).await?;
    let titles = labels::<course_version::Entity>(
        db,
        course_version::Column::Id,
        course_version::Column::Title,
        version_ids.iter().copied(),
    )
    .await?;
    let slugs = labels::<course::Entity>(
        db,
        course::Column::Id,
        course::Column::Slug,
        rows.iter().map(|e| e.course_id),
    )
    .await?;
    Ok((
        rows.into_iter()
            .map(|enrolment| {
                let outline = outlines
                    .get(&enrolment.version_id)
                    .cloned()
                    .unwrap_or_default();
                let progress =
                    outline.progress(&completed.remove(&enrolment.id).unwrap_or_default());
                MyCourse {
                    slug: slugs.get(&enrolment.course_id).cloned().unwrap_or_default(),
                    title: titles
                        .get(&enrolment.version_id)
                        .cloned()
                        .unwrap_or_default(),
                    next_title: progress
                        .next
                        .and_then(|id| outline.lesson_title(id).map(str::to_owned)),
                    progress,
                    enrolment,
                }
            })
            .collect(),
        total,
    ))
}

/// The learner's reflections that wait for a trainer or for a revision, newest first.
pub async fn my_open_reflections(
    db: &impl ConnectionTrait,
    user_id: i32,
    limit: u64,
) -> LearningResult<Vec<QueueItem>> {
    let mine = enrolment::Entity::find()
        .select_only()
        .column(enrolment::Column::Id)
        .filter(enrolment::Column::UserId.eq(user_id))
        .into_query();
    let rows = reflection::Entity::find()
        .filter(reflection::Column::EnrolmentId.in_subquery(mine))
        .filter(reflection::Column::State.is_in([
            ReflectionState::Submitted.as_str(),
            ReflectionState::Revise.as_str(),
        ]))
        .order_by_desc(reflection::Column::UpdatedAt)
        .limit(limit)
        .all(db)
        .await?;
    describe(db, rows).await
}

/// The ids of courses taken with any of `centres`, as a subquery.
pub fn courses_with_centres(centres: &[i32]) -> sea_orm::sea_query::SelectStatement {
    enrolment::Entity::find()
        .select_only()
        .column(enrolment::Column::CourseId)
        .filter(enrolment::Column::CentreId.is_in(centres.iter().copied()))
        .into_query()
}

/// How many learners each course has, for the given course ids; only those taken with one
/// of `centres` when given.
pub async fn learner_counts(
    db: &impl ConnectionTrait,
    course_ids: &[i32],
    centres: Option<&[i32]>,
) -> LearningResult<HashMap<i32, i64>> {
    if course_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let mut query = enrolment::Entity::find();
    if let Some(centres) = centres {
        query = query.filter(enrolment::Column::CentreId.is_in(centres.iter().copied()));
    }
    let rows: Vec<(i32, i64)> = query
        .select_only()
        .column(enrolment::Column::CourseId)
        .column_as(enrolment::Column::Id.count(), "n")
        .filter(enrolment::Column::CourseId.is_in(course_ids.iter().copied()))
        .group_by(enrolment::Column::CourseId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

//! What the learning server functions share: the signed-in learner, their enrolled course,
//! and the player's view of a lesson built from the rules' decisions.

use super::{
    AttemptView, LessonState, ModuleState, MyProgress, OptionFeedback, PlayerLesson, QuizState,
    ReflectionView,
};
use crate::domain::ids::LessonId;
use crate::{
    api::context::{require, state},
    auth::Auth,
    domain::{
        authz::Action,
        course::{QuestionKind, ReviewMode},
        learning::{AttemptRule, ReflectionState, attempts, grading, unlocking},
    },
    errors::AppError,
    store::learning::{self, EnrolledCourse},
};
use std::collections::HashMap;

/// The signed-in learner.
pub fn learner() -> Result<Auth, AppError> {
    require(Action::Learn)
}

/// The learner's progress over their enrolled version.
pub fn my_progress(enrolled: &EnrolledCourse) -> MyProgress {
    let content = &enrolled.content;
    let newer = enrolled
        .course
        .published_version_id
        .is_some_and(|v| v != enrolled.enrolment.version_id);
    let modules = content
        .modules
        .iter()
        .zip(&enrolled.progress.modules)
        .enumerate()
        .map(|(i, (m, p))| ModuleState {
            title: m.title.clone(),
            done: p.done,
            total: p.total,
            unlocked: p.unlocked,
            waits_for: unlocking::waits_for(&enrolled.progress, i)
                .map(|j| content.modules[j].title.clone()),
            lessons: content
                .lessons_of(m.id)
                .iter()
                .map(|l| LessonState {
                    id: l.id,
                    title: l.title.clone(),
                    done: enrolled.completed.contains(&l.id),
                })
                .collect(),
        })
        .collect();
    MyProgress {
        percent: enrolled.progress.percent,
        next: enrolled.progress.next,
        completed: enrolled.enrolment.completed_at.is_some(),
        version: content.version.number,
        newer_version: newer,
        modules,
    }
}

/// The player's view of one lesson.
pub async fn player(
    db: &impl sea_orm::ConnectionTrait,
    enrolled: &EnrolledCourse,
    lesson_id: LessonId,
) -> Result<PlayerLesson, AppError> {
    let row = enrolled.lesson(lesson_id)?.clone();
    let mut page = crate::api::catalogue::lesson_page(&enrolled.content, lesson_id)?;
    let locked = !enrolled.unlocked(lesson_id);
    let progress = my_progress(enrolled);
    let waits_for = progress
        .modules
        .iter()
        .find(|m| m.lessons.iter().any(|l| l.id == lesson_id))
        .and_then(|m| m.waits_for.clone());
    let questions = enrolled.content.questions_of(lesson_id);
    page.questions
        .retain(|q| q.kind != QuestionKind::Reflection.as_str());
    if locked {
        page.body_html.clear();
        page.questions.clear();
        return Ok(PlayerLesson {
            slug: enrolled.course.slug.clone(),
            lesson: page,
            done: false,
            locked,
            waits_for,
            progress,
            quiz: None,
            reflections: Vec::new(),
        });
    }
    let quiz = if page.questions.is_empty() {
        None
    } else {
        let attempts = learning::attempts(db, enrolled.enrolment.id, lesson_id).await?;
        shuffle_options(enrolled, lesson_id, attempts.len(), &mut page.questions);
        let now = chrono::Utc::now();
        let rule = learning::attempt_rule(&row, &attempts, now);
        let revealed = attempts::answers_revealed(attempts.iter().any(|a| a.passed), rule);
        let quiz = enrolled.quiz(lesson_id);
        let scored: Vec<_> = quiz.iter().filter(|q| q.scored()).collect();
        let (feedback, chosen, verdicts) = match attempts.last() {
            None => (HashMap::new(), HashMap::new(), HashMap::new()),
            Some(last) => {
                let answers = learning::answers_of(last);
                let verdicts = grading::verdicts(&quiz, &answers);
                let feedback = if revealed {
                    scored
                        .iter()
                        .map(|q| {
                            (
                                q.id,
                                enrolled
                                    .content
                                    .options_of(q.id)
                                    .iter()
                                    .map(|o| OptionFeedback {
                                        id: o.id,
                                        correct: o.correct,
                                        explanation: o.explanation.clone(),
                                    })
                                    .collect(),
                            )
                        })
                        .collect()
                } else {
                    HashMap::new()
                };
                let chosen = answers
                    .into_iter()
                    .map(|(q, o)| (q, o.into_iter().collect()))
                    .collect();
                (feedback, chosen, verdicts)
            }
        };
        Some(QuizState {
            attempts_left: attempts::attempts_left(row.max_attempts, attempts.len()),
            can_attempt: rule == AttemptRule::Allowed,
            wait_minutes: attempts::wait_minutes(rule),
            attempts: attempts
                .iter()
                .map(|a| AttemptView {
                    number: a.number,
                    right: a.right_answers,
                    scored: a.scored,
                    percent: a.percent,
                    passed: a.passed,
                    at: crate::api::dates::time(a.submitted_at),
                })
                .collect(),
            verdicts,
            revealed,
            feedback,
            chosen,
            submission: uuid::Uuid::new_v4().to_string(),
        })
    };
    let asked: Vec<_> = questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Reflection)
        .collect();
    let mine = if asked.is_empty() {
        HashMap::new()
    } else {
        learning::reflections_in(db, enrolled.enrolment.id, lesson_id).await?
    };
    let reflections = asked
        .into_iter()
        .map(|q| {
            let answer = mine.get(&q.id);
            ReflectionView {
                question: q.id,
                prompt: q.prompt.clone(),
                answer: answer.map(|r| r.answer.clone()).unwrap_or_default(),
                state: answer.map_or(ReflectionState::Draft, |r| r.state),
                reviewed_by_trainer: q.review != Some(ReviewMode::OnSubmit),
                comment: answer.and_then(|r| r.comment.clone()),
            }
        })
        .collect();
    Ok(PlayerLesson {
        slug: enrolled.course.slug.clone(),
        lesson: page,
        done: enrolled.completed.contains(&lesson_id),
        locked,
        waits_for,
        progress,
        quiz,
        reflections,
    })
}

/// Puts each question's options in this attempt's order: shuffled per attempt (the
/// next one after `attempts_made`), pinned options last. Marking goes by option id.
/// True/false keeps its written order: "true" first reads naturally, and the place of
/// its two answers tells nothing.
fn shuffle_options(
    enrolled: &EnrolledCourse,
    lesson: LessonId,
    attempts_made: usize,
    questions: &mut [crate::api::catalogue::LearnerQuestion],
) {
    use crate::domain::shuffle::{ShuffleSeed, option_order};
    let attempt = i32::try_from(attempts_made).unwrap_or(i32::MAX - 1) + 1;
    for question in questions.iter_mut().filter(|q| q.kind != "true_false") {
        let rows = enrolled.content.options_of(question.id);
        let pinned: Vec<bool> = question
            .options
            .iter()
            .map(|(id, _)| rows.iter().any(|o| o.id == *id && o.pinned))
            .collect();
        let seed = ShuffleSeed {
            enrolment: enrolled.enrolment.id.get(),
            lesson: lesson.get(),
            attempt,
            question: question.id.get(),
        };
        let written = std::mem::take(&mut question.options);
        question.options = option_order(&pinned, seed)
            .into_iter()
            .map(|i| written[i].clone())
            .collect();
    }
}

/// The learner's enrolled course that holds a lesson, read inside `db` for a change to it.
pub async fn enrolled(
    db: &impl sea_orm::ConnectionTrait,
    lesson: LessonId,
) -> Result<EnrolledCourse, AppError> {
    let auth = learner()?;
    Ok(learning::enrolled_for_lesson(db, auth.user.id, lesson).await?)
}

/// The learner's enrolled course that holds a lesson, for a page that only reads it.
pub async fn reading(
    db: &impl sea_orm::ConnectionTrait,
    lesson: LessonId,
) -> Result<EnrolledCourse, AppError> {
    let auth = learner()?;
    Ok(learning::reading_lesson(db, auth.user.id, lesson).await?)
}

pub fn db() -> Result<sea_orm::DatabaseConnection, AppError> {
    Ok(state()?.db)
}

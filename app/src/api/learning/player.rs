//! The course player: one lesson with the learner's progress, marking it done, quiz attempts
//! and reflections.

use super::MyProgress;
use crate::domain::ids::{LessonId, OptionId, QuestionId};
use crate::{api::catalogue::LessonPage, domain::learning::ReflectionState, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One quiz attempt as the learner sees it afterwards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptView {
    /// 1 for the first attempt.
    pub number: i32,
    /// Scored questions answered right.
    pub right: i32,
    /// Scored questions in all.
    pub scored: i32,
    /// Score in percent.
    pub percent: i32,
    /// Whether it passed.
    pub passed: bool,
    /// When, as `YYYY-MM-DD HH:MM` (UTC).
    pub at: String,
}

/// Feedback on one option after an attempt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionFeedback {
    /// Option id.
    pub id: OptionId,
    /// Whether it is right.
    pub correct: bool,
    /// Why.
    pub explanation: String,
}

/// Where the quiz stands for the learner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizState {
    /// Earlier attempts, oldest first.
    pub attempts: Vec<AttemptView>,
    /// Whether each scored question was answered right in the latest attempt, by id.
    pub verdicts: HashMap<QuestionId, bool>,
    /// Whether the right answers are shown: once passed, or once no attempt is left.
    pub revealed: bool,
    /// Feedback per option of each question on the latest attempt; empty until `revealed`,
    /// so further attempts cannot be answered from it.
    pub feedback: HashMap<QuestionId, Vec<OptionFeedback>>,
    /// The options chosen in the latest attempt, per question id (also once revealed).
    pub chosen: HashMap<QuestionId, Vec<OptionId>>,
    /// Whether another attempt may start now.
    pub can_attempt: bool,
    /// Attempts left, when limited.
    pub attempts_left: Option<i32>,
    /// Minutes until the next attempt opens, when cooling down.
    pub wait_minutes: Option<i64>,
    /// A fresh one-time key for the next attempt's form.
    pub submission: String,
}

/// A reflection question with the learner's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReflectionView {
    /// Question id.
    pub question: QuestionId,
    /// The question.
    pub prompt: String,
    /// The answer so far.
    pub answer: String,
    /// Where it stands.
    pub state: ReflectionState,
    /// Whether a trainer reads it (otherwise it is accepted when sent).
    pub reviewed_by_trainer: bool,
    /// The trainer's comment.
    pub comment: Option<String>,
}

/// One lesson in the course player.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlayerLesson {
    /// The course's short name.
    pub slug: String,
    /// The lesson as learners see it (scored questions only; reflections are separate).
    pub lesson: LessonPage,
    /// Whether the lesson is completed.
    pub done: bool,
    /// Whether the lesson's module is locked; the text is then withheld.
    pub locked: bool,
    /// The module that must be completed first, when locked.
    pub waits_for: Option<String>,
    /// The learner's progress over the course.
    pub progress: MyProgress,
    /// The quiz, when the lesson has scored questions.
    pub quiz: Option<QuizState>,
    /// Reflection questions with the learner's answers.
    pub reflections: Vec<ReflectionView>,
}

/// What completing something did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Done {
    /// Whether the course is completed now.
    pub course_completed: bool,
}

/// One lesson in the course player.
#[server(endpoint = "learn/lesson")]
pub async fn load_player(lesson: LessonId) -> Result<PlayerLesson, AppError> {
    let db = super::ssr::db()?;
    let enrolled = super::ssr::reading(&db, lesson).await?;
    super::ssr::player(&db, &enrolled, lesson).await
}

/// Marks a lesson without a quiz as done.
#[server(endpoint = "learn/done")]
pub async fn mark_lesson_done(lesson: LessonId) -> Result<Done, AppError> {
    use crate::store::{db::begin_write, learning};
    let state = crate::api::context::state()?;
    let txn = begin_write(&state.db).await?;
    let enrolled = super::ssr::enrolled(&txn, lesson).await?;
    let now = chrono::Utc::now();
    let course_completed = learning::mark_done(&txn, &enrolled, lesson, now).await?;
    // Completing a course may complete a certification (or renew one, for a refresher).
    let mailed = course_completed && settle(&txn, &state, enrolled.enrolment.user_id, now).await?;
    txn.commit().await?;
    ring_if(mailed, &state);
    Ok(Done { course_completed })
}

/// Submits a quiz attempt. `answers` maps `q<question id>` to the chosen option id; for a
/// question with several right options each box is sent as `q<question>o<option>`.
#[server(endpoint = "learn/quiz")]
pub async fn submit_quiz(
    lesson: LessonId,
    submission: String,
    #[server(default)] answers: HashMap<String, String>,
) -> Result<Done, AppError> {
    use crate::{
        errors::Problem,
        store::{db::begin_write, learning},
    };
    if uuid::Uuid::parse_str(submission.trim()).is_err() {
        return Err(AppError::field("submission", Problem::NotAllowed));
    }
    let chosen = crate::domain::learning::grading::decode_answers(&answers)
        .ok_or_else(|| AppError::field("answers", Problem::NotAllowed))?;
    let state = crate::api::context::state()?;
    let db = state.db.clone();
    let txn = begin_write(&db).await?;
    let enrolled = super::ssr::enrolled(&txn, lesson).await?;
    let now = chrono::Utc::now();
    let result =
        learning::submit_attempt(&txn, &enrolled, lesson, submission.trim(), &chosen, now).await;
    match result {
        Ok(done) => {
            // A score may meet a programme's quiz requirement, a completion its course.
            let mailed = settle(&txn, &state, enrolled.enrolment.user_id, now).await?;
            txn.commit().await?;
            ring_if(mailed, &state);
            Ok(Done {
                course_completed: done.course_completed,
            })
        }
        Err(learning::LearningError::Busy) => {
            // Two tabs or a double click: if the same form won the race, that is its answer.
            drop(txn);
            match learning::attempt_by_submission(
                &db,
                enrolled.enrolment.id,
                lesson,
                submission.trim(),
            )
            .await?
            {
                Some(_) => Ok(Done {
                    course_completed: false,
                }),
                None => Err(AppError::Busy),
            }
        }
        Err(error) => Err(error.into()),
    }
}

/// Saves a reflection answer as a draft, or sends it (`send` set).
#[server(endpoint = "learn/reflection")]
pub async fn save_reflection(
    lesson: LessonId,
    question: QuestionId,
    answer: String,
    #[server(default)] send: Option<String>,
) -> Result<Done, AppError> {
    use crate::{
        domain::learning::reflections::{AnswerTextError, check_answer_text},
        errors::Problem,
        store::{db::begin_write, learning},
    };
    let send = send.is_some();
    let answer = answer.trim().to_owned();
    check_answer_text(&answer, send).map_err(|e| {
        AppError::field(
            "answer",
            match e {
                AnswerTextError::TooLong => Problem::TooLong,
                AnswerTextError::Required => Problem::Required,
            },
        )
    })?;
    let state = crate::api::context::state()?;
    let txn = begin_write(&state.db).await?;
    let enrolled = super::ssr::enrolled(&txn, lesson).await?;
    let now = chrono::Utc::now();
    let saved = learning::save_reflection(&txn, &enrolled, question, &answer, send, now).await?;
    let mailed = send && settle(&txn, &state, enrolled.enrolment.user_id, now).await?;
    txn.commit().await?;
    ring_if(mailed, &state);
    Ok(Done {
        course_completed: saved.course_completed,
    })
}

#[cfg(feature = "ssr")]
use crate::api::certification::ssr::settle;

/// Wakes the mail worker when a certificate's email was queued.
#[cfg(feature = "ssr")]
fn ring_if(mailed: bool, state: &crate::state::AppState) {
    if mailed {
        crate::mail::ring(&state.mail_wakeup);
    }
}

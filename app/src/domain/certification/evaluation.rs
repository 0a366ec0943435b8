//! Whether what a volunteer has done meets a programme, and what is still missing.

use super::programme::{CourseChoice, Programme, QuizChoice, ReflectionRule};
use crate::domain::{ids::CourseId, learning::ReflectionState};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a volunteer has done that a programme can count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    /// Per course, the highest version number the volunteer completed.
    pub completed: BTreeMap<CourseId, i32>,
    /// Per quiz, the volunteer's best score in percent.
    pub best_scores: BTreeMap<QuizChoice, u8>,
    /// The states of the volunteer's reflections in the programme's courses.
    pub reflections: Vec<ReflectionState>,
    /// Workshops of the programme the volunteer attended.
    pub workshops_attended: u32,
    /// Whether a trainer signed off the practical part.
    pub signed_off: bool,
}

/// One requirement not met yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Missing {
    /// A course to complete: any one of these.
    Course {
        /// The courses that count.
        any_of: Vec<CourseChoice>,
    },
    /// A quiz whose best score is still below the mark.
    Quiz {
        /// The quizzes that count.
        any_of: Vec<QuizChoice>,
        /// The score needed, in percent.
        min_percent: u8,
        /// The best score so far among them, if any attempt was made.
        best: Option<u8>,
    },
    /// Reflections a trainer has not accepted yet (or, when sending is enough, not sent).
    Reflections {
        /// Reflections still with the volunteer or waiting for a trainer.
        waiting: u32,
        /// Reflections the trainer sent back for another go.
        sent_back: u32,
    },
    /// Workshops still to attend.
    Workshops {
        /// Attended so far.
        attended: u32,
        /// Asked for.
        required: u32,
    },
    /// The practical part a trainer signs off.
    SignOff,
}

/// Where a volunteer stands against a programme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// Requirements are missing (an empty list: the programme asks for nothing and so
    /// certifies nobody).
    Incomplete(Vec<Missing>),
    /// Everything is met except the trainer's sign-off: the volunteer waits in the queue.
    AwaitingSignOff,
    /// Everything is met: the certificate is due.
    Met,
}

/// Weighs `evidence` against `programme`.
pub fn evaluate(programme: &Programme, evidence: &Evidence) -> Outcome {
    if !programme.asks_anything() {
        return Outcome::Incomplete(Vec::new());
    }
    let mut missing = Vec::new();
    for required in &programme.courses {
        let done = required.any_of.iter().any(|choice| {
            evidence
                .completed
                .get(&choice.course)
                .is_some_and(|&version| choice.min_version.is_none_or(|min| version >= min))
        });
        if !done {
            missing.push(Missing::Course {
                any_of: required.any_of.clone(),
            });
        }
    }
    for quiz in &programme.quizzes {
        let best = quiz
            .any_of
            .iter()
            .filter_map(|choice| evidence.best_scores.get(choice).copied())
            .max();
        if best.is_none_or(|best| best < quiz.min_percent) {
            missing.push(Missing::Quiz {
                any_of: quiz.any_of.clone(),
                min_percent: quiz.min_percent,
                best,
            });
        }
    }
    if let Some(reflections) = reflections_missing(programme.reflections, &evidence.reflections) {
        missing.push(reflections);
    }
    if evidence.workshops_attended < programme.workshops {
        missing.push(Missing::Workshops {
            attended: evidence.workshops_attended,
            required: programme.workshops,
        });
    }
    if !missing.is_empty() {
        if programme.sign_off && !evidence.signed_off {
            missing.push(Missing::SignOff);
        }
        return Outcome::Incomplete(missing);
    }
    if programme.sign_off && !evidence.signed_off {
        Outcome::AwaitingSignOff
    } else {
        Outcome::Met
    }
}

/// The reflections that do not yet satisfy `rule`, or `None` when they all do.
fn reflections_missing(rule: ReflectionRule, states: &[ReflectionState]) -> Option<Missing> {
    let sent_back = states
        .iter()
        .filter(|&&state| state == ReflectionState::Revise)
        .count() as u32;
    let waiting = states
        .iter()
        .filter(|&&state| match rule {
            ReflectionRule::Sent => state == ReflectionState::Draft,
            ReflectionRule::Accepted => {
                matches!(state, ReflectionState::Draft | ReflectionState::Submitted)
            }
        })
        .count() as u32;
    (waiting + sent_back > 0).then_some(Missing::Reflections { waiting, sent_back })
}

#[cfg(test)]
mod tests;

//! Grading a quiz attempt: whether the answers fit the quiz, and the score they earn.

use super::content::QuizQuestion;
use crate::domain::ids::{OptionId, QuestionId};
use std::collections::{BTreeSet, HashMap};

/// Chosen options per question.
pub type Answers = HashMap<QuestionId, BTreeSet<OptionId>>;

/// The answer key of one scored question: the ids of its right options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerKey {
    /// Question id.
    pub question: QuestionId,
    /// Ids of the options that are right.
    pub correct: BTreeSet<OptionId>,
}

impl QuizQuestion {
    /// The question's answer key: its right options.
    pub fn answer_key(&self) -> AnswerKey {
        AnswerKey {
            question: self.id,
            correct: self
                .options
                .iter()
                .filter(|o| o.correct)
                .map(|o| o.id)
                .collect(),
        }
    }
}

/// The result of marking one quiz attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    /// Scored questions answered right.
    pub right: u32,
    /// Scored questions in all.
    pub total: u32,
    /// Whole percent, rounded down; 100 when nothing is scored.
    pub percent: u8,
    /// Whether `percent` reaches the pass mark.
    pub passed: bool,
}

/// Why answers cannot be marked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// An answer names a question or option that is not in this quiz, or several options
    /// where one is asked for.
    #[error("answer does not fit the quiz")]
    DoesNotFit,
    /// These scored questions have no answer.
    #[error("unanswered questions")]
    Unanswered(Vec<QuestionId>),
}

/// Checks that `answers` fit the quiz's scored questions and answer each of them, and returns
/// their answer keys in quiz order. Reflections are not part of an attempt.
pub fn answer_keys(
    questions: &[QuizQuestion],
    answers: &Answers,
) -> Result<Vec<AnswerKey>, AnswerError> {
    let scored: Vec<&QuizQuestion> = questions.iter().filter(|q| q.scored()).collect();
    let mut keys = Vec::with_capacity(scored.len());
    let mut unanswered = Vec::new();
    for q in &scored {
        let known: BTreeSet<OptionId> = q.options.iter().map(|o| o.id).collect();
        match answers.get(&q.id) {
            None => unanswered.push(q.id),
            Some(chosen) if chosen.is_empty() => unanswered.push(q.id),
            Some(chosen) => {
                if !chosen.is_subset(&known) || (!q.allows_several() && chosen.len() > 1) {
                    return Err(AnswerError::DoesNotFit);
                }
            }
        }
        keys.push(q.answer_key());
    }
    if answers.keys().any(|id| !scored.iter().any(|q| q.id == *id)) {
        return Err(AnswerError::DoesNotFit);
    }
    if !unanswered.is_empty() {
        return Err(AnswerError::Unanswered(unanswered));
    }
    Ok(keys)
}

/// Marks an attempt: a question is right when exactly its right options were chosen.
/// `answers` holds, per question id, the chosen option ids.
pub fn mark(keys: &[AnswerKey], answers: &Answers, pass_mark: u8) -> Score {
    let total = u32::try_from(keys.len()).unwrap_or(u32::MAX);
    let right = keys
        .iter()
        .filter(|q| answers.get(&q.question) == Some(&q.correct))
        .count();
    let right = u32::try_from(right).unwrap_or(u32::MAX);
    let percent = (right * 100)
        .checked_div(total)
        .map_or(100, |p| u8::try_from(p).unwrap_or(100));
    Score {
        right,
        total,
        percent,
        passed: percent >= pass_mark,
    }
}

/// Whether each scored question was answered right, by question id.
pub fn verdicts(questions: &[QuizQuestion], answers: &Answers) -> HashMap<QuestionId, bool> {
    questions
        .iter()
        .filter(|q| q.scored())
        .map(|q| (q.id, answers.get(&q.id) == Some(&q.answer_key().correct)))
        .collect()
}

/// Reads a quiz form's fields into chosen options per question. A field is `q<question>`
/// holding the chosen option id, or `q<question>o<option>` (one box of several) holding that
/// same option id; keys start with a letter because form parsers read bare numbers as list
/// positions. `None` when any field does not fit that shape.
pub fn decode_answers(fields: &HashMap<String, String>) -> Option<Answers> {
    let mut chosen: Answers = HashMap::new();
    for (key, value) in fields {
        let key = key.strip_prefix('q')?;
        let question = key.split('o').next()?.parse::<QuestionId>().ok()?;
        let option = value.trim().parse::<OptionId>().ok()?;
        let fits = key
            .split_once('o')
            .is_none_or(|(_, o)| o.parse::<OptionId>().ok() == Some(option));
        if !fits {
            return None;
        }
        chosen.entry(question).or_default().insert(option);
    }
    Some(chosen)
}

#[cfg(test)]
mod tests;

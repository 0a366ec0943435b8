//! Reflections: written answers read by a trainer or accepted when sent, and what a lesson with
//! a quiz asks before it counts as completed.

use crate::domain::course::ReviewMode;

/// Longest reflection answer, in characters.
pub const MAX_REFLECTION: usize = 10_000;

/// Where a reflection answer stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ReflectionState {
    /// Saved while writing; only the learner sees it.
    Draft,
    /// Sent and waiting for a trainer.
    Submitted,
    /// Read and accepted.
    Accepted,
    /// The trainer asked for another go.
    Revise,
}

impl ReflectionState {
    /// Every state.
    pub const ALL: [ReflectionState; 4] = [
        ReflectionState::Draft,
        ReflectionState::Submitted,
        ReflectionState::Accepted,
        ReflectionState::Revise,
    ];

    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            ReflectionState::Draft => "draft",
            ReflectionState::Submitted => "submitted",
            ReflectionState::Accepted => "accepted",
            ReflectionState::Revise => "revise",
        }
    }

    /// Parses the stored form.
    pub fn parse(text: &str) -> Option<ReflectionState> {
        ReflectionState::ALL
            .into_iter()
            .find(|s| s.as_str() == text)
    }

    /// Whether the learner may still change the text.
    pub fn editable(self) -> bool {
        matches!(self, ReflectionState::Draft | ReflectionState::Revise)
    }

    /// Whether it counts as sent for the lesson's completion.
    pub fn sent(self) -> bool {
        matches!(self, ReflectionState::Submitted | ReflectionState::Accepted)
    }

    /// The state a save leaves: a draft unless sent; once sent, accepted at once when the
    /// question is accepted on submission, otherwise waiting for a trainer.
    pub fn after_save(send: bool, review: Option<ReviewMode>) -> ReflectionState {
        match (send, review) {
            (false, _) => ReflectionState::Draft,
            (true, Some(ReviewMode::OnSubmit)) => ReflectionState::Accepted,
            (true, _) => ReflectionState::Submitted,
        }
    }

    /// The state a trainer's review leaves.
    pub fn after_review(accept: bool) -> ReflectionState {
        if accept {
            ReflectionState::Accepted
        } else {
            ReflectionState::Revise
        }
    }
}

/// Why a reflection's text cannot be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AnswerTextError {
    /// Longer than [`MAX_REFLECTION`].
    #[error("too long")]
    TooLong,
    /// Sent empty.
    #[error("required")]
    Required,
}

/// Checks a (trimmed) answer: never longer than the limit, and not empty when sent.
pub fn check_answer_text(answer: &str, send: bool) -> Result<(), AnswerTextError> {
    if answer.chars().count() > MAX_REFLECTION {
        Err(AnswerTextError::TooLong)
    } else if send && answer.is_empty() {
        Err(AnswerTextError::Required)
    } else {
        Ok(())
    }
}

/// What a lesson with a quiz asks of the learner before it counts as completed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LessonRequirements {
    /// Whether the quiz has questions that are scored.
    pub scored: bool,
    /// Whether an attempt has passed.
    pub passed: bool,
    /// Reflection questions in the quiz.
    pub reflections: usize,
    /// Reflections sent (for review, or accepted).
    pub reflections_sent: usize,
}

impl LessonRequirements {
    /// Whether every requirement is met: a passed attempt where anything is scored, and every
    /// reflection sent. A trainer's review follows later and does not hold the lesson back.
    pub fn met(&self) -> bool {
        (!self.scored || self.passed) && self.reflections_sent >= self.reflections
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lesson_waits_for_a_pass_and_every_reflection() {
        let mut needs = LessonRequirements {
            scored: true,
            passed: false,
            reflections: 1,
            reflections_sent: 0,
        };
        assert!(!needs.met());
        needs.passed = true;
        assert!(!needs.met(), "the reflection is not sent");
        needs.reflections_sent = 1;
        assert!(needs.met());
        let reflections_only = LessonRequirements {
            scored: false,
            passed: false,
            reflections: 2,
            reflections_sent: 2,
        };
        assert!(reflections_only.met(), "nothing scored: no attempt needed");
    }

    #[test]
    fn saving_and_reviewing_move_the_state() {
        use ReflectionState::*;
        let cases = [
            (false, None, Draft),
            (false, Some(ReviewMode::OnSubmit), Draft),
            (true, None, Submitted),
            (true, Some(ReviewMode::Trainer), Submitted),
            (true, Some(ReviewMode::OnSubmit), Accepted),
        ];
        for (send, review, expected) in cases {
            assert_eq!(ReflectionState::after_save(send, review), expected);
        }
        assert_eq!(ReflectionState::after_review(true), Accepted);
        assert_eq!(ReflectionState::after_review(false), Revise);
        for state in ReflectionState::ALL {
            assert_eq!(ReflectionState::parse(state.as_str()), Some(state));
            assert_eq!(state.editable(), !state.sent());
        }
        assert_eq!(ReflectionState::parse("sent"), None);
    }

    #[test]
    fn answers_have_a_length_and_are_not_sent_empty() {
        assert_eq!(check_answer_text("", false), Ok(()));
        assert_eq!(check_answer_text("", true), Err(AnswerTextError::Required));
        let longest = "æ".repeat(MAX_REFLECTION);
        assert_eq!(check_answer_text(&longest, true), Ok(()));
        let over = format!("{longest}a");
        assert_eq!(
            check_answer_text(&over, false),
            Err(AnswerTextError::TooLong)
        );
    }
}

//! What can keep a course from being published, and where in the course it is.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Where in a course something is: numbers count from 1; `None` means the level above.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Module number.
    pub module: Option<usize>,
    /// Lesson number within the module.
    pub lesson: Option<usize>,
    /// Question number within the lesson's quiz.
    pub question: Option<usize>,
}

impl Place {
    pub(super) fn module(m: usize) -> Place {
        Place {
            module: Some(m + 1),
            ..Place::default()
        }
    }
    pub(super) fn lesson(m: usize, l: usize) -> Place {
        Place {
            lesson: Some(l + 1),
            ..Place::module(m)
        }
    }
    pub(super) fn question(self, q: usize) -> Place {
        Place {
            question: Some(q + 1),
            ..self
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = [
            self.module.map(|n| format!("module {n}")),
            self.lesson.map(|n| format!("lesson {n}")),
            self.question.map(|n| format!("question {n}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        f.write_str(&parts.join(", "))
    }
}

/// Something that keeps a course from being valid, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flaw {
    /// Where.
    pub place: Place,
    /// What.
    pub kind: FlawKind,
}

impl fmt::Display for Flaw {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place == Place::default() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.place, self.kind)
        }
    }
}

/// The kinds of [`Flaw`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum FlawKind {
    /// A required text is empty.
    #[error("a required text is empty")]
    Empty,
    /// A text is longer than allowed.
    #[error("a text is too long")]
    TooLong,
    /// A slug has characters other than a–z, 0–9 and single hyphens.
    #[error("the short name may only hold a-z, 0-9 and hyphens")]
    BadSlug,
    /// Two siblings share a slug.
    #[error("two items share a short name")]
    DuplicateSlug,
    /// The course has no modules.
    #[error("the course has no modules")]
    NoModules,
    /// A module has no lessons.
    #[error("the module has no lessons")]
    NoLessons,
    /// Minutes out of range.
    #[error("the estimated minutes must be between 1 and 600")]
    BadMinutes,
    /// Pass mark out of range.
    #[error("the pass mark must be between 0 and 100")]
    BadPassMark,
    /// The attempt limit or the cool-down is out of range.
    #[error("the attempt limit or the wait between attempts is out of range")]
    BadQuizLimits,
    /// A quiz with no questions.
    #[error("the quiz has no questions")]
    NoQuestions,
    /// Too few or too many options for the kind.
    #[error("the number of options does not fit the kind of question")]
    OptionCount,
    /// The right options do not fit the kind of question.
    #[error("the right answers do not fit the kind of question")]
    CorrectCount,
    /// A scenario without its case.
    #[error("a scenario needs its case")]
    MissingCase,
    /// A reflection without a review mode.
    #[error("a reflection must say how it is reviewed")]
    MissingReview,
    /// A field that belongs to another kind of question.
    #[error("the question has a field its kind does not use")]
    StrayField,
    /// The first module cannot require a previous one.
    #[error("the first module cannot require a previous one")]
    FirstRequiresPrevious,
}

//! The course document: a course, its modules, lessons, quizzes, questions and options.

use super::kinds::{QuestionKind, ReviewMode, Topic};
use crate::domain::language::Language;
use serde::{Deserialize, Serialize};

/// A whole course: what a bundle holds and what one version in the database holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseDoc {
    /// Short name used in addresses and bundle folders.
    pub slug: String,
    /// Title.
    pub title: String,
    /// The language it is written in.
    pub language: Language,
    /// One or two sentences for the catalogue.
    pub summary: String,
    /// Whether completing it counts towards the igangsætter certificate.
    pub leads_to_certificate: bool,
    /// Markdown introduction.
    pub body: String,
    /// Modules in order.
    pub modules: Vec<ModuleDoc>,
}

/// One module of a course.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleDoc {
    /// Short name (bundle folder name after the number).
    pub slug: String,
    /// Title.
    pub title: String,
    /// Topic tag.
    pub topic: Topic,
    /// Whether the previous module must be completed first.
    pub requires_previous: bool,
    /// One or two sentences.
    pub summary: String,
    /// Markdown introduction.
    pub body: String,
    /// Lessons in order.
    pub lessons: Vec<LessonDoc>,
}

/// One lesson: reading, optionally ending in a quiz.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonDoc {
    /// Short name (bundle file name after the number).
    pub slug: String,
    /// Title.
    pub title: String,
    /// Estimated minutes to read and answer.
    pub minutes: u32,
    /// Markdown body.
    pub body: String,
    /// The quiz at the end, if any.
    pub quiz: Option<QuizDoc>,
}

/// The quiz at the end of a lesson.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizDoc {
    /// Percentage of the scored questions needed to pass.
    pub pass_mark: u8,
    /// Attempts allowed; none means no limit.
    pub attempts: Option<u8>,
    /// Minutes a learner waits before trying again.
    pub cooldown_minutes: Option<u32>,
    /// Questions in order.
    pub questions: Vec<QuestionDoc>,
}

/// One question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionDoc {
    /// Kind.
    pub kind: QuestionKind,
    /// The case told before a scenario question.
    pub case: Option<String>,
    /// The question itself.
    pub prompt: String,
    /// Options (not for reflections).
    pub options: Vec<OptionDoc>,
    /// What a good reflection answer covers, shown to the trainer who reviews it.
    pub guidance: Option<String>,
    /// How a reflection is accepted.
    pub review: Option<ReviewMode>,
}

/// One option of a question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionDoc {
    /// What the learner reads.
    pub text: String,
    /// Whether choosing it is right.
    pub correct: bool,
    /// Shown after answering.
    pub explanation: String,
    /// Kept last when the options are shuffled (such as "none of these").
    #[serde(default)]
    pub pinned: bool,
}

/// Total estimated minutes of a course.
pub fn total_minutes(course: &CourseDoc) -> u32 {
    course
        .modules
        .iter()
        .flat_map(|m| &m.lessons)
        .map(|l| l.minutes)
        .sum()
}

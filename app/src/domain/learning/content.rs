//! A course version's content as the learning rules see it: modules with their lesson ids in
//! reading order, and quiz questions with their options. Titles and texts stay in the store.

use crate::domain::{
    course::QuestionKind,
    ids::{LessonId, OptionId, QuestionId},
};

/// A module's shape for progress: its lessons in order and whether it waits for the one before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleShape {
    /// Lesson ids in reading order.
    pub lessons: Vec<LessonId>,
    /// Whether the previous module must be completed first.
    pub requires_previous: bool,
}

/// One option of a quiz question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuizOption {
    /// Id.
    pub id: OptionId,
    /// Whether choosing it is right.
    pub correct: bool,
}

/// One question of a lesson's quiz.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuizQuestion {
    /// Id.
    pub id: QuestionId,
    /// Its kind.
    pub kind: QuestionKind,
    /// Its options in written order (none for a reflection).
    pub options: Vec<QuizOption>,
}

impl QuizQuestion {
    /// Whether it is scored against its options (a reflection is read, not scored).
    pub fn scored(&self) -> bool {
        self.kind.has_options()
    }

    /// Whether more than one option may be chosen.
    pub fn allows_several(&self) -> bool {
        self.kind == QuestionKind::MultipleChoice
    }
}

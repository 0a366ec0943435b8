//! Small sample courses and questions that the course rules are tried against.

use super::{
    doc::{CourseDoc, LessonDoc, ModuleDoc, OptionDoc, QuestionDoc, QuizDoc},
    kinds::{QuestionKind, Topic},
};
use crate::domain::language::Language;

pub(super) fn option(text: &str, correct: bool) -> OptionDoc {
    OptionDoc {
        text: text.into(),
        correct,
        explanation: "Because.".into(),
        pinned: false,
    }
}

pub(super) fn question(kind: QuestionKind, options: Vec<OptionDoc>) -> QuestionDoc {
    QuestionDoc {
        kind,
        case: None,
        prompt: "Why?".into(),
        options,
        guidance: None,
        review: None,
    }
}

pub(super) fn sample() -> CourseDoc {
    CourseDoc {
        slug: "sample".into(),
        title: "Sample".into(),
        language: Language::Da,
        summary: "S".into(),
        leads_to_certificate: false,
        body: String::new(),
        modules: vec![ModuleDoc {
            slug: "one".into(),
            title: "One".into(),
            topic: Topic::Values,
            requires_previous: false,
            summary: String::new(),
            body: String::new(),
            lessons: vec![LessonDoc {
                slug: "first".into(),
                title: "First".into(),
                minutes: 5,
                body: "Text".into(),
                quiz: Some(QuizDoc {
                    pass_mark: 80,
                    attempts: None,
                    cooldown_minutes: None,
                    questions: vec![question(
                        QuestionKind::SingleChoice,
                        vec![option("A", true), option("B", false)],
                    )],
                }),
            }],
        }],
    }
}

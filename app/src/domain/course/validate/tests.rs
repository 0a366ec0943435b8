//! Tests of the checks a course must pass before learners may see it.

use super::{question_flaws, validate};
use crate::domain::course::{
    FlawKind, QuestionKind, ReviewMode,
    fixtures::{option, question, sample},
};

#[test]
fn a_sound_course_has_no_flaws() {
    assert_eq!(validate(&sample()), vec![]);
}

#[test]
fn question_rules_follow_the_kind() {
    use FlawKind::*;
    use QuestionKind::*;
    let cases = [
        (
            question(SingleChoice, vec![option("A", true)]),
            vec![OptionCount],
        ),
        (
            question(SingleChoice, vec![option("A", true), option("B", true)]),
            vec![CorrectCount],
        ),
        (
            question(MultipleChoice, vec![option("A", true), option("B", true)]),
            vec![],
        ),
        (
            question(MultipleChoice, vec![option("A", false), option("B", false)]),
            vec![CorrectCount],
        ),
        (
            question(
                TrueFalse,
                vec![option("A", true), option("B", false), option("C", false)],
            ),
            vec![OptionCount],
        ),
        (
            question(Scenario, vec![option("A", true), option("B", false)]),
            vec![MissingCase],
        ),
        (question(Reflection, vec![]), vec![MissingReview]),
        (
            question(Reflection, vec![option("A", true), option("B", false)]),
            vec![StrayField, MissingReview],
        ),
    ];
    for (q, expected) in cases {
        assert_eq!(question_flaws(&q), expected, "{q:?}");
    }
    let mut q = question(Reflection, vec![]);
    q.review = Some(ReviewMode::Trainer);
    assert_eq!(question_flaws(&q), vec![]);
    q.case = Some("A case".into());
    assert_eq!(question_flaws(&q), vec![StrayField]);
}

#[test]
fn course_rules_name_the_place() {
    let mut course = sample();
    course.modules[0].requires_previous = true;
    course.modules[0].lessons[0].minutes = 0;
    course.modules[0].lessons[0]
        .quiz
        .as_mut()
        .unwrap()
        .pass_mark = 101;
    let flaws: Vec<String> = validate(&course).iter().map(ToString::to_string).collect();
    assert_eq!(
        flaws,
        vec![
            "module 1: the first module cannot require a previous one",
            "module 1, lesson 1: the estimated minutes must be between 1 and 600",
            "module 1, lesson 1: the pass mark must be between 0 and 100",
        ]
    );
    course.modules.push(course.modules[0].clone());
    assert!(
        validate(&course)
            .iter()
            .any(|f| f.kind == FlawKind::DuplicateSlug)
    );
    course.modules.clear();
    assert!(
        validate(&course)
            .iter()
            .any(|f| f.kind == FlawKind::NoModules)
    );
}

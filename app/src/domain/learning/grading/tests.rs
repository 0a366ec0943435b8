use super::*;
use crate::domain::course::QuestionKind;
use crate::domain::learning::content::QuizOption;
use proptest::prelude::*;

fn set(ids: &[i32]) -> BTreeSet<OptionId> {
    ids.iter().copied().map(OptionId::new).collect()
}

fn q(id: i32) -> QuestionId {
    QuestionId::new(id)
}

/// Answers from (question, options) numbers.
fn answers(given: &[(i32, &[i32])]) -> Answers {
    given
        .iter()
        .map(|(question, o)| (q(*question), set(o)))
        .collect()
}

fn question(id: i32, kind: QuestionKind, options: &[(i32, bool)]) -> QuizQuestion {
    QuizQuestion {
        id: q(id),
        kind,
        options: options
            .iter()
            .map(|&(id, correct)| QuizOption {
                id: OptionId::new(id),
                correct,
            })
            .collect(),
    }
}

fn quiz() -> Vec<QuizQuestion> {
    vec![
        question(1, QuestionKind::SingleChoice, &[(10, true), (11, false)]),
        question(
            2,
            QuestionKind::MultipleChoice,
            &[(20, true), (21, true), (22, false)],
        ),
        question(3, QuestionKind::Reflection, &[]),
    ]
}

#[test]
fn marking_needs_exactly_the_right_options() {
    let keys = [
        AnswerKey {
            question: q(1),
            correct: set(&[10]),
        },
        AnswerKey {
            question: q(2),
            correct: set(&[20, 21]),
        },
        AnswerKey {
            question: q(3),
            correct: set(&[30]),
        },
    ];
    let answers = answers(&[
        (1, &[10]),
        (2, &[20]),     // half of a multiple choice is wrong
        (3, &[30, 31]), // one extra option is wrong
        (99, &[1]),     // answers to other questions count for nothing
    ]);
    let score = mark(&keys, &answers, 34);
    assert_eq!((score.right, score.total, score.percent), (1, 3, 33));
    assert!(!score.passed, "33% does not reach 34%");
    assert!(mark(&keys, &answers, 33).passed);
    let all: Answers = keys
        .iter()
        .map(|q| (q.question, q.correct.clone()))
        .collect();
    assert_eq!(mark(&keys, &all, 100).percent, 100);
    // A quiz of reflections only has nothing to score and passes.
    assert!(mark(&[], &HashMap::new(), 80).passed);
}

/// Chosen options per question, and what checking them gives: the number of answer keys.
type Case = (&'static [(i32, &'static [i32])], Result<usize, AnswerError>);

#[test]
fn answers_must_fit_the_quiz_and_answer_every_scored_question() {
    let quiz = quiz();
    let cases: [Case; 7] = [
        (&[(1, &[10]), (2, &[20, 21])], Ok(2)),
        (&[(1, &[11]), (2, &[22])], Ok(2)),
        (&[(1, &[10])], Err(AnswerError::Unanswered(vec![q(2)]))),
        (
            &[(1, &[]), (2, &[20])],
            Err(AnswerError::Unanswered(vec![q(1)])),
        ),
        (&[(1, &[10, 11]), (2, &[20])], Err(AnswerError::DoesNotFit)),
        (&[(1, &[10]), (2, &[99])], Err(AnswerError::DoesNotFit)),
        (
            &[(1, &[10]), (2, &[20]), (3, &[1])],
            Err(AnswerError::DoesNotFit),
        ),
    ];
    for (given, expected) in cases {
        let got = answer_keys(&quiz, &answers(given)).map(|keys| keys.len());
        assert_eq!(got, expected, "answers {given:?}");
    }
}

#[test]
fn verdicts_name_each_scored_question() {
    let verdicts = verdicts(&quiz(), &answers(&[(1, &[10]), (2, &[20])]));
    assert_eq!(verdicts, HashMap::from([(q(1), true), (q(2), false)]));
}

#[test]
fn quiz_forms_decode_by_question_and_option() {
    let fields = |pairs: &[(&str, &str)]| -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    };
    assert_eq!(
        decode_answers(&fields(&[("q1", "10"), ("q2o20", "20"), ("q2o21", " 21 ")])),
        Some(answers(&[(1, &[10]), (2, &[20, 21])]))
    );
    assert_eq!(decode_answers(&fields(&[])), Some(HashMap::new()));
    for bad in [
        ("1", "10"),
        ("q", "10"),
        ("q1", "x"),
        ("q2o20", "21"),
        ("q2o", "2"),
    ] {
        assert_eq!(decode_answers(&fields(&[bad])), None, "{bad:?}");
    }
}

proptest! {
    #[test]
    fn the_right_options_always_pass(right in proptest::collection::vec(any::<bool>(), 1..6)) {
        let options: Vec<(i32, bool)> =
            right.iter().enumerate().map(|(i, c)| (i32::try_from(i).unwrap(), *c)).collect();
        let quiz = [question(1, QuestionKind::MultipleChoice, &options)];
        let chosen: BTreeSet<OptionId> =
            options.iter().filter(|o| o.1).map(|o| OptionId::new(o.0)).collect();
        prop_assume!(!chosen.is_empty());
        let answers = HashMap::from([(q(1), chosen)]);
        let keys = answer_keys(&quiz, &answers).unwrap();
        let score = mark(&keys, &answers, 100);
        prop_assert!(score.passed);
        prop_assert_eq!(score.percent, 100);
    }

    #[test]
    fn a_score_never_exceeds_its_questions(
        answered in proptest::collection::vec(any::<bool>(), 0..12),
        pass_mark in 0u8..=100,
    ) {
        let keys: Vec<AnswerKey> = (0..answered.len())
            .map(|i| AnswerKey { question: q(i32::try_from(i).unwrap()), correct: set(&[1]) })
            .collect();
        let answers: Answers = answered
            .iter()
            .enumerate()
            .map(|(i, right)| (q(i32::try_from(i).unwrap()), set(&[if *right { 1 } else { 2 }])))
            .collect();
        let score = mark(&keys, &answers, pass_mark);
        prop_assert!(score.right <= score.total);
        prop_assert!(score.percent <= 100);
        prop_assert_eq!(score.passed, score.percent >= pass_mark);
    }
}

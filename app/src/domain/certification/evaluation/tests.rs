use super::*;
use crate::domain::certification::programme::{CourseRequirement, QuizRequirement};

fn choice(n: i32, min_version: Option<i32>) -> CourseChoice {
    CourseChoice {
        course: course(n),
        min_version,
    }
}

fn quiz(n: i32, lesson: &str) -> QuizChoice {
    QuizChoice {
        course: course(n),
        lesson: lesson.into(),
    }
}
use proptest::prelude::*;

fn course(n: i32) -> CourseId {
    CourseId::new(n)
}

fn programme() -> Programme {
    Programme {
        courses: vec![CourseRequirement {
            any_of: vec![choice(1, Some(2)), choice(11, None)],
        }],
        quizzes: vec![QuizRequirement {
            any_of: vec![quiz(1, "values-quiz"), quiz(11, "verdier-quiz")],
            min_percent: 80,
        }],
        reflections: ReflectionRule::Accepted,
        workshops: 1,
        sign_off: false,
        validity_months: Some(24),
    }
}

fn all_done() -> Evidence {
    Evidence {
        completed: [(course(1), 2)].into(),
        best_scores: [(quiz(1, "values-quiz"), 80)].into(),
        reflections: vec![ReflectionState::Accepted],
        workshops_attended: 1,
        signed_off: false,
    }
}

#[test]
fn everything_done_meets_the_programme() {
    assert_eq!(evaluate(&programme(), &all_done()), Outcome::Met);
}

#[test]
fn each_gap_is_named() {
    type Change = fn(&mut Evidence);
    let cases: [(Change, Missing); 6] = [
        (
            |e| {
                e.completed.clear();
            },
            Missing::Course {
                any_of: vec![choice(1, Some(2)), choice(11, None)],
            },
        ),
        (
            |e| {
                e.completed.insert(course(1), 1);
            },
            Missing::Course {
                any_of: vec![choice(1, Some(2)), choice(11, None)],
            },
        ),
        (
            |e| {
                e.best_scores.insert(quiz(1, "values-quiz"), 79);
                e.best_scores.insert(quiz(11, "verdier-quiz"), 60);
            },
            Missing::Quiz {
                any_of: vec![quiz(1, "values-quiz"), quiz(11, "verdier-quiz")],
                min_percent: 80,
                best: Some(79),
            },
        ),
        (
            |e| e.reflections = vec![ReflectionState::Submitted, ReflectionState::Accepted],
            Missing::Reflections {
                waiting: 1,
                sent_back: 0,
            },
        ),
        (
            |e| e.reflections = vec![ReflectionState::Revise],
            Missing::Reflections {
                waiting: 0,
                sent_back: 1,
            },
        ),
        (
            |e| e.workshops_attended = 0,
            Missing::Workshops {
                attended: 0,
                required: 1,
            },
        ),
    ];
    for (change, expected) in cases {
        let mut evidence = all_done();
        change(&mut evidence);
        assert_eq!(
            evaluate(&programme(), &evidence),
            Outcome::Incomplete(vec![expected.clone()]),
            "{expected:?}"
        );
    }
}

#[test]
fn a_later_version_counts_and_any_version_counts_without_a_minimum() {
    let mut evidence = all_done();
    evidence.completed.insert(course(1), 5);
    assert_eq!(evaluate(&programme(), &evidence), Outcome::Met);
    let mut any = programme();
    any.courses[0].any_of[0].min_version = None;
    evidence.completed.insert(course(1), 1);
    assert_eq!(evaluate(&any, &evidence), Outcome::Met);
}

#[test]
fn the_course_and_quiz_in_another_language_count_the_same() {
    let mut evidence = all_done();
    evidence.completed = [(course(11), 1)].into();
    evidence.best_scores = [(quiz(11, "verdier-quiz"), 90)].into();
    assert_eq!(evaluate(&programme(), &evidence), Outcome::Met);
}

#[test]
fn sending_is_enough_when_the_programme_says_so_but_a_sent_back_reflection_holds() {
    let mut sent = programme();
    sent.reflections = ReflectionRule::Sent;
    let mut evidence = all_done();
    evidence.reflections = vec![ReflectionState::Submitted, ReflectionState::Accepted];
    assert_eq!(evaluate(&sent, &evidence), Outcome::Met);
    evidence.reflections.push(ReflectionState::Draft);
    evidence.reflections.push(ReflectionState::Revise);
    assert_eq!(
        evaluate(&sent, &evidence),
        Outcome::Incomplete(vec![Missing::Reflections {
            waiting: 1,
            sent_back: 1
        }])
    );
}

#[test]
fn sign_off_comes_last_and_is_named_while_other_things_are_missing() {
    let mut signed = programme();
    signed.sign_off = true;
    assert_eq!(evaluate(&signed, &all_done()), Outcome::AwaitingSignOff);
    let mut evidence = all_done();
    evidence.workshops_attended = 0;
    assert_eq!(
        evaluate(&signed, &evidence),
        Outcome::Incomplete(vec![
            Missing::Workshops {
                attended: 0,
                required: 1
            },
            Missing::SignOff
        ])
    );
    evidence = all_done();
    evidence.signed_off = true;
    assert_eq!(evaluate(&signed, &evidence), Outcome::Met);
}

#[test]
fn a_programme_that_asks_nothing_certifies_nobody() {
    let empty = Programme {
        courses: vec![],
        quizzes: vec![],
        reflections: ReflectionRule::Sent,
        workshops: 0,
        sign_off: false,
        validity_months: None,
    };
    assert_eq!(
        evaluate(&empty, &all_done()),
        Outcome::Incomplete(Vec::new())
    );
}

/// Something a volunteer does, in the order they happen to do it.
#[derive(Clone, Debug)]
enum Step {
    Complete(i32, i32),
    Score(i32, u8),
    Reflect(usize, ReflectionState),
    Attend,
    SignOff,
}

fn apply(evidence: &mut Evidence, step: &Step) {
    match step {
        Step::Complete(c, version) => {
            let best = evidence.completed.entry(course(*c)).or_insert(*version);
            *best = (*best).max(*version);
        }
        Step::Score(c, percent) => {
            let best = evidence
                .best_scores
                .entry(quiz(*c, "quiz"))
                .or_insert(*percent);
            *best = (*best).max(*percent);
        }
        Step::Reflect(index, state) => evidence.reflections[*index] = *state,
        Step::Attend => evidence.workshops_attended += 1,
        Step::SignOff => evidence.signed_off = true,
    }
}

/// A programme of `courses` courses (each with a quiz at 70 %, version 2 or later),
/// `reflections` reflections to be accepted, `workshops` workshops and maybe a sign-off;
/// the steps that meet it, and steps that meet nothing (an older version, a low score, a
/// draft or a sent-back reflection first).
fn scenario() -> impl Strategy<Value = (Programme, usize, Vec<Step>, Vec<Step>)> {
    (1..4i32, 0..3usize, 0..3u32, any::<bool>(), 0..6usize).prop_map(
        |(courses, reflections, workshops, sign_off, noise)| {
            let programme = Programme {
                courses: (1..=courses)
                    .map(|c| CourseRequirement {
                        any_of: vec![choice(c, Some(2))],
                    })
                    .collect(),
                quizzes: (1..=courses)
                    .map(|c| QuizRequirement {
                        any_of: vec![quiz(c, "quiz")],
                        min_percent: 70,
                    })
                    .collect(),
                reflections: ReflectionRule::Accepted,
                workshops,
                sign_off,
                validity_months: None,
            };
            let mut needed: Vec<Step> = (1..=courses)
                .flat_map(|c| [Step::Complete(c, 2), Step::Score(c, 70)])
                .collect();
            needed.extend((0..reflections).map(|i| Step::Reflect(i, ReflectionState::Accepted)));
            needed.extend((0..workshops).map(|_| Step::Attend));
            if sign_off {
                needed.push(Step::SignOff);
            }
            let noise = (0..noise)
                .map(|i| match i % 3 {
                    0 => Step::Complete(1, 1),
                    1 => Step::Score(1, 69),
                    _ => Step::Score(courses, 10),
                })
                .collect();
            (programme, reflections, needed, noise)
        },
    )
}

proptest! {
    /// Whatever the order, the certificate is due exactly once every needed step is done,
    /// and the sign-off queue holds the volunteer exactly when only the sign-off is left.
    #[test]
    fn the_certificate_is_due_exactly_when_everything_is_met(
        (programme, reflections, needed, noise) in scenario(),
        seed in any::<u64>(),
    ) {
        let mut steps: Vec<(bool, Step)> = needed.iter().cloned().map(|s| (true, s))
            .chain(noise.into_iter().map(|s| (false, s)))
            .collect();
        // A deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..steps.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            steps.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let mut evidence = Evidence {
            reflections: vec![ReflectionState::Submitted; reflections],
            ..Evidence::default()
        };
        let mut left = needed.len();
        for (is_needed, step) in &steps {
            apply(&mut evidence, step);
            if *is_needed {
                left -= 1;
            }
            let only_sign_off_left = programme.sign_off && !evidence.signed_off && left == 1;
            match evaluate(&programme, &evidence) {
                Outcome::Met => prop_assert_eq!(left, 0),
                Outcome::AwaitingSignOff => prop_assert!(only_sign_off_left),
                Outcome::Incomplete(missing) => {
                    prop_assert!(left > 0 && !only_sign_off_left);
                    prop_assert!(!missing.is_empty());
                }
            }
        }
        prop_assert_eq!(evaluate(&programme, &evidence), Outcome::Met);
    }
}

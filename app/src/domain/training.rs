//! Rules of the training dashboard: a course's funnel from enrolment to certificate, which
//! quiz questions learners miss most often, and how full a workshop is.

use crate::domain::ids::{OptionId, QuestionId};
use std::collections::{BTreeSet, HashMap};

/// How far a course's learners got, each stage counting those who reached at least it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Funnel {
    /// Learners who enrolled.
    pub enrolled: u64,
    /// Of those, who did at least half of their version's lessons (or completed it).
    pub halfway: u64,
    /// Who completed the course.
    pub completed: u64,
    /// Who completed it and hold a certificate of a programme the course counts toward.
    pub certified: u64,
}

impl Funnel {
    /// The stages in order, each as the share of the enrolled in whole percent (0 for none
    /// enrolled).
    pub fn percents(&self) -> [u64; 4] {
        let of = |n: u64| (n * 100).checked_div(self.enrolled).unwrap_or(0);
        [
            of(self.enrolled),
            of(self.halfway),
            of(self.completed),
            of(self.certified),
        ]
    }
}

/// Whether a learner who did `done` of `lessons` lessons is halfway: at least half of them.
/// The store's query counts the same way (`done * 2 >= lessons`).
pub fn halfway(done: u64, lessons: u64) -> bool {
    lessons > 0 && done * 2 >= lessons
}

/// How often one question was answered wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Missed {
    /// The question.
    pub question: QuestionId,
    /// Attempts that answered it.
    pub asked: u64,
    /// Of those, how many were wrong.
    pub missed: u64,
}

impl Missed {
    /// Wrong answers as whole percent of the attempts.
    pub fn percent(&self) -> u64 {
        (self.missed * 100).checked_div(self.asked).unwrap_or(0)
    }
}

/// Counts, over `attempts` (each the chosen options per question), how often each question
/// was answered wrong: right is exactly its right options, as grading marks it (`keys` holds
/// each scored question's right options). Questions no longer in `keys` are left out. The
/// result is ordered by wrong answers, then by share, then by question; questions never
/// missed are left out.
pub fn tally_missed(
    attempts: &[HashMap<QuestionId, BTreeSet<OptionId>>],
    keys: &HashMap<QuestionId, BTreeSet<OptionId>>,
) -> Vec<Missed> {
    let mut counts: HashMap<QuestionId, Missed> = HashMap::new();
    for answers in attempts {
        for (question, chosen) in answers {
            let Some(right) = keys.get(question) else {
                continue;
            };
            let entry = counts.entry(*question).or_insert(Missed {
                question: *question,
                asked: 0,
                missed: 0,
            });
            entry.asked += 1;
            if chosen != right {
                entry.missed += 1;
            }
        }
    }
    let mut missed: Vec<Missed> = counts.into_values().filter(|m| m.missed > 0).collect();
    missed.sort_by(|a, b| {
        b.missed
            .cmp(&a.missed)
            .then(b.percent().cmp(&a.percent()))
            .then(a.question.get().cmp(&b.question.get()))
    });
    missed
}

/// Seats taken as whole percent of the capacity, at most 100 (0 for no seats).
pub fn fill_percent(seated: u32, capacity: i32) -> u32 {
    let capacity = u32::try_from(capacity).unwrap_or(0);
    (seated.min(capacity) * 100)
        .checked_div(capacity)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn q(n: i32) -> QuestionId {
        QuestionId::new(n)
    }

    fn o(ids: &[i32]) -> BTreeSet<OptionId> {
        ids.iter().map(|n| OptionId::new(*n)).collect()
    }

    #[test]
    fn a_question_is_missed_unless_exactly_its_right_options_are_chosen() {
        let keys = HashMap::from([(q(1), o(&[10])), (q(2), o(&[20, 21]))]);
        let attempts = vec![
            HashMap::from([(q(1), o(&[10])), (q(2), o(&[20]))]),
            HashMap::from([(q(1), o(&[11])), (q(2), o(&[20, 21]))]),
            HashMap::from([(q(1), o(&[11])), (q(2), o(&[20, 21, 22]))]),
            // A question since removed from the course is not counted.
            HashMap::from([(q(3), o(&[30]))]),
        ];
        let missed = tally_missed(&attempts, &keys);
        assert_eq!(
            missed,
            vec![
                Missed {
                    question: q(1),
                    asked: 3,
                    missed: 2
                },
                Missed {
                    question: q(2),
                    asked: 3,
                    missed: 2
                },
            ]
        );
        assert_eq!(missed[0].percent(), 66);
    }

    #[test]
    fn funnel_shares_and_workshop_fill() {
        let funnel = Funnel {
            enrolled: 8,
            halfway: 6,
            completed: 4,
            certified: 1,
        };
        assert_eq!(funnel.percents(), [100, 75, 50, 12]);
        assert_eq!(Funnel::default().percents(), [0, 0, 0, 0]);
        assert_eq!(fill_percent(3, 12), 25);
        assert_eq!(fill_percent(14, 12), 100);
        assert_eq!(fill_percent(3, 0), 0);
        assert!(halfway(2, 4) && halfway(3, 5) && !halfway(2, 5) && !halfway(0, 0));
    }

    proptest! {
        /// Wrong answers never outnumber the attempts, and the list is in falling order.
        #[test]
        fn missed_counts_stay_within_attempts(
            picks in proptest::collection::vec(proptest::collection::vec((1i32..5, 1i32..4), 1..4), 0..40)
        ) {
            let keys: HashMap<QuestionId, BTreeSet<OptionId>> =
                (1..5).map(|n| (q(n), o(&[1]))).collect();
            let attempts: Vec<_> = picks
                .iter()
                .map(|a| a.iter().map(|(question, option)| (q(*question), o(&[*option]))).collect())
                .collect();
            let missed = tally_missed(&attempts, &keys);
            for m in &missed {
                prop_assert!(m.missed <= m.asked && m.asked <= attempts.len() as u64);
            }
            for pair in missed.windows(2) {
                prop_assert!(pair[0].missed >= pair[1].missed);
            }
        }
    }
}

//! Whether a course's quizzes can be passed by habit rather than by reading: the right
//! option always in the same place, every true/false answer the same, every multiple-choice
//! question opening with a right option. Options are shuffled for learners, but the written
//! order is what trainers and exports see, and a habit in it shows a habit in the writing.

use super::course::{CourseDoc, QuestionKind};

/// Most share of single-answer questions whose right option may sit in any one place.
const MAX_SHARE_IN_ONE_PLACE: f64 = 0.4;
/// Least share of true/false questions whose answer is "true", and of those whose is "false".
const MIN_SHARE_EACH_ANSWER: f64 = 0.3;
/// Most share of multiple-choice questions that may open with a right option.
const MAX_SHARE_OPENING_RIGHT: f64 = 0.6;
/// Fewest questions of a kind before shares are judged.
const ENOUGH: usize = 4;

/// What was counted in one course.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Balance {
    /// Single-choice and scenario questions by the place (from 0) of their right option.
    pub right_by_place: Vec<usize>,
    /// True/false questions whose answer is "true" (the first option).
    pub true_answers: usize,
    /// True/false questions whose answer is "false".
    pub false_answers: usize,
    /// Multiple-choice questions in all.
    pub multiple: usize,
    /// Multiple-choice questions whose first option is right.
    pub multiple_opening_right: usize,
}

/// A habit found in the written order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Habit {
    /// The right option sits at this place (from 0) in this share of single-answer questions.
    SamePlace {
        /// The place.
        place: usize,
        /// Its share.
        share: f64,
    },
    /// True/false answers lean one way: the share that is "true".
    TrueFalseLean(f64),
    /// This share of multiple-choice questions opens with a right option.
    OpensRight(f64),
}

/// Counts where the right answers sit in `course`'s quizzes.
pub fn balance(course: &CourseDoc) -> Balance {
    let mut counted = Balance::default();
    let questions = course
        .modules
        .iter()
        .flat_map(|m| &m.lessons)
        .filter_map(|l| l.quiz.as_ref())
        .flat_map(|q| &q.questions);
    for question in questions {
        let first_right = question.options.first().is_some_and(|o| o.correct);
        match question.kind {
            QuestionKind::SingleChoice | QuestionKind::Scenario => {
                if let Some(place) = question.options.iter().position(|o| o.correct) {
                    if counted.right_by_place.len() <= place {
                        counted.right_by_place.resize(place + 1, 0);
                    }
                    counted.right_by_place[place] += 1;
                }
            }
            QuestionKind::TrueFalse if first_right => counted.true_answers += 1,
            QuestionKind::TrueFalse => counted.false_answers += 1,
            QuestionKind::MultipleChoice => {
                counted.multiple += 1;
                counted.multiple_opening_right += usize::from(first_right);
            }
            QuestionKind::Reflection => {}
        }
    }
    counted
}

fn share(part: usize, whole: usize) -> f64 {
    part as f64 / whole as f64
}

impl Balance {
    /// The habits a learner could pass by; empty when the quizzes are balanced.
    pub fn habits(&self) -> Vec<Habit> {
        let mut found = Vec::new();
        let single: usize = self.right_by_place.iter().sum();
        if single >= ENOUGH {
            for (place, &count) in self.right_by_place.iter().enumerate() {
                let share = share(count, single);
                if share > MAX_SHARE_IN_ONE_PLACE {
                    found.push(Habit::SamePlace { place, share });
                }
            }
        }
        let true_false = self.true_answers + self.false_answers;
        if true_false >= ENOUGH {
            let trues = share(self.true_answers, true_false);
            if trues < MIN_SHARE_EACH_ANSWER || 1.0 - trues < MIN_SHARE_EACH_ANSWER {
                found.push(Habit::TrueFalseLean(trues));
            }
        }
        if self.multiple >= ENOUGH {
            let opening = share(self.multiple_opening_right, self.multiple);
            if opening > MAX_SHARE_OPENING_RIGHT {
                found.push(Habit::OpensRight(opening));
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counted(
        right_by_place: &[usize],
        trues: usize,
        falses: usize,
        multiple: (usize, usize),
    ) -> Balance {
        Balance {
            right_by_place: right_by_place.to_vec(),
            true_answers: trues,
            false_answers: falses,
            multiple: multiple.0,
            multiple_opening_right: multiple.1,
        }
    }

    #[test]
    fn balanced_quizzes_show_no_habit() {
        assert_eq!(counted(&[3, 3, 2, 3], 3, 3, (5, 2)).habits(), vec![]);
    }

    #[test]
    fn the_right_option_first_every_time_is_a_habit() {
        assert_eq!(
            counted(&[10], 3, 3, (0, 0)).habits(),
            vec![Habit::SamePlace {
                place: 0,
                share: 1.0
            }]
        );
    }

    #[test]
    fn every_true_false_answer_false_is_a_habit() {
        assert_eq!(
            counted(&[], 0, 6, (0, 0)).habits(),
            vec![Habit::TrueFalseLean(0.0)]
        );
        assert_eq!(
            counted(&[], 6, 0, (0, 0)).habits(),
            vec![Habit::TrueFalseLean(1.0)]
        );
    }

    #[test]
    fn multiple_choice_opening_right_by_habit_is_found() {
        assert_eq!(
            counted(&[], 0, 0, (5, 5)).habits(),
            vec![Habit::OpensRight(1.0)]
        );
    }

    #[test]
    fn a_few_questions_are_not_judged() {
        assert_eq!(counted(&[3], 0, 3, (3, 3)).habits(), vec![]);
    }
}

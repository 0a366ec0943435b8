//! The outcome survey a centre hands a group's participants once the group goes on by itself
//! or ends: five statements about what such groups give people, each answered on a scale
//! from 1 (not at all) to 5 (very much). An answer carries no identity and no time finer
//! than its month, and a group's answers are shown only as totals once there are enough of
//! them that no single person's answer can be picked out.

use serde::{Deserialize, Serialize};

/// The fewest answers before any figure is shown.
pub const MIN_ANSWERS: usize = 5;
/// The lowest and highest point of the scale.
pub const LOWEST: u8 = 1;
pub const HIGHEST: u8 = 5;
/// Days a survey link takes answers after it was made.
pub const OPEN_DAYS: i64 = 120;

/// What the survey asks about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Statement {
    /// Being seen and heard in the group.
    SeenAndHeard,
    /// Feeling less alone.
    LessAlone,
    /// Insight into one's own situation.
    Insight,
    /// Talking about what is hard.
    TalkingAboutIt,
    /// Mastering one's situation.
    Mastery,
}

impl Statement {
    /// Every statement, in the order asked.
    pub const ALL: [Statement; 5] = [
        Statement::SeenAndHeard,
        Statement::LessAlone,
        Statement::Insight,
        Statement::TalkingAboutIt,
        Statement::Mastery,
    ];

    /// The form field and stored column name.
    pub fn key(self) -> &'static str {
        match self {
            Statement::SeenAndHeard => "seen",
            Statement::LessAlone => "less_alone",
            Statement::Insight => "insight",
            Statement::TalkingAboutIt => "talking",
            Statement::Mastery => "mastery",
        }
    }
}

/// One participant's answer: a point of the scale per statement, in [`Statement::ALL`]
/// order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer(pub [u8; 5]);

/// Why an answer was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerFlaw {
    /// A statement was left unanswered.
    Missing(Statement),
    /// A value outside the scale.
    OutOfScale(Statement),
}

impl Answer {
    /// Reads an answer from the form's values, looked up by statement key.
    pub fn read(value: impl Fn(&str) -> Option<String>) -> Result<Answer, AnswerFlaw> {
        let mut points = [0u8; 5];
        for (slot, statement) in points.iter_mut().zip(Statement::ALL) {
            let text = value(statement.key()).unwrap_or_default();
            let text = text.trim();
            if text.is_empty() {
                return Err(AnswerFlaw::Missing(statement));
            }
            match text.parse::<u8>() {
                Ok(point) if (LOWEST..=HIGHEST).contains(&point) => *slot = point,
                _ => return Err(AnswerFlaw::OutOfScale(statement)),
            }
        }
        Ok(Answer(points))
    }
}

/// Whether a group's centre may open its survey: once it goes on by itself or has ended.
pub fn may_open(status: crate::domain::groups::GroupStatus) -> bool {
    use crate::domain::groups::GroupStatus::*;
    matches!(status, SelfLed | Ended)
}

/// The month an answer is filed under, `YYYY-MM`: nothing finer is kept.
#[cfg(feature = "ssr")]
pub fn month_of(date: chrono::NaiveDate) -> String {
    date.format("%Y-%m").to_string()
}

/// The figures for one statement.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The statement.
    pub statement: Statement,
    /// Mean point, one decimal.
    pub mean: f64,
    /// Percent answering 4 or 5, rounded.
    pub agree_percent: u32,
}

/// The totals of a group's answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// How many answered.
    pub answers: usize,
    /// A figure per statement, in [`Statement::ALL`] order.
    pub figures: Vec<Figure>,
}

/// The totals of `answers` (given in the order they came), or nothing while there are fewer
/// than [`MIN_ANSWERS`]. The totals move only in whole steps of [`MIN_ANSWERS`] answers: they
/// are taken over the first multiple of it, so comparing the figures before and after one
/// more answer never shows what that one person answered.
pub fn summarise(answers: &[Answer]) -> Option<Summary> {
    let counted = answers.len() - answers.len() % MIN_ANSWERS;
    if counted == 0 {
        return None;
    }
    let answers = &answers[..counted];
    let count = answers.len() as f64;
    let figures = Statement::ALL
        .iter()
        .enumerate()
        .map(|(n, statement)| {
            let sum: u32 = answers.iter().map(|a| u32::from(a.0[n])).sum();
            let agree = answers.iter().filter(|a| a.0[n] >= 4).count() as f64;
            Figure {
                statement: *statement,
                mean: (f64::from(sum) / count * 10.0).round() / 10.0,
                agree_percent: (agree / count * 100.0).round() as u32,
            }
        })
        .collect();
    Some(Summary {
        answers: answers.len(),
        figures,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn form<'a>(values: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |key| {
            values
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn an_answer_needs_every_statement_on_the_scale() {
        let full = [
            ("seen", "5"),
            ("less_alone", "4"),
            ("insight", "3"),
            ("talking", "2"),
            ("mastery", "1"),
        ];
        assert_eq!(Answer::read(form(&full)), Ok(Answer([5, 4, 3, 2, 1])));
        let mut missing = full;
        missing[2] = ("insight", " ");
        assert_eq!(
            Answer::read(form(&missing)),
            Err(AnswerFlaw::Missing(Statement::Insight))
        );
        for bad in ["0", "6", "x", "-1", "3.5"] {
            let mut wrong = full;
            wrong[4] = ("mastery", bad);
            assert_eq!(
                Answer::read(form(&wrong)),
                Err(AnswerFlaw::OutOfScale(Statement::Mastery)),
                "{bad}"
            );
        }
    }

    #[test]
    fn figures_show_from_five_answers() {
        let four = vec![Answer([5, 5, 4, 3, 1]); 4];
        assert_eq!(summarise(&four), None);
        let mut five = four.clone();
        five.push(Answer([1, 5, 4, 3, 1]));
        let summary = summarise(&five).unwrap();
        assert_eq!(summary.answers, 5);
        assert_eq!(summary.figures[0].mean, 4.2);
        assert_eq!(summary.figures[0].agree_percent, 80);
        assert_eq!(summary.figures[1].agree_percent, 100);
        assert_eq!(summary.figures[3].agree_percent, 0);
        assert_eq!(summary.figures[4].mean, 1.0);
    }

    #[test]
    fn a_survey_opens_once_the_group_goes_on_by_itself_or_ends() {
        use crate::domain::groups::GroupStatus::*;
        assert!(may_open(SelfLed) && may_open(Ended));
        assert!(!may_open(Seeking) && !may_open(Matched) && !may_open(Running));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn only_the_month_is_kept() {
        let date = chrono::NaiveDate::from_ymd_opt(2027, 3, 9).unwrap();
        assert_eq!(month_of(date), "2027-03");
    }

    #[test]
    fn the_totals_move_in_steps_of_five() {
        let mut answers = vec![Answer([4, 4, 4, 4, 4]); 5];
        let five = summarise(&answers).unwrap();
        for n in 6..10 {
            answers.push(Answer([1, 1, 1, 1, 1]));
            assert_eq!(summarise(&answers).unwrap(), five, "{n} answers");
        }
        answers.push(Answer([1, 1, 1, 1, 1]));
        let ten = summarise(&answers).unwrap();
        assert_eq!(ten.answers, 10);
        assert_eq!(ten.figures[0].mean, 2.5);
    }

    proptest! {
        /// Below the threshold nothing shows; from it, every figure lies within the scale.
        #[test]
        fn nothing_shows_below_the_threshold_and_figures_stay_in_range(
            answers in proptest::collection::vec(proptest::array::uniform5(1u8..=5), 0..40)
        ) {
            let answers: Vec<Answer> = answers.into_iter().map(Answer).collect();
            match summarise(&answers) {
                None => prop_assert!(answers.len() < MIN_ANSWERS),
                Some(summary) => {
                    prop_assert!(answers.len() >= MIN_ANSWERS);
                    prop_assert_eq!(summary.answers, answers.len() - answers.len() % MIN_ANSWERS);
                    for figure in summary.figures {
                        prop_assert!((1.0..=5.0).contains(&figure.mean));
                        prop_assert!(figure.agree_percent <= 100);
                    }
                }
            }
        }
    }
}

//! How a learner's answers and completed lessons turn into scores, unlocked modules, progress
//! and completion. Plain functions over plain data, so every rule is tested without a database.

use std::collections::{BTreeSet, HashSet};

/// A scored question as marking sees it: the ids of its right options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    /// Question id.
    pub question: i32,
    /// Ids of the options that are right.
    pub correct: BTreeSet<i32>,
}

/// The result of marking one quiz attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    /// Scored questions answered right.
    pub right: u32,
    /// Scored questions in all.
    pub total: u32,
    /// Whole percent, rounded down; 100 when nothing is scored.
    pub percent: u8,
    /// Whether `percent` reaches the pass mark.
    pub passed: bool,
}

/// Marks an attempt: a question is right when exactly its right options were chosen.
/// `answers` holds, per question id, the chosen option ids.
pub fn mark(
    questions: &[Marked],
    answers: &std::collections::HashMap<i32, BTreeSet<i32>>,
    pass_mark: u8,
) -> Score {
    let total = u32::try_from(questions.len()).unwrap_or(u32::MAX);
    let right = questions
        .iter()
        .filter(|q| answers.get(&q.question) == Some(&q.correct))
        .count();
    let right = u32::try_from(right).unwrap_or(u32::MAX);
    let percent = (right * 100)
        .checked_div(total)
        .map_or(100, |p| u8::try_from(p).unwrap_or(100));
    Score {
        right,
        total,
        percent,
        passed: percent >= pass_mark,
    }
}

/// Whether another attempt may start now, given earlier attempts' start times (seconds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttemptRule {
    /// Go ahead.
    Allowed,
    /// The limit of attempts is reached.
    NoneLeft,
    /// Wait this many seconds more.
    CoolingDown(i64),
}

/// Applies a quiz's attempt limit and cool-down to the learner's earlier attempts.
pub fn next_attempt(
    earlier: &[i64],
    limit: Option<u32>,
    cooldown_seconds: Option<i64>,
    now: i64,
) -> AttemptRule {
    if limit.is_some_and(|limit| earlier.len() >= limit as usize) {
        return AttemptRule::NoneLeft;
    }
    match (earlier.iter().max(), cooldown_seconds) {
        (Some(last), Some(cooldown)) if now < last + cooldown => {
            AttemptRule::CoolingDown(last + cooldown - now)
        }
        _ => AttemptRule::Allowed,
    }
}

/// A module's shape for progress: its lessons in order and whether it waits for the one before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleShape {
    /// Lesson ids in reading order.
    pub lessons: Vec<i32>,
    /// Whether the previous module must be completed first.
    pub requires_previous: bool,
}

/// Where one module stands for a learner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleProgress {
    /// Whether the learner may open it.
    pub unlocked: bool,
    /// Lessons completed.
    pub done: usize,
    /// Lessons in all.
    pub total: usize,
}

impl ModuleProgress {
    /// Whether every lesson is completed (a module without lessons counts as completed).
    pub fn complete(&self) -> bool {
        self.done >= self.total
    }
}

/// Where a whole course stands for a learner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseProgress {
    /// Per module, in order.
    pub modules: Vec<ModuleProgress>,
    /// Whole percent of lessons completed, rounded down.
    pub percent: u8,
    /// The first lesson not yet completed in an unlocked module, if any.
    pub next: Option<i32>,
    /// Whether every lesson of every module is completed.
    pub complete: bool,
}

/// Computes a learner's progress from the lessons they have completed.
pub fn progress(modules: &[ModuleShape], completed: &HashSet<i32>) -> CourseProgress {
    let mut out = Vec::with_capacity(modules.len());
    let mut previous_complete = true;
    let mut next = None;
    for module in modules {
        let unlocked = !module.requires_previous || previous_complete;
        let done = module
            .lessons
            .iter()
            .filter(|l| completed.contains(l))
            .count();
        let state = ModuleProgress {
            unlocked,
            done,
            total: module.lessons.len(),
        };
        if unlocked && next.is_none() {
            next = module
                .lessons
                .iter()
                .find(|l| !completed.contains(l))
                .copied();
        }
        previous_complete = state.complete();
        out.push(state);
    }
    let total: usize = out.iter().map(|m| m.total).sum();
    let done: usize = out.iter().map(|m| m.done.min(m.total)).sum();
    let percent = (done * 100)
        .checked_div(total)
        .map_or(0, |p| u8::try_from(p).unwrap_or(100));
    CourseProgress {
        complete: total > 0 && out.iter().all(ModuleProgress::complete),
        modules: out,
        percent,
        next,
    }
}

/// What a lesson with a quiz asks of the learner before it counts as completed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LessonRequirements {
    /// Whether the quiz has questions that are scored.
    pub scored: bool,
    /// Whether an attempt has passed.
    pub passed: bool,
    /// Reflection questions in the quiz.
    pub reflections: usize,
    /// Reflections sent (for review, or accepted).
    pub reflections_sent: usize,
}

impl LessonRequirements {
    /// Whether every requirement is met: a passed attempt where anything is scored, and every
    /// reflection sent. A trainer's review follows later and does not hold the lesson back.
    pub fn met(&self) -> bool {
        (!self.scored || self.passed) && self.reflections_sent >= self.reflections
    }
}

/// Days without activity after which a learner who has started counts as stuck.
pub const STUCK_AFTER_DAYS: i64 = 30;

/// Where a reflection answer stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ReflectionState {
    /// Saved while writing; only the learner sees it.
    Draft,
    /// Sent and waiting for a trainer.
    Submitted,
    /// Read and accepted.
    Accepted,
    /// The trainer asked for another go.
    Revise,
}

impl ReflectionState {
    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            ReflectionState::Draft => "draft",
            ReflectionState::Submitted => "submitted",
            ReflectionState::Accepted => "accepted",
            ReflectionState::Revise => "revise",
        }
    }

    /// Parses the stored form; anything unknown reads as a draft.
    pub fn parse(text: &str) -> ReflectionState {
        match text {
            "submitted" => ReflectionState::Submitted,
            "accepted" => ReflectionState::Accepted,
            "revise" => ReflectionState::Revise,
            _ => ReflectionState::Draft,
        }
    }

    /// Whether the learner may still change the text.
    pub fn editable(self) -> bool {
        matches!(self, ReflectionState::Draft | ReflectionState::Revise)
    }

    /// Whether it counts as sent for the lesson's completion.
    pub fn sent(self) -> bool {
        matches!(self, ReflectionState::Submitted | ReflectionState::Accepted)
    }
}

/// Where a learner stands in a course, as trainers filter it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LearnerStatus {
    /// Enrolled, nothing done yet.
    NotStarted,
    /// Active within the last 30 days.
    InProgress,
    /// Started, not completed, nothing done for more than 30 days.
    Stuck,
    /// Every lesson completed.
    Completed,
}

impl LearnerStatus {
    /// Every status, in the order filters list them.
    pub const ALL: [LearnerStatus; 4] = [
        LearnerStatus::NotStarted,
        LearnerStatus::InProgress,
        LearnerStatus::Stuck,
        LearnerStatus::Completed,
    ];

    /// Stored and query-string form.
    pub fn as_str(self) -> &'static str {
        match self {
            LearnerStatus::NotStarted => "not_started",
            LearnerStatus::InProgress => "in_progress",
            LearnerStatus::Stuck => "stuck",
            LearnerStatus::Completed => "completed",
        }
    }

    /// Parses the query-string form.
    pub fn parse(text: &str) -> Option<LearnerStatus> {
        LearnerStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    #[cfg(feature = "ssr")]
    /// The status of an enrolment. Enrolling sets the last activity to the start time; any
    /// completed lesson, attempt or reflection moves it on.
    pub fn of(
        started_at: chrono::DateTime<chrono::Utc>,
        last_activity_at: chrono::DateTime<chrono::Utc>,
        completed: bool,
        now: chrono::DateTime<chrono::Utc>,
    ) -> LearnerStatus {
        if completed {
            LearnerStatus::Completed
        } else if last_activity_at <= started_at {
            LearnerStatus::NotStarted
        } else if now - last_activity_at > chrono::Duration::days(STUCK_AFTER_DAYS) {
            LearnerStatus::Stuck
        } else {
            LearnerStatus::InProgress
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn set(ids: &[i32]) -> BTreeSet<i32> {
        ids.iter().copied().collect()
    }

    #[test]
    fn marking_needs_exactly_the_right_options() {
        let questions = [
            Marked {
                question: 1,
                correct: set(&[10]),
            },
            Marked {
                question: 2,
                correct: set(&[20, 21]),
            },
            Marked {
                question: 3,
                correct: set(&[30]),
            },
        ];
        let answers: HashMap<i32, BTreeSet<i32>> = [
            (1, set(&[10])),
            (2, set(&[20])),     // half of a multiple choice is wrong
            (3, set(&[30, 31])), // one extra option is wrong
            (99, set(&[1])),     // answers to other questions count for nothing
        ]
        .into();
        let score = mark(&questions, &answers, 34);
        assert_eq!((score.right, score.total, score.percent), (1, 3, 33));
        assert!(!score.passed, "33% does not reach 34%");
        assert!(mark(&questions, &answers, 33).passed);
        let all: HashMap<i32, BTreeSet<i32>> = questions
            .iter()
            .map(|q| (q.question, q.correct.clone()))
            .collect();
        assert_eq!(mark(&questions, &all, 100).percent, 100);
        // A quiz of reflections only has nothing to score and passes.
        assert!(mark(&[], &HashMap::new(), 80).passed);
    }

    #[test]
    fn attempts_follow_the_limit_and_the_cool_down() {
        assert_eq!(
            next_attempt(&[], Some(1), Some(600), 0),
            AttemptRule::Allowed
        );
        assert_eq!(next_attempt(&[0], Some(1), None, 10), AttemptRule::NoneLeft);
        assert_eq!(
            next_attempt(&[0, 100], None, Some(600), 400),
            AttemptRule::CoolingDown(300)
        );
        assert_eq!(
            next_attempt(&[0, 100], None, Some(600), 700),
            AttemptRule::Allowed
        );
        assert_eq!(
            next_attempt(&[0, 100, 200], None, None, 201),
            AttemptRule::Allowed
        );
    }

    #[test]
    fn modules_unlock_in_order_and_completion_is_immediate() {
        let modules = [
            ModuleShape {
                lessons: vec![1, 2],
                requires_previous: false,
            },
            ModuleShape {
                lessons: vec![3],
                requires_previous: true,
            },
            ModuleShape {
                lessons: vec![4],
                requires_previous: false,
            },
        ];
        let none = progress(&modules, &HashSet::new());
        assert_eq!(
            none.modules.iter().map(|m| m.unlocked).collect::<Vec<_>>(),
            [true, false, true]
        );
        assert_eq!(
            (none.percent, none.next, none.complete),
            (0, Some(1), false)
        );

        let first = progress(&modules, &[1].into());
        assert_eq!((first.percent, first.next), (25, Some(2)));
        let module_one = progress(&modules, &[1, 2].into());
        assert!(module_one.modules[1].unlocked);
        assert_eq!(module_one.next, Some(3));
        // Out of order is fine where nothing is locked.
        let skipped = progress(&modules, &[4].into());
        assert_eq!(skipped.next, Some(1));
        let all = progress(&modules, &[1, 2, 3, 4].into());
        assert_eq!((all.percent, all.next, all.complete), (100, None, true));
        // Lessons of another version do not count.
        let foreign = progress(&modules, &[7, 8, 9].into());
        assert_eq!(foreign.percent, 0);
        assert!(!progress(&[], &HashSet::new()).complete);
    }

    #[test]
    fn a_lesson_waits_for_a_pass_and_every_reflection() {
        let mut needs = LessonRequirements {
            scored: true,
            passed: false,
            reflections: 1,
            reflections_sent: 0,
        };
        assert!(!needs.met());
        needs.passed = true;
        assert!(!needs.met(), "the reflection is not sent");
        needs.reflections_sent = 1;
        assert!(needs.met());
        let reflections_only = LessonRequirements {
            scored: false,
            passed: false,
            reflections: 2,
            reflections_sent: 2,
        };
        assert!(reflections_only.met(), "nothing scored: no attempt needed");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn learner_status_follows_activity() {
        use chrono::{Duration, TimeZone, Utc};
        let start = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
        let now = start + Duration::days(60);
        assert_eq!(
            LearnerStatus::of(start, start, false, now),
            LearnerStatus::NotStarted
        );
        let active = now - Duration::days(3);
        assert_eq!(
            LearnerStatus::of(start, active, false, now),
            LearnerStatus::InProgress
        );
        let quiet = now - Duration::days(31);
        assert_eq!(
            LearnerStatus::of(start, quiet, false, now),
            LearnerStatus::Stuck
        );
        assert_eq!(
            LearnerStatus::of(start, quiet, true, now),
            LearnerStatus::Completed
        );
        for status in LearnerStatus::ALL {
            assert_eq!(LearnerStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(LearnerStatus::parse("nope"), None);
    }
}

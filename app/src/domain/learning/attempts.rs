//! Quiz attempts: the limit and the cool-down, what the learner is told about them, and when
//! the right answers are shown.

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

/// A quiz's limits as the lesson stores them: attempts allowed and minutes between attempts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QuizLimits {
    /// Attempts allowed, when limited.
    pub max_attempts: Option<i32>,
    /// Minutes to wait between attempts; zero or none means no wait.
    pub cooldown_minutes: Option<i32>,
}

impl QuizLimits {
    /// Whether another attempt may start at `now`, after attempts made at `earlier` (seconds).
    pub fn rule(&self, earlier: &[i64], now: i64) -> AttemptRule {
        next_attempt(
            earlier,
            self.max_attempts.and_then(|n| u32::try_from(n).ok()),
            self.cooldown_minutes
                .filter(|m| *m > 0)
                .map(|m| i64::from(m) * 60),
            now,
        )
    }
}

/// Attempts left after `made`, when the quiz limits them; never below zero.
pub fn attempts_left(max_attempts: Option<i32>, made: usize) -> Option<i32> {
    max_attempts.map(|max| (max - i32::try_from(made).unwrap_or(i32::MAX)).max(0))
}

/// Whole minutes until the next attempt opens, rounded up, when cooling down.
pub fn wait_minutes(rule: AttemptRule) -> Option<i64> {
    match rule {
        AttemptRule::CoolingDown(seconds) => Some((seconds.max(1) + 59) / 60),
        _ => None,
    }
}

/// Whether the right answers are shown: once the quiz is passed or no attempt is left. Before
/// that the learner learns which questions were right, not which options, so further attempts
/// cannot be answered from the feedback.
pub fn answers_revealed(passed: bool, rule: AttemptRule) -> bool {
    passed || rule == AttemptRule::NoneLeft
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn stored_limits_read_as_the_rule() {
        let cases = [
            (None, None, &[][..], 0, AttemptRule::Allowed),
            (Some(2), None, &[0, 10][..], 20, AttemptRule::NoneLeft),
            (Some(-1), None, &[0][..], 20, AttemptRule::Allowed),
            (None, Some(0), &[0][..], 1, AttemptRule::Allowed),
            (None, Some(5), &[0][..], 60, AttemptRule::CoolingDown(240)),
        ];
        for (max_attempts, cooldown_minutes, earlier, now, expected) in cases {
            let limits = QuizLimits {
                max_attempts,
                cooldown_minutes,
            };
            assert_eq!(limits.rule(earlier, now), expected, "{limits:?}");
        }
    }

    #[test]
    fn what_the_learner_is_told() {
        assert_eq!(attempts_left(None, 3), None);
        assert_eq!(attempts_left(Some(3), 1), Some(2));
        assert_eq!(attempts_left(Some(3), 5), Some(0));
        assert_eq!(wait_minutes(AttemptRule::CoolingDown(1)), Some(1));
        assert_eq!(wait_minutes(AttemptRule::CoolingDown(60)), Some(1));
        assert_eq!(wait_minutes(AttemptRule::CoolingDown(61)), Some(2));
        assert_eq!(wait_minutes(AttemptRule::CoolingDown(0)), Some(1));
        assert_eq!(wait_minutes(AttemptRule::Allowed), None);
        assert!(answers_revealed(true, AttemptRule::Allowed));
        assert!(answers_revealed(false, AttemptRule::NoneLeft));
        assert!(!answers_revealed(false, AttemptRule::CoolingDown(5)));
    }
}

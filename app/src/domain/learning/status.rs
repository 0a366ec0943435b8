//! Where a learner stands in a course, as trainers and coordinators filter their learners.
//! The store filters by the same rule in SQL; a store test keeps the two in agreement.

/// Days without activity after which a learner who has started counts as stuck.
pub const STUCK_AFTER_DAYS: i64 = 30;

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

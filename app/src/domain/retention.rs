//! Removing accounts nobody uses: when an organisation sets a retention period, an account
//! whose owner has not signed in for that long is removed, after a warning by mail a month
//! before. Administrators' accounts are never removed this way.

use chrono::{DateTime, Duration, Utc};

/// Days between the warning and the removal.
pub const WARNING_DAYS: i64 = 30;
/// The shortest and longest retention period an organisation may set, in years.
pub const MIN_YEARS: i64 = 1;
pub const MAX_YEARS: i64 = 20;

/// What is due for an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// Nothing yet.
    Nothing,
    /// Tell the owner it will be removed in [`WARNING_DAYS`] days unless they sign in.
    Warn,
    /// Remove it.
    Remove,
}

/// The length of `years` retention, counted in whole days of 365.
pub fn period(years: i64) -> Duration {
    Duration::days(365 * years)
}

/// What is due at `now` for an account last in use at `last_active`, warned at `warned`,
/// under a retention period of `years`. It is never removed before [`WARNING_DAYS`] after
/// its warning, however long it has been unused.
pub fn due(
    last_active: DateTime<Utc>,
    warned: Option<DateTime<Utc>>,
    years: i64,
    now: DateTime<Utc>,
) -> Due {
    let ends = last_active + period(years);
    match warned {
        None if now >= ends - Duration::days(WARNING_DAYS) => Due::Warn,
        None => Due::Nothing,
        Some(at) if now >= ends.max(at + Duration::days(WARNING_DAYS)) => Due::Remove,
        Some(_) => Due::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(n: i64) -> DateTime<Utc> {
        DateTime::<Utc>::UNIX_EPOCH + Duration::days(n)
    }

    #[test]
    fn a_warning_a_month_before_then_removal() {
        let active = day(0);
        let ends = 365 * 2;
        assert_eq!(due(active, None, 2, day(ends - 31)), Due::Nothing);
        assert_eq!(due(active, None, 2, day(ends - 30)), Due::Warn);
        let warned = Some(day(ends - 30));
        assert_eq!(due(active, warned, 2, day(ends - 1)), Due::Nothing);
        assert_eq!(due(active, warned, 2, day(ends)), Due::Remove);
    }

    #[test]
    fn an_account_found_long_unused_still_gets_its_month() {
        let warned = Some(day(5000));
        assert_eq!(due(day(0), None, 2, day(5000)), Due::Warn);
        assert_eq!(due(day(0), warned, 2, day(5029)), Due::Nothing);
        assert_eq!(due(day(0), warned, 2, day(5030)), Due::Remove);
    }

    proptest! {
        /// Whenever removal is due, a warning went out at least a month before, and the
        /// account was unused for the whole period.
        #[test]
        fn removal_always_follows_a_warning_and_the_whole_period(
            active in 0i64..20_000,
            warned in proptest::option::of(0i64..30_000),
            years in MIN_YEARS..=MAX_YEARS,
            now in 0i64..40_000,
        ) {
            if due(day(active), warned.map(day), years, day(now)) == Due::Remove {
                let warned = warned.expect("warned before removal");
                prop_assert!(now - warned >= WARNING_DAYS);
                prop_assert!(day(now) >= day(active) + period(years));
            }
        }
    }
}

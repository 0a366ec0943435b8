//! When a failed outgoing message is tried again.

use std::time::Duration;

/// Exponential back-off: `base * 2^(attempt-1)`, never more than `cap`.
///
/// `attempt` counts the failed attempts so far (1 after the first failure).
pub fn retry_delay(attempt: u32, base: Duration, cap: Duration) -> Duration {
    let exponent = attempt.saturating_sub(1).min(31);
    base.checked_mul(1u32 << exponent)
        .map_or(cap, |delay| delay.min(cap))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_from_the_base_and_stops_at_the_cap() {
        let base = Duration::from_secs(30);
        let cap = Duration::from_secs(3600);
        let delays: Vec<u64> = (1..=9)
            .map(|a| retry_delay(a, base, cap).as_secs())
            .collect();
        assert_eq!(delays, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    }

    #[test]
    fn huge_attempt_counts_do_not_overflow() {
        let cap = Duration::from_secs(3600);
        assert_eq!(retry_delay(u32::MAX, Duration::from_secs(30), cap), cap);
        assert_eq!(
            retry_delay(0, Duration::from_millis(50), cap),
            Duration::from_millis(50)
        );
    }
}

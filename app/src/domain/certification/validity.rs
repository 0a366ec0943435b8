//! How long a certificate holds, whether it holds now, when its holder is reminded, and
//! when completing the refresher renews it.

use serde::{Deserialize, Serialize};

/// Whether a certificate holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CertificateStatus {
    /// Issued, not expired, not revoked.
    Valid,
    /// Its validity ran out.
    Expired,
    /// An administrator withdrew it.
    Revoked,
}

/// Days before expiry at which the holder is reminded, the earliest first.
pub const REMINDER_DAYS: [i64; 3] = [90, 30, 7];

/// Days before expiry from which the refresher renews a certificate.
pub const RENEWAL_WINDOW_DAYS: i64 = 90;

/// Why completing the refresher did not renew a certificate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoRenewal {
    /// The certificate does not expire.
    NeverExpires,
    /// The certificate was revoked.
    Revoked,
    /// Expiry is further away than the renewal window.
    TooEarly,
}

#[cfg(feature = "ssr")]
mod timed {
    use super::*;
    use chrono::{DateTime, Duration, Months, Utc};

    /// When a certificate issued at `from` expires, for a validity of `months` (`None`: never).
    pub fn expires_at(from: DateTime<Utc>, months: Option<u32>) -> Option<DateTime<Utc>> {
        months.map(|m| {
            from.checked_add_months(Months::new(m))
                .unwrap_or(DateTime::<Utc>::MAX_UTC)
        })
    }

    /// Whether a certificate holds at `now`. Revocation wins over expiry.
    pub fn status(
        expires_at: Option<DateTime<Utc>>,
        revoked_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> CertificateStatus {
        if revoked_at.is_some_and(|at| at <= now) {
            CertificateStatus::Revoked
        } else if expires_at.is_some_and(|at| at <= now) {
            CertificateStatus::Expired
        } else {
            CertificateStatus::Valid
        }
    }

    /// The reminder due at `now` (its days before expiry), given the last one sent. Only the
    /// most pressing one is sent when several came due at once (after a pause), and none
    /// after expiry.
    pub fn reminder_due(
        expires_at: DateTime<Utc>,
        last_sent: Option<i64>,
        now: DateTime<Utc>,
    ) -> Option<i64> {
        if now >= expires_at {
            return None;
        }
        let due = REMINDER_DAYS
            .into_iter()
            .filter(|days| expires_at - Duration::days(*days) <= now)
            .min()?;
        last_sent.is_none_or(|last| due < last).then_some(due)
    }

    /// The new expiry when the refresher is completed at `now`: a full validity period from
    /// the old expiry, or from `now` when it has already passed.
    pub fn renewal(
        expires_at: Option<DateTime<Utc>>,
        revoked: bool,
        months: Option<u32>,
        now: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, NoRenewal> {
        if revoked {
            return Err(NoRenewal::Revoked);
        }
        let (Some(expiry), Some(_)) = (expires_at, months) else {
            return Err(NoRenewal::NeverExpires);
        };
        if now < expiry - Duration::days(RENEWAL_WINDOW_DAYS) {
            return Err(NoRenewal::TooEarly);
        }
        super::expires_at(expiry.max(now), months).ok_or(NoRenewal::NeverExpires)
    }
}

#[cfg(feature = "ssr")]
pub use timed::{expires_at, reminder_due, renewal, status};

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use chrono::{DateTime, Duration, TimeZone, Utc};

    fn day(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()
    }

    #[test]
    fn validity_runs_whole_months_and_may_be_endless() {
        assert_eq!(
            expires_at(day(2026, 1, 31), Some(24)),
            Some(day(2028, 1, 31))
        );
        assert_eq!(
            expires_at(day(2026, 8, 31), Some(6)),
            Some(day(2027, 2, 28))
        );
        assert_eq!(expires_at(day(2026, 1, 31), None), None);
    }

    #[test]
    fn revocation_wins_over_expiry_and_expiry_is_at_the_instant() {
        let end = day(2028, 1, 31);
        assert_eq!(
            status(Some(end), None, end - Duration::seconds(1)),
            CertificateStatus::Valid
        );
        assert_eq!(status(Some(end), None, end), CertificateStatus::Expired);
        assert_eq!(status(None, None, end), CertificateStatus::Valid);
        assert_eq!(
            status(Some(end), Some(day(2027, 1, 1)), end),
            CertificateStatus::Revoked
        );
        assert_eq!(
            status(None, Some(day(2027, 1, 1)), day(2026, 12, 1)),
            CertificateStatus::Valid,
            "a revocation takes effect from its date"
        );
    }

    #[test]
    fn each_reminder_is_due_once_and_a_late_pass_sends_only_the_most_pressing() {
        let end = day(2028, 1, 31);
        assert_eq!(reminder_due(end, None, end - Duration::days(91)), None);
        assert_eq!(reminder_due(end, None, end - Duration::days(90)), Some(90));
        assert_eq!(reminder_due(end, Some(90), end - Duration::days(60)), None);
        assert_eq!(
            reminder_due(end, Some(90), end - Duration::days(30)),
            Some(30)
        );
        assert_eq!(reminder_due(end, None, end - Duration::days(8)), Some(30));
        assert_eq!(reminder_due(end, None, end - Duration::days(3)), Some(7));
        assert_eq!(reminder_due(end, Some(7), end - Duration::days(1)), None);
        assert_eq!(reminder_due(end, None, end), None, "none after expiry");
    }

    #[test]
    fn the_refresher_renews_inside_the_window_without_losing_time() {
        let end = day(2028, 1, 31);
        assert_eq!(
            renewal(Some(end), false, Some(24), end - Duration::days(91)),
            Err(NoRenewal::TooEarly)
        );
        assert_eq!(
            renewal(Some(end), false, Some(24), end - Duration::days(30)),
            Ok(day(2030, 1, 31))
        );
        assert_eq!(
            renewal(Some(end), false, Some(24), day(2028, 3, 1)),
            Ok(day(2030, 3, 1)),
            "after expiry, a new period from the renewal"
        );
        assert_eq!(
            renewal(Some(end), true, Some(24), end),
            Err(NoRenewal::Revoked)
        );
        assert_eq!(
            renewal(None, false, None, end),
            Err(NoRenewal::NeverExpires)
        );
    }
}

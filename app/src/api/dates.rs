//! Moments as the pages show them, written out on the server: dates and times in UTC.

/// A moment's day as `YYYY-MM-DD` (UTC).
pub fn date(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

/// A moment as `YYYY-MM-DD HH:MM` (UTC).
pub fn time(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

/// The clock workshops are planned by: Denmark and Norway keep the same one (CET/CEST).
pub(crate) const LOCAL: chrono_tz::Tz = chrono_tz::Europe::Copenhagen;

/// The local date at `at`.
pub fn local_date(at: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDate {
    at.with_timezone(&LOCAL).date_naive()
}

/// A moment on the local clock, as `YYYY-MM-DD HH:MM`.
pub fn local_time(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&LOCAL)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// A moment on the local clock in the form a `datetime-local` field sends and shows
/// (`YYYY-MM-DDTHH:MM`).
pub fn local_input(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&LOCAL)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

/// Reads a `datetime-local` field (`YYYY-MM-DDTHH:MM`, seconds allowed) as local time. A time
/// skipped when the clocks go forward is read as the moment after the gap.
pub fn parse_local(text: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    use chrono::{NaiveDateTime, TimeZone};
    let text = text.trim();
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    let local = LOCAL.from_local_datetime(&naive).earliest().or_else(|| {
        LOCAL
            .from_local_datetime(&(naive + chrono::Duration::hours(1)))
            .earliest()
    })?;
    Some(local.with_timezone(&chrono::Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_follow_the_danish_and_norwegian_clock() {
        let winter = parse_local("2026-12-10T17:00").unwrap();
        assert_eq!(time(winter), "2026-12-10 16:00");
        assert_eq!(local_time(winter), "2026-12-10 17:00");
        let summer = parse_local("2027-06-10T17:00:00").unwrap();
        assert_eq!(time(summer), "2027-06-10 15:00");
        assert_eq!(local_input(summer), "2027-06-10T17:00");
        // 02:30 does not exist on the last Sunday of March.
        assert_eq!(
            local_time(parse_local("2027-03-28T02:30").unwrap()),
            "2027-03-28 03:30"
        );
        assert_eq!(parse_local("10/12/2026 17:00"), None);
    }
}

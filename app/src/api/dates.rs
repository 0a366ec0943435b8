//! Moments as the pages show them, written out on the server: dates and times in UTC.

/// A moment's day as `YYYY-MM-DD` (UTC).
pub fn date(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

/// A moment as `YYYY-MM-DD HH:MM` (UTC).
pub fn time(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

//! How long the texts of a course may be and how far its numbers may go.

/// Longest title of a course, module or lesson, in characters.
pub const MAX_TITLE: usize = 160;
/// Longest summary, in characters.
pub const MAX_SUMMARY: usize = 600;
/// Longest Markdown body, in characters.
pub const MAX_BODY: usize = 60_000;
/// Longest question, option or feedback text, in characters.
pub const MAX_TEXT: usize = 4_000;
/// Most options a question may offer.
pub const MAX_OPTIONS: usize = 12;
/// Most minutes a single lesson may be estimated at.
pub const MAX_MINUTES: u32 = 600;
/// Most attempts a quiz may limit learners to.
pub const MAX_ATTEMPTS: u8 = 20;
/// Longest cool-down between quiz attempts: one week.
pub const MAX_COOLDOWN_MINUTES: u32 = 7 * 24 * 60;

//! The portable course bundle: a folder (or zip) of Markdown files with YAML front matter.
//!
//! ```text
//! course.md                      slug, title, language, summary, leads_to_certificate
//! 01-<module>/module.md          title, topic, requires_previous, summary
//! 01-<module>/01-<lesson>.md     title, minutes, quiz (pass_mark, attempts, cooldown_minutes, questions)
//! media/<sha256>.<ext>           images the texts refer to as /media/<sha256>.<ext>
//! ```
//!
//! Writing is canonical and reading accepts exactly what writing produces (plus any YAML that
//! means the same), so a bundle read and written again is byte-for-byte the same.

use super::course::CourseDoc;
use std::collections::BTreeMap;

mod archive;
mod error;
mod front;
mod read;
mod write;
mod yaml;

pub use archive::{unzip, zip_files};
pub use error::BundleError;
pub use read::{is_media_name, read};
pub use write::write;

/// Largest bundle accepted, unpacked, in bytes.
pub const MAX_BUNDLE_BYTES: u64 = 40 * 1024 * 1024;
/// Most files a bundle may hold.
pub const MAX_FILES: usize = 2_000;
/// Largest single text file, in bytes.
pub const MAX_TEXT_FILE: u64 = 512 * 1024;

/// A course and the images it uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bundle {
    /// The course.
    pub course: CourseDoc,
    /// Images by file name (`<sha256>.<ext>`), as referred to from `/media/`.
    pub media: BTreeMap<String, Vec<u8>>,
}

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;

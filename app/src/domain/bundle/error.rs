//! What can go wrong when a course bundle is read, told so its author can fix the files.

/// Why a bundle could not be read.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    /// There is no `course.md`.
    #[error("the bundle has no course.md")]
    NoCourseFile,
    /// A file does not start with front matter between `---` lines.
    #[error("{0}: the file must start with front matter between two --- lines")]
    NoFrontMatter(String),
    /// The front matter is not valid YAML, or has unknown or missing fields.
    #[error("{file}: {message}")]
    FrontMatter {
        /// The file.
        file: String,
        /// What the YAML reader said.
        message: String,
    },
    /// A field holds a value that is not allowed.
    #[error("{file}: {field} cannot be {value:?}")]
    BadValue {
        /// The file.
        file: String,
        /// The field.
        field: &'static str,
        /// The value.
        value: String,
    },
    /// A file or folder name is not `NN-short-name`.
    #[error("{0}: names must look like 01-short-name")]
    BadName(String),
    /// Two modules or lessons share a number.
    #[error("{0}: two items share this number")]
    DuplicateNumber(String),
    /// A file that has no place in a bundle.
    #[error("{0}: this file has no place in a course bundle")]
    Unexpected(String),
    /// A text file is not UTF-8.
    #[error("{0}: the file is not UTF-8 text")]
    NotText(String),
    /// Too many files, or too many bytes.
    #[error("the bundle is too large")]
    TooLarge,
    /// The zip file could not be read.
    #[error("the zip file cannot be read: {0}")]
    Zip(String),
}

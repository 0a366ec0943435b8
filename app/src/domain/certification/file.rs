//! A programme as a file, `programme.yaml`: the sibling of a course bundle, naming courses
//! and quiz lessons by their short names so it reads the same on every installation and can
//! be reviewed like a course. The same text is what an administrator edits in the browser.
//!
//! ```yaml
//! slug: certificeret-igangsaetter
//! title: { da: Certificeret igangsætter, nb: Sertifisert igangsetter, en: Certified group starter }
//! criteria: { da: ..., nb: ..., en: ... }
//! reflections: sent            # or accepted
//! workshops: 1
//! sign_off: Co-started a group # optional: the practical part a trainer signs off
//! validity_months: 24          # optional: for good when left out
//! courses:                     # each: any one of the courses listed
//!   - any_of: [{ course: igangsaetteruddannelse }, { course: group-starter-training, min_version: 2 }]
//! quizzes:                     # each: the best attempt in any one of the quizzes listed
//!   - any_of: [{ course: igangsaetteruddannelse, lesson: værdierne }]
//!     min_percent: 80
//! refreshers: [opfriskning-igangsaetter]
//! ```

mod convert;

pub use convert::{Resolved, resolve, to_file};

use super::{Localized, ReflectionRule};
use crate::domain::{course::is_slug, language::Language};
use serde::{Deserialize, Serialize};

/// Longest title, in characters.
pub const MAX_TITLE: usize = 120;
/// Longest criteria text, in characters.
pub const MAX_CRITERIA: usize = 2_000;
/// Longest description of the practical part, in characters.
pub const MAX_SIGN_OFF: usize = 500;
/// Most workshops a programme may ask for.
pub const MAX_WORKSHOPS: u32 = 10;
/// Longest validity, in months.
pub const MAX_VALIDITY_MONTHS: u32 = 120;
/// Most entries in each list (courses, quizzes, refreshers, alternatives).
pub const MAX_ENTRIES: usize = 20;
/// Largest file, in bytes.
pub const MAX_FILE_BYTES: usize = 64 * 1024;

/// A course named in a programme file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseRef {
    /// The course's short name.
    pub course: String,
    /// The lowest version that counts; any when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_version: Option<i32>,
}

/// A course to complete: any one of those listed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseEntry {
    /// The courses that count.
    pub any_of: Vec<CourseRef>,
}

/// A quiz named in a programme file: the lesson holding it, in a course.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizRef {
    /// The course's short name.
    pub course: String,
    /// The lesson's short name.
    pub lesson: String,
}

/// A quiz score to reach: in any one of the quizzes listed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizEntry {
    /// The quizzes that count.
    pub any_of: Vec<QuizRef>,
    /// The lowest best score that counts, in percent.
    pub min_percent: u8,
}

/// A programme as written in its file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeFile {
    /// Its short name, fixed once saved (credentials name the programme by it).
    pub slug: String,
    /// Its title per language.
    pub title: Localized,
    /// What earns it, per language.
    pub criteria: Localized,
    /// `sent` or `accepted`.
    pub reflections: String,
    /// In-person workshops to attend.
    #[serde(default)]
    pub workshops: u32,
    /// The practical part a trainer signs off; none when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_off: Option<String>,
    /// Months a certificate holds; for good when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity_months: Option<u32>,
    /// Courses to complete.
    #[serde(default)]
    pub courses: Vec<CourseEntry>,
    /// Quiz scores to reach.
    #[serde(default)]
    pub quizzes: Vec<QuizEntry>,
    /// Courses whose completion renews a certificate.
    #[serde(default)]
    pub refreshers: Vec<String>,
}

/// What is wrong with a programme file, each shown to the person editing it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProgrammeFlaw {
    /// The text is not a programme file: bad YAML, an unknown or missing field.
    Unreadable {
        /// The line, when known.
        line: Option<usize>,
        /// What the reader said.
        message: String,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge,
    /// The short name is not lowercase letters, digits and single hyphens.
    BadSlug,
    /// A title is empty or longer than [`MAX_TITLE`].
    BadTitle(Language),
    /// A criteria text is empty or longer than [`MAX_CRITERIA`].
    BadCriteria(Language),
    /// `reflections` is neither `sent` nor `accepted`.
    BadReflections,
    /// More than [`MAX_WORKSHOPS`] workshops.
    TooManyWorkshops,
    /// Validity outside 1 to [`MAX_VALIDITY_MONTHS`] months.
    BadValidity,
    /// The practical part is described by an empty or overlong text.
    BadSignOff,
    /// A course or quiz entry lists nothing, or a list is longer than [`MAX_ENTRIES`].
    BadList,
    /// A minimum version below 1.
    BadVersion,
    /// A quiz minimum outside 1 to 100 percent.
    BadPercent,
    /// Nothing is asked: no course, quiz, workshop or practical part.
    AsksNothing,
    /// No course has this short name.
    UnknownCourse(String),
    /// The course has no lesson with a quiz by this short name.
    UnknownQuiz {
        /// The course's short name.
        course: String,
        /// The lesson's short name.
        lesson: String,
    },
    /// The short name was changed; it is fixed once saved.
    SlugChanged,
    /// Another programme has this short name.
    SlugTaken,
}

impl std::fmt::Display for ProgrammeFlaw {
    /// In English, for the command line and logs; pages word each flaw in their language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProgrammeFlaw::Unreadable {
                line: Some(line),
                message,
            } => {
                write!(f, "line {line}: {message}")
            }
            ProgrammeFlaw::Unreadable {
                line: None,
                message,
            } => f.write_str(message),
            ProgrammeFlaw::TooLarge => write!(f, "larger than {MAX_FILE_BYTES} bytes"),
            ProgrammeFlaw::BadSlug => f.write_str("slug: lowercase a-z, digits and single hyphens"),
            ProgrammeFlaw::BadTitle(l) => write!(f, "title.{l}: 1 to {MAX_TITLE} characters"),
            ProgrammeFlaw::BadCriteria(l) => {
                write!(f, "criteria.{l}: 1 to {MAX_CRITERIA} characters")
            }
            ProgrammeFlaw::BadReflections => f.write_str("reflections: sent or accepted"),
            ProgrammeFlaw::TooManyWorkshops => write!(f, "workshops: at most {MAX_WORKSHOPS}"),
            ProgrammeFlaw::BadValidity => {
                write!(
                    f,
                    "validity_months: 1 to {MAX_VALIDITY_MONTHS}, or left out"
                )
            }
            ProgrammeFlaw::BadSignOff => write!(f, "sign_off: 1 to {MAX_SIGN_OFF} characters"),
            ProgrammeFlaw::BadList => write!(
                f,
                "each any_of names at least one course; at most {MAX_ENTRIES} items per list"
            ),
            ProgrammeFlaw::BadVersion => f.write_str("min_version: 1 or more"),
            ProgrammeFlaw::BadPercent => f.write_str("min_percent: 1 to 100"),
            ProgrammeFlaw::AsksNothing => {
                f.write_str("asks for nothing: add a course, quiz, workshop or sign_off")
            }
            ProgrammeFlaw::UnknownCourse(slug) => write!(f, "no course has the short name {slug}"),
            ProgrammeFlaw::UnknownQuiz { course, lesson } => {
                write!(
                    f,
                    "course {course} has no lesson with a quiz called {lesson}"
                )
            }
            ProgrammeFlaw::SlugChanged => f.write_str("the short name cannot be changed"),
            ProgrammeFlaw::SlugTaken => f.write_str("another programme has this short name"),
        }
    }
}

fn length_ok(text: &str, max: usize) -> bool {
    let length = text.trim().chars().count();
    length > 0 && length <= max
}

impl ProgrammeFile {
    /// The flaws that do not need the database (unknown courses and quizzes do).
    pub fn check(&self) -> Vec<ProgrammeFlaw> {
        let mut flaws = Vec::new();
        if !is_slug(&self.slug) {
            flaws.push(ProgrammeFlaw::BadSlug);
        }
        for language in Language::ALL {
            if !length_ok(self.title.written(language), MAX_TITLE) {
                flaws.push(ProgrammeFlaw::BadTitle(language));
            }
            if !length_ok(self.criteria.written(language), MAX_CRITERIA) {
                flaws.push(ProgrammeFlaw::BadCriteria(language));
            }
        }
        if ReflectionRule::parse(&self.reflections).is_none() {
            flaws.push(ProgrammeFlaw::BadReflections);
        }
        if self.workshops > MAX_WORKSHOPS {
            flaws.push(ProgrammeFlaw::TooManyWorkshops);
        }
        if self
            .validity_months
            .is_some_and(|m| m == 0 || m > MAX_VALIDITY_MONTHS)
        {
            flaws.push(ProgrammeFlaw::BadValidity);
        }
        if self
            .sign_off
            .as_deref()
            .is_some_and(|s| !length_ok(s, MAX_SIGN_OFF))
        {
            flaws.push(ProgrammeFlaw::BadSignOff);
        }
        let list_ok = |n: usize| n > 0 && n <= MAX_ENTRIES;
        let lists = [
            self.courses.len(),
            self.quizzes.len(),
            self.refreshers.len(),
        ];
        if lists.iter().any(|n| *n > MAX_ENTRIES)
            || !self.courses.iter().all(|c| list_ok(c.any_of.len()))
            || !self.quizzes.iter().all(|q| list_ok(q.any_of.len()))
        {
            flaws.push(ProgrammeFlaw::BadList);
        }
        let choices = self.courses.iter().flat_map(|c| &c.any_of);
        if choices
            .clone()
            .any(|c| c.min_version.is_some_and(|v| v < 1))
        {
            flaws.push(ProgrammeFlaw::BadVersion);
        }
        if self
            .quizzes
            .iter()
            .any(|q| q.min_percent == 0 || q.min_percent > 100)
        {
            flaws.push(ProgrammeFlaw::BadPercent);
        }
        let asks = !self.courses.is_empty()
            || !self.quizzes.is_empty()
            || self.workshops > 0
            || self.sign_off.is_some();
        if !asks {
            flaws.push(ProgrammeFlaw::AsksNothing);
        }
        flaws
    }

    /// Every course short name the file names (requirements, quizzes and refreshers), once.
    pub fn course_slugs(&self) -> Vec<String> {
        let mut slugs: Vec<String> = self
            .courses
            .iter()
            .flat_map(|c| c.any_of.iter().map(|r| r.course.clone()))
            .chain(
                self.quizzes
                    .iter()
                    .flat_map(|q| q.any_of.iter().map(|r| r.course.clone())),
            )
            .chain(self.refreshers.iter().cloned())
            .collect();
        slugs.sort();
        slugs.dedup();
        slugs
    }
}

#[cfg(feature = "ssr")]
mod text {
    use super::{MAX_FILE_BYTES, ProgrammeFile, ProgrammeFlaw};

    /// The first line of every written file.
    const HEADING: &str = "# An Igang certification programme (programme.yaml)\n";

    /// Reads a programme file and checks what can be checked without the database.
    pub fn read(text: &str) -> Result<ProgrammeFile, Vec<ProgrammeFlaw>> {
        if text.len() > MAX_FILE_BYTES {
            return Err(vec![ProgrammeFlaw::TooLarge]);
        }
        let file: ProgrammeFile = serde_norway::from_str(text).map_err(|e| {
            vec![ProgrammeFlaw::Unreadable {
                line: e.location().map(|l| l.line()),
                message: e.to_string(),
            }]
        })?;
        let flaws = file.check();
        if flaws.is_empty() {
            Ok(file)
        } else {
            Err(flaws)
        }
    }

    /// The file's text; reading it gives the same file.
    pub fn write(file: &ProgrammeFile) -> String {
        let body = serde_norway::to_string(file).unwrap_or_default();
        format!("{HEADING}{body}")
    }
}

#[cfg(feature = "ssr")]
pub use text::{read, write};

#[cfg(all(test, feature = "ssr"))]
mod tests;

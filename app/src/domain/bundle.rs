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

use super::{
    course::{
        CourseDoc, LessonDoc, ModuleDoc, OptionDoc, QuestionDoc, QuestionKind, QuizDoc, ReviewMode,
        is_slug,
    },
    language::Language,
};
use serde::Deserialize;
use std::{
    collections::BTreeMap,
    io::{Read, Seek, Write},
};

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CourseFront {
    slug: String,
    title: String,
    language: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    leads_to_certificate: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModuleFront {
    title: String,
    topic: String,
    #[serde(default)]
    requires_previous: bool,
    #[serde(default)]
    summary: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LessonFront {
    title: String,
    minutes: u32,
    quiz: Option<QuizFront>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuizFront {
    pass_mark: u8,
    #[serde(default)]
    attempts: Option<u8>,
    #[serde(default)]
    cooldown_minutes: Option<u32>,
    #[serde(default)]
    questions: Vec<QuestionFront>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFront {
    kind: String,
    case: Option<String>,
    prompt: String,
    #[serde(default)]
    options: Vec<OptionFront>,
    guidance: Option<String>,
    review: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionFront {
    text: String,
    #[serde(default)]
    correct: bool,
    #[serde(default)]
    explanation: String,
    #[serde(default)]
    pinned: bool,
}

/// Splits a file into its front matter and its body.
fn split(file: &str, text: &str) -> Result<(String, String), BundleError> {
    let text = text.replace("\r\n", "\n");
    let rest = text
        .strip_prefix("---\n")
        .ok_or_else(|| BundleError::NoFrontMatter(file.to_owned()))?;
    let (front, body) = if let Some(body) = rest.strip_prefix("---\n") {
        ("", body)
    } else {
        let end = rest
            .find("\n---\n")
            .map(|i| (i + 1, i + 5))
            .or_else(|| {
                rest.ends_with("\n---")
                    .then(|| (rest.len() - 3, rest.len()))
            })
            .ok_or_else(|| BundleError::NoFrontMatter(file.to_owned()))?;
        (&rest[..end.0], &rest[end.1..])
    };
    let body = body.strip_prefix('\n').unwrap_or(body);
    Ok((front.to_owned(), body.to_owned()))
}

fn front<T: for<'de> Deserialize<'de>>(file: &str, yaml: &str) -> Result<T, BundleError> {
    serde_norway::from_str(yaml).map_err(|e| BundleError::FrontMatter {
        file: file.to_owned(),
        message: e.to_string(),
    })
}

/// Splits `NN-short-name` (with an optional `.md`) into its number and short name.
fn numbered(name: &str, full: &str) -> Result<(u32, String), BundleError> {
    let bad = || BundleError::BadName(full.to_owned());
    let (number, slug) = name.split_once('-').ok_or_else(bad)?;
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) || !is_slug(slug) {
        return Err(bad());
    }
    Ok((number.parse().map_err(|_| bad())?, slug.to_owned()))
}

fn bad_value(file: &str, field: &'static str, value: &str) -> BundleError {
    BundleError::BadValue {
        file: file.to_owned(),
        field,
        value: value.to_owned(),
    }
}

/// Whether a path is clutter that archivers and file browsers add.
fn is_clutter(path: &str) -> bool {
    path.split('/')
        .any(|part| part.starts_with('.') || part == "__MACOSX" || part == "Thumbs.db")
}

/// Whether `name` is a media file name this product writes: `<64 hex>.<png|jpg|gif|webp>`.
pub fn is_media_name(name: &str) -> bool {
    let Some((hash, ext)) = name.split_once('.') else {
        return false;
    };
    hash.len() == 64
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && matches!(ext, "png" | "jpg" | "gif" | "webp")
}

/// Reads a bundle from its files, given by path relative to the bundle's root.
///
/// When every path sits in one top-level folder (as zips made from a folder do), that folder
/// is the root.
pub fn read(files: BTreeMap<String, Vec<u8>>) -> Result<Bundle, BundleError> {
    let files: BTreeMap<String, Vec<u8>> = files
        .into_iter()
        .map(|(path, bytes)| (path.trim_start_matches("./").to_owned(), bytes))
        .filter(|(path, _)| !path.is_empty() && !path.ends_with('/') && !is_clutter(path))
        .collect();
    if files.len() > MAX_FILES {
        return Err(BundleError::TooLarge);
    }
    let files = if files.contains_key("course.md") {
        files
    } else {
        let prefix = files
            .keys()
            .find_map(|p| p.strip_suffix("/course.md"))
            .filter(|prefix| !prefix.contains('/'))
            .map(|prefix| format!("{prefix}/"))
            .ok_or(BundleError::NoCourseFile)?;
        let mut stripped = BTreeMap::new();
        for (path, bytes) in files {
            let inner = path
                .strip_prefix(&prefix)
                .ok_or_else(|| BundleError::Unexpected(path.clone()))?;
            stripped.insert(inner.to_owned(), bytes);
        }
        stripped
    };

    let mut course_text = None;
    let mut module_texts: BTreeMap<u32, (String, String, Option<String>)> = BTreeMap::new();
    let mut lesson_texts: BTreeMap<(u32, u32), (String, String, String)> = BTreeMap::new();
    let mut media = BTreeMap::new();
    let text = |path: &str, bytes: Vec<u8>| -> Result<String, BundleError> {
        if bytes.len() as u64 > MAX_TEXT_FILE {
            return Err(BundleError::TooLarge);
        }
        String::from_utf8(bytes).map_err(|_| BundleError::NotText(path.to_owned()))
    };
    for (path, bytes) in files {
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            ["course.md"] => course_text = Some(text(&path, bytes)?),
            ["media", name] if is_media_name(name) => {
                media.insert((*name).to_owned(), bytes);
            }
            [dir, "module.md"] => {
                let (number, slug) = numbered(dir, &path)?;
                let entry = module_texts
                    .entry(number)
                    .or_insert_with(|| (dir.to_string(), slug, None));
                if entry.0 != *dir {
                    return Err(BundleError::DuplicateNumber(path));
                }
                entry.2 = Some(text(&path, bytes)?);
            }
            [dir, file] if file.ends_with(".md") => {
                let (module, slug) = numbered(dir, &path)?;
                let entry = module_texts
                    .entry(module)
                    .or_insert_with(|| (dir.to_string(), slug, None));
                if entry.0 != *dir {
                    return Err(BundleError::DuplicateNumber(path));
                }
                let (lesson, slug) = numbered(file.trim_end_matches(".md"), &path)?;
                let contents = text(&path, bytes)?;
                if lesson_texts
                    .insert((module, lesson), (path.clone(), slug, contents))
                    .is_some()
                {
                    return Err(BundleError::DuplicateNumber(path));
                }
            }
            _ => return Err(BundleError::Unexpected(path)),
        }
    }

    let course_text = course_text.ok_or(BundleError::NoCourseFile)?;
    let (yaml, body) = split("course.md", &course_text)?;
    let head: CourseFront = front("course.md", &yaml)?;
    let language = match head.language.as_str() {
        "da" => Language::Da,
        "nb" => Language::Nb,
        "en" => Language::En,
        other => return Err(bad_value("course.md", "language", other)),
    };
    let mut course = CourseDoc {
        slug: head.slug,
        title: head.title,
        language,
        summary: head.summary,
        leads_to_certificate: head.leads_to_certificate,
        body,
        modules: Vec::new(),
    };
    if !is_slug(&course.slug) {
        return Err(bad_value("course.md", "slug", &course.slug));
    }
    for (number, (dir, slug, module_text)) in module_texts {
        let file = format!("{dir}/module.md");
        let module_text = module_text.ok_or_else(|| BundleError::Unexpected(dir.clone()))?;
        let (yaml, body) = split(&file, &module_text)?;
        let head: ModuleFront = front(&file, &yaml)?;
        let topic = head
            .topic
            .parse()
            .map_err(|_| bad_value(&file, "topic", &head.topic))?;
        let lessons = lesson_texts
            .range((number, 0)..=(number, u32::MAX))
            .map(|(_, (path, slug, text))| lesson(path, slug, text))
            .collect::<Result<_, _>>()?;
        course.modules.push(ModuleDoc {
            slug,
            title: head.title,
            topic,
            requires_previous: head.requires_previous,
            summary: head.summary,
            body,
            lessons,
        });
    }
    Ok(Bundle { course, media })
}

fn lesson(file: &str, slug: &str, text: &str) -> Result<LessonDoc, BundleError> {
    let (yaml, body) = split(file, text)?;
    let head: LessonFront = front(file, &yaml)?;
    let quiz = match head.quiz {
        None => None,
        Some(quiz) => Some(QuizDoc {
            pass_mark: quiz.pass_mark,
            attempts: quiz.attempts,
            cooldown_minutes: quiz.cooldown_minutes,
            questions: quiz
                .questions
                .into_iter()
                .map(|q| question(file, q))
                .collect::<Result<_, _>>()?,
        }),
    };
    Ok(LessonDoc {
        slug: slug.to_owned(),
        title: head.title,
        minutes: head.minutes,
        body,
        quiz,
    })
}

fn question(file: &str, q: QuestionFront) -> Result<QuestionDoc, BundleError> {
    let kind: QuestionKind = q
        .kind
        .parse()
        .map_err(|_| bad_value(file, "kind", &q.kind))?;
    let review = match q.review {
        None => None,
        Some(r) => Some(
            r.parse::<ReviewMode>()
                .map_err(|_| bad_value(file, "review", &r))?,
        ),
    };
    Ok(QuestionDoc {
        kind,
        case: q.case,
        prompt: q.prompt,
        options: q
            .options
            .into_iter()
            .map(|o| OptionDoc {
                text: o.text,
                correct: o.correct,
                explanation: o.explanation,
                pinned: o.pinned,
            })
            .collect(),
        guidance: q.guidance,
        review,
    })
}

/// Writes a bundle as files, by path relative to the bundle's root, in canonical form.
pub fn write(bundle: &Bundle) -> BTreeMap<String, Vec<u8>> {
    let course = &bundle.course;
    let mut files = BTreeMap::new();
    let mut y = Yaml::default();
    y.string(0, "slug", &course.slug);
    y.string(0, "title", &course.title);
    y.string(0, "language", course.language.code());
    y.string(0, "summary", &course.summary);
    y.plain(0, "leads_to_certificate", course.leads_to_certificate);
    files.insert("course.md".into(), y.document(&course.body));
    for (m, module) in course.modules.iter().enumerate() {
        let dir = format!("{:02}-{}", m + 1, module.slug);
        let mut y = Yaml::default();
        y.string(0, "title", &module.title);
        y.string(0, "topic", &module.topic.as_string());
        y.plain(0, "requires_previous", module.requires_previous);
        y.string(0, "summary", &module.summary);
        files.insert(format!("{dir}/module.md"), y.document(&module.body));
        for (l, lesson) in module.lessons.iter().enumerate() {
            let mut y = Yaml::default();
            y.string(0, "title", &lesson.title);
            y.plain(0, "minutes", lesson.minutes);
            if let Some(quiz) = &lesson.quiz {
                y.key(0, "quiz");
                y.plain(2, "pass_mark", quiz.pass_mark);
                if let Some(attempts) = quiz.attempts {
                    y.plain(2, "attempts", attempts);
                }
                if let Some(minutes) = quiz.cooldown_minutes {
                    y.plain(2, "cooldown_minutes", minutes);
                }
                if quiz.questions.is_empty() {
                    y.line(2, "questions: []");
                } else {
                    y.key(2, "questions");
                }
                for q in &quiz.questions {
                    y.item(4);
                    y.string(6, "kind", q.kind.as_str());
                    if let Some(case) = &q.case {
                        y.string(6, "case", case);
                    }
                    y.string(6, "prompt", &q.prompt);
                    if !q.options.is_empty() {
                        y.key(6, "options");
                    }
                    for o in &q.options {
                        y.item(8);
                        y.string(10, "text", &o.text);
                        y.plain(10, "correct", o.correct);
                        y.string(10, "explanation", &o.explanation);
                        if o.pinned {
                            y.plain(10, "pinned", true);
                        }
                    }
                    if let Some(guidance) = &q.guidance {
                        y.string(6, "guidance", guidance);
                    }
                    if let Some(review) = q.review {
                        y.string(6, "review", review.as_str());
                    }
                }
            }
            files.insert(
                format!("{dir}/{:02}-{}.md", l + 1, lesson.slug),
                y.document(&lesson.body),
            );
        }
    }
    for (name, bytes) in &bundle.media {
        files.insert(format!("media/{name}"), bytes.clone());
    }
    files
}

/// A small writer for the one YAML shape bundles use.
#[derive(Default)]
struct Yaml {
    out: String,
    /// Set after `- `: the next key continues that line.
    pending_item: bool,
}

impl Yaml {
    fn indent(&mut self, level: usize) {
        if self.pending_item {
            self.pending_item = false;
        } else {
            self.out.extend(std::iter::repeat_n(' ', level));
        }
    }

    fn line(&mut self, level: usize, text: &str) {
        self.indent(level);
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn key(&mut self, level: usize, key: &str) {
        self.line(level, &format!("{key}:"));
    }

    fn item(&mut self, level: usize) {
        self.out.extend(std::iter::repeat_n(' ', level));
        self.out.push_str("- ");
        self.pending_item = true;
    }

    fn plain(&mut self, level: usize, key: &str, value: impl std::fmt::Display) {
        self.line(level, &format!("{key}: {value}"));
    }

    fn string(&mut self, level: usize, key: &str, value: &str) {
        if fits_block(value) {
            self.line(level, &format!("{key}: |"));
            for line in value.trim_end_matches('\n').split('\n') {
                if line.is_empty() {
                    self.out.push('\n');
                } else {
                    self.line(level + 2, line);
                }
            }
        } else {
            self.line(level, &format!("{key}: {}", quoted(value)));
        }
    }

    fn document(self, body: &str) -> Vec<u8> {
        let mut text = format!("---\n{}---\n", self.out);
        if !body.is_empty() {
            text.push('\n');
            text.push_str(body);
        }
        text.into_bytes()
    }
}

/// Whether a text reads back unchanged from a literal block (`|`): it ends in exactly one line
/// break, and no line starts the block with a space or consists of spaces only.
fn fits_block(value: &str) -> bool {
    value.contains('\n')
        && value.ends_with('\n')
        && !value.ends_with("\n\n")
        && !value.starts_with([' ', '\t', '\n'])
        && !value.chars().any(|c| c.is_control() && c != '\n')
        && value
            .split('\n')
            .all(|line| line.is_empty() || !line.trim().is_empty())
}

/// A YAML double-quoted scalar.
fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || c == '\u{feff}' || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Reads the files of a zip archive, refusing archives that unpack to too much.
pub fn unzip(reader: impl Read + Seek) -> Result<BTreeMap<String, Vec<u8>>, BundleError> {
    let mut archive = zip::ZipArchive::new(reader).map_err(|e| BundleError::Zip(e.to_string()))?;
    if archive.len() > MAX_FILES {
        return Err(BundleError::TooLarge);
    }
    let mut files = BTreeMap::new();
    let mut total = 0u64;
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .map_err(|e| BundleError::Zip(e.to_string()))?;
        if entry.is_dir() {
            continue;
        }
        let Some(path) = entry.enclosed_name() else {
            return Err(BundleError::Unexpected(format!("entry {i}")));
        };
        let path = path
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        let mut bytes = Vec::new();
        // The sizes in the archive's directory may lie; count what actually comes out.
        let budget = MAX_BUNDLE_BYTES - total;
        (&mut entry)
            .take(budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| BundleError::Zip(e.to_string()))?;
        total += bytes.len() as u64;
        if total > MAX_BUNDLE_BYTES {
            return Err(BundleError::TooLarge);
        }
        files.insert(path, bytes);
    }
    Ok(files)
}

/// Packs files into a zip archive under one folder, with fixed timestamps so the same course
/// always gives the same archive.
pub fn zip_files(
    folder: &str,
    files: &BTreeMap<String, Vec<u8>>,
    writer: impl Write + Seek,
) -> Result<(), BundleError> {
    let mut zip = zip::ZipWriter::new(writer);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (path, bytes) in files {
        zip.start_file(format!("{folder}/{path}"), options)
            .and_then(|()| zip.write_all(bytes).map_err(Into::into))
            .map_err(|e| BundleError::Zip(e.to_string()))?;
    }
    zip.finish().map_err(|e| BundleError::Zip(e.to_string()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        list.iter()
            .map(|(p, t)| ((*p).to_owned(), t.as_bytes().to_vec()))
            .collect()
    }

    const COURSE: &str = "---\nslug: \"c\"\ntitle: \"C\"\nlanguage: \"en\"\nsummary: \"\"\nleads_to_certificate: false\n---\n";
    const MODULE: &str =
        "---\ntitle: \"M\"\ntopic: \"roles\"\nrequires_previous: false\nsummary: \"\"\n---\n";

    #[test]
    fn awkward_strings_survive_a_round_trip() {
        let awkward = [
            "",
            "plain",
            "quote \" and backslash \\",
            "two\nlines\n",
            "two\nlines no end",
            "  leading spaces\n",
            "ends with blank\n\n",
            "has\n   \nspace-only line\n",
            "tab\there",
            "yes",
            "null",
            "- dash",
            "# hash",
            "key: value",
            "ünïcødé – ÆØÅ",
            "\u{1}control",
        ];
        for text in awkward {
            let lesson = format!("---\ntitle: {}\nminutes: 3\n---\n", quoted("x"));
            let mut bundle = read(files(&[
                ("course.md", COURSE),
                ("01-m/module.md", MODULE),
                ("01-m/01-l.md", &lesson),
            ]))
            .unwrap();
            bundle.course.modules[0].lessons[0].title = text.to_owned();
            bundle.course.modules[0].lessons[0].body = text.to_owned();
            let written = write(&bundle);
            let again = read(written.clone()).unwrap();
            assert_eq!(again, bundle, "{text:?}");
            assert_eq!(write(&again), written);
        }
    }

    #[test]
    fn quiz_limits_survive_a_round_trip() {
        let lesson = "---\ntitle: \"L\"\nminutes: 5\nquiz:\n  pass_mark: 80\n  attempts: 3\n  cooldown_minutes: 30\n  questions: []\n---\n\nText\n";
        let bundle = read(files(&[
            ("course.md", COURSE),
            ("01-m/module.md", MODULE),
            ("01-m/01-l.md", lesson),
        ]))
        .unwrap();
        let quiz = bundle.course.modules[0].lessons[0].quiz.clone().unwrap();
        assert_eq!((quiz.attempts, quiz.cooldown_minutes), (Some(3), Some(30)));
        let written = write(&bundle);
        assert_eq!(
            String::from_utf8_lossy(&written["01-m/01-l.md"]),
            lesson,
            "written back exactly"
        );
    }

    #[test]
    fn a_folder_around_the_bundle_is_its_root() {
        let bundle = read(files(&[
            ("x/course.md", COURSE),
            ("x/.DS_Store", "junk"),
            ("__MACOSX/x/._course.md", "junk"),
        ]))
        .unwrap();
        assert_eq!(bundle.course.slug, "c");
    }

    #[test]
    fn mistakes_are_named() {
        let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
            (vec![], "the bundle has no course.md"),
            (
                vec![("course.md", "no front matter")],
                "course.md: the file must start",
            ),
            (
                vec![(
                    "course.md",
                    "---\nslug: \"c\"\ntitle: \"C\"\nlanguage: \"sv\"\n---\n",
                )],
                "course.md: language cannot be \"sv\"",
            ),
            (
                vec![(
                    "course.md",
                    "---\nslug: \"c\"\ntitle: \"C\"\nlanguage: \"da\"\nextra: 1\n---\n",
                )],
                "course.md: unknown field `extra`",
            ),
            (
                vec![("course.md", COURSE), ("notes.txt", "x")],
                "notes.txt: this file has no place",
            ),
            (
                vec![("course.md", COURSE), ("modul/module.md", MODULE)],
                "modul/module.md: names must look like",
            ),
            (
                vec![
                    ("course.md", COURSE),
                    ("01-a/module.md", MODULE),
                    ("01-b/module.md", MODULE),
                ],
                "01-b/module.md: two items share this number",
            ),
            (
                vec![
                    ("course.md", COURSE),
                    (
                        "01-a/module.md",
                        "---\ntitle: \"M\"\ntopic: \"gossip\"\n---\n",
                    ),
                ],
                "01-a/module.md: topic cannot be \"gossip\"",
            ),
            (
                vec![
                    ("course.md", COURSE),
                    ("01-a/module.md", MODULE),
                    ("01-a/01-l.md", "---\ntitle: \"L\"\nminutes: -3\n---\n"),
                ],
                "01-a/01-l.md: minutes",
            ),
        ];
        for (list, expected) in cases {
            let error = read(files(&list)).unwrap_err().to_string();
            assert!(error.starts_with(expected), "{error} / {expected}");
        }
    }

    #[test]
    fn zip_round_trip_and_bomb_guard() {
        let written = write(&read(files(&[("course.md", COURSE)])).unwrap());
        let mut buffer = std::io::Cursor::new(Vec::new());
        zip_files("c", &written, &mut buffer).unwrap();
        let unpacked = unzip(std::io::Cursor::new(buffer.get_ref().clone())).unwrap();
        assert_eq!(read(unpacked).unwrap(), read(written.clone()).unwrap());
        // The same course gives the same archive.
        let mut again = std::io::Cursor::new(Vec::new());
        zip_files("c", &written, &mut again).unwrap();
        assert_eq!(buffer.get_ref(), again.get_ref());

        let big = vec![0u8; (MAX_BUNDLE_BYTES + 1) as usize];
        let mut bomb = std::io::Cursor::new(Vec::new());
        let mut files = BTreeMap::new();
        files.insert("media/big.png".to_owned(), big);
        zip_files("c", &files, &mut bomb).unwrap();
        assert!(bomb.get_ref().len() < 1024 * 1024, "compresses well");
        assert_eq!(
            unzip(std::io::Cursor::new(bomb.into_inner())),
            Err(BundleError::TooLarge)
        );
        assert!(matches!(
            unzip(std::io::Cursor::new(b"not a zip".to_vec())),
            Err(BundleError::Zip(_))
        ));
    }
}

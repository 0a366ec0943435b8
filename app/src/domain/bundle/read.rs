//! Reading a course bundle: from its files, by path, to a course document and its images.

use super::{
    Bundle, BundleError, MAX_FILES, MAX_TEXT_FILE,
    front::{CourseFront, LessonFront, ModuleFront, QuestionFront, front, split},
};
use crate::domain::{
    course::{
        CourseDoc, LessonDoc, ModuleDoc, OptionDoc, QuestionDoc, QuestionKind, QuizDoc, ReviewMode,
        is_slug,
    },
    language::Language,
};
use std::collections::BTreeMap;

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

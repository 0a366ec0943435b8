//! The YAML front matter at the top of each bundle file, and how a file is split into front
//! matter and Markdown body.

use super::BundleError;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CourseFront {
    pub(super) slug: String,
    pub(super) title: String,
    pub(super) language: String,
    #[serde(default)]
    pub(super) summary: String,
    #[serde(default)]
    pub(super) leads_to_certificate: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ModuleFront {
    pub(super) title: String,
    pub(super) topic: String,
    #[serde(default)]
    pub(super) requires_previous: bool,
    #[serde(default)]
    pub(super) summary: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LessonFront {
    pub(super) title: String,
    pub(super) minutes: u32,
    pub(super) quiz: Option<QuizFront>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct QuizFront {
    pub(super) pass_mark: u8,
    #[serde(default)]
    pub(super) attempts: Option<u8>,
    #[serde(default)]
    pub(super) cooldown_minutes: Option<u32>,
    #[serde(default)]
    pub(super) questions: Vec<QuestionFront>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct QuestionFront {
    pub(super) kind: String,
    pub(super) case: Option<String>,
    pub(super) prompt: String,
    #[serde(default)]
    pub(super) options: Vec<OptionFront>,
    pub(super) guidance: Option<String>,
    pub(super) review: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OptionFront {
    pub(super) text: String,
    #[serde(default)]
    pub(super) correct: bool,
    #[serde(default)]
    pub(super) explanation: String,
    #[serde(default)]
    pub(super) pinned: bool,
}

/// Splits a file into its front matter and its body.
pub(super) fn split(file: &str, text: &str) -> Result<(String, String), BundleError> {
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

pub(super) fn front<T: for<'de> Deserialize<'de>>(
    file: &str,
    yaml: &str,
) -> Result<T, BundleError> {
    serde_norway::from_str(yaml).map_err(|e| BundleError::FrontMatter {
        file: file.to_owned(),
        message: e.to_string(),
    })
}

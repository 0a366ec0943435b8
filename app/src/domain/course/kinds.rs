//! The fixed sets of values a course uses: where a course or version stands, module topics,
//! kinds of question and how reflections are reviewed, with their stored forms.

use super::slug::is_slug;
use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

/// Where a course stands for learners.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CourseStatus {
    /// Not visible to learners yet (or taken down again).
    Draft,
    /// In the catalogue.
    Published,
    /// Retired: neither in the catalogue nor in the trainers' working list.
    Archived,
}

impl CourseStatus {
    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            CourseStatus::Draft => "draft",
            CourseStatus::Published => "published",
            CourseStatus::Archived => "archived",
        }
    }
}

impl FromStr for CourseStatus {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "draft" => Ok(CourseStatus::Draft),
            "published" => Ok(CourseStatus::Published),
            "archived" => Ok(CourseStatus::Archived),
            _ => Err(UnknownValue(s.to_owned())),
        }
    }
}

/// Where one version of a course stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VersionState {
    /// Being edited; only trainers see it.
    Draft,
    /// The version new learners start.
    Published,
    /// Was published, replaced by a newer one; learners who started it keep it.
    Superseded,
}

impl VersionState {
    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            VersionState::Draft => "draft",
            VersionState::Published => "published",
            VersionState::Superseded => "superseded",
        }
    }
}

impl FromStr for VersionState {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "draft" => Ok(VersionState::Draft),
            "published" => Ok(VersionState::Published),
            "superseded" => Ok(VersionState::Superseded),
            _ => Err(UnknownValue(s.to_owned())),
        }
    }
}

/// A stored or written value that is not one of the known ones.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown value {0:?}")]
pub struct UnknownValue(pub String);

/// What a module is about, so trainers and centres can see the shape of a course at a glance.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Topic {
    /// Mutuality, equality, humanity.
    Values,
    /// The roles around a group.
    Roles,
    /// Starting a group.
    Starting,
    /// Ending a group, and stepping out of it.
    Ending,
    /// Core elements.
    CoreElements,
    /// Confidentiality.
    Confidentiality,
    /// An organisation's own tag (`custom:<name>`).
    Custom(String),
}

impl Topic {
    /// The built-in topics, in the order the editor offers them.
    pub const BUILT_IN: [&'static str; 6] = [
        "values",
        "roles",
        "starting",
        "ending",
        "core-elements",
        "confidentiality",
    ];

    /// Stored and written form: `values`, ..., or `custom:<name>`.
    pub fn as_string(&self) -> String {
        match self {
            Topic::Values => "values".into(),
            Topic::Roles => "roles".into(),
            Topic::Starting => "starting".into(),
            Topic::Ending => "ending".into(),
            Topic::CoreElements => "core-elements".into(),
            Topic::Confidentiality => "confidentiality".into(),
            Topic::Custom(name) => format!("custom:{name}"),
        }
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_string())
    }
}

impl FromStr for Topic {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "values" => Ok(Topic::Values),
            "roles" => Ok(Topic::Roles),
            "starting" => Ok(Topic::Starting),
            "ending" => Ok(Topic::Ending),
            "core-elements" => Ok(Topic::CoreElements),
            "confidentiality" => Ok(Topic::Confidentiality),
            other => match other.strip_prefix("custom:") {
                Some(name) if is_slug(name) && name.len() <= 40 => Ok(Topic::Custom(name.into())),
                _ => Err(UnknownValue(other.to_owned())),
            },
        }
    }
}

/// The kinds of question a quiz can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuestionKind {
    /// One right option.
    SingleChoice,
    /// One or more right options, all of which must be chosen.
    MultipleChoice,
    /// Two options, one right.
    TrueFalse,
    /// A short case, then options with feedback on each.
    Scenario,
    /// Free text, read by a trainer or accepted on submission.
    Reflection,
}

impl QuestionKind {
    /// Every kind, in the order the editor offers them.
    pub const ALL: [QuestionKind; 5] = [
        QuestionKind::SingleChoice,
        QuestionKind::MultipleChoice,
        QuestionKind::TrueFalse,
        QuestionKind::Scenario,
        QuestionKind::Reflection,
    ];

    /// Stored and written form.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::SingleChoice => "single_choice",
            QuestionKind::MultipleChoice => "multiple_choice",
            QuestionKind::TrueFalse => "true_false",
            QuestionKind::Scenario => "scenario",
            QuestionKind::Reflection => "reflection",
        }
    }

    /// Whether answers are scored against options.
    pub fn has_options(self) -> bool {
        self != QuestionKind::Reflection
    }
}

impl FromStr for QuestionKind {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        QuestionKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownValue(s.to_owned()))
    }
}

/// How a reflection answer is accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReviewMode {
    /// A trainer reads it and accepts it or asks for more.
    Trainer,
    /// Accepted as soon as it is submitted.
    OnSubmit,
}

impl ReviewMode {
    /// Stored and written form.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewMode::Trainer => "trainer",
            ReviewMode::OnSubmit => "on_submit",
        }
    }
}

impl FromStr for ReviewMode {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "trainer" => Ok(ReviewMode::Trainer),
            "on_submit" => Ok(ReviewMode::OnSubmit),
            _ => Err(UnknownValue(s.to_owned())),
        }
    }
}

//! A certification programme: the requirements a volunteer meets to be certified, and how
//! long the certificate then holds.

use crate::domain::ids::CourseId;
use serde::{Deserialize, Serialize};

/// How much of a trainer's reading the reflections in the programme's courses need.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReflectionRule {
    /// Every reflection sent to the trainer is enough.
    Sent,
    /// Every reflection must be accepted by a trainer; one sent back holds the certificate.
    Accepted,
}

impl ReflectionRule {
    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            ReflectionRule::Sent => "sent",
            ReflectionRule::Accepted => "accepted",
        }
    }

    /// Parses the stored form.
    pub fn parse(text: &str) -> Option<ReflectionRule> {
        [ReflectionRule::Sent, ReflectionRule::Accepted]
            .into_iter()
            .find(|rule| rule.as_str() == text)
    }
}

/// A course that counts for a requirement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseChoice {
    /// The course.
    pub course: CourseId,
    /// The lowest version number that counts; `None` for any version.
    pub min_version: Option<i32>,
}

/// A course the volunteer must complete: any one of several (the same course in each
/// language, say).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseRequirement {
    /// The courses that count.
    pub any_of: Vec<CourseChoice>,
}

/// A quiz that counts for a requirement.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct QuizChoice {
    /// The course the quiz belongs to.
    pub course: CourseId,
    /// The lesson holding the quiz, by its slug (the same in every version).
    pub lesson: String,
}

/// A quiz in which the volunteer's best attempt must reach a score: any one of several.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizRequirement {
    /// The quizzes that count.
    pub any_of: Vec<QuizChoice>,
    /// The lowest best score that counts, in percent.
    pub min_percent: u8,
}

/// What a volunteer must do to be certified.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Programme {
    /// Courses to complete.
    pub courses: Vec<CourseRequirement>,
    /// Quizzes with a minimum score.
    pub quizzes: Vec<QuizRequirement>,
    /// What the reflections in the programme's courses need.
    pub reflections: ReflectionRule,
    /// In-person workshops of the programme to attend.
    pub workshops: u32,
    /// Whether a trainer signs off a practical part before the certificate is issued.
    pub sign_off: bool,
    /// Months a certificate holds; `None` when it does not expire.
    pub validity_months: Option<u32>,
}

impl Programme {
    /// Whether a trainer who teaches `taught` signs off this programme's practical part: they
    /// teach one of the courses it asks for.
    pub fn signed_off_by(&self, taught: &[CourseId]) -> bool {
        self.sign_off
            && self
                .courses
                .iter()
                .flat_map(|r| &r.any_of)
                .any(|choice| taught.contains(&choice.course))
    }

    /// Whether the programme asks for anything at all (an empty one certifies nobody).
    pub fn asks_anything(&self) -> bool {
        !self.courses.is_empty() || !self.quizzes.is_empty() || self.workshops > 0 || self.sign_off
    }
}

/// A text in each of the product's languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Localized {
    /// Danish.
    pub da: String,
    /// Norwegian (bokmål).
    pub nb: String,
    /// English.
    pub en: String,
}

impl Localized {
    /// The text written for `language`, empty or not.
    pub fn written(&self, language: crate::domain::language::Language) -> &str {
        use crate::domain::language::Language;
        match language {
            Language::Da => &self.da,
            Language::Nb => &self.nb,
            Language::En => &self.en,
        }
    }

    /// The text in `language`, or the Danish one where that is empty.
    pub fn get(&self, language: crate::domain::language::Language) -> &str {
        let text = self.written(language);
        if text.trim().is_empty() {
            &self.da
        } else {
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trainers_of_its_courses_sign_a_programme_off() {
        let programme = Programme {
            courses: vec![CourseRequirement {
                any_of: vec![
                    CourseChoice {
                        course: CourseId::new(1),
                        min_version: None,
                    },
                    CourseChoice {
                        course: CourseId::new(2),
                        min_version: None,
                    },
                ],
            }],
            quizzes: vec![],
            reflections: ReflectionRule::Sent,
            workshops: 0,
            sign_off: true,
            validity_months: None,
        };
        assert!(programme.signed_off_by(&[CourseId::new(2)]));
        assert!(!programme.signed_off_by(&[CourseId::new(3)]));
        assert!(!programme.signed_off_by(&[]));
        let without = Programme {
            sign_off: false,
            ..programme
        };
        assert!(
            !without.signed_off_by(&[CourseId::new(1)]),
            "nothing to sign off"
        );
    }
}

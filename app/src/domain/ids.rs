//! Typed ids of a course's records and of a learner's progress through it, so that one kind
//! of id cannot be passed where another is meant. Each wraps the row's number; the number is
//! read with `get` and never changed.

/// Declares an id type over `i32`: copied, compared, hashed, written as its number.
macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(i32);

        impl $name {
            /// The id with this number.
            pub const fn new(number: i32) -> Self {
                $name(number)
            }

            /// The id's number.
            pub const fn get(self) -> i32 {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map($name)
            }
        }
    )*};
}

id_type! {
    /// A course.
    CourseId;
    /// One numbered version of a course.
    VersionId;
    /// A module of a version.
    ModuleId;
    /// A lesson of a version.
    LessonId;
    /// A quiz question of a lesson.
    QuestionId;
    /// An option of a quiz question.
    OptionId;
    /// A learner's enrolment in a course.
    EnrolmentId;
    /// A learner's answer to a reflection question.
    ReflectionId;
    /// A certification programme.
    ProgrammeId;
    /// An in-person workshop.
    WorkshopId;
    /// A certificate.
    CertificateId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_and_write_as_their_number() {
        let lesson = LessonId::new(42);
        assert_eq!(lesson.get(), 42);
        assert_eq!(lesson.to_string(), "42");
        assert_eq!("42".parse::<LessonId>(), Ok(lesson));
        assert!("x".parse::<LessonId>().is_err());
        assert_eq!(serde_json::to_string(&lesson).unwrap(), "42");
        assert_eq!(serde_json::from_str::<LessonId>("42").unwrap(), lesson);
    }
}

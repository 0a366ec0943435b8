//! Certification: what a programme asks of a volunteer, whether what they have done meets
//! it, how long a certificate holds and how it is renewed, and the public code anyone can
//! check it with. Plain data and functions; the store gathers the evidence and writes the
//! certificate these rules decide on.

pub mod code;
pub mod evaluation;
pub mod file;
pub mod programme;
pub mod status_list;
pub mod validity;

pub use code::CertificateCode;
pub use evaluation::{Evidence, Missing, Outcome, evaluate};
pub use programme::{
    CourseChoice, CourseRequirement, Localized, Programme, QuizChoice, QuizRequirement,
    ReflectionRule,
};
pub use validity::CertificateStatus;

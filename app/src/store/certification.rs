//! Certification in the database: programmes and their requirements, the evidence a
//! volunteer has gathered, certificates and the sign-off queue. What counts is decided in
//! [`crate::domain::certification`]; this module reads the evidence and writes the outcome.

mod certificates;
mod courses;
pub mod editing;
mod evidence;
mod issuing;
mod programmes;
pub mod reminders;
mod sign_offs;

pub use certificates::{CertificateRecord, by_code, of_holder, recognise, revoke, revoked_between};
pub use courses::{CourseLabel, labels as course_labels};
pub use evidence::{Gathered, gather};
pub use issuing::{Settled, settle};
pub use programmes::{DEFAULT_PROGRAMME, ProgrammeRecord, all, find, install_default};
pub use sign_offs::{SignOffRequest, queue as sign_off_queue, sign};

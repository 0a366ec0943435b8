//! Table shapes, one module per table.

pub mod audit_event;
pub mod auth_attempt;
pub mod centre;
pub mod course;
pub mod course_editor;
pub mod course_module;
pub mod course_trainer;
pub mod course_version;
pub mod enrolment;
pub mod lesson;
pub mod lesson_completion;
pub mod media;
pub mod one_time_token;
pub mod outbox_message;
pub mod question;
pub mod question_option;
pub mod quiz_attempt;
pub mod recovery_code;
pub mod reflection;
pub mod session;
pub mod user;
pub mod user_role;

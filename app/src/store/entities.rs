//! Table shapes, one module per table.

pub mod audit_event;
pub mod auth_attempt;
pub mod centre;
pub mod course;
pub mod course_module;
pub mod course_version;
pub mod lesson;
pub mod media;
pub mod one_time_token;
pub mod outbox_message;
pub mod question;
pub mod question_option;
pub mod recovery_code;
pub mod session;
pub mod user;
pub mod user_role;

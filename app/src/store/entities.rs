//! Table shapes, one module per table.

pub mod audit_event;
pub mod auth_attempt;
pub mod centre;
pub mod one_time_token;
pub mod outbox_message;
pub mod recovery_code;
pub mod session;
pub mod user;
pub mod user_role;

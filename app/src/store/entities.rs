//! Table shapes, one module per table.

pub mod centre;
pub mod outbox_message;
pub mod user;
pub mod user_role;

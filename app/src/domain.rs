//! Plain rules of the product, free of web and database code so unit tests reach them directly.

pub mod authz;
pub mod email;
pub mod language;
pub mod password_policy;
pub mod redirect;
pub mod retry;
pub mod role;

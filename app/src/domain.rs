//! Plain rules of the product, free of web and database code so unit tests reach them directly.

pub mod authz;
#[cfg(feature = "ssr")]
pub mod bundle;
pub mod certification;
pub mod course;
pub mod editing;
pub mod email;
#[cfg(feature = "ssr")]
pub mod group_plan;
pub mod groups;
pub mod ids;
pub mod language;
pub mod learning;
#[cfg(feature = "ssr")]
pub mod markdown;
pub mod matching;
pub mod password_policy;
#[cfg(feature = "ssr")]
pub mod places;
pub mod profile;
pub mod quiz_balance;
pub mod redirect;
pub mod retry;
pub mod role;
pub mod shuffle;
pub mod workshops;

//! Matching over HTTP: the igangsætter's profile, the town search, who sees the profile, and
//! the groups centres post with the igangsættere who may be asked to start them.

mod demo;
pub(crate) mod groups;
pub(crate) mod life;
pub(crate) mod profile;
pub(crate) mod requests;
mod survey;

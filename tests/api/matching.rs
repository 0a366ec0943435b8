//! Matching over HTTP: the igangsætter's profile, the town search, who sees the profile, and
//! the groups centres post with the igangsættere who may be asked to start them.

mod demo;
mod groups;
mod life;
mod profile;
mod requests;
mod survey;

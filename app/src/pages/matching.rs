//! Pages for matching igangsættere with groups.

pub mod groups;
mod labels;
mod places;
mod posting;
pub mod profile;
pub mod requests;

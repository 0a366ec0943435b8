//! Pages for matching igangsættere with groups.

pub mod groups;
pub(crate) mod labels;
pub mod life;
mod places;
mod posting;
pub mod profile;
pub mod requests;
pub mod survey;

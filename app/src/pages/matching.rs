//! Pages for matching igangsættere with groups.

pub mod profile;

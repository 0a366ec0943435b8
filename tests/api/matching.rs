//! Matching over HTTP: the igangsætter's profile, the town search and who sees the profile.

mod profile;

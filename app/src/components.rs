//! Widgets shared by several pages.

pub mod candidate_card;
pub mod course_view;
pub mod form;
pub mod language_switch;
pub mod layout;
pub mod pager;
pub mod progress;
pub mod values;

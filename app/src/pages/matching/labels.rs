//! Words for a group's facts in the page's language.

use crate::{domain::groups::GroupStatus, i18n::*};

type I18n = leptos_i18n::I18nContext<Locale>;

/// A status's name.
pub fn status_label(i18n: I18n, status: GroupStatus) -> String {
    match status {
        GroupStatus::Seeking => t_string!(i18n, groups.status_seeking),
        GroupStatus::Matched => t_string!(i18n, groups.status_matched),
        GroupStatus::Running => t_string!(i18n, groups.status_running),
        GroupStatus::SelfLed => t_string!(i18n, groups.status_self_led),
        GroupStatus::Ended => t_string!(i18n, groups.status_ended),
    }
    .to_string()
}

/// A kind's name, by its stored form.
pub fn kind_label(i18n: I18n, kind: &str) -> String {
    match kind {
        "network" => t_string!(i18n, groups.kind_network),
        _ => t_string!(i18n, groups.kind_self_help),
    }
    .to_string()
}

/// A cadence's name, by its stored form.
pub fn cadence_label(i18n: I18n, cadence: &str) -> String {
    match cadence {
        "fortnightly" => t_string!(i18n, groups.fortnightly),
        _ => t_string!(i18n, groups.weekly),
    }
    .to_string()
}

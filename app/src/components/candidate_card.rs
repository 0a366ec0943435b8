//! An igangsætter as a coordinator sees them: the same card on the igangsætter's own
//! profile page, so they see exactly what is shown of them.

use crate::{
    api::matching::PlaceChoice,
    domain::{
        matching::{DayPart, Slot, Weekday},
        profile::{Profile, Topic},
    },
    i18n::*,
};
use leptos::prelude::*;

type I18n = leptos_i18n::I18nContext<Locale>;

/// A topic's name in the page's language.
pub fn topic_label(i18n: I18n, topic: Topic) -> String {
    match topic {
        Topic::Grief => t_string!(i18n, profile.topic_grief),
        Topic::Loneliness => t_string!(i18n, profile.topic_loneliness),
        Topic::Anxiety => t_string!(i18n, profile.topic_anxiety),
        Topic::Depression => t_string!(i18n, profile.topic_depression),
        Topic::Stress => t_string!(i18n, profile.topic_stress),
        Topic::Relatives => t_string!(i18n, profile.topic_relatives),
        Topic::ChronicIllness => t_string!(i18n, profile.topic_chronic_illness),
        Topic::Cancer => t_string!(i18n, profile.topic_cancer),
        Topic::Divorce => t_string!(i18n, profile.topic_divorce),
        Topic::Addiction => t_string!(i18n, profile.topic_addiction),
        Topic::Parenthood => t_string!(i18n, profile.topic_parenthood),
        Topic::Unemployment => t_string!(i18n, profile.topic_unemployment),
    }
    .to_string()
}

/// A weekday's name in the page's language.
pub fn weekday_label(i18n: I18n, day: Weekday) -> String {
    match day {
        Weekday::Mon => t_string!(i18n, profile.mon),
        Weekday::Tue => t_string!(i18n, profile.tue),
        Weekday::Wed => t_string!(i18n, profile.wed),
        Weekday::Thu => t_string!(i18n, profile.thu),
        Weekday::Fri => t_string!(i18n, profile.fri),
        Weekday::Sat => t_string!(i18n, profile.sat),
        Weekday::Sun => t_string!(i18n, profile.sun),
    }
    .to_string()
}

/// A part of the day's name in the page's language.
pub fn part_label(i18n: I18n, part: DayPart) -> String {
    match part {
        DayPart::Daytime => t_string!(i18n, profile.daytime),
        DayPart::Evening => t_string!(i18n, profile.evening),
    }
    .to_string()
}

/// A slot such as "tirsdag aften".
pub fn slot_label(i18n: I18n, slot: Slot) -> String {
    format!(
        "{} {}",
        weekday_label(i18n, slot.weekday),
        part_label(i18n, slot.part)
    )
}

/// The card: name, home town, reach, topics, languages, free slots and groups at once.
#[component]
pub fn CandidateCard(name: String, place: Option<PlaceChoice>, profile: Profile) -> impl IntoView {
    let i18n = use_i18n();
    let or_none = move |items: Vec<String>| {
        if items.is_empty() {
            t_string!(i18n, profile.none_given).to_string()
        } else {
            items.join(", ")
        }
    };
    let topics = or_none(
        profile
            .topics
            .iter()
            .map(|t| topic_label(i18n, *t))
            .collect(),
    );
    let languages = or_none(
        profile
            .languages
            .iter()
            .map(|l| l.native_name().to_owned())
            .collect(),
    );
    let slots = or_none(
        profile
            .availability
            .slots()
            .into_iter()
            .map(|s| slot_label(i18n, s))
            .collect(),
    );
    let home = place.map_or_else(String::new, |p| format!("{} ({})", p.name, p.region));
    let (km, capacity) = (profile.travel_km, profile.capacity);
    view! {
        <article class="candidate-card">
            <h3>{name}</h3>
            <dl class="facts">
                <dt>{t!(i18n, profile.card_home)}</dt>
                <dd>{home} " · " {t!(i18n, profile.card_travel, km = km)}</dd>
                <dt>{t!(i18n, profile.card_topics)}</dt>
                <dd>{topics}</dd>
                <dt>{t!(i18n, profile.card_languages)}</dt>
                <dd>{languages}</dd>
                <dt>{t!(i18n, profile.card_slots)}</dt>
                <dd>{slots}</dd>
                <dt>{t!(i18n, profile.card_capacity)}</dt>
                <dd>{t!(i18n, profile.card_groups, groups = capacity)}</dd>
            </dl>
        </article>
    }
}

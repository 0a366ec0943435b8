//! The form a coordinator posts a new group with: its name, topic, kind, language, town,
//! meeting pattern, first meeting, the meetings asked of the igangsætter and a description.

use super::places::{FieldProblem, PlaceChoices, PlaceSearch};
use crate::{
    api::matching::{CreateGroup, PlaceChoice},
    components::{
        candidate_card::{topic_label, weekday_label},
        form::{Field, PostForm, TextArea, kept_chosen, kept_or},
    },
    domain::{
        groups::{MAX_DESCRIPTION, MAX_MEETINGS, MAX_TITLE, MIN_MEETINGS},
        language::Language,
        matching::Weekday,
        profile::Topic,
    },
    i18n::*,
    islands::place_picker::PlacePicker,
};
use leptos::prelude::*;

/// A labelled `<select>` named `name` with `options` (value, label), its problem under it.
#[component]
fn Choose(
    name: &'static str,
    label: String,
    options: Vec<(String, String)>,
    error: crate::components::form::ErrorSignal,
) -> impl IntoView {
    let id = format!("field-{name}");
    let target = id.clone();
    view! {
        <div class="field">
            <label for=target>{label}</label>
            <FieldProblem error field=name />
            <select id=id name=name>
                {options.into_iter().map(|(value, label)| {
                    let selected = kept_chosen(error, name, &value, false);
                    view! { <option value=value selected=selected>{label}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The search for the meeting town and the form, for the centre with public id `centre`.
#[component]
pub fn GroupForm(centre: String, q: String, found: Vec<PlaceChoice>) -> impl IntoView {
    let i18n = use_i18n();
    let action = format!("/centres/{centre}/groups");
    let status = (!q.trim().is_empty()).then(|| match found.len() {
        0 => t!(i18n, profile.no_places).into_any(),
        1 => t!(i18n, profile.place_found_one).into_any(),
        n => t!(i18n, profile.places_found, found = n).into_any(),
    });
    let topics = Topic::ALL
        .map(|t| (t.as_str().to_owned(), topic_label(i18n, t)))
        .to_vec();
    let kinds = vec![
        (
            "self_help".to_owned(),
            t_string!(i18n, groups.kind_self_help).to_string(),
        ),
        (
            "network".to_owned(),
            t_string!(i18n, groups.kind_network).to_string(),
        ),
    ];
    let languages = Language::ALL
        .map(|l| (l.code().to_owned(), l.native_name().to_owned()))
        .to_vec();
    let days = Weekday::ALL
        .map(|d| (d.as_str().to_owned(), weekday_label(i18n, d)))
        .to_vec();
    let cadences = vec![
        (
            "weekly".to_owned(),
            t_string!(i18n, groups.weekly).to_string(),
        ),
        (
            "fortnightly".to_owned(),
            t_string!(i18n, groups.fortnightly).to_string(),
        ),
    ];
    view! {
        <PlacePicker>
            <PlaceSearch action=action label=t_string!(i18n, groups.search_label).to_string() q=q />
            <p class="place-status" role="status">{status}</p>
            <PostForm action={ServerAction::<CreateGroup>::new()} submit=t!(i18n, groups.create) let:error>
                <input type="hidden" name="centre" value=centre.clone() />
                <Field name="title" label=t_string!(i18n, groups.name).to_string() maxlength=MAX_TITLE as u32 error />
                <PlaceChoices legend=t_string!(i18n, groups.place).to_string() empty_hint=t_string!(i18n, groups.place_search_first).to_string() current=None found=found.clone() error />
                <Choose name="topic" label=t_string!(i18n, groups.topic).to_string() options=topics.clone() error />
                <Choose name="kind" label=t_string!(i18n, groups.kind).to_string() options=kinds.clone() error />
                <Choose name="language" label=t_string!(i18n, groups.language).to_string() options=languages.clone() error />
                <Choose name="weekday" label=t_string!(i18n, groups.weekday).to_string() options=days.clone() error />
                <Field name="time" kind="time" label=t_string!(i18n, groups.time).to_string() value="19:00" error />
                <Choose name="cadence" label=t_string!(i18n, groups.cadence).to_string() options=cadences.clone() error />
                <Field name="starts_on" kind="date" label=t_string!(i18n, groups.starts).to_string() error />
                <div class="field">
                    <label for="field-meetings">{t!(i18n, groups.meetings)}</label>
                    <p class="hint" id="field-meetings-hint">{t!(i18n, groups.meetings_hint, min = MIN_MEETINGS, max = MAX_MEETINGS)}</p>
                    <FieldProblem error field="meetings" />
                    <input type="number" id="field-meetings" name="meetings" min=MIN_MEETINGS.to_string() max=MAX_MEETINGS.to_string()
                        inputmode="numeric" value=kept_or(error, "meetings", "6") aria-describedby="field-meetings-hint" />
                </div>
                <TextArea name="description" label=t_string!(i18n, groups.description).to_string()
                    hint=t_string!(i18n, groups.description_hint).to_string() maxlength=MAX_DESCRIPTION as u32 error />
            </PostForm>
        </PlacePicker>
    }
}

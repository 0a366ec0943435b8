//! `/profile`: the igangsætter's own profile, the card coordinators see, and the town search
//! that works as a plain form.

use crate::{
    api::matching::{MyProfile, PlaceChoice, SaveProfile, load_my_profile},
    components::{
        candidate_card::{CandidateCard, part_label, topic_label, weekday_label},
        form::{ErrorSignal, PostForm, kept_checked, kept_chosen, kept_or},
    },
    domain::{
        language::Language,
        matching::{DayPart, MAX_TRAVEL_KM, Slot, Weekday},
        profile::{MAX_CAPACITY, Profile, Topic},
    },
    i18n::*,
    islands::place_picker::PlacePicker,
    pages::{
        admin::{load_error, require_sign_in},
        matching::places::{FieldProblem, PlaceChoices, PlaceSearch, towns_for},
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A box posted as `choices[<key>]`, ticked as saved (`checked`) or as last posted.
#[component]
fn Choice(key: String, label: String, checked: bool, error: ErrorSignal) -> impl IntoView {
    let id = format!("choice-{key}");
    let target = id.clone();
    let name = format!("choices[{key}]");
    let checked = kept_checked(error, &name, checked);
    view! {
        <label class="choice" for=target>
            <input type="checkbox" id=id name=name value="on" checked=checked />
            " " {label}
        </label>
    }
}

/// The week as a grid of boxes: a row per day, a column per part of the day.
#[component]
fn SlotGrid(profile: Profile, error: ErrorSignal) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="slot-grid">
            <caption>{t!(i18n, profile.slots_legend)}</caption>
            <thead>
                <tr>
                    <td></td>
                    {DayPart::ALL.map(|p| view! { <th scope="col">{part_label(i18n, p)}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>
                {Weekday::ALL.map(|weekday| {
                    let day = weekday_label(i18n, weekday);
                    view! {
                        <tr>
                            <th scope="row">{day.clone()}</th>
                            {DayPart::ALL.map(|part| {
                                let slot = Slot { weekday, part };
                                let id = format!("choice-slot-{}", slot.code());
                                let label = format!("{day} {}", part_label(i18n, part));
                                let name = format!("choices[slot-{}]", slot.code());
                                let checked = kept_checked(error, &name, profile.availability.contains(slot));
                                view! {
                                    <td>
                                        <input type="checkbox" id=id name=name
                                            value="on" aria-label=label checked=checked />
                                    </td>
                                }
                            }).collect_view()}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The form, filled in with the saved profile (or sensible starting values).
#[component]
fn ProfileForm(mine: MyProfile, found: Vec<PlaceChoice>) -> impl IntoView {
    let i18n = use_i18n();
    let profile = mine.profile.clone().unwrap_or(Profile {
        place: 0,
        travel_km: 20,
        topics: Vec::new(),
        languages: vec![Language::Da],
        availability: Default::default(),
        capacity: 1,
        available: true,
    });
    let travel = profile.travel_km.to_string();
    let capacity = profile.capacity;
    view! {
        <PostForm action={ServerAction::<SaveProfile>::new()} submit=t!(i18n, profile.save) let:error>
            <PlaceChoices legend=t_string!(i18n, profile.place_legend).to_string() empty_hint=t_string!(i18n, profile.place_search_first).to_string() current=mine.place.clone() found=found.clone() error />
            <div class="field">
                <label for="field-travel_km">{t!(i18n, profile.travel_label)}</label>
                <p class="hint" id="travel-hint">{t!(i18n, profile.travel_hint, max = MAX_TRAVEL_KM)}</p>
                <FieldProblem error field="travel_km" />
                <input type="number" id="field-travel_km" name="travel_km" min="1" max=MAX_TRAVEL_KM.to_string()
                    inputmode="numeric" value=kept_or(error, "travel_km", travel.clone()) aria-describedby="travel-hint" />
            </div>
            <div class="field">
                <label for="field-capacity">{t!(i18n, profile.capacity_label)}</label>
                <FieldProblem error field="capacity" />
                <select id="field-capacity" name="capacity">
                    {(1..=MAX_CAPACITY).map(|n| view! { <option value=n.to_string() selected=kept_chosen(error, "capacity", &n.to_string(), n == capacity)>{n}</option> }).collect_view()}
                </select>
            </div>
            <fieldset class="choices">
                <legend>{t!(i18n, profile.topics_legend)}</legend>
                <p class="hint">{t!(i18n, profile.topics_hint)}</p>
                {Topic::ALL.map(|t| view! {
                    <Choice key=format!("topic-{}", t.as_str()) label=topic_label(i18n, t) checked=profile.topics.contains(&t) error />
                }).collect_view()}
            </fieldset>
            <fieldset class="choices">
                <legend>{t!(i18n, profile.languages_legend)}</legend>
                <FieldProblem error field="languages" />
                {Language::ALL.map(|l| view! {
                    <Choice key=format!("lang-{}", l.code()) label=l.native_name().to_owned() checked=profile.languages.contains(&l) error />
                }).collect_view()}
            </fieldset>
            <SlotGrid profile=profile.clone() error />
            <div class="field checkbox">
                <input type="checkbox" id="field-available" name="available" value="on" checked=kept_checked(error, "available", profile.available) />
                <label for="field-available">{t!(i18n, profile.available_label)}</label>
            </div>
            <FieldProblem error field="choices" />
        </PostForm>
    }
}

/// Whether coordinators see the profile now, and why not when they do not.
#[component]
fn Visibility(mine: MyProfile) -> impl IntoView {
    let i18n = use_i18n();
    let (class, text) = match (&mine.profile, mine.certified, mine.shown) {
        (None, _, _) => ("alert info", t!(i18n, profile.state_none).into_any()),
        (_, _, true) => ("alert success", t!(i18n, profile.state_shown).into_any()),
        (_, false, _) => ("alert info", t!(i18n, profile.state_uncertified).into_any()),
        (_, true, false) => ("alert info", t!(i18n, profile.state_paused).into_any()),
    };
    view! { <p class=class role="status">{text}</p> }
}

/// The page.
#[component]
pub fn ProfilePage() -> impl IntoView {
    require_sign_in("/profile");
    let i18n = use_i18n();
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let saved = move || query.read().get("saved").is_some();
    let mine = Resource::new(|| (), |_| load_my_profile());
    let found = Resource::new(q, towns_for);
    view! {
        <section class="container narrow page profile-page">
            <h1>{t!(i18n, profile.title)}</h1>
            <p class="lead">{t!(i18n, profile.lead)}</p>
            {move || saved().then(|| view! { <p class="alert success" role="status">{t!(i18n, profile.saved)}</p> })}
            <Transition>
                {move || Suspend::new(async move {
                    let (mine, found) = (mine.await, found.await);
                    match (mine, found) {
                        (Err(e), _) | (_, Err(e)) => load_error(i18n, &e),
                        (Ok(mine), Ok(found)) => {
                            let card = mine.profile.clone().map(|profile| view! {
                                <h2>{t!(i18n, profile.card_title)}</h2>
                                <CandidateCard name=mine.name.clone() place=mine.place.clone() profile />
                            });
                            let searched = !q().trim().is_empty();
                            let count = found.len();
                            let status = match (searched, count) {
                                (false, _) => None,
                                (true, 0) => Some(t!(i18n, profile.no_places).into_any()),
                                (true, 1) => Some(t!(i18n, profile.place_found_one).into_any()),
                                (true, found) => Some(t!(i18n, profile.places_found, found = found).into_any()),
                            };
                            view! {
                                <Visibility mine=mine.clone() />
                                {card}
                                <h2>{t!(i18n, profile.form_title)}</h2>
                                <PlacePicker>
                                    <PlaceSearch action="/profile".to_owned() label=t_string!(i18n, profile.search_label).to_string() q=q() />
                                    <p class="place-status" role="status">{status}</p>
                                    <ProfileForm mine=mine.clone() found />
                                </PlacePicker>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
            <p class="credit">{t!(i18n, profile.credit)}</p>
        </section>
    }
}

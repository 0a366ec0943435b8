//! Choosing a town: a search that works as a plain form (and follows typing where the
//! place picker island runs), the towns found as radio buttons, and a field's own problem.

use crate::{
    api::matching::{PlaceChoice, search_places},
    components::form::{ErrorSignal, kept_value, problem_message},
    errors::AppError,
    i18n::*,
};
use leptos::prelude::*;

/// The towns found for the search `q` (none for an empty one), for a page's resource.
pub async fn towns_for(q: String) -> Result<Vec<PlaceChoice>, AppError> {
    if q.trim().is_empty() {
        Ok(Vec::new())
    } else {
        search_places(q).await
    }
}

/// The problem the form's latest error names for `field`, as a message.
#[component]
pub fn FieldProblem(error: ErrorSignal, field: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error
            .get()
            .and_then(|e| e.problem_for(field))
            .map(|p| view! { <p class="field-error" id=format!("{field}-error")>{problem_message(i18n, p)}</p> })
    }
}

/// The town choice under `legend`: the current town and the search's results as radio
/// buttons.
#[component]
pub fn PlaceChoices(
    legend: String,
    /// What to do while there is nothing to choose from.
    empty_hint: String,
    current: Option<PlaceChoice>,
    found: Vec<PlaceChoice>,
    error: ErrorSignal,
) -> impl IntoView {
    let current_id = current.as_ref().map(|p| p.id);
    let mut options: Vec<PlaceChoice> = current.into_iter().collect();
    options.extend(found.into_iter().filter(|p| Some(p.id) != current_id));
    // The town chosen in a refused form stays chosen while it is on the list.
    let posted = kept_value(error, "place")
        .and_then(|v| v.parse::<i32>().ok())
        .filter(|id| options.iter().any(|p| p.id == *id));
    let first_checked = posted.or(current_id).or(options.first().map(|p| p.id));
    view! {
        <fieldset class="place-choices" aria-describedby="place-error">
            <legend>{legend}</legend>
            <FieldProblem error field="place" />
            {if options.is_empty() {
                view! { <p class="hint">{empty_hint}</p> }.into_any()
            } else {
                options.into_iter().map(|p| {
                    let id = format!("place-{}", p.id);
                    let target = id.clone();
                    view! {
                        <label class="choice" for=target>
                            <input type="radio" id=id name="place" value=p.id.to_string() checked=Some(p.id) == first_checked />
                            " " {p.name} <span class="muted">" · " {p.region}</span>
                        </label>
                    }
                }).collect_view().into_any()
            }}
        </fieldset>
    }
}

/// The town search under `label`: a plain GET form that reloads the page at `action` with
/// the towns found.
#[component]
pub fn PlaceSearch(action: String, label: String, q: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="get" action=action class="place-search" role="search">
            <label for="place-q">{label}</label>
            <div class="inline-field">
                <input type="search" id="place-q" name="q" value=q autocomplete="off" maxlength="100" />
                <button type="submit" class="button secondary">{t!(i18n, profile.search)}</button>
            </div>
        </form>
    }
}

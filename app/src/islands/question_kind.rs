//! The question kind picker, which shows only the fields that kind uses.
//!
//! The fields are server-rendered children marked `for-scenario`, `for-options` or
//! `for-reflection`; the picker sets `data-kind` on their wrapper and the stylesheet hides
//! the rest. Until the island wakes (or without JavaScript) every field stays visible.

use leptos::prelude::*;

/// A `kind` select followed by the fields, which follow the chosen kind.
#[island(lazy)]
pub fn QuestionKindFields(
    /// The select's `id`.
    id: String,
    /// The select's label.
    label: String,
    /// Each kind as (stored value, name shown).
    kinds: Vec<(String, String)>,
    /// The stored value of the kind chosen now.
    selected: String,
    /// The question's other fields.
    children: Children,
) -> impl IntoView {
    let kind = RwSignal::new(selected);
    let interactive = super::awake();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                name="kind"
                data-ready=move || interactive.get().then_some("")
                on:change=move |ev| kind.set(event_target_value(&ev))>
                {kinds
                    .into_iter()
                    .map(|(value, name)| {
                        let chosen = value.clone();
                        view! {
                            <option value=value selected=move || kind.with(|k| *k == chosen)>
                                {name}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        <div class="kind-fields" data-kind=move || interactive.get().then(|| kind.get())>
            {children()}
        </div>
    }
}

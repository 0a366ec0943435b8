//! The three values as an accordion of native disclosures: one open at a time, keyboard
//! operable and readable without JavaScript.

use leptos::prelude::*;

/// One value: the anchor it is reached by, its name and a short text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Value {
    /// Fragment id, without the `value-` prefix.
    pub slug: &'static str,
    /// The value's name.
    pub title: String,
    /// What it means in a group.
    pub body: String,
}

/// The values, the first one open; opening another closes it (`<details name>`).
#[component]
pub fn Values(
    /// The accordion's accessible name.
    label: String,
    /// The values, in the order shown.
    values: Vec<Value>,
) -> impl IntoView {
    view! {
        <div class="values" role="group" aria-label=label>
            {values
                .into_iter()
                .enumerate()
                .map(|(index, value)| {
                    view! {
                        <details class="value" name="values" id=format!("value-{}", value.slug) open=index == 0>
                            <summary>{value.title}</summary>
                            <p>{value.body}</p>
                        </details>
                    }
                })
                .collect_view()}
        </div>
    }
}

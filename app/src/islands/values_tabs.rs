//! The three values as tabs once the page is interactive; as plain sections before that.

use leptos::{ev::KeyboardEvent, html::Button, prelude::*};
use serde::{Deserialize, Serialize};

/// One value: the anchor it is reached by, its name and a short text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Value {
    /// Fragment id, without the `value-` prefix.
    pub slug: String,
    /// The value's name.
    pub title: String,
    /// What it means in a group.
    pub body: String,
}

/// Tabs for the values, keyboard operable (arrows, Home, End).
#[island]
pub fn ValuesTabs(
    /// The tab list's accessible name.
    label: String,
    /// The values, in the order shown.
    values: Vec<Value>,
) -> impl IntoView {
    let count = values.len().max(1);
    let selected = RwSignal::new(0usize);
    // Until the island is awake every value is shown.
    let interactive = super::awake();
    let tab_refs: Vec<NodeRef<Button>> = values.iter().map(|_| NodeRef::new()).collect();
    let tab_refs = StoredValue::new(tab_refs);

    let focus = move |index: usize| {
        selected.set(index);
        if let Some(button) = tab_refs.with_value(|refs| refs.get(index).and_then(|r| r.get())) {
            let _ = button.focus();
        }
    };
    let on_keydown = move |event: KeyboardEvent| {
        let current = selected.get_untracked();
        let target = match event.key().as_str() {
            "ArrowRight" => (current + 1) % count,
            "ArrowLeft" => (current + count - 1) % count,
            "Home" => 0,
            "End" => count - 1,
            _ => return,
        };
        event.prevent_default();
        focus(target);
    };

    view! {
        <div
            class="values"
            class:interactive=move || interactive.get()
            data-ready=move || interactive.get().then_some("")
        >
            <div
                class="values-tabs"
                role="tablist"
                aria-label=label
                hidden=move || !interactive.get()
                on:keydown=on_keydown
            >
                {values
                    .iter()
                    .cloned()
                    .enumerate()
                    .map(|(index, Value { slug, title, .. })| {
                        view! {
                            <button
                                type="button"
                                role="tab"
                                node_ref=tab_refs.with_value(|refs| refs[index])
                                id=format!("value-tab-{slug}")
                                aria-controls=format!("value-{slug}")
                                aria-selected=move || (selected.get() == index).to_string()
                                tabindex=move || if selected.get() == index { "0" } else { "-1" }
                                on:click=move |_| selected.set(index)
                            >
                                {title}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            {values
                .into_iter()
                .enumerate()
                .map(|(index, Value { slug, title, body })| {
                    view! {
                        <section
                            class="value-panel"
                            id=format!("value-{slug}")
                            role=move || interactive.get().then_some("tabpanel")
                            aria-labelledby={
                                let tab = format!("value-tab-{slug}");
                                move || interactive.get().then(|| tab.clone())
                            }
                            tabindex=move || interactive.get().then_some("0")
                            hidden=move || interactive.get() && selected.get() != index
                        >
                            <h3>{title}</h3>
                            <p>{body}</p>
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}

//! The three values as tabs once the page is interactive; as plain sections before that.

use crate::i18n::*;
use leptos::{ev::KeyboardEvent, html::Button, prelude::*};

/// Tabs for mutuality, equality and humanity, keyboard operable (arrows, Home, End).
#[component]
pub fn ValuesTabs() -> impl IntoView {
    let i18n = use_i18n();
    let values = [
        (
            "gensidighed",
            t_string!(i18n, values.mutuality),
            t_string!(i18n, values.mutuality_body),
        ),
        (
            "ligevaerdighed",
            t_string!(i18n, values.equality),
            t_string!(i18n, values.equality_body),
        ),
        (
            "medmenneskelighed",
            t_string!(i18n, values.humanity),
            t_string!(i18n, values.humanity_body),
        ),
    ];
    let count = values.len();
    let selected = RwSignal::new(0usize);
    // Effects run only in the browser after hydration: until then every value is shown.
    let interactive = RwSignal::new(false);
    Effect::new(move |_| interactive.set(true));
    let tab_refs: [NodeRef<Button>; 3] = std::array::from_fn(|_| NodeRef::new());

    let focus = move |index: usize| {
        selected.set(index);
        if let Some(button) = tab_refs[index].get() {
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
        <div class="values" class:interactive=move || interactive.get()>
            <div
                class="values-tabs"
                role="tablist"
                aria-label=t_string!(i18n, values.tablist_label)
                hidden=move || !interactive.get()
                on:keydown=on_keydown
            >
                {values
                    .into_iter()
                    .enumerate()
                    .map(|(index, (slug, title, _))| {
                        view! {
                            <button
                                type="button"
                                role="tab"
                                node_ref=tab_refs[index]
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
                .map(|(index, (slug, title, body))| {
                    view! {
                        <section
                            class="value-panel"
                            id=format!("value-{slug}")
                            role=move || interactive.get().then_some("tabpanel")
                            aria-labelledby=move || {
                                interactive.get().then(|| format!("value-tab-{slug}"))
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

//! Shows only the fields a question's kind uses.
//!
//! The kind's `<select name="kind">` and the fields are server-rendered children; fields are
//! marked `for-scenario`, `for-options` or `for-reflection`. This island copies the chosen kind
//! into `data-kind` on its wrapper, and the stylesheet hides the fields of other kinds. Until
//! it wakes (or without JavaScript) every field stays visible.

use leptos::{html::Div, prelude::*};

/// Wraps the kind picker and the question's fields.
#[island(lazy)]
pub fn QuestionKindFields(children: Children) -> impl IntoView {
    let ready = super::awake();
    let wrapper = NodeRef::<Div>::new();
    let follow = move || {
        #[cfg(feature = "hydrate")]
        if let Some(wrapper) = wrapper.get() {
            browser::follow_kind(&wrapper);
        }
    };
    // Once awake, follow the kind chosen when the page was drawn.
    Effect::new(move |_| {
        if ready.get() {
            follow();
        }
    });
    let on_change = move |_event: leptos::ev::Event| follow();
    view! {
        <div
            class="kind-fields"
            node_ref=wrapper
            data-ready=move || ready.get().then_some("")
            on:change=on_change
        >
            {children()}
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlSelectElement};

    /// Sets `data-kind` on `wrapper` to the value of its kind picker.
    pub fn follow_kind(wrapper: &Element) {
        let kind = wrapper
            .query_selector("select[name=kind]")
            .ok()
            .flatten()
            .and_then(|select| select.dyn_into::<HtmlSelectElement>().ok())
            .map(|select| select.value());
        if let Some(kind) = kind {
            let _ = wrapper.set_attribute("data-kind", &kind);
        }
    }
}

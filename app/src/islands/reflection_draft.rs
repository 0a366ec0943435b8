//! Keeps a reflection's draft while the learner types.
//!
//! The field, its form and the "saved" line are rendered on the server; this island only
//! listens for typing inside them and, once typing pauses, posts the form (without its
//! "send" field) the way the page would without JavaScript, asking for a JSON answer. It takes
//! no props and uses no server-function client, so the lesson page stays light.

use leptos::prelude::*;

/// Wraps the answer field and its status line (`.draft-status`, whose `data-saved` holds the
/// words shown once a draft is saved).
#[island(lazy)]
pub fn ReflectionDraft(children: Children) -> impl IntoView {
    let ready = super::awake();
    let generation = StoredValue::new(0u32);
    let on_input = move |event: leptos::ev::Event| {
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        #[cfg(feature = "hydrate")]
        browser::typed(event, move || generation.get_value() == mine);
        #[cfg(not(feature = "hydrate"))]
        let _ = (event, mine);
    };
    view! {
        <div class="reflection-draft" data-ready=move || ready.get().then_some("") on:input=on_input>
            {children()}
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::{prelude::set_timeout, wasm_bindgen::JsCast};
    use std::time::Duration;
    use web_sys::{
        Element, Event, FormData, HtmlFormElement, HtmlTextAreaElement, RequestInit, Response,
        UrlSearchParams,
    };

    /// How long typing must pause before the draft is saved.
    const SETTLE: Duration = Duration::from_millis(1200);

    /// After a pause, if `latest()` still holds, saves the draft of the field typed in.
    pub fn typed(event: Event, latest: impl Fn() -> bool + 'static) {
        let Some(field) = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
        else {
            return;
        };
        let Some(form) = field.form() else { return };
        let status = field
            .closest(".reflection-draft")
            .ok()
            .flatten()
            .and_then(|draft| draft.query_selector(".draft-status").ok().flatten());
        if let Some(status) = &status {
            status.set_text_content(None);
        }
        set_timeout(
            move || {
                if latest() {
                    leptos::task::spawn_local(save(form, status, latest));
                }
            },
            SETTLE,
        );
    }

    /// Posts the form as a draft; says "saved" when the server took it.
    async fn save(form: HtmlFormElement, status: Option<Element>, latest: impl Fn() -> bool) {
        let Ok(fields) = FormData::new_with_form(&form) else {
            return;
        };
        fields.delete("send");
        let Ok(body) = UrlSearchParams::new_with_str_sequence_sequence(&fields) else {
            return;
        };
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_body(&body);
        let headers = web_sys::Headers::new().ok();
        if let Some(headers) = &headers {
            let _ = headers.set("Accept", "application/json");
            init.set_headers(headers);
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let answer = window.fetch_with_str_and_init(&form.action(), &init);
        let saved = wasm_bindgen_futures::JsFuture::from(answer)
            .await
            .ok()
            .and_then(|r| r.dyn_into::<Response>().ok())
            .is_some_and(|r| r.ok());
        if let Some(status) = status.filter(|_| saved && latest()) {
            status.set_text_content(status.get_attribute("data-saved").as_deref());
        }
    }
}

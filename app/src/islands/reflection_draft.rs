//! Keeps a reflection's draft while the learner types.
//!
//! The field, its form and the "saved" line are rendered on the server; this island listens
//! for typing inside them and, once typing pauses, posts the form without its "send" field,
//! as the page would without JavaScript.

use super::{in_browser, typing_area};
use leptos::prelude::*;

/// Wraps the answer field and its status line (`.draft-status`, whose `data-saved` holds the
/// words shown once a draft is saved).
#[island(lazy)]
pub fn ReflectionDraft(children: Children) -> impl IntoView {
    typing_area("reflection-draft", in_browser!(browser::typed), children)
}

#[cfg(feature = "hydrate")]
mod browser {
    use crate::islands::browser::{Latest, after_pause, near, post, target};
    use web_sys::{Event, FormData, HtmlTextAreaElement, UrlSearchParams};

    /// Saves the draft of the field typed in, once typing pauses.
    pub fn typed(event: &Event, latest: Latest) {
        let Some(field) = target::<HtmlTextAreaElement>(event) else {
            return;
        };
        let Some(form) = field.form() else { return };
        let status = near(&field, ".reflection-draft", ".draft-status");
        if let Some(status) = &status {
            status.set_text_content(None);
        }
        after_pause(latest, move || async move {
            let Ok(fields) = FormData::new_with_form(&form) else {
                return;
            };
            fields.delete("send");
            let Ok(body) = UrlSearchParams::new_with_str_sequence_sequence(&fields) else {
                return;
            };
            let saved = post(&form.action(), &body).await.is_some();
            if let Some(status) = status.filter(|_| saved && latest.holds()) {
                status.set_text_content(status.get_attribute("data-saved").as_deref());
            }
        });
    }
}

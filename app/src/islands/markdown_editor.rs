//! A lesson's Markdown text with a preview that follows the text as it is typed.
//!
//! The field and the preview pane are rendered on the server; the pane's `data-url` names the
//! server function that renders (and sanitizes) Markdown. Once typing pauses, this island
//! posts the text there and shows the answer in the pane.

use super::{in_browser, typing_area};
use leptos::prelude::*;

/// Wraps the `body` field and its `.preview-pane` (with a `.prose` inside).
#[island(lazy)]
pub fn MarkdownEditor(children: Children) -> impl IntoView {
    typing_area("markdown-editor", in_browser!(browser::typed), children)
}

#[cfg(feature = "hydrate")]
mod browser {
    use crate::islands::browser::{Latest, after_pause, near, post, target};
    use web_sys::{Event, HtmlTextAreaElement, UrlSearchParams, js_sys::JSON};

    /// Draws the preview again for the text typed, once typing pauses.
    pub fn typed(event: &Event, latest: Latest) {
        let Some(field) = target::<HtmlTextAreaElement>(event).filter(|f| f.name() == "body")
        else {
            return;
        };
        let Some(pane) = near(&field, ".markdown-editor", ".preview-pane") else {
            return;
        };
        let (Some(url), Ok(Some(prose))) = (
            pane.get_attribute("data-url"),
            pane.query_selector(".prose"),
        ) else {
            return;
        };
        let text = field.value();
        after_pause(latest, move || async move {
            let Ok(body) = UrlSearchParams::new() else {
                return;
            };
            body.append("text", &text);
            // The answer is the sanitized HTML as a JSON string.
            let html = post(&url, &body)
                .await
                .and_then(|answer| JSON::parse(&answer).ok())
                .and_then(|value| value.as_string());
            if let Some(html) = html.filter(|_| latest.holds()) {
                prose.set_inner_html(&html);
            }
        });
    }
}

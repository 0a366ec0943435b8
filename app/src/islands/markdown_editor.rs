//! A lesson's Markdown text with a preview that follows the text as it is typed.

use crate::api::authoring::preview_markdown;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// How long typing must pause before the preview is drawn again.
const SETTLE: Duration = Duration::from_millis(350);

/// The fixed texts around the field, in the author's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditorTexts {
    /// The field's label.
    pub label: String,
    /// Help under the label (the Markdown that works).
    pub hint: String,
    /// The preview pane's heading.
    pub preview: String,
}

/// The `body` text area (part of the surrounding form) beside its live preview.
#[island(lazy)]
pub fn MarkdownEditor(
    /// Labels and help.
    texts: EditorTexts,
    /// The text as saved.
    body: String,
    /// The saved text, rendered (sanitized on the server).
    html: String,
    /// The field's error from the last save, already in words.
    error: Option<String>,
) -> impl IntoView {
    let ready = super::awake();
    let preview = RwSignal::new(html);
    let on_input = super::after_pause(SETTLE, preview_markdown, move |answer| {
        if let Ok(html) = answer {
            preview.set(html);
        }
    });
    let has_error = error.is_some();
    let described_by = if has_error {
        "field-body-hint field-body-error"
    } else {
        "field-body-hint"
    };
    view! {
        <div class="split">
            <div class="field" class:has-error=has_error>
                <label for="field-body">{texts.label}</label>
                <p class="hint" id="field-body-hint">{texts.hint}</p>
                {error.map(|e| view! { <p class="field-error" id="field-body-error">{e}</p> })}
                <textarea
                    id="field-body"
                    name="body"
                    rows="22"
                    aria-invalid=has_error.then_some("true")
                    aria-describedby=described_by
                    data-ready=move || ready.get().then_some("")
                    on:input=move |ev| on_input(event_target_value(&ev))
                >
                    {body}
                </textarea>
            </div>
            <div class="preview-pane">
                <p class="preview-label" id="preview-label">{texts.preview}</p>
                <div
                    class="prose"
                    aria-labelledby="preview-label"
                    aria-live="polite"
                    inner_html=move || preview.get()
                ></div>
            </div>
        </div>
    }
}

//! A reflection's answer field that keeps a draft while the learner types.

use crate::api::learning::save_reflection;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before the draft is saved.
const SETTLE: Duration = Duration::from_millis(1200);

/// The answer's text area (part of the send form) and a polite "saved" line under it.
#[island]
pub fn ReflectionDraft(
    /// The lesson the reflection belongs to.
    lesson: i32,
    /// The reflection question.
    question: i32,
    /// The text area's `id`, named by the label.
    id: String,
    /// The `id` of the status line above the field.
    described_by: String,
    /// The answer saved so far.
    answer: String,
    /// Shown once a draft is saved.
    saved_label: String,
) -> impl IntoView {
    let ready = super::awake();
    let saved = RwSignal::new(false);
    let save = super::after_pause(
        SETTLE,
        move |text| save_reflection(lesson, question, text, None),
        move |answer| saved.set(answer.is_ok()),
    );
    let on_input = move |text: String| {
        saved.set(false);
        save(text);
    };
    view! {
        <textarea
            id=id
            name="answer"
            rows="6"
            maxlength="10000"
            aria-describedby=described_by
            data-ready=move || ready.get().then_some("")
            on:input=move |ev| on_input(event_target_value(&ev))
        >
            {answer}
        </textarea>
        <p class="hint draft-status" aria-live="polite">
            {move || saved.get().then(|| saved_label.clone())}
        </p>
    }
}

//! A labelled progress bar, shared by the learner's and the trainers' pages.

use leptos::prelude::*;

/// A labelled progress bar (a native `<progress>`, so no inline style is needed).
#[component]
pub fn ProgressBar(percent: u8, label: String) -> impl IntoView {
    view! {
        <div class="progress-line">
            <progress max="100" value=percent aria-label=label.clone()>{format!("{percent} %")}</progress>
            <span class="progress-value" aria-hidden="true">{format!("{percent} %")}</span>
        </div>
    }
}

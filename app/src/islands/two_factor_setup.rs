//! Setting up an authenticator app: the key as a QR code, a first code, then the recovery
//! codes, shown once on this page and never stored readable.

use crate::{
    api::two_factor::{BeginTotpEnrolment, ConfirmTotpEnrolment},
    errors::{AppError, Problem},
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The texts of the three steps, in the person's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetupTexts {
    pub lead: String,
    pub start: String,
    pub step_scan: String,
    pub qr_label: String,
    pub manual_key: String,
    pub step_code: String,
    pub field_code: String,
    pub confirm: String,
    pub enabled: String,
    pub codes_title: String,
    pub codes_lead: String,
    pub codes_done: String,
    /// Shown when the code does not match.
    pub wrong_code: String,
    /// Shown for any other failure.
    pub failed: String,
}

/// Start, scan and confirm, then the recovery codes.
#[island(lazy)]
pub fn TwoFactorSetup(texts: SetupTexts) -> impl IntoView {
    let ready = super::awake();
    let texts = StoredValue::new(texts);
    let text = move |pick: fn(&SetupTexts) -> &String| texts.with_value(|t| pick(t).clone());
    let begin = ServerAction::<BeginTotpEnrolment>::new();
    let confirm = ServerAction::<ConfirmTotpEnrolment>::new();
    let setup = move || begin.value().get().and_then(Result::ok);
    let codes = move || confirm.value().get().and_then(Result::ok);
    let message = move |error: Option<AppError>| {
        error.map(|e| match e.problem_for("code") {
            Some(Problem::WrongCode) => text(|t| &t.wrong_code),
            _ => text(|t| &t.failed),
        })
    };
    let begin_error = move || message(begin.value().get().and_then(Result::err));
    let confirm_error = move || message(confirm.value().get().and_then(Result::err));
    view! {
        <Show when=move || setup().is_none() && codes().is_none()>
            <p class="lead">{text(|t| &t.lead)}</p>
            <ActionForm action=begin attr:class="stack-form">
                {move || begin_error().map(|e| view! { <div class="alert error" role="alert">{e}</div> })}
                <button
                    type="submit"
                    class="button primary"
                    disabled=move || begin.pending().get()
                    data-ready=move || ready.get().then_some("")
                >
                    {text(|t| &t.start)}
                </button>
            </ActionForm>
        </Show>
        {move || {
            setup()
                .filter(|_| codes().is_none())
                .map(|setup| {
                    let view_box = format!("0 0 {0} {0}", setup.qr_size);
                    let invalid = move || confirm_error().is_some();
                    view! {
                        <ol class="setup-steps">
                            <li>
                                <p>{text(|t| &t.step_scan)}</p>
                                <svg class="qr" viewBox=view_box role="img" aria-label=text(|t| &t.qr_label) shape-rendering="crispEdges">
                                    <rect width="100%" height="100%" fill="#fff"></rect>
                                    <path d=setup.qr_path.clone() fill="#1f2a2e"></path>
                                </svg>
                                <p class="hint">{text(|t| &t.manual_key)}</p>
                                <p><code class="secret">{setup.secret.clone()}</code></p>
                            </li>
                            <li>
                                <p>{text(|t| &t.step_code)}</p>
                                <ActionForm action=confirm attr:class="stack-form" attr:novalidate=true>
                                    <div class="field" class:has-error=invalid>
                                        <label for="field-code">{text(|t| &t.field_code)}</label>
                                        {move || confirm_error().map(|e| view! { <p class="field-error" id="field-code-error" role="alert">{e}</p> })}
                                        <input
                                            id="field-code"
                                            name="code"
                                            autocomplete="one-time-code"
                                            inputmode="numeric"
                                            maxlength="10"
                                            required
                                            aria-invalid=move || invalid().then_some("true")
                                            aria-describedby=move || invalid().then_some("field-code-error")
                                        />
                                    </div>
                                    <button type="submit" class="button primary" disabled=move || confirm.pending().get()>
                                        {text(|t| &t.confirm)}
                                    </button>
                                </ActionForm>
                            </li>
                        </ol>
                    }
                })
        }}
        {move || {
            codes()
                .map(|codes| {
                    view! {
                        <p class="alert success" role="status">{text(|t| &t.enabled)}</p>
                        <h2>{text(|t| &t.codes_title)}</h2>
                        <p>{text(|t| &t.codes_lead)}</p>
                        <ul class="recovery-codes">
                            {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                        </ul>
                        <p><a class="button primary" href="/account">{text(|t| &t.codes_done)}</a></p>
                    }
                })
        }}
    }
}

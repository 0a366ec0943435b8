//! `/login/two-factor` (the second step of signing in) and `/account/two-factor` (enrolment).

use crate::{
    api::two_factor::{
        BeginTotpEnrolment, ConfirmTotpEnrolment, ResetTwoFactor, TotpSetup, VerifySecondFactor,
        codes_to_show, pending_setup,
    },
    components::{
        form::{Field, PostForm},
        layout::use_viewer,
    },
    domain::authz::SecondFactor,
    i18n::*,
    pages::{admin::load_error, auth::query_value},
};
use leptos::prelude::*;

/// Asks for the authenticator code (or a recovery code) after the password.
#[component]
pub fn SecondFactorPage() -> impl IntoView {
    let i18n = use_i18n();
    let next = query_value("next");
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, two_factor.verify_title)}</h1>
            <p class="lead">{t!(i18n, two_factor.verify_lead)}</p>
            <PostForm action={ServerAction::<VerifySecondFactor>::new()} submit=t!(i18n, two_factor.verify_submit) let:error>
                <Field name="code" label=t_string!(i18n, two_factor.field_code).to_string() hint=t_string!(i18n, two_factor.field_code_hint).to_string() autocomplete="one-time-code" maxlength=20 error />
                <input type="hidden" name="next" value=next />
            </PostForm>
        </section>
    }
}

/// Sets up an authenticator app in three steps (start, scan and confirm, keep the recovery
/// codes), or offers to reset one. Plain forms: no script is needed.
#[component]
pub fn TwoFactorSetupPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if crate::auth::signed_in().is_none() {
        leptos_axum::redirect("/login?next=/account/two-factor");
    }
    let i18n = use_i18n();
    let viewer = use_viewer();
    let codes = codes_to_show();
    let setup = Resource::new(|| (), |_| pending_setup());
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, two_factor.setup_title)}</h1>
            <Suspense>
                {move || {
                    let codes = codes.clone();
                    Suspend::new(async move {
                        if let Some(codes) = codes {
                            return recovery_codes(i18n, codes).into_any();
                        }
                        let enrolled = matches!(
                            viewer.await,
                            Ok(Some(ref v)) if v.second_factor == SecondFactor::Done
                        );
                        if enrolled {
                            return reset_form(i18n).into_any();
                        }
                        match setup.await {
                            Ok(Some(setup)) => scan_and_confirm(i18n, setup).into_any(),
                            Ok(None) => start_form(i18n).into_any(),
                            Err(e) => load_error(i18n, &e).into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

/// Step one: create a key.
fn start_form(i18n: leptos_i18n::I18nContext<Locale>) -> impl IntoView {
    view! {
        <p class="lead">{t!(i18n, two_factor.setup_lead)}</p>
        <PostForm action={ServerAction::<BeginTotpEnrolment>::new()} submit=t!(i18n, two_factor.setup_start) novalidate=false />
    }
}

/// Step two: the key as a QR code and as text, and the first code to turn it on.
fn scan_and_confirm(i18n: leptos_i18n::I18nContext<Locale>, setup: TotpSetup) -> impl IntoView {
    let view_box = format!("0 0 {0} {0}", setup.qr_size);
    view! {
        <ol class="setup-steps">
            <li>
                <p>{t!(i18n, two_factor.step_scan)}</p>
                <svg class="qr" viewBox=view_box role="img" aria-label=t_string!(i18n, two_factor.qr_label) shape-rendering="crispEdges">
                    <rect width="100%" height="100%" fill="#fff"></rect>
                    <path d=setup.qr_path fill="#1f2a2e"></path>
                </svg>
                <p class="hint">{t!(i18n, two_factor.manual_key)}</p>
                <p><code class="secret">{setup.secret}</code></p>
            </li>
            <li>
                <p>{t!(i18n, two_factor.step_code)}</p>
                <PostForm action={ServerAction::<ConfirmTotpEnrolment>::new()} submit=t!(i18n, two_factor.confirm_submit) let:error>
                    <Field name="code" label=t_string!(i18n, two_factor.field_code).to_string() autocomplete="one-time-code" maxlength=10 error />
                </PostForm>
            </li>
        </ol>
    }
}

/// Step three: the recovery codes, shown this once.
fn recovery_codes(i18n: leptos_i18n::I18nContext<Locale>, codes: Vec<String>) -> impl IntoView {
    view! {
        <p class="alert success" role="status">{t!(i18n, two_factor.enabled)}</p>
        <h2>{t!(i18n, two_factor.codes_title)}</h2>
        <p>{t!(i18n, two_factor.codes_lead)}</p>
        <ul class="recovery-codes">
            {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
        </ul>
        <p><a class="button primary" href="/account">{t!(i18n, two_factor.codes_done)}</a></p>
    }
}

/// For someone whose authenticator works: turn it off, to set up a new one.
fn reset_form(i18n: leptos_i18n::I18nContext<Locale>) -> impl IntoView {
    view! {
        <p class="alert success" role="status">{t!(i18n, two_factor.already_on)}</p>
        <h2>{t!(i18n, two_factor.reset_title)}</h2>
        <p>{t!(i18n, two_factor.reset_lead)}</p>
        <PostForm action={ServerAction::<ResetTwoFactor>::new()} submit=t!(i18n, two_factor.reset_submit) button="button secondary" let:error>
            <Field name="current_password" kind="password" label=t_string!(i18n, account.field_current_password).to_string() autocomplete="current-password" maxlength=128 error />
        </PostForm>
        <p><a href="/account">{t!(i18n, account.title)}</a></p>
    }
}

//! `/login/two-factor` (the second step of signing in) and `/account/two-factor` (enrolment).

use crate::{
    api::two_factor::{ResetTwoFactor, VerifySecondFactor},
    components::{
        form::{Field, FormError},
        layout::use_viewer,
    },
    domain::authz::SecondFactor,
    i18n::*,
    islands::two_factor_setup::{SetupTexts, TwoFactorSetup},
    pages::auth::action_error,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Asks for the authenticator code (or a recovery code) after the password.
#[component]
pub fn SecondFactorPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let action = ServerAction::<VerifySecondFactor>::new();
    let error = action_error(action);
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, two_factor.verify_title)}</h1>
            <p class="lead">{t!(i18n, two_factor.verify_lead)}</p>
            <ActionForm action=action attr:class="stack-form" attr:novalidate=true>
                <FormError error />
                <Field
                    name="code"
                    label=t_string!(i18n, two_factor.field_code).to_string()
                    hint=t_string!(i18n, two_factor.field_code_hint).to_string()
                    autocomplete="one-time-code"
                    maxlength=20
                    error
                />
                <input type="hidden" name="next" value=next />
                <button type="submit" class="button primary" disabled=move || action.pending().get()>
                    {t!(i18n, two_factor.verify_submit)}
                </button>
            </ActionForm>
        </section>
    }
}

/// Sets up an authenticator app (the island does the steps), or offers to reset one.
#[component]
pub fn TwoFactorSetupPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if crate::auth::signed_in().is_none() {
        leptos_axum::redirect("/login?next=/account/two-factor");
    }
    let i18n = use_i18n();
    let viewer = use_viewer();
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, two_factor.setup_title)}</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    let enrolled = matches!(
                        viewer.await,
                        Ok(Some(ref v)) if v.second_factor == SecondFactor::Done
                    );
                    if enrolled {
                        let reset = ServerAction::<ResetTwoFactor>::new();
                        let reset_error = action_error(reset);
                        view! {
                            <p class="alert success" role="status">{t!(i18n, two_factor.already_on)}</p>
                            <h2>{t!(i18n, two_factor.reset_title)}</h2>
                            <p>{t!(i18n, two_factor.reset_lead)}</p>
                            <ActionForm action=reset attr:class="stack-form" attr:novalidate=true>
                                <FormError error=reset_error />
                                <Field name="current_password" kind="password" label=t_string!(i18n, account.field_current_password).to_string() autocomplete="current-password" maxlength=128 error=reset_error />
                                <button type="submit" class="button secondary">{t!(i18n, two_factor.reset_submit)}</button>
                            </ActionForm>
                            <p><a href="/account">{t!(i18n, account.title)}</a></p>
                        }.into_any()
                    } else {
                        view! { <TwoFactorSetup texts=setup_texts(i18n) /> }.into_any()
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The setup island's texts in the person's language.
fn setup_texts(i18n: leptos_i18n::I18nContext<Locale>) -> SetupTexts {
    SetupTexts {
        lead: t_string!(i18n, two_factor.setup_lead).to_owned(),
        start: t_string!(i18n, two_factor.setup_start).to_owned(),
        step_scan: t_string!(i18n, two_factor.step_scan).to_owned(),
        qr_label: t_string!(i18n, two_factor.qr_label).to_owned(),
        manual_key: t_string!(i18n, two_factor.manual_key).to_owned(),
        step_code: t_string!(i18n, two_factor.step_code).to_owned(),
        field_code: t_string!(i18n, two_factor.field_code).to_owned(),
        confirm: t_string!(i18n, two_factor.confirm_submit).to_owned(),
        enabled: t_string!(i18n, two_factor.enabled).to_owned(),
        codes_title: t_string!(i18n, two_factor.codes_title).to_owned(),
        codes_lead: t_string!(i18n, two_factor.codes_lead).to_owned(),
        codes_done: t_string!(i18n, two_factor.codes_done).to_owned(),
        wrong_code: t_string!(i18n, errors.wrong_code).to_owned(),
        failed: t_string!(i18n, errors.internal).to_owned(),
    }
}

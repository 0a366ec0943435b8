//! `/forgot-password`, `/forgot-password/sent` and `/reset-password`.

use super::action_error;
use crate::{
    api::auth::{RequestPasswordReset, ResetPassword},
    components::form::{Field, FormError},
    i18n::*,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Asks for the address to send a reset link to.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<RequestPasswordReset>::new();
    let error = action_error(action);
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, auth.forgot_title)}</h1>
            <p class="lead">{t!(i18n, auth.forgot_lead)}</p>
            <ActionForm action=action attr:class="stack-form" attr:novalidate=true>
                <FormError error />
                <Field
                    name="email"
                    kind="email"
                    label=t_string!(i18n, auth.field_email).to_string()
                    autocomplete="email"
                    maxlength=254
                    error
                />
                <button type="submit" class="button primary" disabled=move || action.pending().get()>
                    {t!(i18n, auth.forgot_submit)}
                </button>
            </ActionForm>
        </section>
    }
}

/// Shown after asking for a reset link, whether or not the address has an account.
#[component]
pub fn ForgotSentPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, auth.check_email_title)}</h1>
            <p class="lead">{t!(i18n, auth.forgot_sent_body)}</p>
        </section>
    }
}

/// Opened from the reset mail: choose a new password.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let action = ServerAction::<ResetPassword>::new();
    let error = action_error(action);
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, auth.reset_title)}</h1>
            <Show
                when=move || !token().is_empty()
                fallback=move || view! { <p class="alert error">{t!(i18n, auth.missing_token)}</p> }
            >
                <ActionForm action=action attr:class="stack-form" attr:novalidate=true>
                    <FormError error />
                    <input type="hidden" name="token" value=token />
                    <Field
                        name="password"
                        kind="password"
                        label=t_string!(i18n, auth.field_new_password).to_string()
                        hint=t_string!(i18n, auth.field_password_hint).to_string()
                        autocomplete="new-password"
                        maxlength=128
                        error
                    />
                    <button type="submit" class="button primary" disabled=move || action.pending().get()>
                        {t!(i18n, auth.reset_submit)}
                    </button>
                </ActionForm>
            </Show>
        </section>
    }
}

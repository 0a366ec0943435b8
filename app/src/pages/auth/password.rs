//! `/forgot-password`, `/forgot-password/sent` and `/reset-password`.

use super::query_value;
use crate::{
    api::auth::{RequestPasswordReset, ResetPassword},
    components::form::{Field, PostForm},
    i18n::*,
};
use leptos::prelude::*;

/// Asks for the address to send a reset link to.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, auth.forgot_title)}</h1>
            <p class="lead">{t!(i18n, auth.forgot_lead)}</p>
            <PostForm action={ServerAction::<RequestPasswordReset>::new()} submit=t!(i18n, auth.forgot_submit) let:error>
                <Field name="email" kind="email" label=t_string!(i18n, auth.field_email).to_string() autocomplete="email" maxlength=254 error />
            </PostForm>
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
    let token = query_value("token");
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, auth.reset_title)}</h1>
            <Show
                when=move || !token().is_empty()
                fallback=move || view! { <p class="alert error">{t!(i18n, auth.missing_token)}</p> }
            >
                <PostForm action={ServerAction::<ResetPassword>::new()} submit=t!(i18n, auth.reset_submit) token let:error>
                    <Field name="password" kind="password" label=t_string!(i18n, auth.field_new_password).to_string() hint=t_string!(i18n, auth.field_password_hint).to_string() autocomplete="new-password" maxlength=128 error />
                </PostForm>
            </Show>
        </section>
    }
}

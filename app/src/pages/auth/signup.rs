//! `/signup`, `/signup/check-email` and `/verify-email`.

use super::query_value;
use crate::{
    api::auth::{ConfirmEmail, SignUp},
    components::form::{Field, LanguageField, PostForm},
    i18n::*,
    language::request_language,
};
use leptos::prelude::*;
use leptos_router::components::A;

/// The sign-up form.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let i18n = use_i18n();
    let current = request_language();
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, auth.signup_title)}</h1>
            <p class="lead">{t!(i18n, auth.signup_lead)}</p>
            <PostForm action={ServerAction::<SignUp>::new()} submit=t!(i18n, auth.signup_submit) let:error>
                <Field name="name" label=t_string!(i18n, auth.field_name).to_string() hint=t_string!(i18n, auth.field_name_hint).to_string() autocomplete="name" maxlength=120 error />
                <Field name="email" kind="email" label=t_string!(i18n, auth.field_email).to_string() autocomplete="email" maxlength=254 error />
                <Field name="password" kind="password" label=t_string!(i18n, auth.field_password).to_string() hint=t_string!(i18n, auth.field_password_hint).to_string() autocomplete="new-password" maxlength=128 error />
                <LanguageField selected=current error />
            </PostForm>
            <p class="aside-link">
                {t!(i18n, auth.have_account)} " " <A href="/login">{t!(i18n, nav.login)}</A>
            </p>
        </section>
    }
}

/// Shown after signing up.
#[component]
pub fn CheckEmailPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, auth.check_email_title)}</h1>
            <p class="lead">{t!(i18n, auth.check_email_body)}</p>
        </section>
    }
}

/// Opened from the confirmation mail; confirming takes a button press (a POST).
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = query_value("token");
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, auth.verify_title)}</h1>
            <Show
                when=move || !token().is_empty()
                fallback=move || view! { <p class="alert error">{t!(i18n, auth.missing_token)}</p> }
            >
                <p>{t!(i18n, auth.verify_body)}</p>
                <PostForm action={ServerAction::<ConfirmEmail>::new()} submit=t!(i18n, auth.verify_submit) novalidate=false token />
            </Show>
        </section>
    }
}

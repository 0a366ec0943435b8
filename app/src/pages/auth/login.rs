//! `/login`.

use super::query_value;
use crate::{
    api::auth::LogIn,
    components::form::{Field, PostForm},
    i18n::*,
};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

/// The sign-in form, with notices for the flows that end here.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let flag = move |name: &str| query.read().get(name).is_some();
    let next = query_value("next");
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, auth.login_title)}</h1>
            <Show when=move || flag("verified")>
                <p class="alert success" role="status">{t!(i18n, auth.verified_notice)}</p>
            </Show>
            <Show when=move || flag("reset")>
                <p class="alert success" role="status">{t!(i18n, auth.reset_notice)}</p>
            </Show>
            <Show when=move || flag("invited")>
                <p class="alert success" role="status">{t!(i18n, auth.invited_notice)}</p>
            </Show>
            <Show when=move || flag("signed_out")>
                <p class="alert success" role="status">{t!(i18n, auth.signed_out_notice)}</p>
            </Show>
            <PostForm action={ServerAction::<LogIn>::new()} submit=t!(i18n, auth.login_submit) let:error>
                <Field name="email" kind="email" label=t_string!(i18n, auth.field_email).to_string() autocomplete="username" maxlength=254 error />
                <Field name="password" kind="password" label=t_string!(i18n, auth.field_password).to_string() autocomplete="current-password" maxlength=128 error />
                <input type="hidden" name="next" value=next />
            </PostForm>
            <p class="aside-link">
                <A href="/forgot-password">{t!(i18n, auth.forgot_link)}</A>
            </p>
            <p class="aside-link">
                {t!(i18n, auth.no_account)} " " <A href="/signup">{t!(i18n, nav.signup)}</A>
            </p>
        </section>
    }
}

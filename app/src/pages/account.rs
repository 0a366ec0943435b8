//! `/account`: who is signed in, and signing out here or everywhere.

use crate::{
    api::{
        account::{
            ChangePassword, ConfirmEmailChange, ConfirmPasswordAgain, DeleteAccount,
            RequestEmailChange, UpdateProfile,
        },
        auth::{LogOut, LogOutEverywhere},
    },
    auth::Viewer,
    components::{
        form::{ConfirmBox, Field, LanguageField, PostForm},
        layout::use_viewer,
    },
    domain::{authz::SecondFactor, role::Role},
    i18n::*,
    pages::auth::query_value,
};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_query_map};

/// A role's name in the page's language.
pub fn role_name(i18n: leptos_i18n::I18nContext<Locale>, role: Role) -> String {
    match role {
        Role::Volunteer => t_string!(i18n, roles.volunteer).to_string(),
        Role::Trainer => t_string!(i18n, roles.trainer).to_string(),
        Role::Coordinator => t_string!(i18n, roles.coordinator).to_string(),
        Role::Admin => t_string!(i18n, roles.admin).to_string(),
    }
}

/// The account overview; visitors are pointed to the sign-in page.
#[component]
pub fn AccountPage() -> impl IntoView {
    // Decided before the page starts streaming, so the redirect is a real 302.
    #[cfg(feature = "ssr")]
    if crate::auth::signed_in().is_none() {
        leptos_axum::redirect("/login?next=/account");
    }
    let i18n = use_i18n();
    let viewer = use_viewer();
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, account.title)}</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    match viewer.await {
                        Ok(Some(viewer)) => view! { <AccountDetails viewer /> }.into_any(),
                        _ => {
                            view! {
                                <p>
                                    <A href="/login?next=/account">{t!(i18n, account.login_required)}</A>
                                </p>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn AccountDetails(viewer: Viewer) -> impl IntoView {
    let i18n = use_i18n();
    let log_out = ServerAction::<LogOut>::new();
    let everywhere = ServerAction::<LogOutEverywhere>::new();
    let roles = viewer
        .roles
        .iter()
        .map(|role| role_name(i18n, *role))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <p>
            {t!(i18n, account.signed_in_as)} " " <strong>{viewer.name.clone()}</strong> " ("
            {viewer.email.clone()} ")"
        </p>
        <dl class="facts">
            <dt>{t!(i18n, account.roles)}</dt>
            <dd>{roles}</dd>
            <dt>{t!(i18n, two_factor.manage)}</dt>
            <dd>
                {if viewer.second_factor == SecondFactor::Done {
                    t!(i18n, two_factor.status_on).into_any()
                } else {
                    view! {
                        {t!(i18n, two_factor.status_off)}
                        " – "
                        <A href="/account/two-factor">{t!(i18n, two_factor.setup_start)}</A>
                    }
                        .into_any()
                }}
            </dd>
        </dl>
        <div class="button-row">
            <ActionForm action=log_out>
                <button type="submit" class="button secondary">
                    {t!(i18n, account.logout)}
                </button>
            </ActionForm>
            <ActionForm action=everywhere>
                <button type="submit" class="button secondary" aria-describedby="everywhere-hint">
                    {t!(i18n, account.logout_everywhere)}
                </button>
            </ActionForm>
        </div>
        <p class="hint" id="everywhere-hint">
            {t!(i18n, account.logout_everywhere_hint)}
        </p>
        <AccountSettings viewer />
    }
}

/// The forms for name and language, password, address and deletion.
#[component]
fn AccountSettings(viewer: Viewer) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let saved = move || query.read().get("saved");
    view! {
        {move || {
            saved()
                .map(|what| {
                    let message = match what.as_str() {
                        "profile" => t_string!(i18n, account.saved_profile).to_string(),
                        "password" => t_string!(i18n, account.saved_password).to_string(),
                        "email-sent" => t_string!(i18n, account.saved_email_sent).to_string(),
                        "email" => t_string!(i18n, account.saved_email).to_string(),
                        _ => String::new(),
                    };
                    (!message.is_empty())
                        .then(|| view! { <p class="alert success" role="status">{message}</p> })
                })
        }}
        <section class="settings" aria-labelledby="profile-title">
            <h2 id="profile-title">{t!(i18n, account.profile_title)}</h2>
            <PostForm action={ServerAction::<UpdateProfile>::new()} submit=t!(i18n, account.profile_submit) let:error>
                <Field name="name" label=t_string!(i18n, auth.field_name).to_string() autocomplete="name" maxlength=120 value=viewer.name.clone() error />
                <LanguageField selected=viewer.language error />
            </PostForm>
        </section>
        <section class="settings" aria-labelledby="password-title">
            <h2 id="password-title">{t!(i18n, account.password_title)}</h2>
            <PostForm action={ServerAction::<ChangePassword>::new()} submit=t!(i18n, account.password_submit) let:error>
                <Field name="current_password" kind="password" label=t_string!(i18n, account.field_current_password).to_string() autocomplete="current-password" maxlength=128 error />
                <Field name="password" kind="password" label=t_string!(i18n, auth.field_new_password).to_string() hint=t_string!(i18n, auth.field_password_hint).to_string() autocomplete="new-password" maxlength=128 error />
            </PostForm>
        </section>
        <section class="settings" aria-labelledby="email-title">
            <h2 id="email-title">{t!(i18n, account.email_title)}</h2>
            <PostForm action={ServerAction::<RequestEmailChange>::new()} submit=t!(i18n, account.email_submit) let:error>
                <Field name="new_email" kind="email" label=t_string!(i18n, account.field_new_email).to_string() hint=t_string!(i18n, account.email_hint).to_string() autocomplete="email" maxlength=254 error />
                <Field name="current_password" kind="password" label=t_string!(i18n, account.field_current_password).to_string() autocomplete="current-password" maxlength=128 id_prefix="email-" error />
            </PostForm>
        </section>
        <section class="settings" id="my-data" aria-labelledby="data-title">
            <h2 id="data-title">{t!(i18n, account.data_title)}</h2>
            <p>{t!(i18n, account.data_lead)}</p>
            <p class="actions">
                <a class="button secondary" href="/account/my-data.json" download="igang-my-data.json">{t!(i18n, account.data_download)}</a>
                " "
                <a href="/privacy">{t!(i18n, account.data_privacy)}</a>
            </p>
        </section>
        <section class="settings danger" aria-labelledby="delete-title">
            <h2 id="delete-title">{t!(i18n, account.delete_title)}</h2>
            <p>{t!(i18n, account.delete_lead)}</p>
            <PostForm action={ServerAction::<DeleteAccount>::new()} submit=t!(i18n, account.delete_submit) button="button danger" let:error>
                <Field name="current_password" kind="password" label=t_string!(i18n, account.field_current_password).to_string() autocomplete="current-password" maxlength=128 id_prefix="delete-" error />
                <ConfirmBox label=t_string!(i18n, account.delete_confirm).to_string() error />
            </PostForm>
        </section>
    }
}

/// Opened from the mail sent to a new address; moving the account takes a button press.
#[component]
pub fn ConfirmEmailChangePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, account.confirm_email_title)}</h1>
            <p>{t!(i18n, account.confirm_email_body)}</p>
            <PostForm action={ServerAction::<ConfirmEmailChange>::new()} submit=t!(i18n, account.confirm_email_submit) novalidate=false token=query_value("token") />
        </section>
    }
}

/// `/account/confirm?next=…`: the password asked for again before an action that hands out
/// or takes away powers; back to the page that asked once it is given.
#[component]
pub fn ConfirmPasswordPage() -> impl IntoView {
    let next = query_value("next");
    crate::pages::admin::require_sign_in(&crate::domain::redirect::query_encode(&format!(
        "/account/confirm?next={}",
        crate::domain::redirect::query_encode(&next())
    )));
    let i18n = use_i18n();
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, account.confirm_title)}</h1>
            <p class="lead">{t!(i18n, account.confirm_lead)}</p>
            <PostForm action={ServerAction::<ConfirmPasswordAgain>::new()} submit=t!(i18n, account.confirm_submit) let:error>
                <Field name="current_password" kind="password" label=t_string!(i18n, account.field_current_password).to_string() autocomplete="current-password" maxlength=128 error />
                <input type="hidden" name="next" value=next />
            </PostForm>
        </section>
    }
}

//! `/account`: who is signed in, and signing out here or everywhere.

use crate::{
    api::auth::{LogOut, LogOutEverywhere},
    auth::Viewer,
    components::layout::use_viewer,
    domain::{authz::SecondFactor, role::Role},
    i18n::*,
};
use leptos::prelude::*;
use leptos_router::components::A;

fn role_name(i18n: leptos_i18n::I18nContext<Locale>, role: Role) -> String {
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
    }
}

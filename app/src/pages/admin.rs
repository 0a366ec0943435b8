//! `/admin/...`: people and roles, centres, invitations, audit log; and `/invitation`.

pub mod audit;
pub mod centres;
pub mod certificates;
pub mod invitations;
pub mod programmes;
pub mod users;

use crate::{components::layout::use_viewer, domain::role::Role, errors::AppError, i18n::*};
use leptos::prelude::*;
use leptos_router::components::A;

/// Sends visitors to sign in, and staff without an authenticator to set one up, before any
/// admin page renders.
pub fn require_sign_in(path: &str) {
    #[cfg(feature = "ssr")]
    match crate::auth::signed_in() {
        None => leptos_axum::redirect(&format!("/login?next={path}")),
        Some(auth)
            if auth.subject().is_staff()
                && auth.second_factor != crate::domain::authz::SecondFactor::Done =>
        {
            leptos_axum::redirect("/account/two-factor")
        }
        Some(_) => {}
    }
    #[cfg(not(feature = "ssr"))]
    let _ = path;
}

/// What a list page shows when loading it failed (most often: not allowed).
pub fn load_error(i18n: leptos_i18n::I18nContext<Locale>, error: &AppError) -> AnyView {
    // A page that cannot reach its data says so in its status too (503: try again).
    #[cfg(feature = "ssr")]
    if *error == AppError::Unavailable
        && let Some(response) = use_context::<leptos_axum::ResponseOptions>()
    {
        response.set_status(http::StatusCode::SERVICE_UNAVAILABLE);
        response.insert_header(
            http::header::RETRY_AFTER,
            http::HeaderValue::from_static(crate::errors::UNAVAILABLE_RETRY_SECS),
        );
    }
    view! { <p class="alert error" role="alert">{crate::components::form::error_message(i18n, error)}</p> }.into_any()
}

/// For a coordinator: a link to the groups of each centre they coordinate.
#[component]
fn CentreGroupLinks() -> impl IntoView {
    let i18n = use_i18n();
    let centres = Resource::new(|| (), |_| crate::api::admin::invitable_centres());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                centres.await.ok().map(|centres| view! {
                    <h2>{t!(i18n, groups.centres_title)}</h2>
                    <ul class="admin-links">
                        {centres.into_iter().map(|c| view! {
                            <li><a href=format!("/centres/{}/groups", c.id)>{c.name}</a></li>
                        }).collect_view()}
                    </ul>
                })
            })}
        </Suspense>
    }
}

/// `/admin`: the sections the signed-in person may use.
#[component]
pub fn AdminHome() -> impl IntoView {
    require_sign_in("/admin");
    let i18n = use_i18n();
    let viewer = use_viewer();
    view! {
        <section class="container page">
            <h1>{t!(i18n, admin.title)}</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    let viewer = viewer.await.ok().flatten();
                    let admin = viewer.as_ref().is_some_and(|v| v.has(Role::Admin));
                    let coordinator = viewer.as_ref().is_some_and(|v| v.has(Role::Coordinator));
                    view! {
                        <ul class="admin-links">
                            {admin.then(|| view! { <li><A href="/admin/users">{t!(i18n, admin.users_title)}</A></li> })}
                            {admin.then(|| view! { <li><A href="/admin/centres">{t!(i18n, admin.centres_title)}</A></li> })}
                            {(admin || coordinator).then(|| view! { <li><A href="/admin/invitations">{t!(i18n, admin.invitations_title)}</A></li> })}
                            {admin.then(|| view! { <li><A href="/admin/results">{t!(i18n, results.national_title)}</A></li> })}
                            {admin.then(|| view! { <li><A href="/admin/audit">{t!(i18n, admin.audit_title)}</A></li> })}
                            {admin.then(|| view! { <li><A href="/admin/programmes">{t!(i18n, admin.programmes_title)}</A></li> })}
                            {admin.then(|| view! { <li><A href="/admin/certificates">{t!(i18n, certificates.revoke_title)}</A></li> })}
                        </ul>
                        {coordinator.then(|| view! { <CentreGroupLinks /> })}
                        {(!admin && !coordinator).then(|| view! { <p>{t!(i18n, errors.forbidden)}</p> })}
                    }
                })}
            </Suspense>
        </section>
    }
}

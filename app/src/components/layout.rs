//! The frame around every page: skip link, header with navigation and language switch, footer.

use crate::{
    api::auth::current_viewer, auth::Viewer, components::language_switch::LanguageSwitch,
    domain::role::Role, errors::AppError, i18n::*,
};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The signed-in person, refreshed on every navigation (sign-in and sign-out change it).
pub type ViewerResource = Resource<Result<Option<Viewer>, AppError>>;

/// The viewer resource the layout provides.
pub fn use_viewer() -> ViewerResource {
    expect_context::<ViewerResource>()
}

/// Header, main landmark and footer around the routed page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let viewer: ViewerResource =
        Resource::new(move || location.pathname.get(), |_| current_viewer());
    provide_context(viewer);
    view! {
        <a class="skip-link" href="#main">
            {t!(i18n, site.skip)}
        </a>
        <header class="site-header">
            <div class="container header-inner">
                <a class="brand" href="/" aria-label=t_string!(i18n, site.home_link)>
                    <span class="brand-mark" aria-hidden="true"></span>
                    <span class="brand-name">{t!(i18n, site.name)}</span>
                </a>
                <nav class="site-nav" aria-label=t_string!(i18n, nav.label)>
                    <ul>
                        <li>
                            <a href="/#selvhjaelp">{t!(i18n, nav.selfhelp)}</a>
                        </li>
                        <li>
                            <a href="/courses">{t!(i18n, nav.courses)}</a>
                        </li>
                        <li>
                            <a href="/#centre">{t!(i18n, nav.centres)}</a>
                        </li>
                    </ul>
                </nav>
                <nav class="account-nav" aria-label=t_string!(i18n, nav.account)>
                    <Transition>
                        {move || Suspend::new(async move {
                            match viewer.await {
                                Ok(Some(viewer)) => {
                                    let staff = viewer.has(Role::Admin) || viewer.has(Role::Coordinator);
                                    let author = viewer.has(Role::Admin) || viewer.has(Role::Trainer);
                                    view! {
                                        <a href="/learn">{t!(i18n, nav.learn)}</a>
                                        {(author || staff).then(|| view! { <a href="/teach">{t!(i18n, nav.teach)}</a> })}
                                        {author.then(|| view! { <a href="/authoring">{t!(i18n, nav.authoring)}</a> })}
                                        {staff.then(|| view! { <a href="/admin">{t!(i18n, admin.title)}</a> })}
                                        <a href="/account">{t!(i18n, nav.account)}</a>
                                    }
                                        .into_any()
                                }
                                _ => {
                                    view! {
                                        <a href="/login">{t!(i18n, nav.login)}</a>
                                        <a class="button small" href="/signup">
                                            {t!(i18n, nav.signup)}
                                        </a>
                                    }
                                        .into_any()
                                }
                            }
                        })}
                    </Transition>
                </nav>
                <LanguageSwitch />
            </div>
        </header>
        <main id="main" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <div class="container footer-inner">
                <p>{t!(i18n, footer.about)}</p>
                <p><a href="/privacy">{t!(i18n, footer.privacy)}</a></p>
                <p><a href="/verify">{t!(i18n, footer.verify)}</a></p>
                <p class="footer-small">"© 2026 " {t!(i18n, footer.rights)}</p>
            </div>
        </footer>
    }
}

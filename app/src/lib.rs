//! Igang's pages, components, server functions and rules, shared by the server and the browser.
#![recursion_limit = "256"]

pub mod api;
pub mod auth;
pub mod components;
pub mod domain;
pub mod errors;
pub mod language;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod curriculum;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod security;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod store;

/// Translations, generated at compile time from `locales/*.json`.
#[allow(deprecated)]
mod translations {
    leptos_i18n::load_locales!();
}
pub use translations::i18n;

use crate::{
    components::layout::Layout,
    i18n::*,
    pages::{
        account::{AccountPage, ConfirmEmailChangePage},
        admin::{
            AdminHome,
            audit::AdminAudit,
            centres::AdminCentres,
            invitations::{AcceptInvitationPage, AdminInvitations},
            users::AdminUsers,
        },
        auth::{
            login::LoginPage,
            password::{ForgotPasswordPage, ForgotSentPage, ResetPasswordPage},
            signup::{CheckEmailPage, SignUpPage, VerifyEmailPage},
        },
        authoring::{
            AuthoringHome,
            course::CourseEditorPage,
            lesson::LessonEditorPage,
            versions::{CoursePreviewPage, HistoryPage, LessonPreviewPage, PublishPage},
        },
        courses::{CataloguePage, CourseOverviewPage},
        home::HomePage,
        learning::{DashboardPage, PlayerPage},
        not_found::NotFound,
        teaching::{LearnersPage, ReviewQueuePage, TeachingHome},
        two_factor::{SecondFactorPage, TwoFactorSetupPage},
    },
};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

/// The HTML document around the application, rendered on the server only.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let language = language::request_language();
    if let Some(nonce) = security::request_nonce() {
        provide_context(leptos::nonce::Nonce::from_value(nonce));
    }
    view! {
        <!DOCTYPE html>
        <html lang=language.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <HydrationScripts options />
                <leptos_meta::MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The application: language, metadata and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    language::provide_i18n(language::request_language());
    let i18n = use_i18n();

    view! {
        <Stylesheet id="leptos" href="/pkg/igang.css" />
        <Link rel="icon" href="/favicon.ico" />
        <Title text=t_string!(i18n, site.title) />
        <Meta name="description" content=t_string!(i18n, site.description) />
        <Meta name="color-scheme" content="light" />
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/signup") view=SignUpPage />
                    <Route path=path!("/signup/check-email") view=CheckEmailPage />
                    <Route path=path!("/verify-email") view=VerifyEmailPage />
                    <Route path=path!("/login") view=LoginPage />
                    <Route path=path!("/forgot-password") view=ForgotPasswordPage />
                    <Route path=path!("/forgot-password/sent") view=ForgotSentPage />
                    <Route path=path!("/reset-password") view=ResetPasswordPage />
                    <Route path=path!("/account") view=AccountPage />
                    <Route path=path!("/login/two-factor") view=SecondFactorPage />
                    <Route path=path!("/confirm-email-change") view=ConfirmEmailChangePage />
                    <Route path=path!("/admin") view=AdminHome />
                    <Route path=path!("/admin/users") view=AdminUsers />
                    <Route path=path!("/admin/centres") view=AdminCentres />
                    <Route path=path!("/admin/invitations") view=AdminInvitations />
                    <Route path=path!("/admin/audit") view=AdminAudit />
                    <Route path=path!("/invitation") view=AcceptInvitationPage />
                    <Route path=path!("/account/two-factor") view=TwoFactorSetupPage />
                    <Route path=path!("/courses") view=CataloguePage />
                    <Route path=path!("/courses/:slug") view=CourseOverviewPage />
                    <Route path=path!("/learn") view=DashboardPage />
                    <Route path=path!("/learn/lessons/:id") view=PlayerPage />
                    <Route path=path!("/teach") view=TeachingHome />
                    <Route path=path!("/teach/courses/:id") view=LearnersPage />
                    <Route path=path!("/teach/reviews") view=ReviewQueuePage />
                    <Route path=path!("/authoring") view=AuthoringHome />
                    <Route path=path!("/authoring/courses/:id") view=CourseEditorPage />
                    <Route path=path!("/authoring/courses/:id/publish") view=PublishPage />
                    <Route path=path!("/authoring/courses/:id/history") view=HistoryPage />
                    <Route path=path!("/authoring/courses/:id/preview") view=CoursePreviewPage />
                    <Route path=path!("/authoring/lessons/:id") view=LessonEditorPage />
                    <Route path=path!("/authoring/lessons/:id/preview") view=LessonPreviewPage />
                </Routes>
            </Layout>
        </Router>
    }
}

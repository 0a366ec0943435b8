//! Igang's pages, components, server functions and rules, shared by the server and the browser.
#![recursion_limit = "256"]

pub mod api;
pub mod auth;
pub mod components;
pub mod domain;
pub mod errors;
pub mod islands;
pub mod language;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod calendar;
#[cfg(feature = "ssr")]
pub mod credentials;
#[cfg(feature = "ssr")]
pub mod curriculum;
#[cfg(feature = "ssr")]
pub mod documents;
#[cfg(feature = "ssr")]
mod head;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod reminders;
#[cfg(feature = "ssr")]
pub mod retention;
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
        account::{AccountPage, ConfirmEmailChangePage, ConfirmPasswordPage},
        admin::{
            AdminHome,
            audit::AdminAudit,
            centres::AdminCentres,
            certificates::AdminCertificates,
            invitations::{AcceptInvitationPage, AdminInvitations},
            programmes::{AdminProgramme, AdminProgrammes},
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
        certificates::{MyCertificatesPage, VerifyPage},
        courses::{CataloguePage, CourseOverviewPage},
        home::HomePage,
        learning::{DashboardPage, PlayerPage},
        matching::{
            groups::{CentreGroupsPage, GroupPage},
            life::MyGroupsPage,
            profile::ProfilePage,
            requests::RequestsPage,
            survey::SurveyPage,
        },
        not_found::NotFound,
        privacy::PrivacyPage,
        results::{CentreDashboardPage, NationalDashboardPage, TrainingDashboardPage},
        sign_offs::SignOffQueuePage,
        teaching::{LearnersPage, ReviewQueuePage, TeachingHome},
        two_factor::{SecondFactorPage, TwoFactorSetupPage},
        workshops::{AttendancePage, ScheduleWorkshopsPage, WorkshopsPage},
    },
};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

/// Every page is rendered whole before it is sent: it reads the same with JavaScript off,
/// a redirect or status decided anywhere in it still applies, and the server can tell
/// whether it holds an island before the first byte leaves.
const PAGE: SsrMode = SsrMode::Async;

/// The HTML document around the application, rendered on the server only.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let language = language::request_language();
    let nonce = security::request_nonce();
    if let Some(nonce) = &nonce {
        provide_context(leptos::nonce::Nonce::from_value(nonce.as_str()));
    }
    view! {
        <!DOCTYPE html>
        <html lang=language.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                // The stylesheet, then the islands script's tags, which the server takes
                // out again from pages without an island (its `islands`).
                {head::site_head(&options, nonce.as_deref())}
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
        <Link rel="icon" href="/favicon.ico" />
        <Title text=t_string!(i18n, site.title) />
        <Meta name="description" content=t_string!(i18n, site.description) />
        <Meta name="color-scheme" content="light" />
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=PAGE />
                    <Route path=path!("/signup") view=SignUpPage ssr=PAGE />
                    <Route path=path!("/signup/check-email") view=CheckEmailPage ssr=PAGE />
                    <Route path=path!("/verify-email") view=VerifyEmailPage ssr=PAGE />
                    <Route path=path!("/login") view=LoginPage ssr=PAGE />
                    <Route path=path!("/forgot-password") view=ForgotPasswordPage ssr=PAGE />
                    <Route path=path!("/forgot-password/sent") view=ForgotSentPage ssr=PAGE />
                    <Route path=path!("/reset-password") view=ResetPasswordPage ssr=PAGE />
                    <Route path=path!("/account") view=AccountPage ssr=PAGE />
                    <Route path=path!("/account/confirm") view=ConfirmPasswordPage ssr=PAGE />
                    <Route path=path!("/login/two-factor") view=SecondFactorPage ssr=PAGE />
                    <Route path=path!("/confirm-email-change") view=ConfirmEmailChangePage ssr=PAGE />
                    <Route path=path!("/admin") view=AdminHome ssr=PAGE />
                    <Route path=path!("/admin/users") view=AdminUsers ssr=PAGE />
                    <Route path=path!("/admin/centres") view=AdminCentres ssr=PAGE />
                    <Route path=path!("/admin/invitations") view=AdminInvitations ssr=PAGE />
                    <Route path=path!("/admin/audit") view=AdminAudit ssr=PAGE />
                    <Route path=path!("/admin/results") view=NationalDashboardPage ssr=PAGE />
                    <Route path=path!("/admin/certificates") view=AdminCertificates ssr=PAGE />
                    <Route path=path!("/admin/programmes") view=AdminProgrammes ssr=PAGE />
                    <Route path=path!("/admin/programmes/:slug") view=AdminProgramme ssr=PAGE />
                    <Route path=path!("/invitation") view=AcceptInvitationPage ssr=PAGE />
                    <Route path=path!("/account/two-factor") view=TwoFactorSetupPage ssr=PAGE />
                    <Route path=path!("/courses") view=CataloguePage ssr=PAGE />
                    <Route path=path!("/courses/:slug") view=CourseOverviewPage ssr=PAGE />
                    <Route path=path!("/learn") view=DashboardPage ssr=PAGE />
                    <Route path=path!("/learn/lessons/:id") view=PlayerPage ssr=PAGE />
                    <Route path=path!("/teach") view=TeachingHome ssr=PAGE />
                    <Route path=path!("/teach/courses/:id") view=LearnersPage ssr=PAGE />
                    <Route path=path!("/teach/reviews") view=ReviewQueuePage ssr=PAGE />
                    <Route path=path!("/teach/results") view=TrainingDashboardPage ssr=PAGE />
                    <Route path=path!("/teach/workshops") view=ScheduleWorkshopsPage ssr=PAGE />
                    <Route path=path!("/teach/sign-offs") view=SignOffQueuePage ssr=PAGE />
                    <Route path=path!("/teach/workshops/:id") view=AttendancePage ssr=PAGE />
                    <Route path=path!("/workshops") view=WorkshopsPage ssr=PAGE />
                    <Route path=path!("/certificates") view=MyCertificatesPage ssr=PAGE />
                    <Route path=path!("/profile") view=ProfilePage ssr=PAGE />
                    <Route path=path!("/requests") view=RequestsPage ssr=PAGE />
                    <Route path=path!("/my-groups") view=MyGroupsPage ssr=PAGE />
                    <Route path=path!("/survey/:token") view=SurveyPage ssr=PAGE />
                    <Route path=path!("/centres/:centre/groups") view=CentreGroupsPage ssr=PAGE />
                    <Route path=path!("/centres/:centre/dashboard") view=CentreDashboardPage ssr=PAGE />
                    <Route path=path!("/groups/:id") view=GroupPage ssr=PAGE />
                    <Route path=path!("/privacy") view=PrivacyPage ssr=PAGE />
                    <Route path=path!("/verify") view=VerifyPage ssr=PAGE />
                    <Route path=path!("/verify/:code") view=VerifyPage ssr=PAGE />
                    <Route path=path!("/authoring") view=AuthoringHome ssr=PAGE />
                    <Route path=path!("/authoring/courses/:id") view=CourseEditorPage ssr=PAGE />
                    <Route path=path!("/authoring/courses/:id/publish") view=PublishPage ssr=PAGE />
                    <Route path=path!("/authoring/courses/:id/history") view=HistoryPage ssr=PAGE />
                    <Route path=path!("/authoring/courses/:id/preview") view=CoursePreviewPage ssr=PAGE />
                    <Route path=path!("/authoring/lessons/:id") view=LessonEditorPage ssr=PAGE />
                    <Route path=path!("/authoring/lessons/:id/preview") view=LessonPreviewPage ssr=PAGE />
                </Routes>
            </Layout>
        </Router>
    }
}

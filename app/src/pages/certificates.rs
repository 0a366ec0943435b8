//! Certificates: `/certificates`, a volunteer's own with their progress towards the rest, and
//! `/verify` and `/verify/:code`, where anyone checks a certificate by its code.

use crate::{
    api::certification::{
        CertificateCard, ProgrammeProgress, Step, Verification, load_my_certification,
        verify_certificate,
    },
    domain::certification::CertificateStatus,
    i18n::*,
    pages::admin::{load_error, require_sign_in},
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// A certificate's status in the page's language, with its CSS class.
fn status_label(
    i18n: leptos_i18n::I18nContext<Locale>,
    status: CertificateStatus,
) -> (&'static str, String) {
    match status {
        CertificateStatus::Valid => ("ok", t_string!(i18n, certificates.valid).to_string()),
        CertificateStatus::Expired => {
            ("waiting", t_string!(i18n, certificates.expired).to_string())
        }
        CertificateStatus::Revoked => ("bad", t_string!(i18n, certificates.revoked).to_string()),
    }
}

/// `/certificates`: the signed-in person's certificates and what the others still need.
#[component]
pub fn MyCertificatesPage() -> impl IntoView {
    require_sign_in("/certificates");
    let i18n = use_i18n();
    let mine = Resource::new(|| (), |_| load_my_certification());
    view! {
        <section class="container page">
            <h1>{t!(i18n, certificates.title)}</h1>
            <Transition>
                {move || Suspend::new(async move {
                    match mine.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(mine) => view! {
                            {mine.certificates.is_empty().then(|| view! { <p class="empty">{t!(i18n, certificates.none_yet)}</p> })}
                            <ul class="certificates">
                                {mine.certificates.into_iter().map(|card| view! { <CertificateItem card /> }).collect_view()}
                            </ul>
                            {mine.progress.into_iter().map(|progress| view! { <ProgressItem progress /> }).collect_view()}
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn CertificateItem(card: CertificateCard) -> impl IntoView {
    let i18n = use_i18n();
    let (class, label) = status_label(i18n, card.status);
    let link = format!("/verify/{}", card.code);
    view! {
        <li class="certificate panel">
            <h2>{card.programme.clone()}</h2>
            <p class=format!("status {class}")>{label}</p>
            <dl class="facts">
                <dt>{t!(i18n, certificates.code)}</dt>
                <dd><code>{card.code.clone()}</code></dd>
                <dt>{t!(i18n, certificates.issued)}</dt>
                <dd>{card.issued.clone()}</dd>
                {card.expires.clone().map(|e| view! { <dt>{t!(i18n, certificates.expires)}</dt><dd>{e}</dd> })}
                {card.revoked_on.clone().map(|r| view! { <dt>{t!(i18n, certificates.revoked_on)}</dt><dd>{r}</dd> })}
            </dl>
            <p class="actions">
                <a class="button" href=link.clone()>{t!(i18n, certificates.public_page)}</a>
                " "
                <a class="button" href=format!("{link}/certificate.pdf")>{t!(i18n, certificates.download_pdf)}</a>
                " "
                <a class="button" href=format!("{link}/credential.jwt") download="">{t!(i18n, certificates.download_credential)}</a>
            </p>
            <p class="hint">{t!(i18n, certificates.share_hint)}</p>
            <p class="hint">{t!(i18n, certificates.credential_hint)}</p>
        </li>
    }
}

#[component]
fn ProgressItem(progress: ProgrammeProgress) -> impl IntoView {
    let i18n = use_i18n();
    let steps = progress
        .steps
        .into_iter()
        .map(|step| match step {
            Step::Course(courses) => view! {
                <li>
                    {t!(i18n, certificates.step_course)} " "
                    {courses.into_iter().map(|(title, href)| view! { <a href=href>{title}</a> " " }).collect_view()}
                </li>
            }
            .into_any(),
            Step::Quiz { courses, min_percent, best } => {
                let best = best.map(|b| b.to_string()).unwrap_or_else(|| "–".into());
                view! {
                    <li>{t!(i18n, certificates.step_quiz, percent = min_percent, best = best, courses = courses.join(", "))}</li>
                }
                .into_any()
            }
            Step::Reflections { waiting, sent_back } => view! {
                <li>{t!(i18n, certificates.step_reflections, waiting = waiting, sent_back = sent_back)}</li>
            }
            .into_any(),
            Step::Workshops { attended, required } => view! {
                <li>
                    {t!(i18n, certificates.step_workshops, attended = attended, required = required)} " "
                    <a href="/workshops">{t!(i18n, certificates.find_workshop)}</a>
                </li>
            }
            .into_any(),
            Step::SignOff(what) => view! {
                <li>{t!(i18n, certificates.step_sign_off)} " " {what}</li>
            }
            .into_any(),
        })
        .collect_view();
    view! {
        <section class="panel programme-progress">
            <h2>{progress.title.clone()}</h2>
            <p>{progress.criteria.clone()}</p>
            {progress.awaiting_sign_off.then(|| view! { <p class="status waiting">{t!(i18n, certificates.awaiting_sign_off)}</p> })}
            <h3>{t!(i18n, certificates.still_open)}</h3>
            <ul class="steps">{steps}</ul>
        </section>
    }
}

/// `/verify` and `/verify/:code`: a form for the code, and what the code shows.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let code = move || {
        params
            .read()
            .get("code")
            .or_else(|| query.read().get("code"))
            .unwrap_or_default()
    };
    let result = Resource::new(code, |code| async move {
        if code.trim().is_empty() {
            None
        } else {
            Some(verify_certificate(code).await)
        }
    });
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, certificates.verify_title)}</h1>
            <p class="lead">{t!(i18n, certificates.verify_lead)}</p>
            <Transition>
                {move || Suspend::new(async move {
                    match result.await {
                        None => ().into_any(),
                        Some(Ok(found)) => view! { <Verified found /> }.into_any(),
                        Some(Err(_)) => view! { <p class="alert error" role="alert">{t!(i18n, certificates.not_found)}</p> }.into_any(),
                    }
                })}
            </Transition>
            <form method="get" action="/verify" class="stack-form">
                <div class="field">
                    <label for="field-code">{t!(i18n, certificates.code)}</label>
                    <input id="field-code" name="code" autocomplete="off" spellcheck="false" placeholder="XXXX-XXXX-XXXX-XXXX" required />
                </div>
                <button type="submit" class="button primary">{t!(i18n, certificates.verify_submit)}</button>
            </form>
        </section>
    }
}

#[component]
fn Verified(found: Verification) -> impl IntoView {
    let i18n = use_i18n();
    let (class, label) = status_label(i18n, found.status);
    view! {
        <article class=format!("verified panel {class}") aria-live="polite">
            <p class=format!("status {class}")>{label}</p>
            <h2>{found.programme.clone()}</h2>
            <dl class="facts">
                <dt>{t!(i18n, certificates.holder)}</dt>
                <dd>{found.holder.clone().unwrap_or_else(|| t_string!(i18n, certificates.holder_removed).to_string())}</dd>
                <dt>{t!(i18n, certificates.code)}</dt>
                <dd><code>{found.code.clone()}</code></dd>
                <dt>{t!(i18n, certificates.issued)}</dt>
                <dd>{found.issued.clone()}</dd>
                {found.renewed.clone().map(|r| view! { <dt>{t!(i18n, certificates.renewed)}</dt><dd>{r}</dd> })}
                {found.expires.clone().map(|e| view! { <dt>{t!(i18n, certificates.expires)}</dt><dd>{e}</dd> })}
                {found.revoked_on.clone().map(|r| view! { <dt>{t!(i18n, certificates.revoked_on)}</dt><dd>{r}</dd> })}
            </dl>
        </article>
    }
}

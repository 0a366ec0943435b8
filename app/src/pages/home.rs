//! The landing page: what Igang is, for whom, and how it works.

use crate::{
    components::values::{Value, Values},
    i18n::*,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/`: the Danish-first introduction to Igang.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let deleted = move || query.read().get("deleted").is_some();
    view! {
        <section class="hero">
            <div class="container hero-inner">
                <Show when=deleted>
                    <p class="alert success" role="status">{t!(i18n, home.deleted_notice)}</p>
                </Show>
                <p class="eyebrow">{t!(i18n, home.eyebrow)}</p>
                <h1>{t!(i18n, home.title)}</h1>
                <p class="lead">{t!(i18n, home.lead)}</p>
                <p class="actions">
                    <a class="button primary" href="#uddannelse">
                        {t!(i18n, home.cta_training)}
                    </a>
                    <a class="button secondary" href="#centre">
                        {t!(i18n, home.cta_centres)}
                    </a>
                </p>
            </div>
        </section>

        <section class="band" id="selvhjaelp" aria-labelledby="selfhelp-title">
            <div class="container two-col">
                <div>
                    <h2 id="selfhelp-title">{t!(i18n, home.selfhelp_title)}</h2>
                    <p>{t!(i18n, home.selfhelp_body1)}</p>
                    <p>{t!(i18n, home.selfhelp_body2)}</p>
                    <p class="note">{t!(i18n, home.selfhelp_network)}</p>
                </div>
                <div>
                    <h2 id="values-title">{t!(i18n, home.values_title)}</h2>
                    <p>{t!(i18n, home.values_intro)}</p>
                    <Values label=t_string!(i18n, values.label).to_owned() values=values(i18n) />
                </div>
            </div>
        </section>

        <section class="band alt" id="uddannelse" aria-labelledby="steps-title">
            <div class="container">
                <h2 id="steps-title">{t!(i18n, home.steps_title)}</h2>
                <ol class="steps">
                    <li>
                        <h3>{t!(i18n, home.step1_title)}</h3>
                        <p>{t!(i18n, home.step1_body)}</p>
                    </li>
                    <li>
                        <h3>{t!(i18n, home.step2_title)}</h3>
                        <p>{t!(i18n, home.step2_body)}</p>
                    </li>
                    <li>
                        <h3>{t!(i18n, home.step3_title)}</h3>
                        <p>{t!(i18n, home.step3_body)}</p>
                    </li>
                </ol>
            </div>
        </section>

        <section class="band" id="centre" aria-labelledby="centres-title">
            <div class="container two-col">
                <div>
                    <h2 id="centres-title">{t!(i18n, home.centres_title)}</h2>
                    <p>{t!(i18n, home.centres_body)}</p>
                </div>
                <aside class="privacy-card" aria-labelledby="privacy-title">
                    <h2 id="privacy-title">{t!(i18n, home.privacy_title)}</h2>
                    <p>{t!(i18n, home.privacy_body)}</p>
                </aside>
            </div>
        </section>
    }
}

/// The three values in the visitor's language.
fn values(i18n: leptos_i18n::I18nContext<Locale>) -> Vec<Value> {
    [
        (
            "gensidighed",
            t_string!(i18n, values.mutuality),
            t_string!(i18n, values.mutuality_body),
        ),
        (
            "ligevaerdighed",
            t_string!(i18n, values.equality),
            t_string!(i18n, values.equality_body),
        ),
        (
            "medmenneskelighed",
            t_string!(i18n, values.humanity),
            t_string!(i18n, values.humanity_body),
        ),
    ]
    .into_iter()
    .map(|(slug, title, body)| Value {
        slug,
        title: title.to_owned(),
        body: body.to_owned(),
    })
    .collect()
}

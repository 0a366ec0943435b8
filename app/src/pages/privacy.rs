//! `/privacy`: what Igang stores about people, why, for how long, and how to get it or have
//! it deleted. Linked from every page's footer.

use crate::i18n::*;
use leptos::prelude::*;

/// The page.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <article class="container narrow page privacy-page">
            <h1>{t!(i18n, privacy.title)}</h1>
            <p class="lead">{t!(i18n, privacy.lead)}</p>

            <h2>{t!(i18n, privacy.stored_title)}</h2>
            <ul>
                <li>{t!(i18n, privacy.stored_account)}</li>
                <li>{t!(i18n, privacy.stored_learning)}</li>
                <li>{t!(i18n, privacy.stored_certificates)}</li>
                <li>{t!(i18n, privacy.stored_profile)}</li>
                <li>{t!(i18n, privacy.stored_groups)}</li>
                <li>{t!(i18n, privacy.stored_survey)}</li>
                <li>{t!(i18n, privacy.stored_log)}</li>
            </ul>

            <h2>{t!(i18n, privacy.why_title)}</h2>
            <p>{t!(i18n, privacy.why)}</p>
            <p>{t!(i18n, privacy.who_sees)}</p>

            <h2>{t!(i18n, privacy.how_long_title)}</h2>
            <ul>
                <li>{t!(i18n, privacy.keep_account)}</li>
                <li>{t!(i18n, privacy.keep_sessions)}</li>
                <li>{t!(i18n, privacy.keep_links)}</li>
                <li>{t!(i18n, privacy.keep_mail)}</li>
                <li>{t!(i18n, privacy.keep_log)}</li>
            </ul>

            <h2>{t!(i18n, privacy.rights_title)}</h2>
            <p>{t!(i18n, privacy.rights_get)}</p>
            <p>{t!(i18n, privacy.rights_fix)}</p>
            <p>{t!(i18n, privacy.rights_delete)}</p>
            <p><a class="button secondary" href="/account#my-data">{t!(i18n, privacy.to_account)}</a></p>
        </article>
    }
}

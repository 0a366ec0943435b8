//! The language switch: a plain form, so it works before and without JavaScript.

use crate::{domain::language::Language, i18n::*, language::request_language};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Buttons for Danish, Norwegian and English; posts to `/language` and returns to this page.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let current = request_language();
    let location = use_location();
    let next = move || location.pathname.get();
    view! {
        <form class="lang-switch" method="post" action="/language">
            <input type="hidden" name="next" value=next />
            <fieldset>
                <legend class="visually-hidden">{t!(i18n, lang.label)}</legend>
                {Language::ALL
                    .into_iter()
                    .map(|language| {
                        let is_current = language == current;
                        view! {
                            <button
                                type="submit"
                                name="lang"
                                value=language.code()
                                lang=language.code()
                                class:current=is_current
                                aria-current=is_current.then_some("true")
                            >
                                {language.native_name()}
                            </button>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </form>
    }
}

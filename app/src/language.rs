//! The language of the current page: chosen on the server, carried to the browser in `<html lang>`.

use crate::{domain::language::Language, i18n::Locale};
use leptos::prelude::*;

/// The i18n locale for a language.
pub fn to_locale(language: Language) -> Locale {
    match language {
        Language::Da => Locale::da,
        Language::Nb => Locale::nb,
        Language::En => Locale::en,
    }
}

/// The language of the page being rendered, available to every component.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageLanguage(pub Language);

/// Makes `language` the page's language for `use_i18n()` and [`PageLanguage`].
pub fn provide_i18n(language: Language) {
    let context = leptos_i18n::context::init_i18n_subcontext::<Locale>(Some(Signal::stored(
        to_locale(language),
    )));
    provide_context(context);
    provide_context(PageLanguage(language));
}

/// The page language for this render.
///
/// On the server it is resolved from the request (account setting, the switch's cookie,
/// `Accept-Language`, Danish); in the browser it is read back from `<html lang>`, so
/// hydration always agrees with what the server rendered.
pub fn request_language() -> Language {
    if let Some(PageLanguage(language)) = use_context::<PageLanguage>() {
        return language;
    }
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .map(|parts| language_of_request(&parts))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|root| root.get_attribute("lang"))
            .and_then(|tag| tag.parse().ok())
            .unwrap_or_default()
    }
}

/// The signed-in person's own language, when the request carries one.
#[cfg(feature = "ssr")]
#[derive(Clone, Copy, Debug)]
pub struct AccountLanguage(pub Language);

/// Resolves the language of an HTTP request.
#[cfg(feature = "ssr")]
pub fn language_of_request(parts: &http::request::Parts) -> Language {
    let account = parts.extensions.get::<AccountLanguage>().map(|a| a.0);
    let cookie =
        crate::security::cookie_value(&parts.headers, crate::domain::language::LANGUAGE_COOKIE);
    let accept = parts
        .headers
        .get(http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Language::resolve(account, cookie.as_deref(), accept)
}

#[cfg(test)]
mod tests {
    use serde_json::Value;
    use std::collections::BTreeSet;

    fn keys(prefix: &str, value: &Value, out: &mut BTreeSet<String>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    keys(&format!("{prefix}{k}."), v, out);
                }
            }
            Value::String(s) => {
                assert!(!s.trim().is_empty(), "empty translation for {prefix}");
                out.insert(prefix.trim_end_matches('.').to_owned());
            }
            other => panic!("unexpected value at {prefix}: {other}"),
        }
    }

    fn load(code: &str) -> BTreeSet<String> {
        let path = format!("{}/locales/{code}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("locale file");
        let json: Value = serde_json::from_str(&text).expect("valid JSON");
        let mut out = BTreeSet::new();
        keys("", &json, &mut out);
        out
    }

    #[test]
    fn every_language_translates_every_key() {
        let danish = load("da");
        assert!(danish.len() > 40, "the Danish file looks truncated");
        for code in ["nb", "en"] {
            let other = load(code);
            let missing: Vec<_> = danish.difference(&other).collect();
            let extra: Vec<_> = other.difference(&danish).collect();
            assert!(missing.is_empty(), "{code} lacks {missing:?}");
            assert!(extra.is_empty(), "{code} has keys Danish lacks: {extra:?}");
        }
    }
}

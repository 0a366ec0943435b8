//! Searches towns while the person types.
//!
//! The search box, its plain form and the list of towns to choose from are rendered on the
//! server; without JavaScript the search is a form that reloads the page with the towns found.
//! This island listens for typing in the box (`name="q"`) and, once typing pauses, asks for
//! the same page with that search and puts its list of towns (`.place-choices`) and its
//! status line (`.place-status`) in place of the ones shown.

use super::{in_browser, typing_area};
use leptos::prelude::*;

/// Wraps the search form and the form holding the list of towns.
#[island(lazy)]
pub fn PlacePicker(children: Children) -> impl IntoView {
    typing_area("place-picker", in_browser!(browser::typed), children)
}

#[cfg(feature = "hydrate")]
mod browser {
    use crate::islands::browser::{Latest, after_pause, get, target};
    use web_sys::{DomParser, Element, Event, HtmlInputElement, SupportedType, UrlSearchParams};

    /// The element matching `selector` in `root`.
    fn find(root: &Element, selector: &str) -> Option<Element> {
        root.query_selector(selector).ok().flatten()
    }

    /// Fetches the page for the query typed, once typing pauses, and shows its towns.
    pub fn typed(event: &Event, latest: Latest) {
        let Some(input) = target::<HtmlInputElement>(event).filter(|i| i.name() == "q") else {
            return;
        };
        let Some(picker) = input.closest(".place-picker").ok().flatten() else {
            return;
        };
        let Some(form) = input.form() else { return };
        let query = input.value();
        after_pause(latest, move || async move {
            let Ok(params) = UrlSearchParams::new() else {
                return;
            };
            params.append("q", query.trim());
            let url = format!("{}?{}", form.action(), String::from(params.to_string()));
            let Some(html) = get(&url).await.filter(|_| latest.holds()) else {
                return;
            };
            let Ok(parser) = DomParser::new() else { return };
            let Ok(page) = parser.parse_from_string(&html, SupportedType::TextHtml) else {
                return;
            };
            let Some(fresh) = page.document_element() else {
                return;
            };
            for part in [".place-choices", ".place-status"] {
                if let (Some(old), Some(new)) = (find(&picker, part), find(&fresh, part)) {
                    old.set_inner_html(&new.inner_html());
                }
            }
        });
    }
}

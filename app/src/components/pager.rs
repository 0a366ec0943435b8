//! Previous/next links for paginated lists.

use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::params::ParamsMap;

/// The `page` query parameter (from 1), as a reactive closure; 1 when missing or malformed.
pub fn page_from_query(query: Memo<ParamsMap>) -> impl Fn() -> u64 + Copy + Send + Sync + 'static {
    move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1)
    }
}

/// Links to the neighbouring pages of `path`, keeping `extra` query parameters.
#[component]
pub fn Pager(
    #[prop(into)] path: String,
    page: u64,
    pages: u64,
    #[prop(optional, into)] extra: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let link = move |p: u64| format!("{path}?page={p}{extra}");
    let (prev, next) = (link(page.saturating_sub(1)), link(page + 1));
    view! {
        <nav class="pager" aria-label=t_string!(i18n, admin.pages_label)>
            {(page > 1).then(|| view! { <a href=prev.clone() rel="prev">{t!(i18n, admin.previous)}</a> })}
            <span>{t!(i18n, admin.page_of, page = move || page, pages = move || pages)}</span>
            {(page < pages).then(|| view! { <a href=next.clone() rel="next">{t!(i18n, admin.next)}</a> })}
        </nav>
    }
}

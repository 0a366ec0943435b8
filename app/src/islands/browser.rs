//! Browser-side helpers shared by the islands: waiting for typing to pause, posting a
//! form-encoded body the way a page without JavaScript would (asking for a JSON answer), and
//! fetching a page's HTML.

pub use super::Latest;
use leptos::{prelude::set_timeout, wasm_bindgen::JsCast};
use std::{future::Future, time::Duration};
use web_sys::{Element, Event, RequestInit, Response, UrlSearchParams};

/// How long typing must pause before an island acts on it.
const SETTLE: Duration = Duration::from_millis(600);

/// After typing pauses, runs `work` if no newer edit came meanwhile.
pub fn after_pause<F>(latest: Latest, work: impl FnOnce() -> F + 'static)
where
    F: Future<Output = ()> + 'static,
{
    set_timeout(
        move || {
            if latest.holds() {
                leptos::task::spawn_local(work());
            }
        },
        SETTLE,
    );
}

/// Posts `body` to `url`; the answer's text when the server accepted it.
pub async fn post(url: &str, body: &UrlSearchParams) -> Option<String> {
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(body);
    fetch_text(url, init, "application/json").await
}

/// Fetches the page at `url` as a browser would follow a link; its HTML when it answered.
pub async fn get(url: &str) -> Option<String> {
    let init = RequestInit::new();
    init.set_method("GET");
    fetch_text(url, init, "text/html").await
}

/// Sends `init` to `url` asking for `accept`; the answer's text when it is a success.
async fn fetch_text(url: &str, init: RequestInit, accept: &str) -> Option<String> {
    let headers = web_sys::Headers::new().ok()?;
    headers.set("Accept", accept).ok()?;
    init.set_headers(&headers);
    let answer = web_sys::window()?.fetch_with_str_and_init(url, &init);
    let response: Response = wasm_bindgen_futures::JsFuture::from(answer)
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// The element an event happened on, as type `T`.
pub fn target<T: JsCast>(event: &Event) -> Option<T> {
    event.target()?.dyn_into().ok()
}

/// The first element matching `selector` inside the nearest ancestor matching `around`.
pub fn near(from: &Element, around: &str, selector: &str) -> Option<Element> {
    from.closest(around).ok()??.query_selector(selector).ok()?
}

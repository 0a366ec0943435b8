//! The interactive parts of pages ("islands"): the only view code compiled for the browser.
//!
//! Every page is rendered on the server and works as plain links and forms. An island adds
//! what needs the browser (saving while typing, a live preview, fields that follow a choice)
//! to server-rendered children: it takes no props and talks to the server with plain `fetch`
//! posts, so the browser build carries no serializer, no server-function client and no
//! translation tables. The server sends the islands script only with pages that contain one.

pub mod markdown_editor;
pub mod place_picker;
pub mod question_kind;
pub mod reflection_draft;

/// The element name the server renders around an island, and looks for to decide whether a
/// page needs the islands script.
pub const ISLAND_TAG: &str = "<leptos-island";

use leptos::prelude::*;

#[cfg(feature = "hydrate")]
mod browser;

/// True once the island runs in the browser (effects never run on the server). Each island
/// marks an element `data-ready` with it, so people and tests can tell when it is awake.
pub fn awake() -> Signal<bool> {
    let (awake, set_awake) = signal(false);
    Effect::new(move |_| set_awake.set(true));
    awake.into()
}

/// The wrapper of an island that acts on typing: a `div` of class `class` around the
/// server-rendered `children`, marked `data-ready` once awake, handing each edit to `typed`.
pub fn typing_area(
    class: &'static str,
    typed: fn(&leptos::ev::Event, Latest),
    children: Children,
) -> impl IntoView {
    let ready = awake();
    let on_input = on_typing(typed);
    view! {
        <div class=class data-ready=move || ready.get().then_some("") on:input=on_input>
            {children()}
        </div>
    }
}

/// A stand-in for an island's browser-side handler on the server, where no event comes.
#[cfg(not(feature = "hydrate"))]
pub fn no_typing(_: &leptos::ev::Event, _: Latest) {}

/// The handler for [`typing_area`] at `$handler`, which only the browser build has: the server
/// gets [`no_typing`] in its place.
macro_rules! in_browser {
    ($handler:path) => {{
        #[cfg(feature = "hydrate")]
        let handler = $handler;
        #[cfg(not(feature = "hydrate"))]
        let handler = $crate::islands::no_typing;
        handler
    }};
}
use in_browser;

/// Which edit some work was started for; it can tell whether a newer one has come since.
#[derive(Clone, Copy)]
pub struct Latest {
    edits: StoredValue<u32>,
    mine: u32,
}

impl Latest {
    /// No newer edit has come.
    pub fn holds(self) -> bool {
        self.edits.get_value() == self.mine
    }
}

/// An input handler that counts the edits and hands each event to `typed` with its [`Latest`].
fn on_typing(
    typed: fn(&leptos::ev::Event, Latest),
) -> impl Fn(leptos::ev::Event) + Copy + Send + Sync + 'static {
    let edits = StoredValue::new(0u32);
    move |event| {
        edits.update_value(|n| *n += 1);
        typed(
            &event,
            Latest {
                edits,
                mine: edits.get_value(),
            },
        );
    }
}

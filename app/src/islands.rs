//! The interactive parts of pages ("islands"): the only view code compiled for the browser.
//!
//! Every page is rendered on the server and works as plain links and forms. An island adds
//! what needs the browser (saving while typing, a live preview) and takes its texts as
//! props, translated on the server, so the browser build carries no translation tables. The
//! server sends the islands script only with pages that contain an island.

pub mod markdown_editor;
pub mod question_kind;
pub mod reflection_draft;
pub mod two_factor_setup;

/// The element name the server renders around an island, and looks for to decide whether a
/// page needs the islands script.
pub const ISLAND_TAG: &str = "<leptos-island";

use leptos::prelude::*;
use std::{future::Future, time::Duration};

/// True once the island runs in the browser (effects never run on the server). Each island
/// marks an element `data-ready` with it, so people and tests can tell when it is awake.
pub fn awake() -> Signal<bool> {
    let (awake, set_awake) = signal(false);
    Effect::new(move |_| set_awake.set(true));
    awake.into()
}

/// An input handler that sends the latest text to `work` once typing has paused for `pause`,
/// and hands `work`'s answer to `done` only while no newer text has come in.
pub fn after_pause<T, Fut>(
    pause: Duration,
    work: impl Fn(String) -> Fut + Copy + Send + Sync + 'static,
    done: impl Fn(T) + Copy + Send + Sync + 'static,
) -> impl Fn(String) + Copy + Send + Sync + 'static
where
    Fut: Future<Output = T> + 'static,
    T: 'static,
{
    let generation = StoredValue::new(0u32);
    move |text: String| {
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() != mine {
                    return;
                }
                leptos::task::spawn_local(async move {
                    let answer = work(text).await;
                    if generation.get_value() == mine {
                        done(answer);
                    }
                });
            },
            pause,
        );
    }
}

//! The browser entry point: wakes the islands (the few interactive parts) of a server-rendered
//! page. Pages without an island never load this. Each island's code is a chunk of its own,
//! fetched when a page holds that island (`cargo leptos build --split`).

// The islands themselves live in `app`; linking it keeps their entry points in the wasm.
pub use app::islands;

/// Called by the islands script the server writes into pages that contain an island.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Panic messages in the console while developing; release builds abort without them.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}

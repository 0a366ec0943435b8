//! The stylesheet and islands tags in every page's head, worked out once per process.
//!
//! Leptos's `HashedStylesheet` and `HydrationScripts` look the built files' hashed names up
//! in `hash.txt` for every page: two file reads, and a look-up of the running program's
//! path for each, on every request. The names cannot change while the server runs, so both
//! tags are rendered once, with a stand-in where the page's nonce goes, and each page puts
//! its own nonce in.

use leptos::{WasmSplitManifest, nonce::Nonce, prelude::*, tachys::html::InertElement};
use leptos_meta::HashedStylesheet;
use std::sync::{Arc, Mutex, OnceLock};

/// Stands where a page's nonce goes in the tags rendered once: not base64, so it cannot be
/// mistaken for a nonce, and found nowhere else in the tags.
const NONCE_STAND_IN: &str = "@nonce@";

/// What of the options the tags are made from.
#[derive(PartialEq)]
struct Site {
    hash_files: bool,
    hash_file: Arc<str>,
    site_root: Arc<str>,
    site_pkg_dir: Arc<str>,
    output_name: Arc<str>,
}

impl Site {
    fn of(options: &LeptosOptions) -> Self {
        Site {
            hash_files: options.hash_files,
            hash_file: Arc::clone(&options.hash_file),
            site_root: Arc::clone(&options.site_root),
            site_pkg_dir: Arc::clone(&options.site_pkg_dir),
            output_name: Arc::clone(&options.output_name),
        }
    }
}

/// The tags for one site.
struct Tags {
    /// The site they were made for, so another site in the same process (as in tests) gets
    /// tags of its own.
    site: Site,
    stylesheet: String,
    /// The islands tags cut at each place of the nonce.
    scripts_around_nonce: Vec<String>,
    /// The islands tags for a page without a nonce.
    scripts_without_nonce: String,
    /// The split wasm's manifest, which the page's end uses to preload an island's chunk.
    manifest: Option<WasmSplitManifest>,
}

/// Renders the tags with Leptos's own components, outside any page.
fn render(options: &LeptosOptions) -> Tags {
    let with_nonce = Owner::new();
    let (stylesheet, scripts, manifest) = with_nonce.with(|| {
        provide_context(Nonce::from_value(NONCE_STAND_IN));
        let stylesheet =
            view! { <HashedStylesheet options=options.clone() id="leptos" /> }.to_html();
        let scripts = view! { <HydrationScripts options=options.clone() islands=true /> }.to_html();
        (stylesheet, scripts, use_context::<WasmSplitManifest>())
    });
    let scripts_without_nonce = Owner::new()
        .with(|| view! { <HydrationScripts options=options.clone() islands=true /> }.to_html());
    Tags {
        site: Site::of(options),
        stylesheet,
        scripts_around_nonce: scripts.split(NONCE_STAND_IN).map(str::to_owned).collect(),
        scripts_without_nonce,
        manifest,
    }
}

/// The tags for `options`, rendered on first use.
fn tags(options: &LeptosOptions) -> Arc<Tags> {
    static TAGS: OnceLock<Mutex<Option<Arc<Tags>>>> = OnceLock::new();
    let cell = TAGS.get_or_init(Mutex::default);
    let site = Site::of(options);
    if let Some(tags) = cell.lock().ok().and_then(|kept| kept.clone())
        && tags.site == site
    {
        return tags;
    }
    let tags = Arc::new(render(options));
    if let Ok(mut kept) = cell.lock() {
        *kept = Some(Arc::clone(&tags));
    }
    tags
}

/// The built stylesheet's `<link>`, then the islands script's tags with `nonce` in them (the
/// server takes the latter out again from pages without an island). Call it from the shell:
/// it also tells the page about the split wasm, as Leptos's own tags do.
pub fn site_head(options: &LeptosOptions, nonce: Option<&str>) -> impl IntoView + use<> {
    let tags = tags(options);
    if let Some(manifest) = &tags.manifest {
        provide_context(manifest.clone());
    }
    // Islands are woken one by one in the browser; the page itself is not hydrated.
    if let Some(shared) = Owner::current_shared_context() {
        shared.set_is_hydrating(false);
    }
    let scripts = match nonce {
        Some(nonce) => tags.scripts_around_nonce.join(nonce),
        None => tags.scripts_without_nonce.clone(),
    };
    (
        InertElement::new(tags.stylesheet.clone()),
        InertElement::new(scripts),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(hash_files: bool) -> LeptosOptions {
        LeptosOptions::builder()
            .output_name("igang")
            .site_root("target/no-such-site")
            .hash_files(hash_files)
            .build()
    }

    #[test]
    fn each_page_gets_its_own_nonce_and_the_same_names() {
        let options = options(false);
        let owner = Owner::new();
        let first = owner.with(|| site_head(&options, Some("QUJD+/=")).to_html());
        let second = owner.with(|| site_head(&options, Some("REVG")).to_html());
        assert!(first.contains("href=\"/pkg/igang.css\""), "{first}");
        assert!(first.contains("nonce=\"QUJD+/=\""), "{first}");
        assert!(!first.contains(NONCE_STAND_IN) && !second.contains(NONCE_STAND_IN));
        assert_eq!(first.replace("QUJD+/=", "REVG"), second);
        assert!(first.contains("hydrateIslands"));
    }

    #[test]
    fn a_page_without_a_nonce_gets_tags_without_one() {
        let options = options(false);
        let html = Owner::new().with(|| site_head(&options, None).to_html());
        assert!(!html.contains("nonce="), "{html}");
        assert!(html.contains("<link rel=\"modulepreload\""), "{html}");
    }
}

//! Property tests: whatever an author (or an imported bundle) writes, the renderer answers
//! with HTML that runs no script and points nowhere dangerous, and never panics.

use super::render;
use proptest::prelude::*;

/// Pieces attackers and careless pastes bring, mixed with Markdown syntax and plain text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<script>alert(1)</script>".to_owned()),
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("[link](javascript:alert(1))".to_owned()),
        Just("[link](JaVaScRiPt:alert(1))".to_owned()),
        Just("![billede](https://evil.example/x.png)".to_owned()),
        Just("<a href=\"data:text/html,x\">x</a>".to_owned()),
        Just("<iframe src=\"https://evil.example\"></iframe>".to_owned()),
        Just("<div style=\"position:fixed\">x</div>".to_owned()),
        Just("<svg onload=alert(1)>".to_owned()),
        Just("\n\n# Overskrift\n".to_owned()),
        Just("\n| a | b |\n|---|---|\n| 1 | 2 |\n".to_owned()),
        Just("`kode` **fed** _kursiv_ ~~streg~~".to_owned()),
        Just("<".to_owned()),
        Just("\"'>".to_owned()),
        "[ -~æøåÆØÅ\n]{0,40}",
        any::<String>(),
    ]
}

/// The tags of `html`, each without its `<`.
fn tags(html: &str) -> impl Iterator<Item = &str> {
    html.split('<')
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap_or(rest))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// No script, event handler, script address, frame or inline style survives: every tag
    /// in the output is checked (text is escaped, so a `<` in it is never a tag).
    #[test]
    fn rendered_html_runs_nothing(pieces in proptest::collection::vec(piece(), 0..12)) {
        let html = render(&pieces.concat()).to_ascii_lowercase();
        for tag in tags(&html) {
            let name = tag.split([' ', '>', '/']).next().unwrap_or_default();
            prop_assert!(
                !["script", "iframe", "svg", "style", "object", "embed"].contains(&name),
                "{tag}"
            );
            for attribute in tag.split_whitespace().skip(1) {
                prop_assert!(!attribute.starts_with("on"), "{tag}");
                prop_assert!(!attribute.starts_with("style="), "{tag}");
                if let Some(value) = attribute
                    .strip_prefix("href=\"")
                    .or_else(|| attribute.strip_prefix("src=\""))
                {
                    for scheme in ["javascript:", "data:", "vbscript:"] {
                        prop_assert!(!value.starts_with(scheme), "{tag}");
                    }
                }
                // Images come only from the site's own media.
                if name == "img" && attribute.starts_with("src=") {
                    prop_assert!(attribute.starts_with("src=\"/media/"), "{tag}");
                }
            }
        }
    }

    /// A top-level heading never becomes a second `h1` on the page.
    #[test]
    fn authored_text_never_makes_an_h1(text in "[#a-z \n]{0,60}") {
        prop_assert!(!render(&text).contains("<h1"));
    }
}

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
        Just("[titel](/x \"a > b onclick=x\")".to_owned()),
        "[ -~æøåÆØÅ\n]{0,40}",
        any::<String>(),
    ]
}

/// One tag of the output: its name and its attributes (names lower-cased, values as written).
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
}

/// The tags of `html`, read the way a browser splits them: quotes in attribute values are
/// respected, so a `>` or a space inside a value neither ends the tag nor starts an
/// attribute. Text never holds a raw `<` (the renderer escapes it).
fn tags(html: &str) -> Vec<Tag> {
    let mut found = Vec::new();
    let mut chars = html.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '<' {
            continue;
        }
        let mut name = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() || c == '>' || c == '/' && !name.is_empty() {
                break;
            }
            name.push(c);
            chars.next();
        }
        let mut attributes = Vec::new();
        loop {
            while chars.peek().is_some_and(|c| c.is_whitespace() || *c == '/') {
                chars.next();
            }
            match chars.peek() {
                None => break,
                Some('>') => {
                    chars.next();
                    break;
                }
                Some(_) => {}
            }
            let mut key = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '=' || c == '>' {
                    break;
                }
                key.push(c);
                chars.next();
            }
            let mut value = String::new();
            if chars.peek() == Some(&'=') {
                chars.next();
                match chars.peek().copied() {
                    Some(quote @ ('"' | '\'')) => {
                        chars.next();
                        for c in chars.by_ref() {
                            if c == quote {
                                break;
                            }
                            value.push(c);
                        }
                    }
                    _ => {
                        while let Some(&c) = chars.peek() {
                            if c.is_whitespace() || c == '>' {
                                break;
                            }
                            value.push(c);
                            chars.next();
                        }
                    }
                }
            }
            if key.is_empty() && value.is_empty() {
                chars.next();
                continue;
            }
            attributes.push((key.to_ascii_lowercase(), value));
        }
        found.push(Tag {
            name: name.to_ascii_lowercase(),
            attributes,
        });
    }
    found
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// No script, event handler, script address, frame or inline style survives: every tag
    /// in the output is checked.
    #[test]
    fn rendered_html_runs_nothing(pieces in proptest::collection::vec(piece(), 0..12)) {
        let html = render(&pieces.concat());
        for tag in tags(&html) {
            let name = tag.name.trim_start_matches('/');
            prop_assert!(
                !["script", "iframe", "svg", "style", "object", "embed"].contains(&name),
                "<{}> in {html}", tag.name
            );
            for (key, value) in &tag.attributes {
                prop_assert!(!key.starts_with("on"), "{key} on <{}> in {html}", tag.name);
                prop_assert!(key != "style", "style on <{}> in {html}", tag.name);
                if key == "href" || key == "src" {
                    let value = value.trim().to_ascii_lowercase();
                    for scheme in ["javascript:", "data:", "vbscript:"] {
                        prop_assert!(!value.starts_with(scheme), "{value} in {html}");
                    }
                }
                // Images come only from the site's own media.
                if name == "img" && key == "src" {
                    prop_assert!(value.starts_with("/media/"), "{value} in {html}");
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

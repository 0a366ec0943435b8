//! Authored Markdown to safe HTML: pulldown-cmark renders, ammonia keeps only harmless markup.
//!
//! Images may only come from this site's `/media/` folder, so reading a lesson never tells
//! another server who is reading it.

use super::bundle::is_media_name;
use pulldown_cmark::{Options, Parser, html};
use std::{
    collections::{HashMap, HashSet},
    sync::LazyLock,
};

/// The only elements authored text may produce.
const ALLOWED_TAGS: [&str; 27] = [
    "a",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
];

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let tags: HashSet<&str> = ALLOWED_TAGS.into();
    let attributes: HashMap<&str, HashSet<&str>> = [
        ("a", ["href", "title"].into()),
        ("img", ["src", "alt", "title"].into()),
        ("ol", ["start"].into()),
    ]
    .into();
    let mut builder = ammonia::Builder::default();
    builder
        .tags(tags)
        .generic_attributes(HashSet::new())
        .tag_attributes(attributes)
        .url_schemes(["http", "https", "mailto"].into())
        .link_rel(Some("noopener noreferrer nofollow"))
        .attribute_filter(|element, attribute, value| {
            if element == "img" && attribute == "src" {
                let local = value.strip_prefix("/media/").is_some_and(is_media_name);
                return local.then(|| value.into());
            }
            Some(value.into())
        });
    builder
});

/// Renders authored Markdown to HTML that is safe to put in a page.
///
/// A top-level heading (`#`) becomes a second-level one: the page's own title is the `h1`.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        pulldown_cmark::Event::Start(pulldown_cmark::Tag::Heading {
            level: pulldown_cmark::HeadingLevel::H1,
            id,
            classes,
            attrs,
        }) => pulldown_cmark::Event::Start(pulldown_cmark::Tag::Heading {
            level: pulldown_cmark::HeadingLevel::H2,
            id,
            classes,
            attrs,
        }),
        pulldown_cmark::Event::End(pulldown_cmark::TagEnd::Heading(
            pulldown_cmark::HeadingLevel::H1,
        )) => pulldown_cmark::Event::End(pulldown_cmark::TagEnd::Heading(
            pulldown_cmark::HeadingLevel::H2,
        )),
        other => other,
    });
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, events);
    SANITIZER.clean(&unsafe_html).to_string()
}

#[cfg(test)]
mod props;

#[cfg(test)]
mod tests {
    use super::{ALLOWED_TAGS, render};

    /// Every tag in `html` with its attribute names, lowercased. Text `<` is escaped in
    /// sanitized output, so every `<` opens a real tag.
    fn tags(html: &str) -> Vec<(String, Vec<String>)> {
        html.split('<')
            .skip(1)
            .map(|rest| {
                let inside = rest.split('>').next().unwrap_or("").to_lowercase();
                // Drop quoted values, so only names remain between the spaces.
                let mut bare = String::new();
                let mut quoted = false;
                for c in inside.chars() {
                    match c {
                        '"' => quoted = !quoted,
                        _ if !quoted => bare.push(c),
                        _ => {}
                    }
                }
                let mut parts = bare.split_whitespace();
                let name = parts
                    .next()
                    .unwrap_or("")
                    .trim_start_matches('/')
                    .to_owned();
                let attrs = parts
                    .filter_map(|a| a.split('=').next())
                    .filter(|a| !a.is_empty() && *a != "/")
                    .map(str::to_owned)
                    .collect();
                (name, attrs)
            })
            .collect()
    }

    #[test]
    fn lists_keep_their_list_element() {
        let html =
            render("Grupper for:\n\n- pårørende\n- efterladte\n\nOg mere.\n\n1. først\n2. så");
        assert!(
            html.contains("<ul>\n<li>pårørende</li>\n<li>efterladte</li>\n</ul>"),
            "{html}"
        );
        assert!(html.contains("<ol>\n<li>først</li>"), "{html}");
        assert!(html.contains("</ul>\n<p>Og mere.</p>"), "{html}");
    }

    #[test]
    fn xss_payloads_come_out_harmless() {
        let payloads = [
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<<script>script>alert(1)<</script>/script>",
            "<img src=x onerror=alert(1)>",
            "<img src=\"/media/x.png\" onload=\"alert(1)\">",
            "<svg onload=alert(1)><circle/></svg>",
            "<svg><script>alert(1)</script></svg>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<style>body{display:none}</style>",
            "<p style=\"background:url(javascript:alert(1))\">x</p>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\"java\tscript:alert(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "[x](javascript:alert(1))",
            "[x](JAVASCRIPT:alert(1))",
            "[x](javascript&#58;alert(1))",
            "[x]( javascript:alert(1) )",
            "[x][r]\n\n[r]: javascript:alert(1)",
            "<javascript:alert(1)>",
            "![x](javascript:alert(1))",
            "![x](https://tracker.example/pixel.png)",
            "<form action=\"https://evil.example\"><input name=p autofocus onfocus=alert(1)></form>",
            "<details open ontoggle=alert(1)>x</details>",
            "<body onload=alert(1)>",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
            "<base href=\"https://evil.example/\">",
            "<div onclick=\"alert(1)\">click</div>",
            "<a href=\"#\" onmouseover=\"alert(1)\">x</a>",
            "<p title=\"\" onmouseover=alert(1)//\">x</p>",
            "<img src=`x`onerror=alert(1)>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<template><script>alert(1)</script></template>",
            "<link rel=stylesheet href=https://evil.example/x.css>",
            "<textarea><script>alert(1)</script></textarea>",
            "```html\n<script>alert(1)</script>\n```",
        ];
        for payload in payloads {
            let html = render(payload);
            let lower = html.to_lowercase();
            for needle in [
                "javascript:",
                "vbscript:",
                "data:",
                "evil.example",
                "tracker.",
            ] {
                if needle == "evil.example" || needle == "tracker." {
                    // Only as escaped text, never as an address.
                    assert!(
                        !lower.contains(&format!("=\"https://{needle}"))
                            && !lower.contains(&format!("=\"//{needle}")),
                        "{payload:?} -> {html}"
                    );
                    continue;
                }
                // Allowed in text (escaped), never as an attribute's value.
                assert!(
                    !lower.contains(&format!("=\"{needle}")),
                    "{payload:?} -> {html}"
                );
            }
            for (name, attrs) in tags(&html) {
                assert!(
                    ALLOWED_TAGS.contains(&name.as_str()),
                    "{payload:?} -> {html}"
                );
                for attr in attrs {
                    assert!(
                        ["href", "title", "src", "alt", "rel", "start"].contains(&attr.as_str()),
                        "{payload:?} -> {html}"
                    );
                }
            }
        }
    }

    #[test]
    fn ordinary_markdown_renders() {
        let media = format!("/media/{}.png", "a".repeat(64));
        let html = render(&format!(
            "# Title\n\nSome **bold** and _soft_ text with [a link](https://example.org).\n\n- one\n- two\n\n![A picture]({media})\n\n> quoted\n"
        ));
        assert!(html.contains("<h2>Title</h2>"), "{html}");
        assert!(html.contains("<strong>bold</strong>"));
        assert!(html.contains("<em>soft</em>"));
        assert!(html.contains(
            "<a href=\"https://example.org\" rel=\"noopener noreferrer nofollow\">a link</a>"
        ));
        assert!(html.contains("<li>one</li>"));
        assert!(html.contains(&format!("<img src=\"{media}\" alt=\"A picture\">")));
        assert!(html.contains("<blockquote>"));
        assert_eq!(render("a < b & c"), "<p>a &lt; b &amp; c</p>\n");
    }
}

//! Where a form may send the browser back to.

/// `text` percent-encoded for use as a query value (a path stays readable: `/` is kept).
pub fn query_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `candidate` if it is a path on this site, else `/`.
///
/// Rejects absolute URLs, scheme-relative `//host` forms, backslashes (which some browsers
/// treat as slashes) and control characters, so no form can be used to bounce visitors
/// to another site.
pub fn safe_local_path(candidate: Option<&str>) -> &str {
    match candidate {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control)
                && path.len() <= 2048 =>
        {
            path
        }
        _ => "/",
    }
}

#[cfg(test)]
mod tests {
    use super::{query_encode, safe_local_path};

    #[test]
    fn only_local_paths_pass() {
        let cases = [
            (Some("/"), "/"),
            (Some("/courses?page=2#top"), "/courses?page=2#top"),
            (Some("https://evil.example/"), "/"),
            (Some("//evil.example"), "/"),
            (Some("/\\evil.example"), "/"),
            (Some("/x\ny"), "/"),
            (Some("javascript:alert(1)"), "/"),
            (Some(""), "/"),
            (None, "/"),
        ];
        for (input, expected) in cases {
            assert_eq!(safe_local_path(input), expected, "{input:?}");
        }
    }

    #[test]
    fn a_path_travels_as_one_query_value() {
        assert_eq!(query_encode("/admin/users"), "/admin/users");
        assert_eq!(query_encode("/a?b=c&d"), "/a%3Fb%3Dc%26d");
        assert_eq!(query_encode("/kursus/æ"), "/kursus/%C3%A6");
    }
}

//! The YAML that bundle front matter is written in, with texts quoted so they read back exactly.

/// A small writer for the one YAML shape bundles use.
#[derive(Default)]
pub(super) struct Yaml {
    out: String,
    /// Set after `- `: the next key continues that line.
    pending_item: bool,
}

impl Yaml {
    fn indent(&mut self, level: usize) {
        if self.pending_item {
            self.pending_item = false;
        } else {
            self.out.extend(std::iter::repeat_n(' ', level));
        }
    }

    pub(super) fn line(&mut self, level: usize, text: &str) {
        self.indent(level);
        self.out.push_str(text);
        self.out.push('\n');
    }

    pub(super) fn key(&mut self, level: usize, key: &str) {
        self.line(level, &format!("{key}:"));
    }

    pub(super) fn item(&mut self, level: usize) {
        self.out.extend(std::iter::repeat_n(' ', level));
        self.out.push_str("- ");
        self.pending_item = true;
    }

    pub(super) fn plain(&mut self, level: usize, key: &str, value: impl std::fmt::Display) {
        self.line(level, &format!("{key}: {value}"));
    }

    pub(super) fn string(&mut self, level: usize, key: &str, value: &str) {
        if fits_block(value) {
            self.line(level, &format!("{key}: |"));
            for line in value.trim_end_matches('\n').split('\n') {
                if line.is_empty() {
                    self.out.push('\n');
                } else {
                    self.line(level + 2, line);
                }
            }
        } else {
            self.line(level, &format!("{key}: {}", quoted(value)));
        }
    }

    pub(super) fn document(self, body: &str) -> Vec<u8> {
        let mut text = format!("---\n{}---\n", self.out);
        if !body.is_empty() {
            text.push('\n');
            text.push_str(body);
        }
        text.into_bytes()
    }
}

/// Whether a text reads back unchanged from a literal block (`|`): it ends in exactly one line
/// break, and no line starts the block with a space or consists of spaces only.
fn fits_block(value: &str) -> bool {
    value.contains('\n')
        && value.ends_with('\n')
        && !value.ends_with("\n\n")
        && !value.starts_with([' ', '\t', '\n'])
        && !value.chars().any(|c| c.is_control() && c != '\n')
        && value
            .split('\n')
            .all(|line| line.is_empty() || !line.trim().is_empty())
}

/// A YAML double-quoted scalar.
pub(super) fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || c == '\u{feff}' || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

//! Documents the product produces for people to keep: files to download, print and show to
//! others, such as the certificate a volunteer receives. They share one typeface and a few
//! plain ways of setting text on a page.

pub mod certificate;
pub mod credential;

use printpdf::{
    Color, FontId, Mm, Op, ParsedFont, PdfFontHandle, Point, Pt, Rect, Rgb, TextItem,
    graphics::{Line, LinePoint},
};

/// Noto Sans Regular, Latin letters only (see `app/fonts/README.md`).
const FONT: &[u8] = include_bytes!("../fonts/NotoSans-Regular-latin.ttf");

/// A4 portrait, in millimetres.
const PAGE_WIDTH: f32 = 210.0;
const PAGE_HEIGHT: f32 = 297.0;
/// Points to millimetres.
const PT: f32 = 25.4 / 72.0;

/// Red, green and blue, each from 0 to 1.
type Colour = (f32, f32, f32);

/// The documents' typeface, or `None` when it cannot be read.
fn typeface() -> Option<ParsedFont> {
    let font = ParsedFont::from_bytes(FONT, 0, &mut Vec::new())?;
    font.lookup_glyph_index(u32::from('a')).map(|_| font)
}

/// One page being drawn on. Positions are millimetres from the page's top and left.
struct Canvas<'a> {
    font: &'a ParsedFont,
    id: FontId,
    /// Width of the column text is set in, in millimetres.
    column: f32,
    /// What is drawn, in order.
    ops: Vec<Op>,
}

/// A colour as the page takes it.
fn rgb((r, g, b): Colour) -> Color {
    Color::Rgb(Rgb::new(r, g, b, None))
}

/// The point `x` from the left and `top` from the top, as the page takes it.
fn point(x: f32, top: f32) -> Point {
    Point::new(Mm(x), Mm(PAGE_HEIGHT - top))
}

/// The rectangle `width` by `height` whose top left corner is at (`x`, `top`).
fn area(x: f32, top: f32, width: f32, height: f32) -> Rect {
    Rect::from_xywh(
        Mm(x).into(),
        Mm(PAGE_HEIGHT - top - height).into(),
        Mm(width).into(),
        Mm(height).into(),
    )
}

/// Text as the page can show it: one line, and characters the typeface lacks as `?`.
fn printable(font: &ParsedFont, text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    line.chars()
        .map(|c| match font.lookup_glyph_index(u32::from(c)) {
            Some(_) => c,
            None => '?',
        })
        .collect()
}

impl<'a> Canvas<'a> {
    /// An empty page set in `font`, which the document knows as `id`, with text centred in
    /// a column `column` millimetres wide.
    fn new(font: &'a ParsedFont, id: FontId, column: f32) -> Canvas<'a> {
        Canvas {
            font,
            id,
            column,
            ops: Vec::new(),
        }
    }

    /// The width of `text` at `size` points, in millimetres.
    fn width(&self, text: &str, size: f32) -> f32 {
        let units = f32::from(self.font.units_per_em.max(1));
        let advance: f32 = text
            .chars()
            .map(|c| {
                let glyph = self.font.lookup_glyph_index(u32::from(c)).unwrap_or(0);
                f32::from(self.font.get_glyph_width(glyph).unwrap_or(0))
            })
            .sum();
        advance / units * size * PT
    }

    /// One line of text starting at `x`, on `baseline`.
    fn text(&mut self, text: &str, size: f32, x: f32, baseline: f32, colour: Colour) {
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor { col: rgb(colour) },
            Op::SetFont {
                font: PdfFontHandle::External(self.id.clone()),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: point(x, baseline),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            },
            Op::EndTextSection,
        ]);
    }

    /// One line of text centred on the page.
    fn centred(&mut self, text: &str, size: f32, baseline: f32, colour: Colour) {
        let x = (PAGE_WIDTH - self.width(text, size)) / 2.0;
        self.text(text, size, x, baseline, colour);
    }

    /// Sets `text` centred, with its first baseline at `top`: on one line at the largest size
    /// from `sizes` (largest, smallest) that fits, else wrapped into at most `max_lines`.
    /// Returns the last baseline.
    fn block(
        &mut self,
        text: &str,
        sizes: (f32, f32),
        max_lines: usize,
        top: f32,
        colour: Colour,
    ) -> f32 {
        let text = printable(self.font, text);
        let (size, lines) = self.fit(&text, sizes, max_lines, self.column);
        let leading = size * PT * 1.3;
        let mut baseline = top;
        for (n, line) in lines.iter().enumerate() {
            baseline = top + n as f32 * leading;
            self.centred(line, size, baseline, colour);
        }
        baseline
    }

    /// The largest size from `largest` down to `smallest` at which `text` fits in `width`
    /// on one line, else in at most `max_lines` lines, and those lines. What still does not
    /// fit at the smallest size is cut short with "…".
    fn fit(
        &self,
        text: &str,
        (largest, smallest): (f32, f32),
        max_lines: usize,
        width: f32,
    ) -> (f32, Vec<String>) {
        let sizes = || {
            (0..)
                .map(|n| largest - n as f32)
                .take_while(|s| *s >= smallest)
        };
        if let Some(size) = sizes().find(|s| self.width(text, *s) <= width) {
            return (size, vec![text.to_owned()]);
        }
        for size in sizes() {
            let lines = self.wrap(text, size, width);
            if lines.len() <= max_lines {
                return (size, lines);
            }
        }
        let mut lines = self.wrap(text, smallest, width);
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && self.width(&format!("{last}…"), smallest) > width {
                last.pop();
            }
            last.push('…');
        }
        (smallest, lines)
    }

    /// Breaks `text` into lines no wider than `width`: between words, and inside a word
    /// only when the word alone is wider.
    fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text.split(' ') {
            let joined = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if self.width(&joined, size) <= width {
                line = joined;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for c in word.chars() {
                line.push(c);
                if self.width(&line, size) > width && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::replace(&mut line, c.to_string()));
                }
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// A thin horizontal line from `from` to `to` at `top`.
    fn rule(&mut self, from: f32, to: f32, top: f32, colour: Colour, thickness: f32) {
        let points = [from, to].map(|x| LinePoint {
            p: point(x, top),
            bezier: false,
        });
        self.ops.extend([
            Op::SetOutlineColor { col: rgb(colour) },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine {
                line: Line {
                    points: points.to_vec(),
                    is_closed: false,
                },
            },
        ]);
    }
}

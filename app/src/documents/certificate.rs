//! The certificate as an A4 page to print or keep: who holds it, which programme they
//! completed, when it was issued and until when it holds, and a QR code with the address
//! where anyone can check it. A revoked certificate says so right under the heading. Every
//! label is in the holder's language.

use super::{Canvas, Colour, PAGE_HEIGHT, PAGE_WIDTH, PT, area, printable, rgb, typeface};
use crate::domain::language::Language;
use printpdf::{
    Actions, BorderArray, LinkAnnotation, Mm, Op, PaintMode, PdfDocument, PdfPage, PdfSaveOptions,
    Pt, Rect,
};

/// How far the main text keeps from the page's edges, in millimetres.
const MARGIN: f32 = 25.0;
/// Width of the main text column.
const COLUMN: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// Side of the QR code's dark area.
const QR_SIDE: f32 = 35.0;
/// The lowest baseline above the QR code.
const LOWEST: f32 = PAGE_HEIGHT - MARGIN - QR_SIDE - 10.0;

const INK: Colour = (0.12, 0.14, 0.16);
const MUTED: Colour = (0.38, 0.40, 0.42);
const ACCENT: Colour = (0.10, 0.35, 0.36);
const ALERT: Colour = (0.70, 0.08, 0.08);

/// What a certificate says, ready to be set on the page (dates written as `YYYY-MM-DD`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateDocument {
    /// The holder's language: every label is in it.
    pub language: Language,
    /// The holder's name.
    pub holder: String,
    /// The programme's title in the holder's language.
    pub programme: String,
    /// The day it was issued.
    pub issued: String,
    /// The day it expires, if it does.
    pub expires: Option<String>,
    /// The day it was revoked, if it was.
    pub revoked_on: Option<String>,
    /// The public code (`XXXX-XXXX-XXXX-XXXX`).
    pub code: String,
    /// The public page where anyone can check it.
    pub verify_url: String,
}

/// Why a certificate could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The embedded typeface could not be read.
    #[error("the certificate's font could not be read")]
    Font,
    /// The address does not fit in a QR code.
    #[error("the check address does not fit in a QR code: {0}")]
    QrCode(#[from] qrcodegen::DataTooLong),
}

/// The words on the certificate, in one language.
struct Labels {
    heading: &'static str,
    certifies: &'static str,
    completed: &'static str,
    issued: &'static str,
    expires: &'static str,
    no_expiry: &'static str,
    check: &'static str,
    code: &'static str,
    revoked_on: &'static str,
    no_longer_valid: &'static str,
    holder_removed: &'static str,
}

fn labels(language: Language) -> Labels {
    match language {
        Language::Da => Labels {
            heading: "Bevis",
            certifies: "Hermed bekræftes det, at",
            completed: "har gennemført",
            issued: "Udstedt",
            expires: "Udløber",
            no_expiry: "Udløber ikke",
            check: "Tjek beviset:",
            code: "Kode",
            revoked_on: "TILBAGEKALDT den",
            no_longer_valid: "beviset er ikke længere gyldigt",
            holder_removed: "(indehaverens navn er slettet)",
        },
        Language::Nb => Labels {
            heading: "Bevis",
            certifies: "Det bekreftes herved at",
            completed: "har fullført",
            issued: "Utstedt",
            expires: "Utløper",
            no_expiry: "Utløper ikke",
            check: "Sjekk beviset:",
            code: "Kode",
            revoked_on: "TRUKKET TILBAKE den",
            no_longer_valid: "beviset er ikke lenger gyldig",
            holder_removed: "(innehaverens navn er slettet)",
        },
        Language::En => Labels {
            heading: "Certificate",
            certifies: "This certifies that",
            completed: "has completed",
            issued: "Issued",
            expires: "Expires",
            no_expiry: "No expiry",
            check: "Check this certificate:",
            code: "Code",
            revoked_on: "REVOKED on",
            no_longer_valid: "this certificate is no longer valid",
            holder_removed: "(the holder's name has been deleted)",
        },
    }
}

/// What stands in the holder's place once their account, and with it their name, is gone.
pub fn holder_removed(language: Language) -> &'static str {
    labels(language).holder_removed
}

/// The certificate as a one-page A4 PDF.
pub fn render(doc: &CertificateDocument) -> Result<Vec<u8>, DocumentError> {
    let words = labels(doc.language);
    let font = typeface().ok_or(DocumentError::Font)?;
    let mut pdf = PdfDocument::new(&format!("Igang – {} {}", words.heading, doc.code));
    let id = pdf.add_font(&font);
    let mut page = Canvas::new(&font, id, COLUMN);
    page.frame();

    layout(&mut page, doc, &words);
    page.check(doc, &words)?;
    let pages = vec![PdfPage::new(Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT), page.ops)];
    let mut warnings = Vec::new();
    Ok(pdf
        .with_pages(pages)
        .save(&PdfSaveOptions::default(), &mut warnings))
}

/// The wordmark, the heading, a revocation and the body. Returns the last baseline.
fn layout(page: &mut Canvas, doc: &CertificateDocument, words: &Labels) -> f32 {
    let middle = PAGE_WIDTH / 2.0;
    page.centred("Igang", 18.0, 46.0, ACCENT);
    page.rule(middle - 10.0, middle + 10.0, 52.0, ACCENT, 0.8);
    page.centred(words.heading, 44.0, 88.0, INK);
    let mut top = 110.0;
    if let Some(day) = &doc.revoked_on {
        let notice = format!("{} {day} — {}", words.revoked_on, words.no_longer_valid);
        let first = 107.0;
        let last = page.block(&notice, (15.0, 10.0), 2, first, ALERT);
        page.ops.extend([
            Op::SetOutlineColor { col: rgb(ALERT) },
            Op::SetOutlineThickness { pt: Pt(1.0) },
            Op::DrawRectangle {
                rectangle: Rect {
                    mode: Some(PaintMode::Stroke),
                    ..area(MARGIN - 4.0, first - 8.5, COLUMN + 8.0, last - first + 12.5)
                },
            },
        ]);
        top = last + 12.0;
    }

    // The body's baselines move with the space between its parts: find the space that fits.
    let mark = page.ops.len();
    let roomy = body(page, doc, words, top, 1.0);
    if roomy <= LOWEST {
        return roomy;
    }
    page.ops.truncate(mark);
    let packed = body(page, doc, words, top, 0.0);
    page.ops.truncate(mark);
    let scale = ((LOWEST - packed) / (roomy - packed)).clamp(0.0, 1.0);
    body(page, doc, words, top, scale)
}

/// The holder, the programme and the dates, from `top` down, with the space between them
/// scaled by `scale`. Returns the last baseline.
fn body(page: &mut Canvas, doc: &CertificateDocument, words: &Labels, top: f32, scale: f32) -> f32 {
    let mut top = page.block(words.certifies, (14.0, 14.0), 1, top + 16.0 * scale, MUTED);
    top = page.block(&doc.holder, (32.0, 16.0), 3, top + 17.0 * scale, INK);
    top = page.block(words.completed, (14.0, 14.0), 1, top + 12.0 * scale, MUTED);
    top = page.block(&doc.programme, (22.0, 13.0), 3, top + 13.0 * scale, INK);
    let middle = PAGE_WIDTH / 2.0;
    page.rule(middle - 20.0, middle + 20.0, top + 11.0 * scale, MUTED, 0.4);
    let expiry = match &doc.expires {
        Some(day) => format!("{} {day}", words.expires),
        None => words.no_expiry.to_owned(),
    };
    let dates = format!("{} {} · {expiry}", words.issued, doc.issued);
    page.block(&dates, (12.0, 9.0), 2, top + 22.0 * scale, INK)
}

impl Canvas<'_> {
    /// A quiet double frame around the page.
    fn frame(&mut self) {
        for (inset, thickness) in [(12.0, 1.2), (14.5, 0.4)] {
            self.ops.extend([
                Op::SetOutlineColor { col: rgb(ACCENT) },
                Op::SetOutlineThickness { pt: Pt(thickness) },
                Op::DrawRectangle {
                    rectangle: Rect {
                        mode: Some(PaintMode::Stroke),
                        ..area(
                            inset,
                            inset,
                            PAGE_WIDTH - 2.0 * inset,
                            PAGE_HEIGHT - 2.0 * inset,
                        )
                    },
                },
            ]);
        }
    }

    /// The QR code of the check address at the bottom left, and beside it the address and
    /// the code written out; both lead to the public page.
    fn check(&mut self, doc: &CertificateDocument, words: &Labels) -> Result<(), DocumentError> {
        use qrcodegen::{QrCode, QrCodeEcc};
        let qr = QrCode::encode_text(&doc.verify_url, QrCodeEcc::Medium)?;
        let modules = qr.size().max(1);
        let module = QR_SIDE / modules as f32;
        let (left, top) = (MARGIN + 4.0 * module, PAGE_HEIGHT - MARGIN - QR_SIDE);
        self.ops.push(Op::SetFillColor { col: rgb(INK) });
        for y in 0..modules {
            let mut x = 0;
            while x < modules {
                if !qr.get_module(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < modules && qr.get_module(x, y) {
                    x += 1;
                }
                self.ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        mode: Some(PaintMode::Fill),
                        ..area(
                            left + start as f32 * module,
                            top + y as f32 * module,
                            (x - start) as f32 * module,
                            module,
                        )
                    },
                });
            }
        }
        let x = left + QR_SIDE + 8.0 * module;
        let width = PAGE_WIDTH - MARGIN - x;
        self.text(words.check, 11.0, x, top + 9.0, MUTED);
        let url = printable(self.font, &doc.verify_url);
        let (size, lines) = self.fit(&url, (10.5, 7.0), 3, width);
        let mut baseline = top + 16.0;
        for line in &lines {
            self.text(line, size, x, baseline, ACCENT);
            baseline += size * PT * 1.3;
        }
        let code = format!("{}: {}", words.code, printable(self.font, &doc.code));
        self.text(&code, 11.0, x, baseline + 4.0, INK);
        for (x, top, width, height) in [
            (left, top, QR_SIDE, QR_SIDE),
            (x, top + 11.0, width, baseline - top - 9.0),
        ] {
            self.ops.push(Op::LinkAnnotation {
                link: LinkAnnotation::new(
                    area(x, top, width, height),
                    Actions::Uri(doc.verify_url.clone()),
                    Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                    None,
                    None,
                ),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use printpdf::PdfParseOptions;

    fn danish() -> CertificateDocument {
        CertificateDocument {
            language: Language::Da,
            holder: "Åse Ærø Sørensen".to_owned(),
            programme: "Certificeret igangsætter".to_owned(),
            issued: "2026-03-01".to_owned(),
            expires: Some("2028-03-01".to_owned()),
            revoked_on: None,
            code: "7K3M-Q9XD-2F8H-WT4C".to_owned(),
            verify_url: "https://igang.example/verify/7K3M-Q9XD-2F8H-WT4C".to_owned(),
        }
    }

    /// The text of the one page, read back from the PDF.
    fn text_of(doc: &CertificateDocument) -> String {
        let bytes = render(doc).expect("renders");
        assert!(bytes.starts_with(b"%PDF"));
        let mut warnings = Vec::new();
        let parsed =
            PdfDocument::parse(&bytes, &PdfParseOptions::default(), &mut warnings).expect("parses");
        let pages = parsed.extract_text();
        assert_eq!(pages.len(), 1, "one page");
        pages.concat().join("\n")
    }

    #[test]
    fn the_certificate_names_the_holder_the_programme_and_the_code() {
        let text = text_of(&danish());
        for expected in [
            "Åse Ærø Sørensen",
            "Certificeret igangsætter",
            "7K3M-Q9XD-2F8H-WT4C",
            "Hermed bekræftes det, at",
            "Udløber 2028-03-01",
        ] {
            assert!(text.contains(expected), "{expected:?} in {text:?}");
        }
        assert!(!text.contains("TILBAGEKALDT"));
    }

    #[test]
    fn every_label_is_in_the_holders_language() {
        for (language, heading, check) in [
            (Language::Da, "Bevis", "Tjek beviset:"),
            (Language::Nb, "Bevis", "Sjekk beviset:"),
            (Language::En, "Certificate", "Check this certificate:"),
        ] {
            let text = text_of(&CertificateDocument {
                language,
                expires: None,
                ..danish()
            });
            let words = labels(language);
            for expected in [heading, check, words.certifies, words.no_expiry] {
                assert!(text.contains(expected), "{expected:?} in {text:?}");
            }
        }
    }

    #[test]
    fn a_revoked_certificate_says_so() {
        for (language, label) in [
            (Language::Da, "TILBAGEKALDT den 2027-01-15"),
            (Language::Nb, "TRUKKET TILBAKE den 2027-01-15"),
            (Language::En, "REVOKED on 2027-01-15"),
        ] {
            let text = text_of(&CertificateDocument {
                language,
                revoked_on: Some("2027-01-15".to_owned()),
                ..danish()
            });
            assert!(text.contains(label), "{label:?} in {text:?}");
        }
    }

    #[test]
    fn long_names_and_titles_stay_on_the_page() {
        let holder = "Marie-Louise Christiansen-Østergaard ".repeat(4);
        let holder = holder.trim().chars().take(120).collect::<String>();
        assert_eq!(holder.chars().count(), 120);
        let long = CertificateDocument {
            holder: holder.clone(),
            programme: "Igangsætter for selvhjælpsgrupper om sorg, ensomhed og ".repeat(4),
            revoked_on: Some("2027-01-15".to_owned()),
            ..danish()
        };
        assert!(text_of(&long).contains("Marie-Louise"));

        let font = typeface().expect("font");
        let mut page = Canvas::new(&font, printpdf::FontId::new(), COLUMN);
        let (size, lines) = page.fit(&holder, (32.0, 16.0), 3, COLUMN);
        assert!(lines.len() <= 3 && size >= 16.0);
        assert!(lines.iter().all(|line| page.width(line, size) <= COLUMN));
        assert_eq!(lines.join(" "), holder, "nothing of the name is lost");
        for language in Language::ALL {
            let bottom = layout(&mut page, &long, &labels(language));
            assert!(bottom <= LOWEST, "{bottom} mm reaches the QR code");
        }
    }

    #[test]
    fn characters_the_typeface_lacks_are_replaced() {
        let font = typeface().expect("font");
        assert_eq!(printable(&font, "Ŋora\tСаша  Ø"), "Ŋora ???? Ø");
        assert!(
            render(&CertificateDocument {
                holder: "\u{0}\u{1F600}".to_owned(),
                ..danish()
            })
            .is_ok()
        );
    }
}

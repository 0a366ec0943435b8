//! Property tests of the importer: any upload, however broken, is refused with a named
//! error or read, never a panic.

use super::{read, unzip, zip_files};
use proptest::prelude::*;
use std::{collections::BTreeMap, io::Cursor};

/// A small bundle's files, as an export writes them.
fn small_bundle() -> BTreeMap<String, Vec<u8>> {
    [
        (
            "course.md",
            "---\nslug: \"c\"\ntitle: \"C\"\nlanguage: \"en\"\nsummary: \"\"\nleads_to_certificate: false\n---\nIntro\n",
        ),
        (
            "01-m/module.md",
            "---\ntitle: \"M\"\ntopic: \"roles\"\nrequires_previous: false\nsummary: \"\"\n---\n",
        ),
        (
            "01-m/01-l.md",
            "---\ntitle: \"L\"\nminutes: 5\n---\nText\n",
        ),
    ]
    .into_iter()
    .map(|(p, t)| (p.to_owned(), t.as_bytes().to_vec()))
    .collect()
}

fn zipped(files: &BTreeMap<String, Vec<u8>>) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    zip_files("c", files, &mut out).expect("zip");
    out.into_inner()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Bytes that are no archive at all.
    #[test]
    fn any_bytes_are_refused_or_read(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(files) = unzip(Cursor::new(bytes)) {
            let _ = read(files);
        }
    }

    /// A real archive with some of its bytes changed (a broken download, a tampered file).
    #[test]
    fn a_damaged_archive_is_refused_or_read(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = zipped(&small_bundle());
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        if let Ok(files) = unzip(Cursor::new(bytes)) {
            let _ = read(files);
        }
    }

    /// Well-formed archives whose texts are anything at all.
    #[test]
    fn any_texts_in_the_files_are_refused_or_read(
        texts in proptest::collection::vec(any::<String>(), 3),
        names in proptest::collection::vec("[a-z0-9./-]{1,20}", 0..4),
    ) {
        let mut files = small_bundle();
        for ((_, bytes), text) in files.iter_mut().zip(&texts) {
            *bytes = text.as_bytes().to_vec();
        }
        for name in names {
            files.insert(name, b"---\n---\n".to_vec());
        }
        if let Ok(unzipped) = unzip(Cursor::new(zipped(&files))) {
            let _ = read(unzipped);
        }
    }
}

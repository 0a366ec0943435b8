//! Tests of reading and writing course bundles: round trips, named mistakes and zip archives.

use super::{BundleError, MAX_BUNDLE_BYTES, read, unzip, write, yaml::quoted, zip_files};
use std::collections::BTreeMap;

fn files(list: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
    list.iter()
        .map(|(p, t)| ((*p).to_owned(), t.as_bytes().to_vec()))
        .collect()
}

const COURSE: &str = "---\nslug: \"c\"\ntitle: \"C\"\nlanguage: \"en\"\nsummary: \"\"\nleads_to_certificate: false\n---\n";
const MODULE: &str =
    "---\ntitle: \"M\"\ntopic: \"roles\"\nrequires_previous: false\nsummary: \"\"\n---\n";

#[test]
fn awkward_strings_survive_a_round_trip() {
    let awkward = [
        "",
        "plain",
        "quote \" and backslash \\",
        "two\nlines\n",
        "two\nlines no end",
        "  leading spaces\n",
        "ends with blank\n\n",
        "has\n   \nspace-only line\n",
        "tab\there",
        "yes",
        "null",
        "- dash",
        "# hash",
        "key: value",
        "ünïcødé – ÆØÅ",
        "\u{1}control",
    ];
    for text in awkward {
        let lesson = format!("---\ntitle: {}\nminutes: 3\n---\n", quoted("x"));
        let mut bundle = read(files(&[
            ("course.md", COURSE),
            ("01-m/module.md", MODULE),
            ("01-m/01-l.md", &lesson),
        ]))
        .unwrap();
        bundle.course.modules[0].lessons[0].title = text.to_owned();
        bundle.course.modules[0].lessons[0].body = text.to_owned();
        let written = write(&bundle);
        let again = read(written.clone()).unwrap();
        assert_eq!(again, bundle, "{text:?}");
        assert_eq!(write(&again), written);
    }
}

#[test]
fn quiz_limits_survive_a_round_trip() {
    let lesson = "---\ntitle: \"L\"\nminutes: 5\nquiz:\n  pass_mark: 80\n  attempts: 3\n  cooldown_minutes: 30\n  questions: []\n---\n\nText\n";
    let bundle = read(files(&[
        ("course.md", COURSE),
        ("01-m/module.md", MODULE),
        ("01-m/01-l.md", lesson),
    ]))
    .unwrap();
    let quiz = bundle.course.modules[0].lessons[0].quiz.clone().unwrap();
    assert_eq!((quiz.attempts, quiz.cooldown_minutes), (Some(3), Some(30)));
    let written = write(&bundle);
    assert_eq!(
        String::from_utf8_lossy(&written["01-m/01-l.md"]),
        lesson,
        "written back exactly"
    );
}

#[test]
fn a_folder_around_the_bundle_is_its_root() {
    let bundle = read(files(&[
        ("x/course.md", COURSE),
        ("x/.DS_Store", "junk"),
        ("__MACOSX/x/._course.md", "junk"),
    ]))
    .unwrap();
    assert_eq!(bundle.course.slug, "c");
}

#[test]
fn mistakes_are_named() {
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (vec![], "the bundle has no course.md"),
        (
            vec![("course.md", "no front matter")],
            "course.md: the file must start",
        ),
        (
            vec![(
                "course.md",
                "---\nslug: \"c\"\ntitle: \"C\"\nlanguage: \"sv\"\n---\n",
            )],
            "course.md: language cannot be \"sv\"",
        ),
        (
            vec![(
                "course.md",
                "---\nslug: \"c\"\ntitle: \"C\"\nlanguage: \"da\"\nextra: 1\n---\n",
            )],
            "course.md: unknown field `extra`",
        ),
        (
            vec![("course.md", COURSE), ("notes.txt", "x")],
            "notes.txt: this file has no place",
        ),
        (
            vec![("course.md", COURSE), ("modul/module.md", MODULE)],
            "modul/module.md: names must look like",
        ),
        (
            vec![
                ("course.md", COURSE),
                ("01-a/module.md", MODULE),
                ("01-b/module.md", MODULE),
            ],
            "01-b/module.md: two items share this number",
        ),
        (
            vec![
                ("course.md", COURSE),
                (
                    "01-a/module.md",
                    "---\ntitle: \"M\"\ntopic: \"gossip\"\n---\n",
                ),
            ],
            "01-a/module.md: topic cannot be \"gossip\"",
        ),
        (
            vec![
                ("course.md", COURSE),
                ("01-a/module.md", MODULE),
                ("01-a/01-l.md", "---\ntitle: \"L\"\nminutes: -3\n---\n"),
            ],
            "01-a/01-l.md: minutes",
        ),
    ];
    for (list, expected) in cases {
        let error = read(files(&list)).unwrap_err().to_string();
        assert!(error.starts_with(expected), "{error} / {expected}");
    }
}

#[test]
fn zip_round_trip_and_bomb_guard() {
    let written = write(&read(files(&[("course.md", COURSE)])).unwrap());
    let mut buffer = std::io::Cursor::new(Vec::new());
    zip_files("c", &written, &mut buffer).unwrap();
    let unpacked = unzip(std::io::Cursor::new(buffer.get_ref().clone())).unwrap();
    assert_eq!(read(unpacked).unwrap(), read(written.clone()).unwrap());
    // The same course gives the same archive.
    let mut again = std::io::Cursor::new(Vec::new());
    zip_files("c", &written, &mut again).unwrap();
    assert_eq!(buffer.get_ref(), again.get_ref());

    let big = vec![0u8; (MAX_BUNDLE_BYTES + 1) as usize];
    let mut bomb = std::io::Cursor::new(Vec::new());
    let mut files = BTreeMap::new();
    files.insert("media/big.png".to_owned(), big);
    zip_files("c", &files, &mut bomb).unwrap();
    assert!(bomb.get_ref().len() < 1024 * 1024, "compresses well");
    assert_eq!(
        unzip(std::io::Cursor::new(bomb.into_inner())),
        Err(BundleError::TooLarge)
    );
    assert!(matches!(
        unzip(std::io::Cursor::new(b"not a zip".to_vec())),
        Err(BundleError::Zip(_))
    ));
}

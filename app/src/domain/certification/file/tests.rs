use super::*;

fn localized(text: &str) -> Localized {
    Localized {
        da: format!("{text} (da)"),
        nb: format!("{text} (nb)"),
        en: format!("{text} (en)"),
    }
}

fn sample() -> ProgrammeFile {
    ProgrammeFile {
        slug: "certificeret-igangsaetter".into(),
        title: localized("Certificeret igangsætter: «første» linje"),
        criteria: localized("Kursus, quiz: 80 %\nog en workshop"),
        reflections: "accepted".into(),
        workshops: 1,
        sign_off: Some("Har startet en gruppe sammen med en erfaren igangsætter".into()),
        validity_months: Some(24),
        courses: vec![CourseEntry {
            any_of: vec![
                CourseRef {
                    course: "igangsaetteruddannelse".into(),
                    min_version: None,
                },
                CourseRef {
                    course: "group-starter-training".into(),
                    min_version: Some(2),
                },
            ],
        }],
        quizzes: vec![QuizEntry {
            any_of: vec![QuizRef {
                course: "igangsaetteruddannelse".into(),
                lesson: "vaerdierne".into(),
            }],
            min_percent: 80,
        }],
        refreshers: vec!["opfriskning-igangsaetter".into()],
    }
}

#[test]
fn a_written_file_reads_back_the_same() {
    let file = sample();
    let text = write(&file);
    assert!(text.starts_with("# An Igang certification programme"));
    assert_eq!(read(&text).unwrap(), file);
    assert_eq!(write(&read(&text).unwrap()), text);
    assert_eq!(
        file.course_slugs(),
        [
            "group-starter-training",
            "igangsaetteruddannelse",
            "opfriskning-igangsaetter"
        ]
    );
}

#[test]
fn optional_parts_may_be_left_out() {
    let text = "slug: kort\ntitle: {da: a, nb: b, en: c}\ncriteria: {da: a, nb: b, en: c}\nreflections: sent\nworkshops: 2\n";
    let file = read(text).unwrap();
    assert_eq!(file.sign_off, None);
    assert_eq!(file.validity_months, None);
    assert!(file.courses.is_empty() && file.refreshers.is_empty());
}

#[test]
fn unreadable_text_names_its_line() {
    let text = "slug: kort\ntitle: {da: a, nb: b, en: c}\ncriteria: {da: a, nb: b, en: c}\nreflections: sent\nworkshop: 2\n";
    match read(text) {
        Err(flaws) => match &flaws[..] {
            [ProgrammeFlaw::Unreadable { line, message }] => {
                assert_eq!(*line, Some(5));
                assert!(message.contains("workshop"), "{message}");
            }
            other => panic!("{other:?}"),
        },
        Ok(file) => panic!("read {file:?}"),
    }
    assert!(matches!(
        read("- just\n- a list\n").unwrap_err()[..],
        [ProgrammeFlaw::Unreadable { .. }]
    ));
    let huge = "#".repeat(MAX_FILE_BYTES + 1);
    assert_eq!(read(&huge).unwrap_err(), [ProgrammeFlaw::TooLarge]);
}

/// A change made to the sample file.
type Change = fn(&mut ProgrammeFile);

#[test]
fn each_rule_has_its_flaw() {
    let cases: Vec<(Change, ProgrammeFlaw)> = vec![
        (
            |f: &mut ProgrammeFile| f.slug = "Not A Slug".into(),
            ProgrammeFlaw::BadSlug,
        ),
        (
            |f| f.title.nb = "  ".into(),
            ProgrammeFlaw::BadTitle(Language::Nb),
        ),
        (
            |f| f.criteria.en = "x".repeat(MAX_CRITERIA + 1),
            ProgrammeFlaw::BadCriteria(Language::En),
        ),
        (
            |f: &mut ProgrammeFile| f.reflections = "read".into(),
            ProgrammeFlaw::BadReflections,
        ),
        (
            |f: &mut ProgrammeFile| f.workshops = 11,
            ProgrammeFlaw::TooManyWorkshops,
        ),
        (
            |f: &mut ProgrammeFile| f.validity_months = Some(0),
            ProgrammeFlaw::BadValidity,
        ),
        (
            |f: &mut ProgrammeFile| f.validity_months = Some(121),
            ProgrammeFlaw::BadValidity,
        ),
        (
            |f: &mut ProgrammeFile| f.sign_off = Some(String::new()),
            ProgrammeFlaw::BadSignOff,
        ),
        (
            |f: &mut ProgrammeFile| f.courses[0].any_of.clear(),
            ProgrammeFlaw::BadList,
        ),
        (
            |f: &mut ProgrammeFile| f.quizzes[0].any_of.clear(),
            ProgrammeFlaw::BadList,
        ),
        (
            |f| f.refreshers = vec!["r".into(); MAX_ENTRIES + 1],
            ProgrammeFlaw::BadList,
        ),
        (
            |f| f.courses[0].any_of[1].min_version = Some(0),
            ProgrammeFlaw::BadVersion,
        ),
        (
            |f: &mut ProgrammeFile| f.quizzes[0].min_percent = 0,
            ProgrammeFlaw::BadPercent,
        ),
        (
            |f: &mut ProgrammeFile| f.quizzes[0].min_percent = 101,
            ProgrammeFlaw::BadPercent,
        ),
        (
            |f: &mut ProgrammeFile| {
                f.courses.clear();
                f.quizzes.clear();
                f.workshops = 0;
                f.sign_off = None;
            },
            ProgrammeFlaw::AsksNothing,
        ),
    ];
    assert!(sample().check().is_empty());
    for (change, expected) in cases {
        let mut file = sample();
        change(&mut file);
        assert_eq!(file.check(), vec![expected.clone()], "{expected:?}");
        assert_eq!(read(&write(&file)).unwrap_err(), vec![expected]);
    }
}

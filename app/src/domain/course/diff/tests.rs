//! Tests of what is reported as changed between two versions of a course.

use super::{Change, VersionView, diff};
use crate::domain::course::{CourseDoc, ModuleDoc, fixtures::sample};

fn keys(course: &CourseDoc) -> (Vec<String>, Vec<Vec<String>>) {
    (
        course.modules.iter().map(|m| m.slug.clone()).collect(),
        course
            .modules
            .iter()
            .map(|m| m.lessons.iter().map(|l| l.slug.clone()).collect())
            .collect(),
    )
}

#[test]
fn diff_names_what_changed() {
    let old = sample();
    let mut new = sample();
    new.modules[0].lessons[0].title = "Renamed".into();
    new.modules[0].lessons[0]
        .quiz
        .as_mut()
        .unwrap()
        .questions
        .clear();
    let mut second = new.modules[0].lessons[0].clone();
    second.slug = "second".into();
    second.title = "Second".into();
    new.modules[0].lessons.push(second);
    new.modules.push(ModuleDoc {
        slug: "two".into(),
        title: "Two".into(),
        ..new.modules[0].clone()
    });
    new.modules[1].lessons.truncate(0);
    let (om, ol) = keys(&old);
    let (nm, nl) = keys(&new);
    let changes = diff(
        &VersionView {
            course: &old,
            module_keys: &om,
            lesson_keys: &ol,
        },
        &VersionView {
            course: &new,
            module_keys: &nm,
            lesson_keys: &nl,
        },
    );
    assert_eq!(
        changes,
        vec![
            Change::LessonChanged("One".into(), "Renamed".into()),
            Change::QuizChanged("One".into(), "Renamed".into()),
            Change::LessonAdded("One".into(), "Second".into()),
            Change::ModuleAdded("Two".into()),
        ]
    );
    let same = diff(
        &VersionView {
            course: &old,
            module_keys: &om,
            lesson_keys: &ol,
        },
        &VersionView {
            course: &old,
            module_keys: &om,
            lesson_keys: &ol,
        },
    );
    assert!(same.is_empty());
}

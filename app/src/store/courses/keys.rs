//! Stable keys for the items of a course version. A module, lesson or question keeps its key
//! from one version to the next, also when an imported revision moves it, so what publishing
//! changes is told item by item.

use crate::domain::course::CourseDoc;
use std::collections::HashMap;

/// Stable keys for the items of a version, in reading order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Keys {
    /// One per module.
    pub modules: Vec<String>,
    /// Per module, one per lesson.
    pub lessons: Vec<Vec<String>>,
    /// Per module, per lesson, one per question.
    pub questions: Vec<Vec<Vec<String>>>,
}

/// A new random key.
pub(super) fn new_key() -> String {
    uuid::Uuid::new_v4().to_string()
}

impl Keys {
    pub(super) fn module(&self, m: usize) -> String {
        self.modules.get(m).cloned().unwrap_or_else(new_key)
    }
    pub(super) fn lesson(&self, m: usize, l: usize) -> String {
        self.lessons
            .get(m)
            .and_then(|v| v.get(l))
            .cloned()
            .unwrap_or_else(new_key)
    }
    pub(super) fn question(&self, m: usize, l: usize, q: usize) -> String {
        self.questions
            .get(m)
            .and_then(|v| v.get(l))
            .and_then(|v| v.get(q))
            .cloned()
            .unwrap_or_else(new_key)
    }

    /// Keys for `doc` that reuse `old`'s where a module or lesson has the same short name, so
    /// an imported revision of a course compares item by item with the version before.
    pub fn matching(old: &CourseDoc, old_keys: &Keys, doc: &CourseDoc) -> Keys {
        let modules: HashMap<&str, usize> = old
            .modules
            .iter()
            .enumerate()
            .map(|(i, m)| (m.slug.as_str(), i))
            .collect();
        // A lesson is found by module and lesson name first, then by lesson name alone (it
        // may have moved); no old key is handed out twice.
        let mut exact: HashMap<(&str, &str), (usize, usize)> = HashMap::new();
        let mut loose: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
        for (m, module) in old.modules.iter().enumerate() {
            for (l, lesson) in module.lessons.iter().enumerate() {
                exact.insert((module.slug.as_str(), lesson.slug.as_str()), (m, l));
                loose.entry(lesson.slug.as_str()).or_default().push((m, l));
            }
        }
        let mut used = std::collections::HashSet::new();
        let mut keys = Keys::default();
        for module in &doc.modules {
            keys.modules.push(
                modules
                    .get(module.slug.as_str())
                    .map(|&m| old_keys.module(m))
                    .unwrap_or_else(new_key),
            );
        }
        let mut lesson_keys: Vec<Vec<Option<String>>> = doc
            .modules
            .iter()
            .map(|m| vec![None; m.lessons.len()])
            .collect();
        for (m, module) in doc.modules.iter().enumerate() {
            for (l, lesson) in module.lessons.iter().enumerate() {
                if let Some(&at) = exact.get(&(module.slug.as_str(), lesson.slug.as_str())) {
                    used.insert(at);
                    lesson_keys[m][l] = Some(old_keys.lesson(at.0, at.1));
                }
            }
        }
        for (m, module) in doc.modules.iter().enumerate() {
            for (l, lesson) in module.lessons.iter().enumerate() {
                if lesson_keys[m][l].is_some() {
                    continue;
                }
                let found = loose
                    .get(lesson.slug.as_str())
                    .and_then(|places| places.iter().find(|at| !used.contains(*at)).copied());
                if let Some(at) = found {
                    used.insert(at);
                    lesson_keys[m][l] = Some(old_keys.lesson(at.0, at.1));
                }
            }
        }
        keys.lessons = lesson_keys
            .into_iter()
            .map(|v| v.into_iter().map(|k| k.unwrap_or_else(new_key)).collect())
            .collect();
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::Keys;
    use crate::domain::{
        course::{CourseDoc, LessonDoc, ModuleDoc, Topic},
        language::Language,
    };

    fn course(modules: &[(&str, &[&str])]) -> CourseDoc {
        CourseDoc {
            slug: "c".into(),
            title: "C".into(),
            language: Language::Da,
            summary: String::new(),
            leads_to_certificate: false,
            body: String::new(),
            modules: modules
                .iter()
                .map(|(m, lessons)| ModuleDoc {
                    slug: (*m).into(),
                    title: (*m).into(),
                    topic: Topic::Values,
                    requires_previous: false,
                    summary: String::new(),
                    body: String::new(),
                    lessons: lessons
                        .iter()
                        .map(|l| LessonDoc {
                            slug: (*l).into(),
                            title: (*l).into(),
                            minutes: 5,
                            body: String::new(),
                            quiz: None,
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn imported_lessons_keep_their_identity_and_never_share_it() {
        let old = course(&[("a", &["intro", "x"]), ("b", &["intro", "y"])]);
        let old_keys = Keys {
            modules: vec!["A".into(), "B".into()],
            lessons: vec![
                vec!["A1".into(), "AX".into()],
                vec!["B1".into(), "BY".into()],
            ],
            questions: Vec::new(),
        };
        // Same names in both modules; `y` moved to module a; `x` is gone; `z` is new.
        let new = course(&[("b", &["intro"]), ("a", &["intro", "y", "z"])]);
        let keys = Keys::matching(&old, &old_keys, &new);
        assert_eq!(keys.modules, ["B", "A"]);
        assert_eq!(keys.lessons[0], ["B1"]);
        assert_eq!(&keys.lessons[1][..2], ["A1", "BY"]);
        let fresh = &keys.lessons[1][2];
        assert!(!["A1", "AX", "B1", "BY"].contains(&fresh.as_str()));
    }
}

//! What changed between two versions of a course, for trainers deciding whether to publish.

use super::doc::{CourseDoc, LessonDoc, ModuleDoc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One difference between two versions of a course.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    /// Title, summary, introduction or certificate setting of the course changed.
    CourseDetails,
    /// A module was added.
    ModuleAdded(String),
    /// A module was removed.
    ModuleRemoved(String),
    /// A module's own texts or settings changed.
    ModuleChanged(String),
    /// Modules were put in a new order.
    ModulesReordered,
    /// A lesson was added (module title, lesson title).
    LessonAdded(String, String),
    /// A lesson was removed.
    LessonRemoved(String, String),
    /// A lesson's text changed.
    LessonChanged(String, String),
    /// A lesson's quiz changed (questions, options, pass mark).
    QuizChanged(String, String),
    /// A lesson moved to another place.
    LessonMoved(String, String),
}

/// A version to compare: the course, and the keys of its modules and lessons in order.
pub struct VersionView<'a> {
    /// The course content.
    pub course: &'a CourseDoc,
    /// Module keys, one per module.
    pub module_keys: &'a [String],
    /// Lesson keys, per module.
    pub lesson_keys: &'a [Vec<String>],
}

/// What changed from `old` to `new`, in reading order. Modules and lessons are matched by key,
/// so a renamed lesson shows as changed, not as removed and added.
pub fn diff(old: &VersionView<'_>, new: &VersionView<'_>) -> Vec<Change> {
    let mut changes = Vec::new();
    let (a, b) = (old.course, new.course);
    if a.title != b.title
        || a.summary != b.summary
        || a.body != b.body
        || a.leads_to_certificate != b.leads_to_certificate
    {
        changes.push(Change::CourseDetails);
    }
    let old_modules: HashMap<&str, (usize, &ModuleDoc)> = old
        .module_keys
        .iter()
        .zip(&a.modules)
        .enumerate()
        .map(|(i, (k, m))| (k.as_str(), (i, m)))
        .collect();
    let new_module_keys: std::collections::HashSet<&str> =
        new.module_keys.iter().map(String::as_str).collect();
    // Lesson key -> (key of the module it was in, the lesson).
    let mut old_lessons: HashMap<&str, (&str, &LessonDoc)> = HashMap::new();
    for ((module, keys), module_key) in a.modules.iter().zip(old.lesson_keys).zip(old.module_keys) {
        for (key, lesson) in keys.iter().zip(&module.lessons) {
            old_lessons.insert(key.as_str(), (module_key.as_str(), lesson));
        }
    }
    let mut kept_old_order = Vec::new();
    let mut seen_lessons = std::collections::HashSet::new();
    for ((module, key), lesson_keys) in b.modules.iter().zip(new.module_keys).zip(new.lesson_keys) {
        match old_modules.get(key.as_str()) {
            None => changes.push(Change::ModuleAdded(module.title.clone())),
            Some((index, before)) => {
                kept_old_order.push(*index);
                if before.title != module.title
                    || before.summary != module.summary
                    || before.body != module.body
                    || before.topic != module.topic
                    || before.requires_previous != module.requires_previous
                {
                    changes.push(Change::ModuleChanged(module.title.clone()));
                }
            }
        }
        for (lesson_key, lesson) in lesson_keys.iter().zip(&module.lessons) {
            seen_lessons.insert(lesson_key.as_str());
            let names = || (module.title.clone(), lesson.title.clone());
            match old_lessons.get(lesson_key.as_str()) {
                None => {
                    let (m, l) = names();
                    changes.push(Change::LessonAdded(m, l));
                }
                Some((old_module_key, before)) => {
                    if *old_module_key != key.as_str() {
                        let (m, l) = names();
                        changes.push(Change::LessonMoved(m, l));
                    }
                    if before.title != lesson.title
                        || before.body != lesson.body
                        || before.minutes != lesson.minutes
                    {
                        let (m, l) = names();
                        changes.push(Change::LessonChanged(m, l));
                    }
                    if before.quiz != lesson.quiz {
                        let (m, l) = names();
                        changes.push(Change::QuizChanged(m, l));
                    }
                }
            }
        }
    }
    if kept_old_order.windows(2).any(|w| w[0] > w[1]) {
        changes.push(Change::ModulesReordered);
    }
    for ((module, key), keys) in a.modules.iter().zip(old.module_keys).zip(old.lesson_keys) {
        if !new_module_keys.contains(key.as_str()) {
            changes.push(Change::ModuleRemoved(module.title.clone()));
        }
        for (lesson_key, lesson) in keys.iter().zip(&module.lessons) {
            if !seen_lessons.contains(lesson_key.as_str()) {
                changes.push(Change::LessonRemoved(
                    module.title.clone(),
                    lesson.title.clone(),
                ));
            }
        }
    }
    changes
}

#[cfg(test)]
mod tests;

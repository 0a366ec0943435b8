//! Unlocking and completion: which modules a learner may open, where they continue, how far
//! they are, and what may complete a lesson.

use super::content::ModuleShape;
use crate::domain::ids::LessonId;
use std::collections::HashSet;

/// Where one module stands for a learner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleProgress {
    /// Whether the learner may open it.
    pub unlocked: bool,
    /// Lessons completed.
    pub done: usize,
    /// Lessons in all.
    pub total: usize,
}

impl ModuleProgress {
    /// Whether every lesson is completed (a module without lessons counts as completed).
    pub fn complete(&self) -> bool {
        self.done >= self.total
    }
}

/// Where a whole course stands for a learner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseProgress {
    /// Per module, in order.
    pub modules: Vec<ModuleProgress>,
    /// Whole percent of lessons completed, rounded down.
    pub percent: u8,
    /// The first lesson not yet completed in an unlocked module, if any.
    pub next: Option<LessonId>,
    /// Whether every lesson of every module is completed.
    pub complete: bool,
}

/// Why a learner may not do something with a lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The lesson is not part of the learner's version.
    #[error("not in the learner's version")]
    NotInCourse,
    /// The lesson's module waits for the one before.
    #[error("locked")]
    Locked,
    /// A lesson with a quiz is completed by its quiz, not by marking it done.
    #[error("the quiz completes this lesson")]
    QuizFirst,
}

/// Computes a learner's progress from the lessons they have completed.
pub fn progress(modules: &[ModuleShape], completed: &HashSet<LessonId>) -> CourseProgress {
    let mut out = Vec::with_capacity(modules.len());
    let mut previous_complete = true;
    let mut next = None;
    for module in modules {
        let unlocked = !module.requires_previous || previous_complete;
        let done = module
            .lessons
            .iter()
            .filter(|l| completed.contains(l))
            .count();
        let state = ModuleProgress {
            unlocked,
            done,
            total: module.lessons.len(),
        };
        if unlocked && next.is_none() {
            next = module
                .lessons
                .iter()
                .find(|l| !completed.contains(l))
                .copied();
        }
        previous_complete = state.complete();
        out.push(state);
    }
    let total: usize = out.iter().map(|m| m.total).sum();
    let done: usize = out.iter().map(|m| m.done.min(m.total)).sum();
    let percent = (done * 100)
        .checked_div(total)
        .map_or(0, |p| u8::try_from(p).unwrap_or(100));
    CourseProgress {
        complete: total > 0 && out.iter().all(ModuleProgress::complete),
        modules: out,
        percent,
        next,
    }
}

/// The position of the module holding `lesson`.
pub fn module_of(modules: &[ModuleShape], lesson: LessonId) -> Option<usize> {
    modules.iter().position(|m| m.lessons.contains(&lesson))
}

/// Whether the learner may open `lesson` now.
pub fn may_open(
    modules: &[ModuleShape],
    progress: &CourseProgress,
    lesson: LessonId,
) -> Result<(), Refusal> {
    let index = module_of(modules, lesson).ok_or(Refusal::NotInCourse)?;
    if progress.modules.get(index).is_some_and(|m| m.unlocked) {
        Ok(())
    } else {
        Err(Refusal::Locked)
    }
}

/// Whether a lesson may be completed by marking it done: only when no quiz completes it.
pub fn may_mark_done(has_quiz: bool) -> Result<(), Refusal> {
    if has_quiz {
        Err(Refusal::QuizFirst)
    } else {
        Ok(())
    }
}

/// The position of the module a locked module waits for: the one just before it.
pub fn waits_for(progress: &CourseProgress, module: usize) -> Option<usize> {
    let locked = progress.modules.get(module).is_some_and(|m| !m.unlocked);
    locked.then(|| module.checked_sub(1)).flatten()
}

/// Where a learner continues: the next lesson to do, or the first lesson once all are done.
pub fn continue_at(modules: &[ModuleShape], progress: &CourseProgress) -> Option<LessonId> {
    progress
        .next
        .or_else(|| modules.first().and_then(|m| m.lessons.first().copied()))
}

#[cfg(test)]
mod tests;

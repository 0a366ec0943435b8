//! Checks a course document before learners may see it.

use super::{
    doc::{CourseDoc, LessonDoc, QuestionDoc},
    flaw::{Flaw, FlawKind, Place},
    kinds::QuestionKind,
    limits::{
        MAX_ATTEMPTS, MAX_BODY, MAX_COOLDOWN_MINUTES, MAX_MINUTES, MAX_OPTIONS, MAX_SUMMARY,
        MAX_TEXT, MAX_TITLE,
    },
    slug::is_slug,
};

/// Checks a whole course; an empty list means learners may see it.
pub fn validate(course: &CourseDoc) -> Vec<Flaw> {
    let mut flaws = Vec::new();
    let mut flaw = |place: Place, kind| flaws.push(Flaw { place, kind });
    let top = Place::default();
    if !is_slug(&course.slug) {
        flaw(top, FlawKind::BadSlug);
    }
    check_text(&mut flaw, top, &course.title, MAX_TITLE, true);
    check_text(&mut flaw, top, &course.summary, MAX_SUMMARY, false);
    check_text(&mut flaw, top, &course.body, MAX_BODY, false);
    if course.modules.is_empty() {
        flaw(top, FlawKind::NoModules);
    }
    check_unique(
        &mut flaw,
        top,
        course.modules.iter().map(|m| m.slug.as_str()),
    );
    for (m, module) in course.modules.iter().enumerate() {
        let place = Place::module(m);
        if !is_slug(&module.slug) {
            flaw(place, FlawKind::BadSlug);
        }
        check_text(&mut flaw, place, &module.title, MAX_TITLE, true);
        check_text(&mut flaw, place, &module.summary, MAX_SUMMARY, false);
        check_text(&mut flaw, place, &module.body, MAX_BODY, false);
        if m == 0 && module.requires_previous {
            flaw(place, FlawKind::FirstRequiresPrevious);
        }
        if module.lessons.is_empty() {
            flaw(place, FlawKind::NoLessons);
        }
        check_unique(
            &mut flaw,
            place,
            module.lessons.iter().map(|l| l.slug.as_str()),
        );
        for (l, lesson) in module.lessons.iter().enumerate() {
            let place = Place::lesson(m, l);
            check_lesson(&mut flaw, place, lesson);
        }
    }
    flaws
}

fn check_lesson(flaw: &mut impl FnMut(Place, FlawKind), place: Place, lesson: &LessonDoc) {
    if !is_slug(&lesson.slug) {
        flaw(place, FlawKind::BadSlug);
    }
    check_text(flaw, place, &lesson.title, MAX_TITLE, true);
    check_text(flaw, place, &lesson.body, MAX_BODY, false);
    if lesson.minutes == 0 || lesson.minutes > MAX_MINUTES {
        flaw(place, FlawKind::BadMinutes);
    }
    let Some(quiz) = &lesson.quiz else { return };
    if quiz.pass_mark > 100 {
        flaw(place, FlawKind::BadPassMark);
    }
    if quiz.attempts.is_some_and(|n| n == 0 || n > MAX_ATTEMPTS)
        || quiz
            .cooldown_minutes
            .is_some_and(|m| m > MAX_COOLDOWN_MINUTES)
    {
        flaw(place, FlawKind::BadQuizLimits);
    }
    if quiz.questions.is_empty() {
        flaw(place, FlawKind::NoQuestions);
    }
    for (q, question) in quiz.questions.iter().enumerate() {
        let place = place.question(q);
        for kind in question_flaws(question) {
            flaw(place, kind);
        }
    }
}

/// What is wrong with one question on its own.
pub fn question_flaws(question: &QuestionDoc) -> Vec<FlawKind> {
    let mut flaws = Vec::new();
    let mut flaw = |_: Place, kind| flaws.push(kind);
    let top = Place::default();
    check_text(&mut flaw, top, &question.prompt, MAX_TEXT, true);
    let kind = question.kind;
    match (&question.case, kind) {
        (Some(case), QuestionKind::Scenario) => check_text(&mut flaw, top, case, MAX_TEXT, true),
        (None, QuestionKind::Scenario) => flaw(top, FlawKind::MissingCase),
        (Some(_), _) => flaw(top, FlawKind::StrayField),
        (None, _) => {}
    }
    if kind == QuestionKind::Reflection {
        if !question.options.is_empty() {
            flaw(top, FlawKind::StrayField);
        }
        if question.review.is_none() {
            flaw(top, FlawKind::MissingReview);
        }
        if let Some(guidance) = &question.guidance {
            check_text(&mut flaw, top, guidance, MAX_TEXT, false);
        }
        return flaws;
    }
    if question.guidance.is_some() || question.review.is_some() {
        flaw(top, FlawKind::StrayField);
    }
    let count = question.options.len();
    let correct = question.options.iter().filter(|o| o.correct).count();
    let count_ok = match kind {
        QuestionKind::TrueFalse => count == 2,
        _ => (2..=MAX_OPTIONS).contains(&count),
    };
    if !count_ok {
        flaw(top, FlawKind::OptionCount);
    }
    let correct_ok = match kind {
        QuestionKind::MultipleChoice => correct >= 1,
        _ => correct == 1,
    };
    if !correct_ok {
        flaw(top, FlawKind::CorrectCount);
    }
    for option in &question.options {
        check_text(&mut flaw, top, &option.text, MAX_TEXT, true);
        check_text(&mut flaw, top, &option.explanation, MAX_TEXT, false);
    }
    flaws
}

fn check_text(
    flaw: &mut impl FnMut(Place, FlawKind),
    place: Place,
    text: &str,
    max: usize,
    required: bool,
) {
    if required && text.trim().is_empty() {
        flaw(place, FlawKind::Empty);
    } else if text.chars().count() > max {
        flaw(place, FlawKind::TooLong);
    }
}

fn check_unique<'a>(
    flaw: &mut impl FnMut(Place, FlawKind),
    place: Place,
    slugs: impl Iterator<Item = &'a str>,
) {
    let mut seen = std::collections::HashSet::new();
    if slugs.into_iter().any(|s| !seen.insert(s)) {
        flaw(place, FlawKind::DuplicateSlug);
    }
}

#[cfg(test)]
mod tests;

//! What a course is made of, the rules a course must satisfy before learners see it, and what
//! changed between two versions. Shared by the bundle format, the database and the editor.

use super::language::Language;
use serde::{Deserialize, Serialize};
use std::{collections::HashMap, fmt, str::FromStr};

/// Longest title of a course, module or lesson, in characters.
pub const MAX_TITLE: usize = 160;
/// Longest summary, in characters.
pub const MAX_SUMMARY: usize = 600;
/// Longest Markdown body, in characters.
pub const MAX_BODY: usize = 60_000;
/// Longest question, option or feedback text, in characters.
pub const MAX_TEXT: usize = 4_000;
/// Most options a question may offer.
pub const MAX_OPTIONS: usize = 12;
/// Most minutes a single lesson may be estimated at.
pub const MAX_MINUTES: u32 = 600;
/// Most attempts a quiz may limit learners to.
pub const MAX_ATTEMPTS: u8 = 20;
/// Longest cool-down between quiz attempts: one week.
pub const MAX_COOLDOWN_MINUTES: u32 = 7 * 24 * 60;

/// Where a course stands for learners.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CourseStatus {
    /// Not visible to learners yet (or taken down again).
    Draft,
    /// In the catalogue.
    Published,
    /// Retired: neither in the catalogue nor in the trainers' working list.
    Archived,
}

impl CourseStatus {
    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            CourseStatus::Draft => "draft",
            CourseStatus::Published => "published",
            CourseStatus::Archived => "archived",
        }
    }
}

impl FromStr for CourseStatus {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "draft" => Ok(CourseStatus::Draft),
            "published" => Ok(CourseStatus::Published),
            "archived" => Ok(CourseStatus::Archived),
            _ => Err(UnknownValue(s.to_owned())),
        }
    }
}

/// Where one version of a course stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VersionState {
    /// Being edited; only trainers see it.
    Draft,
    /// The version new learners start.
    Published,
    /// Was published, replaced by a newer one; learners who started it keep it.
    Superseded,
}

impl VersionState {
    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            VersionState::Draft => "draft",
            VersionState::Published => "published",
            VersionState::Superseded => "superseded",
        }
    }
}

impl FromStr for VersionState {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "draft" => Ok(VersionState::Draft),
            "published" => Ok(VersionState::Published),
            "superseded" => Ok(VersionState::Superseded),
            _ => Err(UnknownValue(s.to_owned())),
        }
    }
}

/// A stored or written value that is not one of the known ones.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown value {0:?}")]
pub struct UnknownValue(pub String);

/// What a module is about, so trainers and centres can see the shape of a course at a glance.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Topic {
    /// Mutuality, equality, humanity.
    Values,
    /// The roles around a group.
    Roles,
    /// Starting a group.
    Starting,
    /// Ending a group, and stepping out of it.
    Ending,
    /// Core elements.
    CoreElements,
    /// Confidentiality.
    Confidentiality,
    /// An organisation's own tag (`custom:<name>`).
    Custom(String),
}

impl Topic {
    /// The built-in topics, in the order the editor offers them.
    pub const BUILT_IN: [&'static str; 6] = [
        "values",
        "roles",
        "starting",
        "ending",
        "core-elements",
        "confidentiality",
    ];

    /// Stored and written form: `values`, ..., or `custom:<name>`.
    pub fn as_string(&self) -> String {
        match self {
            Topic::Values => "values".into(),
            Topic::Roles => "roles".into(),
            Topic::Starting => "starting".into(),
            Topic::Ending => "ending".into(),
            Topic::CoreElements => "core-elements".into(),
            Topic::Confidentiality => "confidentiality".into(),
            Topic::Custom(name) => format!("custom:{name}"),
        }
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_string())
    }
}

impl FromStr for Topic {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "values" => Ok(Topic::Values),
            "roles" => Ok(Topic::Roles),
            "starting" => Ok(Topic::Starting),
            "ending" => Ok(Topic::Ending),
            "core-elements" => Ok(Topic::CoreElements),
            "confidentiality" => Ok(Topic::Confidentiality),
            other => match other.strip_prefix("custom:") {
                Some(name) if is_slug(name) && name.len() <= 40 => Ok(Topic::Custom(name.into())),
                _ => Err(UnknownValue(other.to_owned())),
            },
        }
    }
}

/// The kinds of question a quiz can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum QuestionKind {
    /// One right option.
    SingleChoice,
    /// One or more right options, all of which must be chosen.
    MultipleChoice,
    /// Two options, one right.
    TrueFalse,
    /// A short case, then options with feedback on each.
    Scenario,
    /// Free text, read by a trainer or accepted on submission.
    Reflection,
}

impl QuestionKind {
    /// Every kind, in the order the editor offers them.
    pub const ALL: [QuestionKind; 5] = [
        QuestionKind::SingleChoice,
        QuestionKind::MultipleChoice,
        QuestionKind::TrueFalse,
        QuestionKind::Scenario,
        QuestionKind::Reflection,
    ];

    /// Stored and written form.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::SingleChoice => "single_choice",
            QuestionKind::MultipleChoice => "multiple_choice",
            QuestionKind::TrueFalse => "true_false",
            QuestionKind::Scenario => "scenario",
            QuestionKind::Reflection => "reflection",
        }
    }

    /// Whether answers are scored against options.
    pub fn has_options(self) -> bool {
        self != QuestionKind::Reflection
    }
}

impl FromStr for QuestionKind {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        QuestionKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownValue(s.to_owned()))
    }
}

/// How a reflection answer is accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReviewMode {
    /// A trainer reads it and accepts it or asks for more.
    Trainer,
    /// Accepted as soon as it is submitted.
    OnSubmit,
}

impl ReviewMode {
    /// Stored and written form.
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewMode::Trainer => "trainer",
            ReviewMode::OnSubmit => "on_submit",
        }
    }
}

impl FromStr for ReviewMode {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "trainer" => Ok(ReviewMode::Trainer),
            "on_submit" => Ok(ReviewMode::OnSubmit),
            _ => Err(UnknownValue(s.to_owned())),
        }
    }
}

/// A whole course: what a bundle holds and what one version in the database holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseDoc {
    /// Short name used in addresses and bundle folders.
    pub slug: String,
    /// Title.
    pub title: String,
    /// The language it is written in.
    pub language: Language,
    /// One or two sentences for the catalogue.
    pub summary: String,
    /// Whether completing it counts towards the igangsætter certificate.
    pub leads_to_certificate: bool,
    /// Markdown introduction.
    pub body: String,
    /// Modules in order.
    pub modules: Vec<ModuleDoc>,
}

/// One module of a course.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleDoc {
    /// Short name (bundle folder name after the number).
    pub slug: String,
    /// Title.
    pub title: String,
    /// Topic tag.
    pub topic: Topic,
    /// Whether the previous module must be completed first.
    pub requires_previous: bool,
    /// One or two sentences.
    pub summary: String,
    /// Markdown introduction.
    pub body: String,
    /// Lessons in order.
    pub lessons: Vec<LessonDoc>,
}

/// One lesson: reading, optionally ending in a quiz.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonDoc {
    /// Short name (bundle file name after the number).
    pub slug: String,
    /// Title.
    pub title: String,
    /// Estimated minutes to read and answer.
    pub minutes: u32,
    /// Markdown body.
    pub body: String,
    /// The quiz at the end, if any.
    pub quiz: Option<QuizDoc>,
}

/// The quiz at the end of a lesson.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizDoc {
    /// Percentage of the scored questions needed to pass.
    pub pass_mark: u8,
    /// Attempts allowed; none means no limit.
    pub attempts: Option<u8>,
    /// Minutes a learner waits before trying again.
    pub cooldown_minutes: Option<u32>,
    /// Questions in order.
    pub questions: Vec<QuestionDoc>,
}

/// One question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionDoc {
    /// Kind.
    pub kind: QuestionKind,
    /// The case told before a scenario question.
    pub case: Option<String>,
    /// The question itself.
    pub prompt: String,
    /// Options (not for reflections).
    pub options: Vec<OptionDoc>,
    /// What a good reflection answer covers, shown to the trainer who reviews it.
    pub guidance: Option<String>,
    /// How a reflection is accepted.
    pub review: Option<ReviewMode>,
}

/// One option of a question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionDoc {
    /// What the learner reads.
    pub text: String,
    /// Whether choosing it is right.
    pub correct: bool,
    /// Shown after answering.
    pub explanation: String,
    /// Kept last when the options are shuffled (such as "none of these").
    #[serde(default)]
    pub pinned: bool,
}

/// Where in a course something is: numbers count from 1; `None` means the level above.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Module number.
    pub module: Option<usize>,
    /// Lesson number within the module.
    pub lesson: Option<usize>,
    /// Question number within the lesson's quiz.
    pub question: Option<usize>,
}

impl Place {
    fn module(m: usize) -> Place {
        Place {
            module: Some(m + 1),
            ..Place::default()
        }
    }
    fn lesson(m: usize, l: usize) -> Place {
        Place {
            lesson: Some(l + 1),
            ..Place::module(m)
        }
    }
    fn question(self, q: usize) -> Place {
        Place {
            question: Some(q + 1),
            ..self
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = [
            self.module.map(|n| format!("module {n}")),
            self.lesson.map(|n| format!("lesson {n}")),
            self.question.map(|n| format!("question {n}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        f.write_str(&parts.join(", "))
    }
}

/// Something that keeps a course from being valid, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flaw {
    /// Where.
    pub place: Place,
    /// What.
    pub kind: FlawKind,
}

impl fmt::Display for Flaw {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place == Place::default() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.place, self.kind)
        }
    }
}

/// The kinds of [`Flaw`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum FlawKind {
    /// A required text is empty.
    #[error("a required text is empty")]
    Empty,
    /// A text is longer than allowed.
    #[error("a text is too long")]
    TooLong,
    /// A slug has characters other than a–z, 0–9 and single hyphens.
    #[error("the short name may only hold a-z, 0-9 and hyphens")]
    BadSlug,
    /// Two siblings share a slug.
    #[error("two items share a short name")]
    DuplicateSlug,
    /// The course has no modules.
    #[error("the course has no modules")]
    NoModules,
    /// A module has no lessons.
    #[error("the module has no lessons")]
    NoLessons,
    /// Minutes out of range.
    #[error("the estimated minutes must be between 1 and 600")]
    BadMinutes,
    /// Pass mark out of range.
    #[error("the pass mark must be between 0 and 100")]
    BadPassMark,
    /// The attempt limit or the cool-down is out of range.
    #[error("the attempt limit or the wait between attempts is out of range")]
    BadQuizLimits,
    /// A quiz with no questions.
    #[error("the quiz has no questions")]
    NoQuestions,
    /// Too few or too many options for the kind.
    #[error("the number of options does not fit the kind of question")]
    OptionCount,
    /// The right options do not fit the kind of question.
    #[error("the right answers do not fit the kind of question")]
    CorrectCount,
    /// A scenario without its case.
    #[error("a scenario needs its case")]
    MissingCase,
    /// A reflection without a review mode.
    #[error("a reflection must say how it is reviewed")]
    MissingReview,
    /// A field that belongs to another kind of question.
    #[error("the question has a field its kind does not use")]
    StrayField,
    /// The first module cannot require a previous one.
    #[error("the first module cannot require a previous one")]
    FirstRequiresPrevious,
}

/// Whether `s` is a slug: lowercase a–z and digits, separated by single hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A slug made from a title: `Det første møde` becomes `det-foerste-moede`.
pub fn slugify(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        let piece: &str = match c {
            'æ' | 'ä' => "ae",
            'ø' | 'ö' => "oe",
            'å' => "aa",
            'ü' => "ue",
            'ß' => "ss",
            'é' | 'è' | 'ê' => "e",
            'á' | 'à' => "a",
            'ó' | 'ò' => "o",
            'í' => "i",
            'ú' => "u",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        out.push_str(piece);
    }
    let mut slug = String::with_capacity(out.len());
    for part in out.split('-').filter(|p| !p.is_empty()) {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(part);
    }
    slug.truncate(60);
    let slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        "untitled".into()
    } else {
        slug
    }
}

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

/// Total estimated minutes of a course.
pub fn total_minutes(course: &CourseDoc) -> u32 {
    course
        .modules
        .iter()
        .flat_map(|m| &m.lessons)
        .map(|l| l.minutes)
        .sum()
}

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
mod tests {
    use super::*;

    fn option(text: &str, correct: bool) -> OptionDoc {
        OptionDoc {
            text: text.into(),
            correct,
            explanation: "Because.".into(),
            pinned: false,
        }
    }

    fn question(kind: QuestionKind, options: Vec<OptionDoc>) -> QuestionDoc {
        QuestionDoc {
            kind,
            case: None,
            prompt: "Why?".into(),
            options,
            guidance: None,
            review: None,
        }
    }

    pub(crate) fn sample() -> CourseDoc {
        CourseDoc {
            slug: "sample".into(),
            title: "Sample".into(),
            language: Language::Da,
            summary: "S".into(),
            leads_to_certificate: false,
            body: String::new(),
            modules: vec![ModuleDoc {
                slug: "one".into(),
                title: "One".into(),
                topic: Topic::Values,
                requires_previous: false,
                summary: String::new(),
                body: String::new(),
                lessons: vec![LessonDoc {
                    slug: "first".into(),
                    title: "First".into(),
                    minutes: 5,
                    body: "Text".into(),
                    quiz: Some(QuizDoc {
                        pass_mark: 80,
                        attempts: None,
                        cooldown_minutes: None,
                        questions: vec![question(
                            QuestionKind::SingleChoice,
                            vec![option("A", true), option("B", false)],
                        )],
                    }),
                }],
            }],
        }
    }

    #[test]
    fn a_sound_course_has_no_flaws() {
        assert_eq!(validate(&sample()), vec![]);
    }

    #[test]
    fn question_rules_follow_the_kind() {
        use FlawKind::*;
        use QuestionKind::*;
        let cases = [
            (
                question(SingleChoice, vec![option("A", true)]),
                vec![OptionCount],
            ),
            (
                question(SingleChoice, vec![option("A", true), option("B", true)]),
                vec![CorrectCount],
            ),
            (
                question(MultipleChoice, vec![option("A", true), option("B", true)]),
                vec![],
            ),
            (
                question(MultipleChoice, vec![option("A", false), option("B", false)]),
                vec![CorrectCount],
            ),
            (
                question(
                    TrueFalse,
                    vec![option("A", true), option("B", false), option("C", false)],
                ),
                vec![OptionCount],
            ),
            (
                question(Scenario, vec![option("A", true), option("B", false)]),
                vec![MissingCase],
            ),
            (question(Reflection, vec![]), vec![MissingReview]),
            (
                question(Reflection, vec![option("A", true), option("B", false)]),
                vec![StrayField, MissingReview],
            ),
        ];
        for (q, expected) in cases {
            assert_eq!(question_flaws(&q), expected, "{q:?}");
        }
        let mut q = question(Reflection, vec![]);
        q.review = Some(ReviewMode::Trainer);
        assert_eq!(question_flaws(&q), vec![]);
        q.case = Some("A case".into());
        assert_eq!(question_flaws(&q), vec![StrayField]);
    }

    #[test]
    fn course_rules_name_the_place() {
        let mut course = sample();
        course.modules[0].requires_previous = true;
        course.modules[0].lessons[0].minutes = 0;
        course.modules[0].lessons[0]
            .quiz
            .as_mut()
            .unwrap()
            .pass_mark = 101;
        let flaws: Vec<String> = validate(&course).iter().map(ToString::to_string).collect();
        assert_eq!(
            flaws,
            vec![
                "module 1: the first module cannot require a previous one",
                "module 1, lesson 1: the estimated minutes must be between 1 and 600",
                "module 1, lesson 1: the pass mark must be between 0 and 100",
            ]
        );
        course.modules.push(course.modules[0].clone());
        assert!(
            validate(&course)
                .iter()
                .any(|f| f.kind == FlawKind::DuplicateSlug)
        );
        course.modules.clear();
        assert!(
            validate(&course)
                .iter()
                .any(|f| f.kind == FlawKind::NoModules)
        );
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("Det første møde"), "det-foerste-moede");
        assert_eq!(slugify("  Åben -- grå  "), "aaben-graa");
        assert_eq!(slugify("!!!"), "untitled");
        assert!(is_slug("core-elements"));
        for bad in ["", "-a", "a-", "a--b", "Æ", "a b", "A"] {
            assert!(!is_slug(bad), "{bad}");
        }
        assert_eq!("custom:basics".parse(), Ok(Topic::Custom("basics".into())));
        assert!("custom:".parse::<Topic>().is_err());
        assert!("custom:Not OK".parse::<Topic>().is_err());
        for t in Topic::BUILT_IN {
            assert_eq!(t.parse::<Topic>().unwrap().as_string(), t);
        }
    }

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
}

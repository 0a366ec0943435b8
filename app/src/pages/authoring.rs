//! `/authoring/...`: trainers write and maintain courses.

pub mod course;
pub mod editors;
pub mod lesson;
pub mod versions;

use crate::domain::ids::LessonId;
use crate::{
    api::authoring::{CopyCourse, CreateCourse, list_authored_courses},
    components::{
        form::{Field, FormError},
        pager::{Pager, page_from_query},
    },
    domain::{
        course::{Change, CourseStatus, Flaw, FlawKind, Place, QuestionKind, VersionState},
        language::Language,
    },
    i18n::*,
    pages::{
        admin::{load_error, require_sign_in},
        auth::action_error,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The `:id` route parameter as a number (0 when malformed, which matches nothing).
pub fn numeric_id() -> impl Fn() -> LessonId + Copy + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || {
        LessonId::new(
            params
                .read()
                .get("id")
                .and_then(|i| i.parse::<i32>().ok())
                .unwrap_or(0),
        )
    }
}

/// A course status in the page's language.
pub fn status_name(i18n: leptos_i18n::I18nContext<Locale>, status: CourseStatus) -> String {
    match status {
        CourseStatus::Draft => t_string!(i18n, authoring.status_draft),
        CourseStatus::Published => t_string!(i18n, authoring.status_published),
        CourseStatus::Archived => t_string!(i18n, authoring.status_archived),
    }
    .to_string()
}

/// A version state in the page's language.
pub fn state_name(i18n: leptos_i18n::I18nContext<Locale>, state: VersionState) -> String {
    match state {
        VersionState::Draft => t_string!(i18n, authoring.state_draft),
        VersionState::Published => t_string!(i18n, authoring.state_published),
        VersionState::Superseded => t_string!(i18n, authoring.state_superseded),
    }
    .to_string()
}

/// A topic tag in the page's language; custom tags show their own name.
pub fn topic_name(i18n: leptos_i18n::I18nContext<Locale>, topic: &str) -> String {
    match topic {
        "values" => t_string!(i18n, authoring.topic_values).to_string(),
        "roles" => t_string!(i18n, authoring.topic_roles).to_string(),
        "starting" => t_string!(i18n, authoring.topic_starting).to_string(),
        "ending" => t_string!(i18n, authoring.topic_ending).to_string(),
        "core-elements" => t_string!(i18n, authoring.topic_core_elements).to_string(),
        "confidentiality" => t_string!(i18n, authoring.topic_confidentiality).to_string(),
        other => other
            .strip_prefix("custom:")
            .unwrap_or(other)
            .replace('-', " "),
    }
}

/// A question kind in the page's language.
pub fn kind_name(i18n: leptos_i18n::I18nContext<Locale>, kind: QuestionKind) -> String {
    match kind {
        QuestionKind::SingleChoice => t_string!(i18n, authoring.kind_single_choice),
        QuestionKind::MultipleChoice => t_string!(i18n, authoring.kind_multiple_choice),
        QuestionKind::TrueFalse => t_string!(i18n, authoring.kind_true_false),
        QuestionKind::Scenario => t_string!(i18n, authoring.kind_scenario),
        QuestionKind::Reflection => t_string!(i18n, authoring.kind_reflection),
    }
    .to_string()
}

/// Where in the course, in the page's language: `Modul 2, lektion 3`.
pub fn place_name(i18n: leptos_i18n::I18nContext<Locale>, place: Place) -> String {
    let mut parts = Vec::new();
    if let Some(n) = place.module {
        parts.push(format!("{} {n}", t_string!(i18n, authoring.place_module)));
    }
    if let Some(n) = place.lesson {
        parts.push(format!("{} {n}", t_string!(i18n, authoring.place_lesson)));
    }
    if let Some(n) = place.question {
        parts.push(format!("{} {n}", t_string!(i18n, authoring.place_question)));
    }
    if parts.is_empty() {
        t_string!(i18n, authoring.place_course).to_string()
    } else {
        parts.join(", ")
    }
}

/// What is wrong, in the page's language.
pub fn flaw_text(i18n: leptos_i18n::I18nContext<Locale>, flaw: &Flaw) -> String {
    let what = match flaw.kind {
        FlawKind::Empty => t_string!(i18n, authoring.flaw_empty),
        FlawKind::TooLong => t_string!(i18n, authoring.flaw_too_long),
        FlawKind::BadSlug | FlawKind::DuplicateSlug => t_string!(i18n, authoring.flaw_slug),
        FlawKind::NoModules => t_string!(i18n, authoring.flaw_no_modules),
        FlawKind::NoLessons => t_string!(i18n, authoring.flaw_no_lessons),
        FlawKind::BadMinutes => t_string!(i18n, authoring.flaw_minutes),
        FlawKind::BadPassMark => t_string!(i18n, authoring.flaw_pass_mark),
        FlawKind::BadQuizLimits => t_string!(i18n, authoring.flaw_quiz_limits),
        FlawKind::NoQuestions => t_string!(i18n, authoring.flaw_no_questions),
        FlawKind::OptionCount => t_string!(i18n, authoring.flaw_option_count),
        FlawKind::CorrectCount => t_string!(i18n, authoring.flaw_correct_count),
        FlawKind::MissingCase => t_string!(i18n, authoring.flaw_missing_case),
        FlawKind::MissingReview => t_string!(i18n, authoring.flaw_missing_review),
        FlawKind::StrayField => t_string!(i18n, authoring.flaw_stray_field),
        FlawKind::FirstRequiresPrevious => t_string!(i18n, authoring.flaw_first_requires),
    };
    format!("{}: {what}", place_name(i18n, flaw.place))
}

/// One change between versions, in the page's language.
pub fn change_text(i18n: leptos_i18n::I18nContext<Locale>, change: &Change) -> String {
    let (label, name) = match change {
        Change::CourseDetails => (t_string!(i18n, authoring.change_course_details), None),
        Change::ModuleAdded(m) => (
            t_string!(i18n, authoring.change_module_added),
            Some(m.clone()),
        ),
        Change::ModuleRemoved(m) => (
            t_string!(i18n, authoring.change_module_removed),
            Some(m.clone()),
        ),
        Change::ModuleChanged(m) => (
            t_string!(i18n, authoring.change_module_changed),
            Some(m.clone()),
        ),
        Change::ModulesReordered => (t_string!(i18n, authoring.change_modules_reordered), None),
        Change::LessonAdded(m, l) => (
            t_string!(i18n, authoring.change_lesson_added),
            Some(format!("{m} › {l}")),
        ),
        Change::LessonRemoved(m, l) => (
            t_string!(i18n, authoring.change_lesson_removed),
            Some(format!("{m} › {l}")),
        ),
        Change::LessonChanged(m, l) => (
            t_string!(i18n, authoring.change_lesson_changed),
            Some(format!("{m} › {l}")),
        ),
        Change::QuizChanged(m, l) => (
            t_string!(i18n, authoring.change_quiz_changed),
            Some(format!("{m} › {l}")),
        ),
        Change::LessonMoved(m, l) => (
            t_string!(i18n, authoring.change_lesson_moved),
            Some(format!("{m} › {l}")),
        ),
    };
    match name {
        Some(name) => format!("{label}: {name}"),
        None => label.to_string(),
    }
}

/// `/authoring`: the courses, a form to start one, and a form to import a bundle.
#[component]
pub fn AuthoringHome() -> impl IntoView {
    require_sign_in("/authoring");
    let i18n = use_i18n();
    let query = use_query_map();
    let page = page_from_query(query);
    let archived = move || query.read().get("archived").is_some_and(|a| a == "1");
    let import_error = move || query.read().get("import_error");
    let create = ServerAction::<CreateCourse>::new();
    let copy = ServerAction::<CopyCourse>::new();
    let error = action_error(create);
    let courses = Resource::new(
        move || (page(), archived()),
        |(p, a)| list_authored_courses(p, a),
    );
    view! {
        <section class="container page">
            <h1>{t!(i18n, authoring.title)}</h1>
            <p class="lead">{t!(i18n, authoring.lead)}</p>
            {move || import_error().map(|detail| view! {
                <div class="alert error" role="alert">
                    <p>{t!(i18n, authoring.import_failed)}</p>
                    <p><code>{detail}</code></p>
                </div>
            })}
            <nav class="tabs" aria-label=t_string!(i18n, authoring.lists_label)>
                <a href="/authoring" aria-current=move || (!archived()).then_some("page")>{t!(i18n, authoring.working_courses)}</a>
                <a href="/authoring?archived=1" aria-current=move || archived().then_some("page")>{t!(i18n, authoring.archived_courses)}</a>
            </nav>
            <Transition>
                {move || Suspend::new(async move {
                    match courses.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(list) if list.items.is_empty() => view! { <p class="empty">{t!(i18n, authoring.no_courses)}</p> }.into_any(),
                        Ok(list) => {
                            let extra = if archived() { "&archived=1" } else { "" };
                            view! {
                                <div class="table-wrap">
                                    <table>
                                        <thead>
                                            <tr>
                                                <th scope="col">{t!(i18n, authoring.course_title)}</th>
                                                <th scope="col">{t!(i18n, authoring.language)}</th>
                                                <th scope="col">{t!(i18n, authoring.status)}</th>
                                                <th scope="col">{t!(i18n, authoring.version)}</th>
                                                <th scope="col">{t!(i18n, authoring.updated)}</th>
                                                <th scope="col"><span class="visually-hidden">{t!(i18n, authoring.actions)}</span></th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {list.items.into_iter().map(|c| {
                                                // Courses of other editors open as a preview, with a copy to start from.
                                                let href = if c.editable {
                                                    format!("/authoring/courses/{}", c.id)
                                                } else {
                                                    format!("/authoring/courses/{}/preview", c.id)
                                                };
                                                let copy = (!c.editable && c.published.is_some()).then(|| {
                                                    let id = c.id.clone();
                                                    view! {
                                                        <ActionForm action=copy attr:class="inline-form">
                                                            <input type="hidden" name="course" value=id />
                                                            <button type="submit" class="button small">{t!(i18n, authoring.copy_course)}</button>
                                                        </ActionForm>
                                                    }
                                                });
                                                let version = if c.has_draft {
                                                    format!("{} ({})", c.version, t_string!(i18n, authoring.state_draft))
                                                } else {
                                                    c.version.to_string()
                                                };
                                                view! {
                                                    <tr>
                                                        <td><a href=href>{c.title}</a></td>
                                                        <td>{c.language.parse::<Language>().map(|l| l.native_name()).unwrap_or_default()}</td>
                                                        <td><span class=format!("badge status-{}", c.status.as_str())>{status_name(i18n, c.status)}</span></td>
                                                        <td>{version}</td>
                                                        <td>{c.updated}</td>
                                                        <td>{copy}</td>
                                                    </tr>
                                                }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                                <Pager path="/authoring" page=list.page pages=list.pages extra=extra />
                            }.into_any()
                        }
                    }
                })}
            </Transition>
            <div class="two-col">
                <div>
                    <h2>{t!(i18n, authoring.new_course)}</h2>
                    <ActionForm action=create attr:class="stack-form" attr:novalidate=true>
                        <FormError error />
                        <Field name="title" label=t_string!(i18n, authoring.course_title).to_string() maxlength=160 error />
                        <div class="field">
                            <label for="field-language">{t!(i18n, authoring.language)}</label>
                            <select id="field-language" name="language">
                                {Language::ALL.into_iter().map(|l| view! { <option value=l.code()>{l.native_name()}</option> }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button primary">{t!(i18n, authoring.create_course)}</button>
                    </ActionForm>
                </div>
                <div>
                    <h2>{t!(i18n, authoring.import_title)}</h2>
                    <p class="hint">{t!(i18n, authoring.import_hint)}</p>
                    <form method="post" action="/authoring/import" enctype="multipart/form-data" class="stack-form">
                        <div class="field">
                            <label for="field-bundle">{t!(i18n, authoring.import_file)}</label>
                            <input id="field-bundle" type="file" name="bundle" accept=".zip,application/zip" required />
                        </div>
                        <button type="submit" class="button">{t!(i18n, authoring.import_submit)}</button>
                    </form>
                </div>
            </div>
        </section>
    }
}

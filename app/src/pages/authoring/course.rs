//! `/authoring/courses/:id`: the course editor.

use super::{editors::EditorsPanel, flaw_text, state_name, status_name, topic_name};
use crate::{
    api::authoring::{
        AddLesson, AddModule, CourseEditor, DeleteItem, DiscardDraft, ModuleOutline, MoveItem,
        SetCourseStatus, StartDraft, UpdateCourse, UpdateModule, load_course_editor,
    },
    components::form::{
        CheckBox, ErrorSignal, Field, FormError, TextArea, kept_chosen, kept_or, kept_value, scoped,
    },
    domain::course::{CourseStatus, Topic},
    i18n::*,
    pages::{
        admin::{load_error, require_sign_in},
        auth::action_error,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Up, down and delete for one module, lesson or question.
#[component]
pub fn ItemControls(
    /// `module`, `lesson` or `question`.
    item: &'static str,
    /// Its id.
    id: i32,
    /// Its title, for the buttons' accessible names.
    title: String,
    /// Whether it is first (no "up").
    first: bool,
    /// Whether it is last (no "down").
    last: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let move_action = ServerAction::<MoveItem>::new();
    let delete_action = ServerAction::<DeleteItem>::new();
    let delete_error = scoped(action_error(delete_action), "id", id);
    let up_label = format!("{}: {title}", t_string!(i18n, authoring.move_up));
    let down_label = format!("{}: {title}", t_string!(i18n, authoring.move_down));
    let confirm_id = format!("confirm-{item}-{id}");
    let move_form = move |direction: &'static str, label: String, arrow: &'static str| {
        view! {
            <ActionForm action=move_action attr:class="inline-form">
                <input type="hidden" name="item" value=item />
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="direction" value=direction />
                <button type="submit" class="button small" aria-label=label.clone() title=label>{arrow}</button>
            </ActionForm>
        }
    };
    view! {
        <div class="row-actions">
            {(!first).then(|| move_form("up", up_label.clone(), "↑"))}
            {(!last).then(|| move_form("down", down_label.clone(), "↓"))}
            <details class="danger-zone">
                <summary>{t!(i18n, authoring.delete)}</summary>
                <ActionForm action=delete_action attr:class="stack-form compact">
                    <FormError error=delete_error />
                    <input type="hidden" name="item" value=item />
                    <input type="hidden" name="id" value=id />
                    <div class="field checkbox">
                        <input type="checkbox" id=confirm_id.clone() name="confirm" value="yes" required />
                        <label for=confirm_id>{t!(i18n, authoring.delete_confirm)}</label>
                    </div>
                    <button type="submit" class="button danger small">{t!(i18n, authoring.delete_now)}</button>
                </ActionForm>
            </details>
        </div>
    }
}

/// The topic choice: built-in tags, or a custom one with its name.
#[component]
pub fn TopicFields(topic: String, prefix: String, error: ErrorSignal) -> impl IntoView {
    let i18n = use_i18n();
    let custom = topic.strip_prefix("custom:").map(str::to_owned);
    let custom_text = kept_or(
        error,
        "custom_topic",
        custom
            .as_ref()
            .map(|c| c.replace('-', " "))
            .unwrap_or_default(),
    );
    let select_id = format!("field-{prefix}topic");
    let custom_id = format!("field-{prefix}custom_topic");
    view! {
        <div class="field">
            <label for=select_id.clone()>{t!(i18n, authoring.topic)}</label>
            <select id=select_id name="topic">
                {Topic::BUILT_IN.into_iter().map(|t| {
                    let selected = kept_chosen(error, "topic", t, topic == t);
                    view! { <option value=t selected=selected>{topic_name(i18n, t)}</option> }
                }).collect_view()}
                <option value="custom" selected=kept_chosen(error, "topic", "custom", custom.is_some())>{t!(i18n, authoring.topic_custom)}</option>
            </select>
        </div>
        <div class="field">
            <label for=custom_id.clone()>{t!(i18n, authoring.custom_topic)}</label>
            <p class="hint">{t!(i18n, authoring.custom_topic_hint)}</p>
            <input id=custom_id name="custom_topic" maxlength="40" value=custom_text />
        </div>
    }
}

/// The course editor.
#[component]
pub fn CourseEditorPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    require_sign_in(&format!("/authoring/courses/{}", id()));
    let course = Resource::new(id, load_course_editor);
    let flash = move || {
        let q = query.read();
        if q.get("published").is_some() {
            Some(t_string!(i18n, authoring.published_notice).to_string())
        } else if q.get("imported").is_some() {
            Some(t_string!(i18n, authoring.imported_notice).to_string())
        } else {
            None
        }
    };
    view! {
        <section class="container page editor">
            <Transition>
                {move || Suspend::new(async move {
                    match course.await {
                        Err(e) => load_error(i18n, &e).into_any(),
                        Ok(course) => {
                            let id = course.id.clone();
                            view! {
                                {editor(i18n, course, flash())}
                                <EditorsPanel course=id />
                            }
                            .into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

#[allow(clippy::too_many_arguments)]
fn editor(
    i18n: leptos_i18n::I18nContext<Locale>,
    course: CourseEditor,
    flash: Option<String>,
) -> impl IntoView {
    let start = ServerAction::<StartDraft>::new();
    let status = ServerAction::<SetCourseStatus>::new();
    let discard = ServerAction::<DiscardDraft>::new();
    let add_module = ServerAction::<AddModule>::new();
    let editable = course.editable();
    let id = StoredValue::new(course.id.clone());
    let version = course.version;
    let status_error = action_error(status);
    let start_error = action_error(start);
    let add_module_error = action_error(add_module);
    let discard_error = action_error(discard);
    let module_count = course.modules.len();
    let published = course.published;
    let archived = course.status == CourseStatus::Archived;
    let flaws = course.flaws.clone();
    view! {
        <nav class="breadcrumbs" aria-label=t_string!(i18n, authoring.breadcrumbs)>
            <a href="/authoring">{t!(i18n, authoring.title)}</a>
        </nav>
        <h1>{course.title.clone()}</h1>
        <p class="meta">
            <span class=format!("badge status-{}", course.status.as_str())>{status_name(i18n, course.status)}</span>
            <span>{format!("{} {version} · {}", t_string!(i18n, authoring.version), state_name(i18n, course.state))}</span>
            {published.filter(|p| *p != version).map(|p| view! { <span>{format!("{} {p}", t_string!(i18n, authoring.published_version))}</span> })}
            <span>{format!("/courses/{}", course.slug)}</span>
        </p>
        {flash.map(|text| view! { <p class="alert success" role="status">{text}</p> })}
        <div class="button-row">
            <a class="button" href=format!("/authoring/courses/{}/preview", id.get_value())>{t!(i18n, authoring.preview)}</a>
            <a class="button" href=format!("/authoring/courses/{}/history", id.get_value())>{t!(i18n, authoring.history)}</a>
            <a class="button" href=format!("/authoring/courses/{}/export", id.get_value()) download="">{t!(i18n, authoring.export)}</a>
        </div>
        {if archived {
            view! {
                <div class="alert" role="status">
                    <p>{t!(i18n, authoring.archived_notice)}</p>
                    <ActionForm action=status attr:class="inline-form">
                        {course_form_head(status_error, id.get_value())}
                        <input type="hidden" name="change" value="restore" />
                        <input type="hidden" name="confirm" value="yes" />
                        <button type="submit" class="button">{t!(i18n, authoring.restore)}</button>
                    </ActionForm>
                </div>
            }.into_any()
        } else if !editable {
            view! {
                <div class="alert" role="status">
                    <p>{t!(i18n, authoring.published_is_frozen)}</p>
                    <ActionForm action=start attr:class="inline-form">
                        {course_form_head(start_error, id.get_value())}
                        <button type="submit" class="button primary">{t!(i18n, authoring.start_draft, number = move || version + 1)}</button>
                    </ActionForm>
                </div>
            }.into_any()
        } else {
            view! {
                <div class="publish-panel">
                    {if flaws.is_empty() {
                        view! {
                            <p>{t!(i18n, authoring.ready_to_publish)}</p>
                            <a class="button primary" href=format!("/authoring/courses/{}/publish", id.get_value())>{t!(i18n, authoring.publish_version, number = move || version)}</a>
                        }.into_any()
                    } else {
                        view! {
                            <p>{t!(i18n, authoring.not_ready)}</p>
                            <ul class="flaws">
                                {flaws.iter().map(|f| view! { <li>{flaw_text(i18n, f)}</li> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </div>
            }.into_any()
        }}
        {editable.then(|| details_form(i18n, course.clone()))}
        <h2>{t!(i18n, authoring.modules)}</h2>
        {(module_count == 0).then(|| view! { <p class="empty">{t!(i18n, authoring.no_modules)}</p> })}
        <ol class="module-list">
            {course.modules.iter().cloned().enumerate().map(|(i, m)| module_card(i18n, m, i == 0, i + 1 == module_count, editable)).collect_view()}
        </ol>
        {editable.then(|| view! {
            <h3>{t!(i18n, authoring.new_module)}</h3>
            <ActionForm action=add_module attr:class="stack-form">
                {course_form_head(add_module_error, id.get_value())}
                <Field name="title" id_prefix="new-module-" label=t_string!(i18n, authoring.module_title).to_string() maxlength=160 error=add_module_error />
                <TopicFields topic="values".to_owned() prefix="new-module-".to_owned() error=add_module_error />
                <button type="submit" class="button">{t!(i18n, authoring.add_module)}</button>
            </ActionForm>
        })}
        <h2>{t!(i18n, authoring.course_state)}</h2>
        <FormError error=status_error />
        <div class="state-actions">
            {(course.status == CourseStatus::Published).then(|| status_form(status, id.get_value(), "unpublish", t_string!(i18n, authoring.unpublish).to_string(), t_string!(i18n, authoring.unpublish_confirm).to_string()))}
            {(!archived).then(|| status_form(status, id.get_value(), "archive", t_string!(i18n, authoring.archive).to_string(), t_string!(i18n, authoring.archive_confirm).to_string()))}
            {(editable && published.is_some()).then(|| view! {
                <details class="danger-zone">
                    <summary>{t!(i18n, authoring.discard_draft)}</summary>
                    <ActionForm action=discard attr:class="stack-form compact">
                        {course_form_head(discard_error, id.get_value())}
                        <div class="field checkbox">
                            <input type="checkbox" id="confirm-discard" name="confirm" value="yes" required />
                            <label for="confirm-discard">{t!(i18n, authoring.discard_confirm)}</label>
                        </div>
                        <button type="submit" class="button danger small">{t!(i18n, authoring.discard_draft)}</button>
                    </ActionForm>
                </details>
            })}
        </div>
    }
}

/// What a form acting on the course starts with: the banner with the form's latest error, and
/// the course's id.
fn course_form_head(error: ErrorSignal, course: String) -> impl IntoView {
    view! {
        <FormError error />
        <input type="hidden" name="course" value=course />
    }
}

fn status_form(
    action: ServerAction<SetCourseStatus>,
    id: String,
    change: &'static str,
    label: String,
    confirm: String,
) -> impl IntoView {
    let confirm_id = format!("confirm-{change}");
    view! {
        <details class="danger-zone">
            <summary>{label.clone()}</summary>
            <ActionForm action attr:class="stack-form compact">
                <input type="hidden" name="course" value=id />
                <input type="hidden" name="change" value=change />
                <div class="field checkbox">
                    <input type="checkbox" id=confirm_id.clone() name="confirm" value="yes" required />
                    <label for=confirm_id>{confirm}</label>
                </div>
                <button type="submit" class="button danger small">{label}</button>
            </ActionForm>
        </details>
    }
}

fn details_form(i18n: leptos_i18n::I18nContext<Locale>, course: CourseEditor) -> impl IntoView {
    let update = ServerAction::<UpdateCourse>::new();
    let error = action_error(update);
    view! {
        <details class="edit-block" open=move || error.get().is_some()>
            <summary>{t!(i18n, authoring.edit_details)}</summary>
            <ActionForm action=update attr:class="stack-form" attr:novalidate=true>
                {course_form_head(error, course.id.clone())}
                <Field name="title" id_prefix="course-" label=t_string!(i18n, authoring.course_title).to_string() maxlength=160 value=course.title.clone() error />
                <TextArea name="summary" id_prefix="course-" label=t_string!(i18n, authoring.summary).to_string() hint=t_string!(i18n, authoring.summary_hint).to_string() value=course.summary.clone() rows=3 maxlength=600 error />
                <TextArea name="body" id_prefix="course-" label=t_string!(i18n, authoring.introduction).to_string() hint=t_string!(i18n, authoring.markdown_hint).to_string() value=course.body.clone() rows=10 error />
                <CheckBox name="leads_to_certificate" id_prefix="course-" label=t_string!(i18n, authoring.leads_to_certificate).to_string() checked=course.leads_to_certificate error />
                <button type="submit" class="button primary">{t!(i18n, authoring.save)}</button>
            </ActionForm>
        </details>
    }
}

fn module_card(
    i18n: leptos_i18n::I18nContext<Locale>,
    module: ModuleOutline,
    first: bool,
    last: bool,
    editable: bool,
) -> impl IntoView {
    let update = ServerAction::<UpdateModule>::new();
    let add_lesson = ServerAction::<AddLesson>::new();
    let update_error = scoped(action_error(update), "module", module.id);
    let add_error = scoped(action_error(add_lesson), "module", module.id);
    let prefix = StoredValue::new(format!("module-{}-", module.id));
    let lesson_count = module.lessons.len();
    let minutes: i32 = module.lessons.iter().map(|l| l.minutes).sum();
    view! {
        <li class="module-card">
            <header class="module-head">
                <div>
                    <h3>{module.title.clone()}</h3>
                    <p class="meta">
                        <span class="badge subtle">{topic_name(i18n, &module.topic)}</span>
                        <span>{format!("{minutes} min")}</span>
                        {(module.requires_previous && !first).then(|| view! { <span>{t!(i18n, authoring.requires_previous_short)}</span> })}
                    </p>
                </div>
                {editable.then(|| view! { <ItemControls item="module" id=module.id.get() title=module.title.clone() first last /> })}
            </header>
            {(lesson_count == 0).then(|| view! { <p class="empty">{t!(i18n, authoring.no_lessons)}</p> })}
            <ol class="lesson-list">
                {module.lessons.iter().cloned().enumerate().map(|(i, l)| {
                    let questions = l.questions;
                    view! {
                        <li>
                            <a href=format!("/authoring/lessons/{}", l.id)>{l.title.clone()}</a>
                            <span class="meta">
                                {format!("{} min", l.minutes)}
                                {l.has_quiz.then(|| view! { <span class="badge subtle">{t!(i18n, authoring.quiz_with, count = move || questions)}</span> })}
                            </span>
                            {editable.then(|| view! { <ItemControls item="lesson" id=l.id.get() title=l.title.clone() first={i == 0} last={i + 1 == lesson_count} /> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            {editable.then(|| view! {
                <details class="edit-block" open=move || update_error.get().is_some()>
                    <summary>{t!(i18n, authoring.edit_module)}</summary>
                    <ActionForm action=update attr:class="stack-form" attr:novalidate=true>
                        <FormError error=update_error />
                        <input type="hidden" name="module" value=module.id.get() />
                        <Field name="title" id_prefix=prefix.get_value() label=t_string!(i18n, authoring.module_title).to_string() maxlength=160 value=module.title.clone() error=update_error />
                        <TopicFields topic=module.topic.clone() prefix=prefix.get_value() error=update_error />
                        <TextArea name="summary" id_prefix=prefix.get_value() label=t_string!(i18n, authoring.summary).to_string() value=module.summary.clone() rows=2 maxlength=600 error=update_error />
                        <TextArea name="body" id_prefix=prefix.get_value() label=t_string!(i18n, authoring.introduction).to_string() hint=t_string!(i18n, authoring.markdown_hint).to_string() value=module.body.clone() rows=6 error=update_error />
                        {(!first).then(|| view! { <CheckBox name="requires_previous" id_prefix=prefix.get_value() label=t_string!(i18n, authoring.requires_previous).to_string() checked=module.requires_previous error=update_error /> })}
                        <button type="submit" class="button primary">{t!(i18n, authoring.save)}</button>
                    </ActionForm>
                </details>
                <ActionForm action=add_lesson attr:class="inline-add">
                    <FormError error=add_error />
                    <input type="hidden" name="module" value=module.id.get() />
                    <label for=format!("field-{}new-lesson", prefix.get_value())>{t!(i18n, authoring.new_lesson)}</label>
                    <input id=format!("field-{}new-lesson", prefix.get_value()) name="title" maxlength="160" required value=kept_value(add_error, "title") />
                    <button type="submit" class="button small">{t!(i18n, authoring.add_lesson)}</button>
                </ActionForm>
            })}
        </li>
    }
}

//! `/authoring/lessons/:id`: the lesson editor with live preview, image upload and questions.

use super::{course::ItemControls, kind_name};
use crate::domain::ids::LessonId;
use crate::{
    api::authoring::{
        LessonEditor, PreviewMarkdown, QuestionItem, SaveQuestion, UpdateLesson, load_lesson_editor,
    },
    components::form::{
        CheckBox, Field, FormError, TextArea, kept_checked, kept_chosen, kept_or, problem_message,
        scoped,
    },
    domain::course::{MAX_OPTIONS, QuestionKind, ReviewMode},
    i18n::*,
    islands::{markdown_editor::MarkdownEditor, question_kind::QuestionKindFields},
    pages::{
        admin::{load_error, require_sign_in},
        auth::action_error,
    },
};
use leptos::{prelude::*, server_fn::ServerFn};
use leptos_router::hooks::use_query_map;

/// The lesson editor.
#[component]
pub fn LessonEditorPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = super::numeric_id();
    require_sign_in(&format!("/authoring/lessons/{}", id()));
    let lesson = Resource::new(id, load_lesson_editor);
    view! {
        <section class="container page editor">
            <Transition>
                {move || Suspend::new(async move {
                    match lesson.await {
                        Err(e) => load_error(i18n, &e).into_any(),
                        Ok(lesson) => editor(i18n, lesson).into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

fn editor(i18n: leptos_i18n::I18nContext<Locale>, lesson: LessonEditor) -> impl IntoView {
    let query = use_query_map();
    let image = move || query.read().get("image");
    let image_error = move || query.read().get("image_error");
    let editable = lesson.editable;
    let course_href = format!("/authoring/courses/{}", lesson.course);
    let count = lesson.questions.len();
    view! {
        <nav class="breadcrumbs" aria-label=t_string!(i18n, authoring.breadcrumbs)>
            <a href="/authoring">{t!(i18n, authoring.title)}</a>
            " › "
            <a href=course_href.clone()>{lesson.course_title.clone()}</a>
            " › "
            <span>{lesson.module_title.clone()}</span>
        </nav>
        <h1>{lesson.title.clone()}</h1>
        <div class="button-row">
            <a class="button" href=format!("/authoring/lessons/{}/preview", lesson.id)>{t!(i18n, authoring.preview)}</a>
            <a class="button" href=course_href.clone()>{t!(i18n, authoring.back_to_course)}</a>
        </div>
        {(!editable).then(|| view! {
            <div class="alert" role="status">
                <p>{t!(i18n, authoring.published_is_frozen)}</p>
                <a href=course_href.clone()>{t!(i18n, authoring.back_to_course)}</a>
            </div>
        })}
        {if editable {
            lesson_form(i18n, lesson.clone()).into_any()
        } else {
            view! { <div class="prose" inner_html=lesson.body_html.clone()></div> }.into_any()
        }}
        {editable.then(|| view! {
            <section class="upload" aria-labelledby="upload-title">
                <h2 id="upload-title">{t!(i18n, authoring.images)}</h2>
                {move || image().map(|name| view! {
                    <div class="alert success" role="status">
                        <p>{t!(i18n, authoring.image_uploaded)}</p>
                        <p><code class="copy">{format!("![{}](/media/{name})", t_string!(i18n, authoring.image_alt_placeholder))}</code></p>
                    </div>
                })}
                {move || image_error().map(|e| {
                    let text = match e.as_str() {
                        "type" => t_string!(i18n, authoring.image_error_type),
                        "size" => t_string!(i18n, authoring.image_error_size),
                        _ => t_string!(i18n, authoring.image_error_other),
                    };
                    view! { <p class="alert error" role="alert">{text}</p> }
                })}
                <form method="post" action="/authoring/media" enctype="multipart/form-data" class="inline-add">
                    <input type="hidden" name="lesson" value=lesson.id.get() />
                    <label for="field-image">{t!(i18n, authoring.image_file)}</label>
                    <input id="field-image" type="file" name="image" accept="image/png,image/jpeg,image/gif,image/webp" required />
                    <button type="submit" class="button small">{t!(i18n, authoring.upload)}</button>
                </form>
            </section>
        })}
        <h2>{t!(i18n, authoring.questions)}</h2>
        {(lesson.pass_mark.is_none()).then(|| view! { <p class="hint">{t!(i18n, authoring.quiz_off_hint)}</p> })}
        {(count == 0).then(|| view! { <p class="empty">{t!(i18n, authoring.no_questions)}</p> })}
        <ol class="question-list">
            {lesson.questions.iter().cloned().enumerate().map(|(i, q)| {
                let title = q.question.prompt.chars().take(80).collect::<String>();
                let kind = q.question.kind;
                let id = q.id.get();
                view! {
                    <li class="question-card">
                        <header class="module-head">
                            <div>
                                <p class="meta"><span class="badge subtle">{kind_name(i18n, kind)}</span></p>
                                <p class="question-prompt">{q.question.prompt.clone()}</p>
                            </div>
                            {editable.then(|| view! { <ItemControls item="question" id title first={i == 0} last={i + 1 == count} /> })}
                        </header>
                        {editable.then(|| view! {
                            <details class="edit-block">
                                <summary>{t!(i18n, authoring.edit_question)}</summary>
                                <QuestionForm lesson=lesson.id question=Some(q.clone()) prefix=format!("q{id}-") />
                            </details>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
        {editable.then(|| view! {
            <details class="edit-block" open=count == 0>
                <summary>{t!(i18n, authoring.new_question)}</summary>
                <QuestionForm lesson=lesson.id question=None prefix="new-".to_owned() />
            </details>
        })}
    }
}

fn lesson_form(i18n: leptos_i18n::I18nContext<Locale>, lesson: LessonEditor) -> impl IntoView {
    let update = ServerAction::<UpdateLesson>::new();
    let error = action_error(update);
    let query = use_query_map();
    let saved = move || query.read().get("saved").is_some() && error.get().is_none();
    let pass_mark = lesson.pass_mark.unwrap_or(80).to_string();
    view! {
        <ActionForm action=update attr:class="stack-form wide" attr:novalidate=true>
            <FormError error />
            {move || saved().then(|| view! { <p class="alert success" role="status">{t!(i18n, authoring.saved)}</p> })}
            <input type="hidden" name="lesson" value=lesson.id.get() />
            <Field name="title" label=t_string!(i18n, authoring.lesson_title).to_string() maxlength=160 value=lesson.title.clone() error />
            <Field name="minutes" kind="number" label=t_string!(i18n, authoring.minutes).to_string() value=lesson.minutes.to_string() error />
            <MarkdownEditor>
                <div class="split">
                    <TextArea name="body" label=t_string!(i18n, authoring.lesson_body).to_string() hint=t_string!(i18n, authoring.markdown_hint).to_string() value=lesson.body.clone() rows=22 error />
                    <div class="preview-pane" data-url=PreviewMarkdown::PATH>
                        <p class="preview-label" id="preview-label">{t!(i18n, authoring.live_preview)}</p>
                        <div class="prose" aria-labelledby="preview-label" aria-live="polite" inner_html=lesson.body_html.clone()></div>
                    </div>
                </div>
            </MarkdownEditor>
            <fieldset class="quiz-settings">
                <legend>{t!(i18n, authoring.quiz_settings)}</legend>
                {move || error.get().and_then(|e| e.problem_for("quiz")).map(|p| view! { <p class="field-error" role="alert">{problem_message(i18n, p)}</p> })}
                <CheckBox name="quiz" label=t_string!(i18n, authoring.has_quiz).to_string() checked=lesson.pass_mark.is_some() error />
                <Field name="pass_mark" kind="number" label=t_string!(i18n, authoring.pass_mark).to_string() hint=t_string!(i18n, authoring.pass_mark_hint).to_string() value=pass_mark required=false error />
                <Field name="attempts" kind="number" label=t_string!(i18n, authoring.attempts).to_string() hint=t_string!(i18n, authoring.attempts_hint).to_string() value=lesson.max_attempts.map(|n| n.to_string()).unwrap_or_default() required=false error />
                <Field name="cooldown_minutes" kind="number" label=t_string!(i18n, authoring.cooldown).to_string() hint=t_string!(i18n, authoring.cooldown_hint).to_string() value=lesson.cooldown_minutes.map(|n| n.to_string()).unwrap_or_default() required=false error />
            </fieldset>
            <button type="submit" class="button primary">{t!(i18n, authoring.save)}</button>
        </ActionForm>
    }
}

/// Adds a question (no `question`) or edits one.
#[component]
fn QuestionForm(lesson: LessonId, question: Option<QuestionItem>, prefix: String) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveQuestion>::new();
    // The new-question form posts no question id.
    let id = question
        .as_ref()
        .map(|q| q.id.to_string())
        .unwrap_or_default();
    let error = scoped(action_error(save), "question", id);
    let doc = question.as_ref().map(|q| q.question.clone());
    let kind = doc.as_ref().map_or(QuestionKind::SingleChoice, |d| d.kind);
    let options = doc.as_ref().map(|d| d.options.clone()).unwrap_or_default();
    let rows = (options.len() + 2).clamp(4, MAX_OPTIONS);
    let kind_id = format!("field-{prefix}kind");
    let review_id = format!("field-{prefix}review");
    let review = doc
        .as_ref()
        .and_then(|d| d.review)
        .unwrap_or(ReviewMode::Trainer);
    let options_problem = move || error.get().and_then(|e| e.problem_for("options"));
    view! {
        <ActionForm action=save attr:class="stack-form" attr:novalidate=true>
            <FormError error />
            <input type="hidden" name="lesson" value=lesson.get() />
            {question.as_ref().map(|q| view! { <input type="hidden" name="question" value=q.id.get() /> })}
            <QuestionKindFields>
            <div class="field">
                <label for=kind_id.clone()>{t!(i18n, authoring.question_kind)}</label>
                <select id=kind_id name="kind">
                    {QuestionKind::ALL.into_iter().map(|k| view! {
                        <option value=k.as_str() selected=kept_chosen(error, "kind", k.as_str(), k == kind)>{kind_name(i18n, k)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="for-scenario">
                <TextArea name="case" id_prefix=prefix.clone() label=t_string!(i18n, authoring.case).to_string() hint=t_string!(i18n, authoring.case_hint).to_string() value=doc.as_ref().and_then(|d| d.case.clone()).unwrap_or_default() rows=5 error />
            </div>
            <TextArea name="prompt" id_prefix=prefix.clone() label=t_string!(i18n, authoring.prompt).to_string() value=doc.as_ref().map(|d| d.prompt.clone()).unwrap_or_default() rows=2 required=true error />
            <fieldset class="options for-options">
                <legend>{t!(i18n, authoring.options)}</legend>
                <p class="hint">{t!(i18n, authoring.options_hint)}</p>
                {move || options_problem().map(|_| view! { <p class="field-error">{t!(i18n, authoring.options_problem)}</p> })}
                {(0..rows).map(|i| {
                    let option = options.get(i).cloned();
                    let text_id = format!("field-{prefix}o{i}-text");
                    let correct_id = format!("field-{prefix}o{i}-correct");
                    let explanation_id = format!("field-{prefix}o{i}-explanation");
                    let pinned_id = format!("field-{prefix}o{i}-pinned");
                    let number = i + 1;
                    let name = |part: &str| format!("options[{i}][{part}]");
                    let text = kept_or(error, &name("text"), option.as_ref().map(|o| o.text.clone()).unwrap_or_default());
                    let explanation = kept_or(error, &name("explanation"), option.as_ref().map(|o| o.explanation.clone()).unwrap_or_default());
                    let correct = kept_checked(error, &name("correct"), option.as_ref().is_some_and(|o| o.correct));
                    let pinned = kept_checked(error, &name("pinned"), option.as_ref().is_some_and(|o| o.pinned));
                    view! {
                        <div class="option-row">
                            <div class="field">
                                <label for=text_id.clone()>{t!(i18n, authoring.option_number, number = move || number)}</label>
                                <input id=text_id name=name("text") value=text />
                            </div>
                            <div class="field checkbox">
                                <input type="checkbox" id=correct_id.clone() name=name("correct") checked=correct />
                                <label for=correct_id>{t!(i18n, authoring.correct)}</label>
                            </div>
                            <div class="field">
                                <label for=explanation_id.clone()>{t!(i18n, authoring.explanation)}</label>
                                <input id=explanation_id name=name("explanation") value=explanation />
                            </div>
                            <div class="field checkbox">
                                <input type="checkbox" id=pinned_id.clone() name=name("pinned") checked=pinned />
                                <label for=pinned_id>{t!(i18n, authoring.option_pinned)}</label>
                            </div>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="for-reflection">
                <TextArea name="guidance" id_prefix=prefix.clone() label=t_string!(i18n, authoring.guidance).to_string() hint=t_string!(i18n, authoring.guidance_hint).to_string() value=doc.as_ref().and_then(|d| d.guidance.clone()).unwrap_or_default() rows=3 error />
                <div class="field">
                    <label for=review_id.clone()>{t!(i18n, authoring.review)}</label>
                    <select id=review_id name="review">
                        <option value="trainer" selected=kept_chosen(error, "review", "trainer", review == ReviewMode::Trainer)>{t!(i18n, authoring.review_trainer)}</option>
                        <option value="on_submit" selected=kept_chosen(error, "review", "on_submit", review == ReviewMode::OnSubmit)>{t!(i18n, authoring.review_on_submit)}</option>
                    </select>
                </div>
            </div>
            </QuestionKindFields>
            <button type="submit" class="button primary">{t!(i18n, authoring.save_question)}</button>
        </ActionForm>
    }
}

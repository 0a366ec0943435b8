//! `/admin/programmes` and `/admin/programmes/:slug`: certification programmes written as
//! `programme.yaml` text, the same file that travels beside course bundles. Each flaw in a
//! text that is sent is listed in words, and the text sent is kept in the box to fix.

use super::{load_error, require_sign_in};
use crate::{
    api::certification::{SaveProgramme, list_programmes, load_programme_text},
    components::{
        form::{ErrorSignal, PostForm, TextArea},
        pager::{Pager, page_from_query},
    },
    domain::certification::file::{
        MAX_CRITERIA, MAX_ENTRIES, MAX_SIGN_OFF, MAX_TITLE, MAX_VALIDITY_MONTHS, MAX_WORKSHOPS,
        ProgrammeFlaw,
    },
    errors::AppError,
    i18n::*,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The text a new programme starts from: every part named, the texts still to write.
const TEMPLATE: &str = r#"slug: ""
title:
  da: ""
  nb: ""
  en: ""
criteria:
  da: ""
  nb: ""
  en: ""
reflections: sent
workshops: 1
validity_months: 24
courses:
- any_of:
  - course: igangsaetteruddannelse
  - course: igangsetteropplaering
  - course: group-starter-training
quizzes: []
refreshers: []
"#;

/// The sentence for one flaw.
fn flaw_message(i18n: leptos_i18n::I18nContext<Locale>, flaw: &ProgrammeFlaw) -> AnyView {
    match flaw.clone() {
        ProgrammeFlaw::Unreadable { line, message } => {
            let line = line.map(|l| l.to_string()).unwrap_or_else(|| "?".into());
            t!(
                i18n,
                programmes.flaw_unreadable,
                line = line,
                message = message
            )
            .into_any()
        }
        ProgrammeFlaw::TooLarge => t!(i18n, programmes.flaw_too_large).into_any(),
        ProgrammeFlaw::BadSlug => t!(i18n, programmes.flaw_slug).into_any(),
        ProgrammeFlaw::BadTitle(language) => {
            let language = language.native_name();
            t!(
                i18n,
                programmes.flaw_title,
                language = language,
                max = MAX_TITLE
            )
            .into_any()
        }
        ProgrammeFlaw::BadCriteria(language) => {
            let language = language.native_name();
            t!(
                i18n,
                programmes.flaw_criteria,
                language = language,
                max = MAX_CRITERIA
            )
            .into_any()
        }
        ProgrammeFlaw::BadReflections => t!(i18n, programmes.flaw_reflections).into_any(),
        ProgrammeFlaw::TooManyWorkshops => {
            t!(i18n, programmes.flaw_workshops, max = MAX_WORKSHOPS).into_any()
        }
        ProgrammeFlaw::BadValidity => {
            t!(i18n, programmes.flaw_validity, max = MAX_VALIDITY_MONTHS).into_any()
        }
        ProgrammeFlaw::BadSignOff => {
            t!(i18n, programmes.flaw_sign_off, max = MAX_SIGN_OFF).into_any()
        }
        ProgrammeFlaw::BadList => t!(i18n, programmes.flaw_list, max = MAX_ENTRIES).into_any(),
        ProgrammeFlaw::BadVersion => t!(i18n, programmes.flaw_version).into_any(),
        ProgrammeFlaw::BadPercent => t!(i18n, programmes.flaw_percent).into_any(),
        ProgrammeFlaw::AsksNothing => t!(i18n, programmes.flaw_asks_nothing).into_any(),
        ProgrammeFlaw::UnknownCourse(slug) => {
            t!(i18n, programmes.flaw_unknown_course, slug = slug).into_any()
        }
        ProgrammeFlaw::UnknownQuiz { course, lesson } => t!(
            i18n,
            programmes.flaw_unknown_quiz,
            course = course,
            lesson = lesson
        )
        .into_any(),
        ProgrammeFlaw::SlugChanged => t!(i18n, programmes.flaw_slug_changed).into_any(),
        ProgrammeFlaw::SlugTaken => t!(i18n, programmes.flaw_slug_taken).into_any(),
    }
}

/// The flaws of the last text sent, as a list under the form's banner.
#[component]
fn Flaws(error: ErrorSignal) -> impl IntoView {
    let i18n = use_i18n();
    move || match error.get() {
        Some(AppError::ProgrammeFlaws(flaws)) => Some(view! {
            <ul class="flaws">
                {flaws.iter().map(|f| view! { <li>{flaw_message(i18n, f)}</li> }).collect_view()}
            </ul>
        }),
        _ => None,
    }
}

/// That the last save went through, unless a later text was refused.
#[component]
fn SavedNote(saved: bool, error: ErrorSignal) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        (saved && error.get().is_none()).then(|| {
            view! { <p class="alert success" role="status">{t!(i18n, programmes.saved)}</p> }
        })
    }
}

/// The programme text box with its flaws, posting to save; `original` names the programme
/// being changed (none for a new one). `saved` shows that the last save went through, unless
/// a later text was refused.
#[component]
fn ProgrammeForm(
    original: Option<String>,
    text: String,
    #[prop(optional)] saved: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = t_string!(i18n, programmes.text_label).to_string();
    let hint = t_string!(i18n, programmes.text_hint).to_string();
    view! {
        <div class="programme-editor">
            <PostForm action={ServerAction::<SaveProgramme>::new()} submit=t!(i18n, programmes.save) let:error>
                <SavedNote saved error />
                {original.clone().map(|slug| view! { <input type="hidden" name="original" value=slug /> })}
                <Flaws error />
                <TextArea name="text" label=label.clone() hint=hint.clone() value=text.clone() rows=26 maxlength=65536 required=true error />
            </PostForm>
        </div>
    }
}

/// How the text is written, folded under the form.
#[component]
fn FormatHelp() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="format-help">
            <summary>{t!(i18n, programmes.help_title)}</summary>
            <dl>
                <dt><code>"slug"</code></dt><dd>{t!(i18n, programmes.help_slug)}</dd>
                <dt><code>"title"</code>", "<code>"criteria"</code></dt><dd>{t!(i18n, programmes.help_texts)}</dd>
                <dt><code>"reflections"</code></dt><dd>{t!(i18n, programmes.help_reflections)}</dd>
                <dt><code>"workshops"</code></dt><dd>{t!(i18n, programmes.help_workshops)}</dd>
                <dt><code>"sign_off"</code></dt><dd>{t!(i18n, programmes.help_sign_off)}</dd>
                <dt><code>"validity_months"</code></dt><dd>{t!(i18n, programmes.help_validity)}</dd>
                <dt><code>"courses"</code></dt><dd>{t!(i18n, programmes.help_courses)}</dd>
                <dt><code>"quizzes"</code></dt><dd>{t!(i18n, programmes.help_quizzes)}</dd>
                <dt><code>"refreshers"</code></dt><dd>{t!(i18n, programmes.help_refreshers)}</dd>
            </dl>
        </details>
    }
}

/// The list of programmes and the form for a new one.
#[component]
pub fn AdminProgrammes() -> impl IntoView {
    require_sign_in("/admin/programmes");
    let i18n = use_i18n();
    let query = use_query_map();
    let page = page_from_query(query);
    let list = Resource::new(page, list_programmes);
    let months = move |m: Option<u32>| match m {
        Some(m) => t!(i18n, programmes.months, months = m).into_any(),
        None => t!(i18n, programmes.for_good).into_any(),
    };
    view! {
        <section class="container page">
            <p><a href="/admin">{t!(i18n, admin.back)}</a></p>
            <h1>{t!(i18n, programmes.title)}</h1>
            <p class="lead">{t!(i18n, programmes.lead)}</p>
            <Transition>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(list) if list.items.is_empty() => view! { <p class="empty">{t!(i18n, programmes.none)}</p> }.into_any(),
                        Ok(list) => view! {
                            <div class="table-wrap">
                                <table>
                                    <thead>
                                        <tr>
                                            <th scope="col">{t!(i18n, programmes.name)}</th>
                                            <th scope="col">{t!(i18n, programmes.workshops)}</th>
                                            <th scope="col">{t!(i18n, programmes.validity)}</th>
                                            <th scope="col">{t!(i18n, programmes.sign_off)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {list.items.into_iter().map(|p| view! {
                                            <tr>
                                                <td><a href=format!("/admin/programmes/{}", p.slug)>{p.title}</a><br /><code>{p.slug.clone()}</code></td>
                                                <td>{p.workshops}</td>
                                                <td>{months(p.validity_months)}</td>
                                                <td>{if p.sign_off { t_string!(i18n, programmes.yes).to_string() } else { t_string!(i18n, programmes.no).to_string() }}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <Pager path="/admin/programmes" page=list.page pages=list.pages />
                        }.into_any(),
                    }
                })}
            </Transition>
            <h2>{t!(i18n, programmes.new_title)}</h2>
            <p>{t!(i18n, programmes.new_lead)}</p>
            <ProgrammeForm original=None text=TEMPLATE.to_owned() />
            <FormatHelp />
        </section>
    }
}

/// One programme's text, to change.
#[component]
pub fn AdminProgramme() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    require_sign_in(&format!("/admin/programmes/{}", slug()));
    let i18n = use_i18n();
    let saved = move || query.read().get("saved").is_some();
    let programme = Resource::new(slug, load_programme_text);
    view! {
        <section class="container page">
            <p><a href="/admin/programmes">{t!(i18n, programmes.back)}</a></p>
            <Transition>
                {move || Suspend::new(async move {
                    match programme.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(p) => view! {
                            <h1>{p.title.clone()}</h1>
                            <p class="lead">{t!(i18n, programmes.edit_lead)}</p>
                            <ProgrammeForm original=Some(p.slug.clone()) text=p.text.clone() saved=saved() />
                            <FormatHelp />
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

//! Publishing, version history, and the preview of a course as learners will see it.

use super::{change_text, flaw_text, state_name};
use crate::{
    api::{
        authoring::{Publish, load_publish_preview, version_history},
        catalogue::{preview_course, preview_lesson},
    },
    components::{course_view::LessonView, form::FormError},
    i18n::*,
    pages::{
        admin::{load_error, require_sign_in},
        auth::action_error,
        courses::overview,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

fn course_id() -> impl Fn() -> String + Copy {
    let params = use_params_map();
    move || params.read().get("id").unwrap_or_default()
}

/// The way back: the course list, then the course.
#[component]
fn CourseCrumbs(id: impl Fn() -> String + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="breadcrumbs" aria-label=t_string!(i18n, authoring.breadcrumbs)>
            <a href="/authoring">{t!(i18n, authoring.title)}</a>
            " › "
            <a href=move || format!("/authoring/courses/{}", id())>{t!(i18n, authoring.back_to_course)}</a>
        </nav>
    }
}

/// `/authoring/courses/:id/publish`: what changes, what must be fixed, and the confirmation.
#[component]
pub fn PublishPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = course_id();
    require_sign_in(&format!("/authoring/courses/{}/publish", id()));
    let publish = ServerAction::<Publish>::new();
    let error = action_error(publish);
    let preview = Resource::new(id, load_publish_preview);
    view! {
        <section class="container page narrow">
            <CourseCrumbs id />
            <h1>{t!(i18n, authoring.publish_title)}</h1>
            <Transition>
                {move || Suspend::new(async move {
                    match preview.await {
                        Err(e) => load_error(i18n, &e).into_any(),
                        Ok(p) if !p.flaws.is_empty() => view! {
                            <p class="alert error" role="alert">{t!(i18n, authoring.not_ready)}</p>
                            <ul class="flaws">{p.flaws.iter().map(|f| view! { <li>{flaw_text(i18n, f)}</li> }).collect_view()}</ul>
                        }.into_any(),
                        Ok(p) => {
                            let version = p.version;
                            view! {
                                {match p.replaces {
                                    None => view! { <p>{t!(i18n, authoring.first_publication)}</p> }.into_any(),
                                    Some(old) => view! {
                                        <p>{t!(i18n, authoring.replaces_version, number = move || old)}</p>
                                        {if p.changes.is_empty() {
                                            view! { <p class="empty">{t!(i18n, authoring.no_changes)}</p> }.into_any()
                                        } else {
                                            view! { <ul class="changes">{p.changes.iter().map(|c| view! { <li>{change_text(i18n, c)}</li> }).collect_view()}</ul> }.into_any()
                                        }}
                                        <p class="hint">{t!(i18n, authoring.learners_keep_version)}</p>
                                    }.into_any(),
                                }}
                                <ActionForm action=publish attr:class="stack-form">
                                    <FormError error />
                                    <input type="hidden" name="course" value=id() />
                                    <div class="field checkbox">
                                        <input type="checkbox" id="confirm-publish" name="confirm" value="yes" required />
                                        <label for="confirm-publish">{t!(i18n, authoring.publish_confirm)}</label>
                                    </div>
                                    <button type="submit" class="button primary">{t!(i18n, authoring.publish_version, number = move || version)}</button>
                                </ActionForm>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// `/authoring/courses/:id/history`: every version with what it changed.
#[component]
pub fn HistoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = course_id();
    require_sign_in(&format!("/authoring/courses/{}/history", id()));
    let history = Resource::new(id, version_history);
    view! {
        <section class="container page narrow">
            <CourseCrumbs id />
            <h1>{t!(i18n, authoring.history)}</h1>
            <Transition>
                {move || Suspend::new(async move {
                    match history.await {
                        Err(e) => load_error(i18n, &e).into_any(),
                        Ok(versions) => view! {
                            <ol class="history" reversed=true>
                                {versions.into_iter().map(|v| {
                                    let export = format!("/authoring/courses/{}/export?version={}", id(), v.number);
                                    view! {
                                        <li>
                                            <h2>{format!("{} {} · {}", t_string!(i18n, authoring.version), v.number, state_name(i18n, v.state))}</h2>
                                            <p class="meta">
                                                <span>{v.title}</span>
                                                {v.published_at.map(|at| view! { <span>{format!("{} {at} UTC", t_string!(i18n, authoring.published_at))}</span> })}
                                                <a href=export download="">{t!(i18n, authoring.export)}</a>
                                            </p>
                                            {(!v.changes.is_empty()).then(|| view! {
                                                <ul class="changes">{v.changes.iter().map(|c| view! { <li>{change_text(i18n, c)}</li> }).collect_view()}</ul>
                                            })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// `/authoring/courses/:id/preview`: the course page exactly as learners will see it.
#[component]
pub fn CoursePreviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = course_id();
    require_sign_in(&format!("/authoring/courses/{}/preview", id()));
    let course = Resource::new(id, preview_course);
    view! {
        <p class="preview-banner" role="note">
            {t!(i18n, authoring.preview_banner)}
            " "
            <a href=move || format!("/authoring/courses/{}", id())>{t!(i18n, authoring.back_to_course)}</a>
        </p>
        <section class="container page">
            <Transition>
                {move || Suspend::new(async move {
                    match course.await {
                        Err(e) => load_error(i18n, &e).into_any(),
                        Ok(course) => overview(i18n, course, Some(|id| format!("/authoring/lessons/{id}/preview")), false).into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// `/authoring/lessons/:id/preview`: one lesson as learners will see it.
#[component]
pub fn LessonPreviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = super::numeric_id();
    require_sign_in(&format!("/authoring/lessons/{}/preview", id()));
    let lesson = Resource::new(id, preview_lesson);
    view! {
        <p class="preview-banner" role="note">
            {t!(i18n, authoring.preview_banner)}
            " "
            <a href=move || format!("/authoring/lessons/{}", id())>{t!(i18n, authoring.back_to_lesson)}</a>
        </p>
        <section class="container page narrow">
            <Transition>
                {move || Suspend::new(async move {
                    match lesson.await {
                        Err(e) => load_error(i18n, &e).into_any(),
                        Ok(lesson) => {
                            let (previous, next) = (lesson.previous, lesson.next);
                            view! {
                                <article class="lesson"><LessonView lesson /></article>
                                <nav class="lesson-nav" aria-label=t_string!(i18n, courses.lesson_nav)>
                                    {previous.map(|p| view! { <a class="button" rel="prev" href=format!("/authoring/lessons/{p}/preview")>{t!(i18n, courses.previous_lesson)}</a> })}
                                    {next.map(|n| view! { <a class="button primary" rel="next" href=format!("/authoring/lessons/{n}/preview")>{t!(i18n, courses.next_lesson)}</a> })}
                                </nav>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

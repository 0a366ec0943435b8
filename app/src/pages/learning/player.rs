//! The course player at `/learn/lessons/:id`: one lesson, its status, and marking it done.

use super::{
    outline::PlayerOutline,
    quiz::{Quiz, Reflection},
};
use crate::domain::ids::LessonId;
use crate::{
    api::learning::{MarkLessonDone, PlayerLesson, load_player},
    components::form::FormError,
    i18n::*,
    pages::{
        admin::{load_error, require_sign_in},
        auth::action_error,
        authoring::numeric_id,
    },
};
use leptos::prelude::*;

/// `/learn/lessons/:id`: one lesson of a course the learner has started.
#[component]
pub fn PlayerPage() -> impl IntoView {
    require_sign_in("/learn");
    let i18n = use_i18n();
    let id = numeric_id();
    let lesson = Resource::new(id, load_player);
    view! {
        <section class="container page">
            <Transition>
                {move || Suspend::new(async move {
                    match lesson.await {
                        Err(e) => view! {
                            {load_error(i18n, &e)}
                            <p><a href="/learn">{t!(i18n, learn.to_dashboard)}</a></p>
                        }.into_any(),
                        Ok(page) => player(i18n, page).into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

fn player(i18n: leptos_i18n::I18nContext<Locale>, page: PlayerLesson) -> impl IntoView {
    let lesson = page.lesson.clone();
    let minutes = lesson.minutes;
    let id = lesson.id;
    let has_tasks = page.quiz.is_some() || !page.reflections.is_empty();
    view! {
        <div class="player">
            <PlayerOutline slug=page.slug.clone() progress=page.progress.clone() current=id />
            <article class="player-main">
                <p class="eyebrow">{format!("{} · {}", lesson.course_title, lesson.module_title)}</p>
                <h1>{lesson.title.clone()}</h1>
                {if page.locked {
                    let waits = page.waits_for.clone().unwrap_or_default();
                    view! { <p class="alert info" role="status">{t!(i18n, learn.locked_until, module = move || waits.clone())}</p> }.into_any()
                } else {
                    view! {
                        <p class="meta">{t!(i18n, courses.reading_time, minutes = move || minutes)}</p>
                        <div class="prose" inner_html=lesson.body_html.clone()></div>
                        {page.quiz.clone().map(|quiz| view! { <Quiz lesson=id questions=lesson.questions.clone() quiz pass_mark=lesson.pass_mark.unwrap_or(0) /> })}
                        {(!page.reflections.is_empty()).then(|| view! {
                            <section class="reflections" aria-labelledby="reflections-title">
                                <h2 id="reflections-title">{t!(i18n, learn.reflections)}</h2>
                                {page.reflections.clone().into_iter().map(|r| view! { <Reflection lesson=id reflection=r /> }).collect_view()}
                            </section>
                        })}
                        <LessonStatus lesson=id done=page.done has_tasks />
                    }.into_any()
                }}
                <nav class="lesson-nav" aria-label=t_string!(i18n, learn.lesson_nav)>
                    {lesson.previous.map(|p| view! { <a class="button" href=format!("/learn/lessons/{p}") rel="prev">{t!(i18n, learn.previous)}</a> })}
                    {lesson.next.map(|n| view! { <a class="button" class:primary=page.done href=format!("/learn/lessons/{n}") rel="next">{t!(i18n, learn.next)}</a> })}
                </nav>
            </article>
        </div>
    }
}

/// "Completed", or the button that marks a lesson without tasks as done.
#[component]
fn LessonStatus(lesson: LessonId, done: bool, has_tasks: bool) -> impl IntoView {
    let i18n = use_i18n();
    let mark = ServerAction::<MarkLessonDone>::new();
    let error = action_error(mark);
    if done {
        view! { <p class="alert success lesson-done" role="status">{t!(i18n, learn.lesson_completed)}</p> }.into_any()
    } else if has_tasks {
        view! { <p class="hint">{t!(i18n, learn.tasks_complete_lesson)}</p> }.into_any()
    } else {
        view! {
            <ActionForm action=mark attr:class="mark-done">
                <FormError error />
                <input type="hidden" name="lesson" value=lesson.get() />
                <button type="submit" class="button primary">{t!(i18n, learn.mark_done)}</button>
            </ActionForm>
        }
        .into_any()
    }
}

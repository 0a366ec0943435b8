//! The course player's outline of modules and lessons: beside the lesson on wide screens, a
//! fold above it on phones, from the same markup.

use crate::domain::ids::LessonId;
use crate::{
    api::learning::{ModuleState, MyProgress},
    components::progress::ProgressBar,
    i18n::*,
};
use leptos::prelude::*;

/// The course's outline: modules with their progress and lock, lessons with ticks.
fn outline(
    i18n: leptos_i18n::I18nContext<Locale>,
    slug: String,
    progress: MyProgress,
    current: LessonId,
) -> impl IntoView {
    let label = t_string!(i18n, learn.course_progress).to_string();
    view! {
        <p><a href=format!("/courses/{slug}")>{t!(i18n, learn.about_course)}</a></p>
        <ProgressBar percent=progress.percent label />
        <ol class="player-modules">
            {progress.modules.into_iter().map(|m| module_nav(i18n, m, current)).collect_view()}
        </ol>
    }
}

/// The outline, rendered once for every screen: beside the lesson on a wide screen, always
/// open; above it on a narrow one, folded into one line that names the current module and
/// the course's progress, so the lesson comes first. A `<details>` element: it opens with a
/// tap or the keyboard, without JavaScript; the style sheet keeps it open on a wide screen.
/// There the outline scrolls on its own beside the lesson: the `nav` takes keyboard focus so
/// that it can be scrolled from the keyboard too.
#[component]
pub(super) fn PlayerOutline(
    slug: String,
    progress: MyProgress,
    current: LessonId,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = progress.modules.len();
    let here = progress
        .modules
        .iter()
        .position(|m| m.lessons.iter().any(|l| l.id == current));
    let summary = here.map(|at| {
        let (number, title) = (at + 1, progress.modules[at].title.clone());
        t!(
            i18n,
            learn.outline_here,
            number = move || number,
            total = move || total,
            title = move || title.clone()
        )
    });
    let percent = progress.percent;
    view! {
        <nav class="player-nav" aria-label=t_string!(i18n, learn.contents) tabindex="0">
            <details class="outline-fold">
                <summary>
                    <span class="fold-title">{t!(i18n, learn.contents)}</span>
                    <span class="fold-where">{summary}</span>
                    <span class="fold-progress">{format!("{percent} %")}</span>
                </summary>
                {outline(i18n, slug, progress, current)}
            </details>
        </nav>
    }
}

fn module_nav(
    i18n: leptos_i18n::I18nContext<Locale>,
    m: ModuleState,
    current: LessonId,
) -> impl IntoView {
    let (done, total) = (m.done, m.total);
    let unlocked = m.unlocked;
    view! {
        <li class="player-module" class:locked=!unlocked>
            <p class="player-module-title">
                <span>{m.title.clone()}</span>
                <span class="meta">{format!("{done}/{total}")}</span>
            </p>
            <progress class="module-progress" max=total value=done aria-label=format!("{}: {}", t_string!(i18n, learn.module_progress), m.title)></progress>
            {m.waits_for.map(|w| view! { <p class="hint lock-reason">{t!(i18n, learn.locked_until, module = move || w.clone())}</p> })}
            <ol class="player-lessons">
                {m.lessons.into_iter().map(|l| {
                    let here = l.id == current;
                    let mark = if l.done { "✓" } else { "" };
                    let done_label = l.done.then(|| t_string!(i18n, learn.done_label).to_string());
                    view! {
                        <li class:current=here class:done=l.done>
                            <span class="tick" aria-hidden="true">{mark}</span>
                            {if unlocked {
                                view! { <a href=format!("/learn/lessons/{}", l.id) aria-current=here.then_some("page")>{l.title}</a> }.into_any()
                            } else {
                                view! { <span>{l.title}</span> }.into_any()
                            }}
                            {done_label.map(|d| view! { <span class="visually-hidden">{format!(" ({d})")}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </li>
    }
}

//! The learner's dashboard at `/learn`: their courses and the reflections that wait.

use crate::{
    api::learning::load_dashboard,
    components::{
        pager::{Pager, page_from_query},
        progress::ProgressBar,
    },
    domain::learning::ReflectionState,
    i18n::*,
    pages::admin::{load_error, require_sign_in},
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/learn`: the learner's courses, what to do next, and reflections waiting for someone.
#[component]
pub fn DashboardPage() -> impl IntoView {
    require_sign_in("/learn");
    let i18n = use_i18n();
    let query = use_query_map();
    let page = page_from_query(query);
    let dashboard = Resource::new(page, load_dashboard);
    view! {
        <section class="container page">
            <h1>{t!(i18n, learn.title)}</h1>
            <p class="actions">
                <a class="button" href="/certificates">{t!(i18n, nav.certificates)}</a>
                " "
                <a class="button" href="/workshops">{t!(i18n, nav.workshops)}</a>
                " "
                <a class="button" href="/profile">{t!(i18n, nav.profile)}</a>
                " "
                <a class="button" href="/requests">{t!(i18n, nav.requests)}</a>
                " "
                <a class="button" href="/my-groups">{t!(i18n, nav.my_groups)}</a>
            </p>
            <Transition>
                {move || Suspend::new(async move {
                    match dashboard.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(d) => {
                            let (active, done): (Vec<_>, Vec<_>) = d.courses.items.into_iter().partition(|c| c.completed_on.is_none());
                            let label = t_string!(i18n, learn.course_progress).to_string();
                            view! {
                                <h2>{t!(i18n, learn.in_progress)}</h2>
                                {if active.is_empty() {
                                    view! { <p class="empty">{t!(i18n, learn.none_in_progress)} " " <a href="/courses">{t!(i18n, learn.find_course)}</a></p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="course-cards">
                                            {active.into_iter().map(|c| {
                                                let label = format!("{label}: {}", c.title);
                                                view! {
                                                    <li class="course-card">
                                                        <h3><a href=format!("/courses/{}", c.slug)>{c.title.clone()}</a></h3>
                                                        <ProgressBar percent=c.percent label />
                                                        {c.next.map(|n| {
                                                            let title = c.next_title.clone().unwrap_or_default();
                                                            view! {
                                                                <p class="meta">{t!(i18n, learn.next_lesson)} " " {title}</p>
                                                                <a class="button primary" href=format!("/learn/lessons/{n}")>{t!(i18n, learn.continue_course)}</a>
                                                            }
                                                        })}
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                                {(!done.is_empty()).then(|| view! {
                                    <h2>{t!(i18n, learn.completed)}</h2>
                                    <ul class="plain-list">
                                        {done.into_iter().map(|c| {
                                            let on = c.completed_on.clone().unwrap_or_default();
                                            view! { <li><a href=format!("/courses/{}", c.slug)>{c.title}</a> " " <span class="meta">{t!(i18n, learn.completed_on, date = move || on.clone())}</span></li> }
                                        }).collect_view()}
                                    </ul>
                                })}
                                <Pager path="/learn" page=d.courses.page pages=d.courses.pages />
                                <h2>{t!(i18n, learn.open_reflections)}</h2>
                                {if d.reflections.is_empty() {
                                    view! { <p class="empty">{t!(i18n, learn.no_open_reflections)}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="plain-list">
                                            {d.reflections.into_iter().map(|r| {
                                                let state = if r.state == ReflectionState::Revise { t_string!(i18n, learn.reflection_revise) } else { t_string!(i18n, learn.reflection_sent) };
                                                view! {
                                                    <li>
                                                        <a href=format!("/learn/lessons/{}", r.lesson)>{r.lesson_title}</a>
                                                        " · " {r.course_title} " " <span class="badge subtle">{state}</span>
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

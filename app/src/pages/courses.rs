//! `/courses`: the catalogue of published courses; `/courses/:slug`: one course's overview.

use crate::{
    api::catalogue::{CourseOverview, list_catalogue, load_course_overview},
    components::{
        course_view::CourseOutline,
        pager::{Pager, page_from_query},
    },
    domain::language::Language,
    i18n::*,
    pages::admin::load_error,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Minutes as hours and minutes in the page's language: `3 t 20 min`.
pub fn duration(i18n: leptos_i18n::I18nContext<Locale>, minutes: i64) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    let hours = t_string!(i18n, courses.hours_short);
    match (h, m) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} {hours}"),
        (h, m) => format!("{h} {hours} {m} min"),
    }
}

/// The catalogue, filtered by language with a plain GET form.
#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let page = page_from_query(query);
    let language = move || query.read().get("language").unwrap_or_default();
    let courses = Resource::new(move || (language(), page()), |(l, p)| list_catalogue(l, p));
    // Every language unless one is picked; the page's own language comes first.
    let selected = move || {
        let l = language();
        if l.is_empty() { "all".to_owned() } else { l }
    };
    view! {
        <section class="container page">
            <h1>{t!(i18n, courses.title)}</h1>
            <p class="lead">{t!(i18n, courses.lead)}</p>
            <form method="get" action="/courses" class="filter-form">
                <label for="filter-language">{t!(i18n, courses.filter_language)}</label>
                <select id="filter-language" name="language">
                    <option value="all" selected=move || selected() == "all">{t!(i18n, courses.all_languages)}</option>
                    {Language::ALL
                        .into_iter()
                        .map(|l| {
                            let code = l.code();
                            view! { <option value=code selected=move || selected() == code>{l.native_name()}</option> }
                        })
                        .collect_view()}
                </select>
                <button type="submit" class="button small">{t!(i18n, courses.filter_apply)}</button>
            </form>
            <Transition>
                {move || Suspend::new(async move {
                    match courses.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(list) if list.items.is_empty() => view! { <p class="empty">{t!(i18n, courses.empty)}</p> }.into_any(),
                        Ok(list) => {
                            let extra = format!("&language={}", selected());
                            view! {
                                <ul class="course-cards">
                                    {list.items.into_iter().map(|c| {
                                        let href = format!("/courses/{}", c.slug);
                                        let modules = c.modules.len();
                                        let lang = c.language.clone();
                                        let language_name = c.language.parse::<Language>().map(|l| l.native_name()).unwrap_or_default();
                                        view! {
                                            <li class="course-card">
                                                <p class="language-tag">
                                                    <span class="visually-hidden">{t!(i18n, courses.language_label)}" "</span>
                                                    <span lang=lang.clone()>{language_name}</span>
                                                </p>
                                                <h2 lang=lang.clone()><a href=href>{c.title}</a></h2>
                                                <p lang=lang.clone()>{c.summary}</p>
                                                <p class="meta">
                                                    <span>{t!(i18n, courses.modules_count, count = move || modules)}</span>
                                                    <span>{duration(i18n, c.minutes)}</span>
                                                    {c.leads_to_certificate.then(|| view! { <span class="badge">{t!(i18n, courses.certificate)}</span> })}
                                                </p>
                                                <ol class="module-titles" lang=lang>
                                                    {c.modules.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                                                </ol>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                                <Pager path="/courses" page=list.page pages=list.pages extra />
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// One published course, before starting it.
#[component]
pub fn CourseOverviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let course = Resource::new(slug, load_course_overview);
    view! {
        <section class="container page">
            <Transition>
                {move || Suspend::new(async move {
                    match course.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(course) => overview(i18n, course, None, true).into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// A course overview; `lesson_href` links lessons (the trainers' preview does).
pub fn overview(
    i18n: leptos_i18n::I18nContext<Locale>,
    course: CourseOverview,
    lesson_href: Option<fn(crate::domain::ids::LessonId) -> String>,
    standing: bool,
) -> impl IntoView {
    let slug = course.slug.clone();
    view! {
        <p class="eyebrow">{t!(i18n, courses.course)}</p>
        <h1>{course.title.clone()}</h1>
        <p class="lead">{course.summary.clone()}</p>
        <p class="meta">
            <span>{duration(i18n, course.minutes)}</span>
            {course.leads_to_certificate.then(|| view! { <span class="badge">{t!(i18n, courses.certificate)}</span> })}
        </p>
        {standing.then(|| view! { <crate::pages::learning::Standing slug=slug.clone() /> })}
        <div class="prose" inner_html=course.body_html.clone()></div>
        <h2>{t!(i18n, courses.contents)}</h2>
        <CourseOutline course lesson_href />
    }
}

//! `/teach/results`: a trainer's figures: each course's funnel as a chart with its table,
//! the quiz questions learners miss most, workshops to come and sign-offs waiting.

use crate::{
    api::results::{
        CourseFunnel, MissedQuestion, TrainingDashboard, WorkshopFill, load_training_dashboard,
    },
    components::pager::{Pager, page_from_query},
    domain::figures::{Bar, bar_chart},
    i18n::*,
    pages::admin::{load_error, require_sign_in},
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

type I18n = leptos_i18n::I18nContext<Locale>;

/// The stages' names, in order.
fn stages(i18n: I18n) -> [String; 4] {
    [
        t_string!(i18n, results.stage_enrolled).to_string(),
        t_string!(i18n, results.stage_halfway).to_string(),
        t_string!(i18n, results.stage_completed).to_string(),
        t_string!(i18n, results.stage_certified).to_string(),
    ]
}

/// One course: its funnel as a chart and a table with the share of each stage.
fn course(i18n: I18n, c: CourseFunnel) -> impl IntoView {
    let f = c.funnel;
    let values = [f.enrolled, f.halfway, f.completed, f.certified];
    let percents = f.percents();
    let bars: Vec<Bar> = stages(i18n)
        .into_iter()
        .zip(values)
        .map(|(label, value)| Bar { label, value })
        .collect();
    let summary = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.value))
        .collect::<Vec<_>>()
        .join(", ");
    let title = format!("{}: {}", t_string!(i18n, results.funnel_title), c.title);
    let chart = bar_chart(&format!("funnel-{}", c.id), &title, &summary, &bars);
    view! {
        <article class="result-block">
            <h3><a href=format!("/teach/courses/{}", c.id) lang=c.language.clone()>{c.title.clone()}</a></h3>
            <div class="chart-and-table">
                <div class="chart-wrap" inner_html=chart></div>
                <table class="compact">
                    <caption class="visually-hidden">{title}</caption>
                    <thead><tr>
                        <th scope="col">{t!(i18n, results.stage)}</th>
                        <th scope="col">{t!(i18n, results.count)}</th>
                        <th scope="col">{t!(i18n, results.share)}</th>
                    </tr></thead>
                    <tbody>
                        {bars.into_iter().zip(percents).map(|(b, p)| view! {
                            <tr><th scope="row">{b.label}</th><td>{b.value}</td><td>{format!("{p} %")}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </article>
    }
}

fn missed(i18n: I18n, rows: Vec<MissedQuestion>, attempts: u64) -> impl IntoView {
    view! {
        <h2>{t!(i18n, results.missed_title)}</h2>
        <p>{t!(i18n, results.missed_lead, attempts = attempts)}</p>
        {if rows.is_empty() {
            view! { <p class="empty">{t!(i18n, results.missed_none)}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap"><table>
                    <thead><tr>
                        <th scope="col">{t!(i18n, results.question)}</th>
                        <th scope="col">{t!(i18n, results.where_asked)}</th>
                        <th scope="col">{t!(i18n, results.wrong)}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|m| view! {
                            <tr>
                                <td>{m.prompt}</td>
                                <td>{format!("{} · {}", m.course, m.lesson)}</td>
                                <td>{t!(i18n, results.wrong_of, missed = m.missed, asked = m.asked, percent = m.percent)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table></div>
            }.into_any()
        }}
    }
}

fn workshops(i18n: I18n, rows: Vec<WorkshopFill>) -> impl IntoView {
    view! {
        <h2>{t!(i18n, results.workshops_title)}</h2>
        {if rows.is_empty() {
            view! { <p class="empty">{t!(i18n, results.workshops_none)}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap"><table>
                    <thead><tr>
                        <th scope="col">{t!(i18n, results.workshop)}</th>
                        <th scope="col">{t!(i18n, results.day)}</th>
                        <th scope="col">{t!(i18n, results.seats)}</th>
                        <th scope="col">{t!(i18n, results.waiting_list)}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|w| view! {
                            <tr>
                                <td><a href=format!("/teach/workshops/{}", w.id)>{w.title}</a><br/><span class="muted">{w.place}</span></td>
                                <td>{w.date}</td>
                                <td>
                                    {t!(i18n, results.seats_taken, seated = w.seated, capacity = w.capacity, percent = w.percent)}
                                    <meter class="fill" aria-hidden="true" min="0" max=w.capacity.max(1) value=w.seated></meter>
                                </td>
                                <td>{w.waiting}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table></div>
            }.into_any()
        }}
    }
}

fn dashboard(i18n: I18n, d: TrainingDashboard) -> impl IntoView {
    let waiting_since = d
        .oldest_sign_off
        .clone()
        .map(|since| view! { <p class="muted">{t!(i18n, results.oldest_since, date = since)}</p> });
    view! {
        <dl class="figures">
            <div class="figure"><dt>{t!(i18n, results.sign_offs_waiting)}</dt><dd>{d.sign_offs_waiting}</dd></div>
            <div class="figure"><dt>{t!(i18n, results.courses_followed)}</dt><dd>{d.courses.total}</dd></div>
            <div class="figure"><dt>{t!(i18n, results.workshops_coming)}</dt><dd>{d.workshops_coming}</dd></div>
        </dl>
        {waiting_since}
        <p><a href="/teach/sign-offs">{t!(i18n, certificates.sign_offs_title)}</a></p>
        <h2>{t!(i18n, results.funnel_title)}</h2>
        <p>{t!(i18n, results.funnel_lead)}</p>
        {if d.courses.items.is_empty() {
            view! { <p class="empty">{t!(i18n, teach.no_courses)}</p> }.into_any()
        } else {
            let (page, pages) = (d.courses.page, d.courses.pages);
            view! {
                {d.courses.items.into_iter().map(|c| course(i18n, c)).collect_view()}
                <Pager path="/teach/results" page=page pages=pages />
            }.into_any()
        }}
        {missed(i18n, d.missed, d.attempts_read)}
        {workshops(i18n, d.workshops)}
        <p><a class="button secondary" href="/teach/results.csv" download="">{t!(i18n, results.csv)}</a></p>
    }
}

/// The page.
#[component]
pub fn TrainingDashboardPage() -> impl IntoView {
    require_sign_in("/teach/results");
    let i18n = use_i18n();
    let page = page_from_query(use_query_map());
    let found = Resource::new(page, load_training_dashboard);
    view! {
        <section class="container page dashboard-page">
            <p><a href="/teach">{t!(i18n, results.to_teaching)}</a></p>
            <h1>{t!(i18n, results.training_title)}</h1>
            <p class="lead">{t!(i18n, results.training_lead)}</p>
            <Transition>
                {move || Suspend::new(async move {
                    match found.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(d) => dashboard(i18n, d).into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

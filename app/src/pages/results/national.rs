//! `/admin/results`: the national figures per country, region or municipality, and month by
//! month as a line chart with its table, for everyone or for one area.

use crate::{
    api::results::{NationalDashboard, load_national_dashboard},
    components::pager::{Pager, page_from_query},
    domain::{
        figures::{Series, line_chart},
        national::{AreaRow, Level, MonthRow},
    },
    i18n::*,
    pages::admin::{load_error, require_sign_in},
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

type I18n = leptos_i18n::I18nContext<Locale>;

fn level_label(i18n: I18n, level: Level) -> String {
    match level {
        Level::Country => t_string!(i18n, results.level_country),
        Level::Region => t_string!(i18n, results.level_region),
        Level::Municipality => t_string!(i18n, results.level_municipality),
    }
    .to_string()
}

/// An area's name as shown: countries by name, the rest as stored.
fn area_label(i18n: I18n, area: &str) -> String {
    match area {
        "DK" => t_string!(i18n, results.country_dk).to_string(),
        "NO" => t_string!(i18n, results.country_no).to_string(),
        other => other.to_owned(),
    }
}

/// `text` percent-encoded for a query string.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn query(level: Level, area: &str) -> String {
    format!(
        "/admin/results?level={}&area={}",
        level.as_str(),
        encode(area)
    )
}

fn number(n: Option<u64>) -> String {
    n.map_or_else(|| "–".to_owned(), |n| n.to_string())
}

fn median(m: Option<f64>) -> String {
    m.map_or_else(|| "–".to_owned(), |m| format!("{m:.1}"))
}

fn months(i18n: I18n, area: Option<String>, rows: Vec<MonthRow>) -> impl IntoView {
    let labels: Vec<String> = rows.iter().map(|r| r.month.label()).collect();
    let names = [
        t_string!(i18n, results.posted).to_string(),
        t_string!(i18n, results.matched).to_string(),
        t_string!(i18n, results.started_period).to_string(),
        t_string!(i18n, results.ended_period).to_string(),
    ];
    let series: Vec<Series> = names
        .iter()
        .enumerate()
        .map(|(n, name)| Series {
            name: name.clone(),
            values: rows
                .iter()
                .map(|r| [r.flow.posted, r.flow.matched, r.flow.started, r.flow.ended][n])
                .collect(),
        })
        .collect();
    let summary = series
        .iter()
        .map(|s| format!("{}: {}", s.name, s.values.iter().sum::<u64>()))
        .collect::<Vec<_>>()
        .join(", ");
    let title = match &area {
        Some(area) => format!(
            "{}: {}",
            t_string!(i18n, results.months_title),
            area_label(i18n, area)
        ),
        None => t_string!(i18n, results.months_title).to_string(),
    };
    let chart = line_chart("months", &title, &summary, &labels, &series);
    view! {
        <h2>{title.clone()}</h2>
        <div class="chart-and-table">
            <div class="chart-wrap wide" inner_html=chart></div>
            <div class="table-wrap"><table class="compact">
                <caption class="visually-hidden">{title}</caption>
                <thead><tr>
                    <th scope="col">{t!(i18n, results.month)}</th>
                    {names.into_iter().map(|n| view! { <th scope="col">{n}</th> }).collect_view()}
                    <th scope="col">{t!(i18n, results.certificates_issued)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>
                            <th scope="row">{r.month.label()}</th>
                            <td>{r.flow.posted}</td><td>{r.flow.matched}</td>
                            <td>{r.flow.started}</td><td>{r.flow.ended}</td>
                            <td>{if area.is_some() { "–".to_owned() } else { r.certificates.to_string() }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table></div>
        </div>
    }
}

fn area_row(i18n: I18n, level: Level, chosen: &Option<String>, r: AreaRow) -> impl IntoView {
    let current = (chosen.as_deref() == Some(r.area.as_str())).then_some("true");
    view! {
        <tr>
            <th scope="row"><a href=query(level, &r.area) aria-current=current>{area_label(i18n, &r.area)}</a></th>
            <td>{r.seeking}</td><td>{r.meeting}</td>
            <td>{r.flow.posted}</td><td>{r.flow.matched}</td><td>{r.flow.started}</td><td>{r.flow.ended}</td>
            <td>{median(r.median_days_to_match)}</td>
            <td>{number(r.certified)}</td>
        </tr>
    }
}

fn dashboard(i18n: I18n, d: NationalDashboard) -> impl IntoView {
    let level = d.level;
    let t = &d.total;
    let extra = format!(
        "&level={}&area={}",
        level.as_str(),
        encode(d.area.as_deref().unwrap_or_default())
    );
    let csv = format!("/admin/results.csv?level={}", level.as_str());
    let chosen = d.area.clone();
    view! {
        <nav class="tabs" aria-label=t_string!(i18n, results.level)>
            {Level::ALL.into_iter().map(|l| view! {
                <a href=format!("/admin/results?level={}", l.as_str()) aria-current=(l == level).then_some("page")>{level_label(i18n, l)}</a>
            }).collect_view()}
        </nav>
        <p class="muted">{t!(i18n, results.period_since, month = d.since.clone())}</p>
        <dl class="figures">
            <div class="figure"><dt>{t!(i18n, results.seeking_now)}</dt><dd>{t.seeking}</dd></div>
            <div class="figure"><dt>{t!(i18n, results.meeting_now)}</dt><dd>{t.meeting}</dd></div>
            <div class="figure"><dt>{t!(i18n, results.posted_period)}</dt><dd>{t.flow.posted}</dd></div>
            <div class="figure"><dt>{t!(i18n, results.matched_period)}</dt><dd>{t.flow.matched}</dd></div>
            <div class="figure"><dt>{t!(i18n, results.median_days)}</dt><dd>{median(t.median_days_to_match)}</dd></div>
            <div class="figure"><dt>{t!(i18n, results.certified_total)}</dt><dd>{number(t.certified)}</dd></div>
        </dl>
        {months(i18n, d.area.clone(), d.months)}
        {d.area.clone().map(|_| view! { <p><a href=format!("/admin/results?level={}", level.as_str())>{t!(i18n, results.all_areas)}</a></p> })}
        <h2>{t!(i18n, results.areas_title)}</h2>
        {if d.areas.items.is_empty() {
            view! { <p class="empty">{t!(i18n, results.areas_none)}</p> }.into_any()
        } else {
            let (page, pages) = (d.areas.page, d.areas.pages);
            view! {
                <div class="table-wrap"><table>
                    <thead><tr>
                        <th scope="col">{level_label(i18n, level)}</th>
                        <th scope="col">{t!(i18n, results.seeking_now)}</th>
                        <th scope="col">{t!(i18n, results.meeting_now)}</th>
                        <th scope="col">{t!(i18n, results.posted)}</th>
                        <th scope="col">{t!(i18n, results.matched)}</th>
                        <th scope="col">{t!(i18n, results.started_period)}</th>
                        <th scope="col">{t!(i18n, results.ended_period)}</th>
                        <th scope="col">{t!(i18n, results.median_short)}</th>
                        <th scope="col">{t!(i18n, results.certified_here)}</th>
                    </tr></thead>
                    <tbody>
                        {d.areas.items.into_iter().map(|r| area_row(i18n, level, &chosen, r)).collect_view()}
                    </tbody>
                </table></div>
                <Pager path="/admin/results" page=page pages=pages extra=extra />
            }.into_any()
        }}
        <p><a class="button secondary" href=csv download="">{t!(i18n, results.csv)}</a></p>
    }
}

/// The page.
#[component]
pub fn NationalDashboardPage() -> impl IntoView {
    require_sign_in("/admin/results");
    let i18n = use_i18n();
    let query = use_query_map();
    let page = page_from_query(query);
    let found = Resource::new(
        move || {
            let q = query.read();
            (
                q.get("level").unwrap_or_default(),
                q.get("area").unwrap_or_default(),
                page(),
            )
        },
        |(level, area, page)| load_national_dashboard(level, area, page),
    );
    view! {
        <section class="container page dashboard-page">
            <p><a href="/admin">{t!(i18n, results.to_admin)}</a></p>
            <h1>{t!(i18n, results.national_title)}</h1>
            <p class="lead">{t!(i18n, results.national_lead)}</p>
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

//! `/centres/:centre/dashboard`: a centre's figures for the municipality and funders behind
//! it, each as a number, the groups as a chart drawn on the server with the same numbers in
//! a table beside it, and everything as a CSV file.

use crate::{
    api::results::{CentreDashboard, EXPIRING_DAYS, load_centre_dashboard},
    domain::figures::{Bar, bar_chart},
    i18n::*,
    pages::{
        admin::{load_error, require_sign_in},
        matching::{labels::status_label, survey::totals},
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

mod national;
mod training;
pub use national::NationalDashboardPage;
pub use training::TrainingDashboardPage;

type I18n = leptos_i18n::I18nContext<Locale>;

/// One figure: a number and what it counts.
fn figure(value: String, label: AnyView) -> impl IntoView {
    view! {
        <div class="figure">
            <dt>{label}</dt>
            <dd>{value}</dd>
        </div>
    }
}

/// The figures, the chart and its table.
fn dashboard(i18n: I18n, d: CentreDashboard) -> impl IntoView {
    let none = || "–".to_owned();
    let bars: Vec<Bar> = d
        .by_status
        .iter()
        .map(|(status, n)| Bar {
            label: status_label(i18n, *status),
            value: *n,
        })
        .collect();
    let summary = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.value))
        .collect::<Vec<_>>()
        .join(", ");
    let chart = bar_chart(
        "groups-by-status",
        t_string!(i18n, results.groups_title),
        &summary,
        &bars,
    );
    let reach_label = match d.town.clone() {
        Some(town) => t!(i18n, results.within_reach, town = town).into_any(),
        None => t!(i18n, results.within_reach_unknown).into_any(),
    };
    let csv = format!("/centres/{}/dashboard.csv", d.centre);
    view! {
        <dl class="figures">
            {figure(d.within_reach.map_or_else(none, |n| n.to_string()), reach_label)}
            {figure(d.expiring.map_or_else(none, |n| n.to_string()), t!(i18n, results.expiring, days = EXPIRING_DAYS).into_any())}
            {figure(d.median_days_to_match.map_or_else(none, |m| format!("{m:.1}")), t!(i18n, results.median_days).into_any())}
            {figure(d.started_this_year.to_string(), t!(i18n, results.started).into_any())}
            {figure(d.ended_this_year.to_string(), t!(i18n, results.ended).into_any())}
            {figure(d.waiting_requests.to_string(), t!(i18n, results.waiting).into_any())}
        </dl>
        <h2>{t!(i18n, results.groups_title)}</h2>
        <div class="chart-and-table">
            <div class="chart-wrap" inner_html=chart></div>
            <table class="compact">
                <caption class="visually-hidden">{t!(i18n, results.groups_title)}</caption>
                <thead><tr><th scope="col">{t!(i18n, groups.status)}</th><th scope="col">{t!(i18n, results.count)}</th></tr></thead>
                <tbody>
                    {bars.into_iter().map(|b| view! { <tr><th scope="row">{b.label}</th><td>{b.value}</td></tr> }).collect_view()}
                </tbody>
            </table>
        </div>
        <h2>{t!(i18n, survey.title)}</h2>
        {match d.survey {
            Some(summary) => totals(i18n, summary).into_any(),
            None => view! { <p class="empty">{t!(i18n, results.survey_too_few, answers = d.survey_answers)}</p> }.into_any(),
        }}
        <p><a class="button secondary" href=csv download="">{t!(i18n, results.csv)}</a></p>
    }
}

/// The page.
#[component]
pub fn CentreDashboardPage() -> impl IntoView {
    let params = use_params_map();
    let centre = move || params.read().get("centre").unwrap_or_default();
    require_sign_in(&format!("/centres/{}/dashboard", centre()));
    let i18n = use_i18n();
    let found = Resource::new(centre, load_centre_dashboard);
    view! {
        <section class="container page dashboard-page">
            <Transition>
                {move || Suspend::new(async move {
                    match found.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(d) => view! {
                            <p><a href=format!("/centres/{}/groups", d.centre)>{t!(i18n, results.to_groups)}</a></p>
                            <h1>{t!(i18n, results.title, centre = d.name.clone())}</h1>
                            <p class="lead">{t!(i18n, results.lead)}</p>
                            {dashboard(i18n, d)}
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

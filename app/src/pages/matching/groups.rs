//! `/centres/:centre/groups` (a centre's groups and the form for a new one) and
//! `/groups/:id` (one group and the igangsættere who may be asked to start it).

use super::{
    labels::{cadence_label, kind_label, status_label},
    life::{GroupRequests, StepForms, moved_note},
    places::{FieldProblem, towns_for},
    posting::GroupForm,
    survey::SurveySection,
};
use crate::{
    api::matching::{CandidateRow, GroupView, SendRequest, list_centre_groups, load_group},
    components::{
        candidate_card::{slot_label, topic_label, weekday_label},
        form::{FormError, action_error, kept_or, scoped},
        pager::{Pager, page_from_query},
    },
    domain::groups::{GroupStatus, MAX_MESSAGE},
    i18n::*,
    pages::admin::{load_error, require_sign_in},
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Links that show the groups of one status, or all.
#[component]
fn StatusFilter(centre: String, current: Option<GroupStatus>) -> impl IntoView {
    let i18n = use_i18n();
    let link = move |status: Option<GroupStatus>, label: String| {
        let href = match status {
            Some(s) => format!("/centres/{centre}/groups?status={}", s.as_str()),
            None => format!("/centres/{centre}/groups"),
        };
        let here = (status == current).then_some("page");
        view! { <li><a href=href aria-current=here>{label}</a></li> }
    };
    let all = link(None, t_string!(i18n, groups.all).to_string());
    let each = GroupStatus::ALL
        .map(|s| link(Some(s), status_label(i18n, s)))
        .collect_view();
    view! {
        <nav class="status-filter" aria-label=t_string!(i18n, groups.filter_label)>
            <ul>{all}{each}</ul>
        </nav>
    }
}

/// A centre's groups, a page at a time, and the form for a new one.
#[component]
pub fn CentreGroupsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let centre = move || params.read().get("centre").unwrap_or_default();
    require_sign_in(&format!("/centres/{}/groups", centre()));
    let i18n = use_i18n();
    let page = page_from_query(query);
    let status = move || query.read().get("status").unwrap_or_default();
    let q = move || query.read().get("q").unwrap_or_default();
    let list = Resource::new(
        move || (centre(), status(), page()),
        |(centre, status, page)| list_centre_groups(centre, status, page),
    );
    let found = Resource::new(q, towns_for);
    view! {
        <section class="container page groups-page">
            <Transition>
                {move || Suspend::new(async move {
                    match (list.await, found.await) {
                        (Err(e), _) | (_, Err(e)) => load_error(i18n, &e),
                        (Ok(list), Ok(found)) => {
                            let path = format!("/centres/{}/groups", list.centre);
                            let extra = list.status.map(|s| format!("&status={}", s.as_str())).unwrap_or_default();
                            let rows = list.groups.items.clone();
                            view! {
                                <h1>{t!(i18n, groups.title, centre = list.name.clone())}</h1>
                                <p class="lead">{t!(i18n, groups.lead)}</p>
                                <p><a class="button secondary" href=format!("/centres/{}/dashboard", list.centre)>{t!(i18n, results.open)}</a></p>
                                <StatusFilter centre=list.centre.clone() current=list.status />
                                {if rows.is_empty() {
                                    view! { <p class="empty">{t!(i18n, groups.none)}</p> }.into_any()
                                } else {
                                    view! {
                                        <div class="table-wrap">
                                            <table>
                                                <thead>
                                                    <tr>
                                                        <th scope="col">{t!(i18n, groups.name)}</th>
                                                        <th scope="col">{t!(i18n, groups.topic)}</th>
                                                        <th scope="col">{t!(i18n, groups.status)}</th>
                                                        <th scope="col">{t!(i18n, groups.meets)}</th>
                                                        <th scope="col">{t!(i18n, groups.starts)}</th>
                                                    </tr>
                                                </thead>
                                                <tbody>
                                                    {rows.into_iter().map(|g| view! {
                                                        <tr>
                                                            <td><a href=format!("/groups/{}", g.id)>{g.title}</a></td>
                                                            <td>{topic_label(i18n, g.topic)}</td>
                                                            <td><span class="status">{status_label(i18n, g.status)}</span></td>
                                                            <td>{format!("{} · {} {}", g.place, weekday_label(i18n, g.weekday), g.time)}</td>
                                                            <td>{g.starts_on}</td>
                                                        </tr>
                                                    }).collect_view()}
                                                </tbody>
                                            </table>
                                        </div>
                                    }.into_any()
                                }}
                                <Pager path=path.clone() page=list.groups.page pages=list.groups.pages extra />
                                <h2 id="new-group">{t!(i18n, groups.new_title)}</h2>
                                <GroupForm centre=list.centre.clone() q=q() found />
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// The line of reasons under a candidate, such as "12 km · emne: sorg og tab · tirsdag aften
/// ledig · 1 af 2 grupper".
fn reasons_line(
    i18n: leptos_i18n::I18nContext<Locale>,
    group: &GroupView,
    c: &CandidateRow,
) -> AnyView {
    let r = c.reasons.clone();
    let topic = topic_label(i18n, group.row.topic);
    let language = group.language.native_name();
    let slot = slot_label(i18n, group.slot);
    let mut parts: Vec<AnyView> = vec![format!("{} km", r.distance_km).into_any()];
    if r.topic {
        parts.push(t!(i18n, groups.reason_topic, topic = topic.clone()).into_any());
    }
    if r.language {
        parts.push(t!(i18n, groups.reason_language, language = language).into_any());
    }
    if r.slot {
        parts.push(t!(i18n, groups.reason_slot, slot = slot.clone()).into_any());
    }
    let (active, capacity, recent) = (r.active_groups, r.capacity, r.recent_groups);
    parts.push(
        t!(
            i18n,
            groups.reason_load,
            active = active,
            capacity = capacity
        )
        .into_any(),
    );
    if recent > 0 {
        parts.push(t!(i18n, groups.reason_recent, recent = recent).into_any());
    }
    let mut line = Vec::with_capacity(parts.len() * 2);
    for (n, part) in parts.into_iter().enumerate() {
        if n > 0 {
            line.push(" · ".into_any());
        }
        line.push(part);
    }
    line.collect_view().into_any()
}

/// Asking one candidate: a personal message and the button, folded until opened; once asked,
/// a note that the answer is awaited.
#[component]
fn AskForm(group: i32, person: String, name: String, asked: bool) -> impl IntoView {
    let i18n = use_i18n();
    if asked {
        return view! { <p class="asked">{t!(i18n, groups.awaiting_answer)}</p> }.into_any();
    }
    let id = format!("message-{person}");
    let target = id.clone();
    let send = ServerAction::<SendRequest>::new();
    // A refused request opens again with its message, under its own candidate only.
    let error = scoped(action_error(send), "person", person.clone());
    view! {
        <details class="ask" open=move || error.get().is_some()>
            <summary>{t!(i18n, groups.ask, name = name.clone())}</summary>
            <ActionForm action=send attr:class="stack-form" attr:novalidate=true>
                <FormError error />
                <input type="hidden" name="group" value=group.to_string() />
                <input type="hidden" name="person" value=person.clone() />
                <div class="field">
                    <label for=target>{t!(i18n, groups.message_label)}</label>
                    <p class="hint">{t!(i18n, groups.message_hint)}</p>
                    <FieldProblem error field="message" />
                    <textarea id=id name="message" rows="4" maxlength=MAX_MESSAGE.to_string()>{kept_or(error, "message", "")}</textarea>
                </div>
                <button type="submit" class="button primary" disabled=move || send.pending().get()>
                    {t!(i18n, groups.send)}
                </button>
            </ActionForm>
        </details>
    }
    .into_any()
}

/// One group, with its candidates while it seeks an igangsætter.
#[component]
pub fn GroupPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i32>().ok())
            .unwrap_or(0)
    };
    require_sign_in(&format!("/groups/{}", id()));
    let i18n = use_i18n();
    let group = Resource::new(id, load_group);
    let query = use_query_map();
    let asked = move || query.read().get("asked").is_some();
    let withdrawn = move || query.read().get("withdrawn").is_some();
    let moved = move || query.read().get("moved");
    view! {
        <section class="container page group-page">
            <Transition>
                {move || Suspend::new(async move {
                    match group.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(g) => {
                            let place = g.place.clone().map(|p| format!("{} ({})", p.name, p.region)).unwrap_or_default();
                            let meets = format!("{} {} · {}", weekday_label(i18n, g.row.weekday), g.row.time, cadence_label(i18n, &g.cadence));
                            let seeking = g.row.status == GroupStatus::Seeking;
                            let candidates = g.candidates.iter().map(|c| {
                                let line = reasons_line(i18n, &g, c);
                                view! {
                                    <li class="candidate">
                                        <p class="candidate-name"><strong>{c.name.clone()}</strong> " " <span class="score">{t!(i18n, groups.score, score = c.score)}</span></p>
                                        <p class="reasons">{line}</p>
                                        <AskForm group=g.id person=c.person.clone() name=c.name.clone() asked=c.asked />
                                    </li>
                                }
                            }).collect_view();
                            view! {
                                <p><a href=format!("/centres/{}/groups", g.centre)>{t!(i18n, groups.back, centre = g.centre_name.clone())}</a></p>
                                <h1>{g.row.title.clone()}</h1>
                                {asked().then(|| view! { <p class="alert success" role="status">{t!(i18n, groups.asked_note)}</p> })}
                                {withdrawn().then(|| view! { <p class="alert success" role="status">{t!(i18n, life.withdrawn_note)}</p> })}
                                {moved_note(i18n, moved())}
                                <p><span class="status">{status_label(i18n, g.row.status)}</span></p>
                                <dl class="facts">
                                    <dt>{t!(i18n, groups.topic)}</dt><dd>{topic_label(i18n, g.row.topic)}</dd>
                                    <dt>{t!(i18n, groups.kind)}</dt><dd>{kind_label(i18n, &g.kind)}</dd>
                                    <dt>{t!(i18n, groups.language)}</dt><dd>{g.language.native_name()}</dd>
                                    <dt>{t!(i18n, groups.place)}</dt><dd>{place}</dd>
                                    <dt>{t!(i18n, groups.meets)}</dt><dd>{meets}</dd>
                                    <dt>{t!(i18n, groups.starts)}</dt><dd>{g.row.starts_on.clone()}</dd>
                                    <dt>{t!(i18n, groups.meetings)}</dt><dd>{g.meetings}</dd>
                                    {g.igangsaetter.clone().map(|name| view! { <dt>{t!(i18n, life.igangsaetter)}</dt><dd class="igangsaetter">{name}</dd> })}
                                </dl>
                                {(!g.description.is_empty()).then(|| view! { <p class="description">{g.description.clone()}</p> })}
                                <h2>{t!(i18n, life.history_title)}</h2>
                                <ol class="history">
                                    {g.history.iter().map(|(status, on)| view! { <li><span class="date">{on.clone()}</span> " " {status_label(i18n, *status)}</li> }).collect_view()}
                                </ol>
                                {g.ending_reason.clone().map(|why| view! { <p class="hint">{t!(i18n, life.ending_reason)} " " {why}</p> })}
                                <StepForms group=g.id steps=g.next.clone() for_centre=true />
                                <SurveySection group=g.id may_open=g.survey_may_open survey=g.survey.clone() />
                                {seeking.then(|| view! {
                                    <h2>{t!(i18n, groups.candidates_title)}</h2>
                                    {if g.eligible == 0 {
                                        view! { <p class="empty">{t!(i18n, groups.no_candidates)}</p> }.into_any()
                                    } else {
                                        view! {
                                            <p>{if g.eligible > g.candidates.len() {
                                                t!(i18n, groups.candidates_some, eligible = g.eligible, shown = g.candidates.len()).into_any()
                                            } else {
                                                t!(i18n, groups.candidates_all, eligible = g.eligible).into_any()
                                            }}</p>
                                            <ol class="candidates">{candidates}</ol>
                                        }.into_any()
                                    }}
                                })}
                                <GroupRequests group=g.id />
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

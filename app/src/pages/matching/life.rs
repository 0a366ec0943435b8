//! A group's life on the pages: the steps a centre or its igangsætter may take, each a form
//! (those that cannot be undone ask for a tick first); the requests a group has had, with a
//! waiting one taken back; and `/my-groups`, the igangsætter's own groups.

use super::{labels::status_label, requests::GroupFacts};
use crate::{
    api::matching::{
        GroupRequestRow, MoveGroup, MyGroupItem, WithdrawRequest, group_requests, my_groups,
    },
    components::{
        form::{FormError, TextArea, action_error, scoped},
        pager::{Pager, page_from_query},
    },
    domain::groups::{GroupStatus, MAX_REASON, RequestStatus},
    i18n::*,
    pages::admin::{load_error, require_sign_in},
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

type I18n = leptos_i18n::I18nContext<Locale>;

/// The note after a step was taken, from `?moved=`.
pub fn moved_note(i18n: I18n, moved: Option<String>) -> Option<AnyView> {
    let status = GroupStatus::parse(&moved?)?;
    let label = status_label(i18n, status);
    Some(
        view! { <p class="alert success" role="status">{t!(i18n, life.moved, status = label)}</p> }
            .into_any(),
    )
}

/// One step's form, scoped to its group and step so a refusal shows only there. Steps that
/// cannot be undone are folded and ask for a tick, which the browser requires before
/// posting and the server checks again.
#[component]
fn StepForm(group: i32, to: GroupStatus, for_centre: bool) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<MoveGroup>::new();
    let error = scoped(
        scoped(action_error(action), "group", group),
        "to",
        to.as_str(),
    );
    let key = format!("{group}-{}", to.as_str());
    let hidden = view! {
        <input type="hidden" name="group" value=group.to_string() />
        <input type="hidden" name="to" value=to.as_str() />
    };
    if to == GroupStatus::Running {
        return view! {
            <ActionForm action attr:class="stack-form compact">
                <FormError error />
                {hidden}
                <p class="hint">{t!(i18n, life.to_running_hint)}</p>
                <button type="submit" class="button secondary">{t!(i18n, life.to_running)}</button>
            </ActionForm>
        }
        .into_any();
    }
    let (open, submit, confirm) = match (to, for_centre) {
        (GroupStatus::Ended, _) => (
            t_string!(i18n, life.to_ended_open),
            t_string!(i18n, life.to_ended),
            t_string!(i18n, life.confirm_ended),
        ),
        (GroupStatus::SelfLed, true) => (
            t_string!(i18n, life.self_led_open_centre),
            t_string!(i18n, life.to_self_led_centre),
            t_string!(i18n, life.confirm_self_led_centre),
        ),
        (GroupStatus::SelfLed, false) => (
            t_string!(i18n, life.self_led_open),
            t_string!(i18n, life.to_self_led),
            t_string!(i18n, life.confirm_self_led),
        ),
        (_, true) => (
            t_string!(i18n, life.seeking_open_centre),
            t_string!(i18n, life.to_seeking_centre),
            t_string!(i18n, life.confirm_seeking_centre),
        ),
        (_, false) => (
            t_string!(i18n, life.seeking_open),
            t_string!(i18n, life.to_seeking),
            t_string!(i18n, life.confirm_seeking),
        ),
    };
    let ending = to == GroupStatus::Ended;
    let confirm_id = format!("confirm-{key}");
    let button = if ending {
        "button danger"
    } else {
        "button secondary"
    };
    view! {
        <details class="step" open=move || error.get().is_some()>
            <summary>{open}</summary>
            <ActionForm action attr:class="stack-form">
                <FormError error />
                {hidden}
                {ending.then(|| view! {
                    <TextArea name="reason" label=t_string!(i18n, life.reason).to_string() hint=t_string!(i18n, life.reason_hint).to_string() rows=3 maxlength={MAX_REASON as u32} id_prefix=key.clone() error />
                })}
                <div class="field checkbox">
                    <input type="checkbox" id=confirm_id.clone() name="confirm" value="yes" required />
                    <label for=confirm_id>{confirm}</label>
                </div>
                <button type="submit" class=button>{submit}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}

/// The steps that may be taken now, or nothing.
#[component]
pub fn StepForms(group: i32, steps: Vec<GroupStatus>, for_centre: bool) -> impl IntoView {
    (!steps.is_empty()).then(|| {
        // The step forward first; giving a group back to seeking last.
        let (back, forward): (Vec<_>, Vec<_>) =
            steps.into_iter().partition(|s| *s == GroupStatus::Seeking);
        let forms = forward
            .into_iter()
            .chain(back)
            .map(|to| view! { <StepForm group to for_centre /> })
            .collect_view();
        view! { <div class="steps">{forms}</div> }
    })
}

/// A request's state in words, as the centre sees it.
fn request_label(i18n: I18n, status: RequestStatus) -> AnyView {
    match status {
        RequestStatus::Pending => t!(i18n, life.request_pending).into_any(),
        RequestStatus::Accepted => t!(i18n, life.request_accepted).into_any(),
        RequestStatus::Declined => t!(i18n, life.request_declined).into_any(),
        RequestStatus::Withdrawn => t!(i18n, life.request_withdrawn).into_any(),
        RequestStatus::Expired => t!(i18n, life.request_expired).into_any(),
    }
}

/// One request row, with taking it back while it waits.
fn request_row(i18n: I18n, r: GroupRequestRow) -> impl IntoView {
    let waiting = r.status == RequestStatus::Pending;
    view! {
        <tr>
            <td>{r.name.clone()}</td>
            <td>{request_label(i18n, r.status)}{r.reason.clone().map(|why| view! { <br /><span class="hint">{why}</span> })}</td>
            <td>{r.sent_on.clone()}</td>
            <td>{r.expires_on.clone()}</td>
            <td>{waiting.then(|| {
                let action = ServerAction::<WithdrawRequest>::new();
                let error = scoped(action_error(action), "request", r.id);
                view! {
                    <details class="withdraw" open=move || error.get().is_some()>
                        <summary>{t!(i18n, life.withdraw_open)}</summary>
                        <ActionForm action attr:class="stack-form compact">
                            <FormError error />
                            <input type="hidden" name="request" value=r.id.to_string() />
                            <button type="submit" class="button secondary small">{t!(i18n, life.withdraw)}</button>
                        </ActionForm>
                    </details>
                }
            })}</td>
        </tr>
    }
}

/// The requests a group has had, a page at a time.
#[component]
pub fn GroupRequests(group: i32) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let page = page_from_query(query);
    let list = Resource::new(page, move |page| group_requests(group, page));
    view! {
        <h2>{t!(i18n, life.requests_title)}</h2>
        <Transition>
            {move || Suspend::new(async move {
                match list.await {
                    Err(e) => load_error(i18n, &e),
                    Ok(list) if list.items.is_empty() => view! { <p class="empty">{t!(i18n, life.no_requests)}</p> }.into_any(),
                    Ok(list) => view! {
                        <div class="table-wrap">
                            <table>
                                <thead>
                                    <tr>
                                        <th scope="col">{t!(i18n, life.asked)}</th>
                                        <th scope="col">{t!(i18n, groups.status)}</th>
                                        <th scope="col">{t!(i18n, life.sent)}</th>
                                        <th scope="col">{t!(i18n, requests.answer_by)}</th>
                                        <th scope="col"><span class="visually-hidden">{t!(i18n, life.actions)}</span></th>
                                    </tr>
                                </thead>
                                <tbody>{list.items.into_iter().map(|r| request_row(i18n, r)).collect_view()}</tbody>
                            </table>
                        </div>
                        <Pager path=format!("/groups/{group}") page=list.page pages=list.pages />
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

/// One of the igangsætter's groups.
#[component]
fn MyGroupCard(item: MyGroupItem) -> impl IntoView {
    let i18n = use_i18n();
    let g = item.group.clone();
    view! {
        <li class="request">
            <h2>{g.title.clone()}</h2>
            <p><span class="status">{status_label(i18n, g.status)}</span></p>
            <GroupFacts group=g.clone() centre=item.centre.clone() meetings=item.meetings />
            <StepForms group=g.id steps=item.steps.clone() for_centre=false />
        </li>
    }
}

/// `/my-groups`: the groups the signed-in igangsætter accepted.
#[component]
pub fn MyGroupsPage() -> impl IntoView {
    require_sign_in("/my-groups");
    let i18n = use_i18n();
    let query = use_query_map();
    let page = page_from_query(query);
    let moved = move || query.read().get("moved");
    let list = Resource::new(page, my_groups);
    view! {
        <section class="container narrow page my-groups-page">
            <h1>{t!(i18n, life.mine_title)}</h1>
            <p class="lead">{t!(i18n, life.mine_lead)}</p>
            {move || moved_note(i18n, moved())}
            <Transition>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(list) if list.items.is_empty() => view! { <p class="empty">{t!(i18n, life.mine_none)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="requests">
                                {list.items.into_iter().map(|item| view! { <MyGroupCard item /> }).collect_view()}
                            </ul>
                            <Pager path="/my-groups" page=list.page pages=list.pages />
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

//! `/requests`: the requests an igangsætter has had to start groups, newest first; a waiting
//! one is accepted or declined (with an optional reason) right here.

use super::places::FieldProblem;
use crate::{
    api::matching::{AnswerRequest, GroupRow, RequestItem, my_requests},
    components::{
        candidate_card::{topic_label, weekday_label},
        form::{FormError, action_error, kept_or, scoped},
        pager::{Pager, page_from_query},
    },
    domain::groups::{MAX_REASON, RequestStatus},
    i18n::*,
    pages::admin::{load_error, require_sign_in},
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A request's state in words.
fn state_label(i18n: leptos_i18n::I18nContext<Locale>, status: RequestStatus) -> AnyView {
    match status {
        RequestStatus::Pending => t!(i18n, requests.pending).into_any(),
        RequestStatus::Accepted => t!(i18n, requests.accepted).into_any(),
        RequestStatus::Declined => t!(i18n, requests.declined).into_any(),
        RequestStatus::Withdrawn => t!(i18n, requests.withdrawn).into_any(),
        RequestStatus::Expired => t!(i18n, requests.expired).into_any(),
    }
}

/// The two answers to a waiting request.
#[component]
fn Answer(request: i32) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("reason-{request}");
    let target = id.clone();
    let accept = ServerAction::<AnswerRequest>::new();
    let accept_error = scoped(
        scoped(action_error(accept), "request", request),
        "answer",
        "accept",
    );
    let decline = ServerAction::<AnswerRequest>::new();
    // A refused decline opens again with its reason, on its own request only.
    let error = scoped(
        scoped(action_error(decline), "request", request),
        "answer",
        "decline",
    );
    view! {
        <div class="answers">
            <ActionForm action=accept attr:class="stack-form">
                <FormError error=accept_error />
                <input type="hidden" name="request" value=request.to_string() />
                <input type="hidden" name="answer" value="accept" />
                <button type="submit" class="button primary" disabled=move || accept.pending().get()>
                    {t!(i18n, requests.accept)}
                </button>
            </ActionForm>
            <details class="decline" open=move || error.get().is_some()>
                <summary>{t!(i18n, requests.decline_open)}</summary>
                <ActionForm action=decline attr:class="stack-form" attr:novalidate=true>
                    <FormError error />
                    <input type="hidden" name="request" value=request.to_string() />
                    <input type="hidden" name="answer" value="decline" />
                    <div class="field">
                        <label for=target>{t!(i18n, requests.reason_label)}</label>
                        <FieldProblem error field="reason" />
                        <textarea id=id name="reason" rows="3" maxlength=MAX_REASON.to_string()>{kept_or(error, "reason", "")}</textarea>
                    </div>
                    <button type="submit" class="button secondary" disabled=move || decline.pending().get()>
                        {t!(i18n, requests.decline)}
                    </button>
                </ActionForm>
            </details>
        </div>
    }
}

/// A group's facts as an igangsætter reads them on a card: its centre, topic, when and where
/// it meets, its first meeting and the meetings they are asked to attend.
#[component]
pub(super) fn GroupFacts(
    group: GroupRow,
    centre: String,
    meetings: u32,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let meets = format!(
        "{} {} · {}",
        weekday_label(i18n, group.weekday),
        group.time,
        group.place
    );
    view! {
        <dl class="facts">
            <dt>{t!(i18n, requests.centre)}</dt><dd>{centre}</dd>
            <dt>{t!(i18n, groups.topic)}</dt><dd>{topic_label(i18n, group.topic)}</dd>
            <dt>{t!(i18n, groups.meets)}</dt><dd>{meets}</dd>
            <dt>{t!(i18n, groups.starts)}</dt><dd>{group.starts_on.clone()}</dd>
            <dt>{t!(i18n, groups.meetings)}</dt><dd>{meetings}</dd>
            {children.map(|c| c())}
        </dl>
    }
}

/// One request.
#[component]
fn RequestCard(item: RequestItem) -> impl IntoView {
    let i18n = use_i18n();
    let waiting = item.status == RequestStatus::Pending;
    let expires = item.expires_on.clone();
    view! {
        <li class="request">
            <h2>{item.group.title.clone()}</h2>
            <p class="status">{state_label(i18n, item.status)}</p>
            <GroupFacts group=item.group.clone() centre=item.centre.clone() meetings=item.meetings>
                <dt>{t!(i18n, requests.answer_by)}</dt><dd>{expires}</dd>
            </GroupFacts>
            <blockquote class="message">{item.message.clone()}</blockquote>
            {item.reason.clone().map(|r| view! { <p class="hint">{t!(i18n, requests.your_reason)} " " {r}</p> })}
            {waiting.then(|| view! { <Answer request=item.id /> })}
        </li>
    }
}

/// The page.
#[component]
pub fn RequestsPage() -> impl IntoView {
    require_sign_in("/requests");
    let i18n = use_i18n();
    let query = use_query_map();
    let page = page_from_query(query);
    let answered = move || query.read().get("answered");
    let list = Resource::new(page, my_requests);
    view! {
        <section class="container narrow page requests-page">
            <h1>{t!(i18n, requests.title)}</h1>
            <p class="lead">{t!(i18n, requests.lead)}</p>
            {move || answered().map(|a| {
                let text = if a == "accept" { t!(i18n, requests.thanks_accept).into_any() } else { t!(i18n, requests.thanks_decline).into_any() };
                view! { <p class="alert success" role="status">{text}</p> }
            })}
            <Transition>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(list) if list.items.is_empty() => view! { <p class="empty">{t!(i18n, requests.none)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="requests">
                                {list.items.into_iter().map(|item| view! { <RequestCard item /> }).collect_view()}
                            </ul>
                            <Pager path="/requests" page=list.page pages=list.pages />
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

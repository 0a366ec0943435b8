//! Workshops: `/workshops`, where volunteers sign up and cancel, and the trainers' side,
//! `/teach/workshops` to schedule one and `/teach/workshops/:id` to mark who came.

mod attendance;
mod schedule;

pub use attendance::AttendancePage;
pub use schedule::ScheduleWorkshopsPage;

use crate::{
    api::workshops::{
        CancelWorkshopPlace, ResetCalendarFeed, SignUpForWorkshop, WorkshopItem, calendar_feed,
        list_workshops,
    },
    components::{
        form::{FormError, PostForm, scoped},
        pager::{Pager, page_from_query},
    },
    domain::workshops::Placement,
    i18n::*,
    pages::{
        admin::{load_error, require_sign_in},
        auth::action_error,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The facts of a workshop: when, where, language, seats.
#[component]
pub fn WorkshopFacts(item: WorkshopItem) -> impl IntoView {
    let i18n = use_i18n();
    let (left, capacity, waiting) = (item.seats_left, item.capacity, item.waiting);
    let seats = if left > 0 {
        t!(
            i18n,
            workshops.seats_left,
            left = move || left,
            capacity = move || capacity
        )
        .into_any()
    } else {
        t!(i18n, workshops.full, waiting = move || waiting).into_any()
    };
    view! {
        <dl class="facts">
            <dt>{t!(i18n, workshops.when)}</dt>
            <dd>{format!("{} – {}", item.starts, item.ends)}</dd>
            <dt>{t!(i18n, workshops.place)}</dt>
            <dd class="pre">{item.place.clone()}</dd>
            <dt>{t!(i18n, workshops.language)}</dt>
            <dd>{crate::domain::language::Language::from_tag(&item.language).map(|l| l.native_name()).unwrap_or_default()}</dd>
            <dt>{t!(i18n, workshops.seats)}</dt>
            <dd>{seats}</dd>
        </dl>
    }
}

/// `/workshops`: the workshops ahead, with the volunteer's own place at each.
#[component]
pub fn WorkshopsPage() -> impl IntoView {
    require_sign_in("/workshops");
    let i18n = use_i18n();
    let query = use_query_map();
    let page = page_from_query(query);
    let list = Resource::new(page, list_workshops);
    view! {
        <section class="container page">
            <h1>{t!(i18n, workshops.title)}</h1>
            <p class="lead">{t!(i18n, workshops.lead)}</p>
            <Transition>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(list) if list.items.is_empty() => view! { <p class="empty">{t!(i18n, workshops.none)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ol class="workshop-list">
                                {list.items.into_iter().map(|item| view! { <WorkshopCard item /> }).collect_view()}
                            </ol>
                            <Pager path="/workshops" page=list.page pages=list.pages />
                        }.into_any(),
                    }
                })}
            </Transition>
            <CalendarFeedSection />
        </section>
    }
}

/// The person's calendar address, and a form to make a new one.
#[component]
fn CalendarFeedSection() -> impl IntoView {
    let i18n = use_i18n();
    let feed = Resource::new(|| (), |_| calendar_feed());
    view! {
        <section class="settings" aria-labelledby="calendar-title">
            <h2 id="calendar-title">{t!(i18n, workshops.calendar_title)}</h2>
            <p>{t!(i18n, workshops.calendar_lead)}</p>
            <Transition>
                {move || Suspend::new(async move {
                    let url = feed.await.ok().flatten();
                    let has = url.is_some();
                    view! {
                        {url.map(|url| view! {
                            <div class="field">
                                <label for="calendar-url">{t!(i18n, workshops.calendar_address)}</label>
                                <input id="calendar-url" readonly value=url />
                            </div>
                        })}
                        <PostForm action={ServerAction::<ResetCalendarFeed>::new()} button="button" submit=move || if has { t_string!(i18n, workshops.calendar_reset) } else { t_string!(i18n, workshops.calendar_make) } let:_error>
                            {has.then(|| view! { <p class="hint">{t!(i18n, workshops.calendar_reset_hint)}</p> })}
                        </PostForm>
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn WorkshopCard(item: WorkshopItem) -> impl IntoView {
    let i18n = use_i18n();
    let sign_up = ServerAction::<SignUpForWorkshop>::new();
    let cancel = ServerAction::<CancelWorkshopPlace>::new();
    let id = item.id;
    let sign_up_error = scoped(action_error(sign_up), "workshop", id);
    let cancel_error = scoped(action_error(cancel), "workshop", id);
    let status = item.mine.map(|placement| match placement {
        Placement::Seat => {
            view! { <p class="status ok">{t!(i18n, workshops.you_have_seat)}</p> }.into_any()
        }
        Placement::WaitingList => {
            view! { <p class="status waiting">{t!(i18n, workshops.you_are_waiting)}</p> }.into_any()
        }
    });
    let action = match item.mine {
        None => {
            let label = if item.seats_left > 0 {
                t_string!(i18n, workshops.sign_up).to_string()
            } else {
                t_string!(i18n, workshops.join_waiting_list).to_string()
            };
            view! {
                <ActionForm action=sign_up attr:class="inline-form">
                    <FormError error=sign_up_error />
                    <input type="hidden" name="workshop" value=id.get() />
                    <button type="submit" class="button primary">{label}</button>
                </ActionForm>
            }
            .into_any()
        }
        Some(_) => view! {
            <ActionForm action=cancel attr:class="inline-form">
                <FormError error=cancel_error />
                <input type="hidden" name="workshop" value=id.get() />
                <button type="submit" class="button">{t!(i18n, workshops.cancel)}</button>
            </ActionForm>
        }
        .into_any(),
    };
    view! {
        <li class="workshop panel">
            <h2 lang=item.language.clone()>{item.title.clone()}</h2>
            <WorkshopFacts item=item.clone() />
            {(!item.description.is_empty()).then(|| view! { <p class="pre">{item.description.clone()}</p> })}
            {status}
            {item.mine.is_some().then(|| view! { <p><a href=format!("/workshops/{}/calendar.ics", item.id)>{t!(i18n, workshops.add_to_calendar)}</a></p> })}
            {action}
        </li>
    }
}

//! `/teach/workshops/:id`: the attendance list, one row per seat, each with its own form so
//! it works on a phone and without JavaScript.

use super::WorkshopFacts;
use crate::{
    api::workshops::{AttendanceRow, MarkAttendance, load_attendance},
    components::form::{FormError, scoped},
    domain::ids::WorkshopId,
    i18n::*,
    pages::{
        admin::{load_error, require_sign_in},
        auth::action_error,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The attendance page.
#[component]
pub fn AttendancePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<WorkshopId>().ok())
            .unwrap_or(WorkshopId::new(0))
    };
    require_sign_in(&format!("/teach/workshops/{}", id()));
    let i18n = use_i18n();
    let list = Resource::new(id, load_attendance);
    view! {
        <section class="container page">
            <p><a href="/teach/workshops">{t!(i18n, workshops.back)}</a></p>
            <Transition>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(list) => {
                            let workshop = list.workshop.id;
                            let open = list.open;
                            view! {
                                <h1 lang=list.workshop.language.clone()>{list.workshop.title.clone()}</h1>
                                <WorkshopFacts item=list.workshop.clone() />
                                <h2>{t!(i18n, workshops.attendance_title)}</h2>
                                {(!open).then(|| view! { <p class="alert info">{t!(i18n, errors.attendance_not_open)}</p> })}
                                {if list.people.is_empty() {
                                    view! { <p class="empty">{t!(i18n, workshops.nobody)}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="attendance">
                                            {list.people.into_iter().map(|row| view! { <AttendanceItem workshop row open /> }).collect_view()}
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

#[component]
fn AttendanceItem(workshop: WorkshopId, row: AttendanceRow, open: bool) -> impl IntoView {
    let i18n = use_i18n();
    let mark = ServerAction::<MarkAttendance>::new();
    let error = scoped(action_error(mark), "person", row.person.clone());
    let state = match row.attended {
        Some(true) => t_string!(i18n, workshops.came).to_string(),
        Some(false) => t_string!(i18n, workshops.did_not_come).to_string(),
        None => t_string!(i18n, workshops.not_marked).to_string(),
    };
    view! {
        <li class="attendance-row">
            <span class="name">{row.name.clone()}</span>
            <span class="state">{state}</span>
            <ActionForm action=mark attr:class="inline-form">
                <FormError error />
                <input type="hidden" name="workshop" value=workshop.get() />
                <input type="hidden" name="person" value=row.person.clone() />
                <button type="submit" name="attended" value="yes" class="button primary" disabled=!open>{t!(i18n, workshops.mark_came)}</button>
                <button type="submit" name="attended" value="no" class="button" disabled=!open>{t!(i18n, workshops.mark_absent)}</button>
            </ActionForm>
        </li>
    }
}

//! `/teach/workshops`: schedule a workshop, and the workshops ahead with their lists.

use super::WorkshopFacts;
use crate::{
    api::workshops::{ScheduleWorkshop, list_workshops},
    components::{
        form::{Field, PostForm, TextArea},
        pager::{Pager, page_from_query},
    },
    domain::language::Language,
    i18n::*,
    pages::admin::{load_error, require_sign_in},
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The trainers' workshop page.
#[component]
pub fn ScheduleWorkshopsPage() -> impl IntoView {
    require_sign_in("/teach/workshops");
    let i18n = use_i18n();
    let query = use_query_map();
    let page = page_from_query(query);
    let list = Resource::new(page, list_workshops);
    view! {
        <section class="container page">
            <p><a href="/teach">{t!(i18n, teach.back)}</a></p>
            <h1>{t!(i18n, workshops.teach_title)}</h1>
            <p class="lead">{t!(i18n, workshops.teach_lead)}</p>
            <Transition>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(list) if list.items.is_empty() => view! { <p class="empty">{t!(i18n, workshops.none)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ol class="workshop-list">
                                {list.items.into_iter().map(|item| {
                                    let link = item.organiser.then(|| view! {
                                        <p><a class="button" href=format!("/teach/workshops/{}", item.id)>{t!(i18n, workshops.attendance_link)}</a></p>
                                    });
                                    view! {
                                        <li class="workshop panel">
                                            <h2 lang=item.language.clone()>{item.title.clone()}</h2>
                                            <WorkshopFacts item=item.clone() />
                                            {link}
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                            <Pager path="/teach/workshops" page=list.page pages=list.pages />
                        }.into_any(),
                    }
                })}
            </Transition>
            <section class="settings" aria-labelledby="schedule-title">
                <h2 id="schedule-title">{t!(i18n, workshops.schedule_title)}</h2>
                <PostForm action={ServerAction::<ScheduleWorkshop>::new()} submit=t!(i18n, workshops.schedule_submit) let:error>
                    <Field name="title" label=t_string!(i18n, workshops.field_title).to_string() maxlength=200 error />
                    <Field name="starts" kind="datetime-local" label=t_string!(i18n, workshops.field_starts).to_string() hint=t_string!(i18n, workshops.field_time_hint).to_string() error />
                    <Field name="ends" kind="datetime-local" label=t_string!(i18n, workshops.field_ends).to_string() error />
                    <TextArea name="place" label=t_string!(i18n, workshops.field_place).to_string() rows=2 maxlength=4000 required=true error />
                    <Field name="capacity" kind="number" label=t_string!(i18n, workshops.field_capacity).to_string() value="12" error />
                    <div class="field">
                        <label for="field-language">{t!(i18n, workshops.language)}</label>
                        <select id="field-language" name="language">
                            {Language::ALL.into_iter().map(|l| {
                                let chosen = crate::components::form::kept_chosen(error, "language", l.code(), false);
                                view! { <option value=l.code() selected=chosen>{l.native_name()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <TextArea name="description" label=t_string!(i18n, workshops.field_description).to_string() rows=4 maxlength=4000 error />
                </PostForm>
            </section>
        </section>
    }
}

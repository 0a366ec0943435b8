//! `/admin/audit`: security events, newest first.

use super::{load_error, require_sign_in};
use crate::{
    api::admin::list_audit,
    components::pager::{Pager, page_from_query},
    i18n::*,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The audit log.
#[component]
pub fn AdminAudit() -> impl IntoView {
    require_sign_in("/admin/audit");
    let i18n = use_i18n();
    let query = use_query_map();
    let page = page_from_query(query);
    let events = Resource::new(page, list_audit);
    view! {
        <section class="container page">
            <h1>{t!(i18n, admin.audit_title)}</h1>
            <Transition>
                {move || Suspend::new(async move {
                    match events.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(list) if list.items.is_empty() => view! { <p class="empty">{t!(i18n, admin.no_events)}</p> }.into_any(),
                        Ok(list) => view! {
                            <div class="table-wrap">
                                <table>
                                    <thead>
                                        <tr>
                                            <th scope="col">{t!(i18n, admin.when)}</th>
                                            <th scope="col">{t!(i18n, admin.event)}</th>
                                            <th scope="col">{t!(i18n, admin.actor)}</th>
                                            <th scope="col">{t!(i18n, admin.subject)}</th>
                                            <th scope="col">{t!(i18n, admin.detail)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {list.items.into_iter().map(|e| view! {
                                            <tr>
                                                <td>{e.at}</td>
                                                <td><code>{e.event}</code></td>
                                                <td>{e.actor.unwrap_or_default()}</td>
                                                <td>{e.subject.unwrap_or_default()}</td>
                                                <td>{e.detail.unwrap_or_default()}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <Pager path="/admin/audit" page=list.page pages=list.pages />
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

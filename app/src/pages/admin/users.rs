//! `/admin/users`: search people, grant and remove the trainer and admin roles.

use super::{load_error, require_sign_in};
use crate::{
    api::admin::{SetRole, list_users},
    components::{
        form::FormError,
        pager::{Pager, page_from_query},
    },
    domain::role::Role,
    i18n::*,
    pages::account::role_name,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The people list.
#[component]
pub fn AdminUsers() -> impl IntoView {
    require_sign_in("/admin/users");
    let i18n = use_i18n();
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let page = page_from_query(query);
    let set_role = ServerAction::<SetRole>::new();
    let error = crate::pages::auth::action_error(set_role);
    let users = Resource::new(
        move || (q(), page(), set_role.version().get()),
        |(q, p, _)| list_users(q, p),
    );
    view! {
        <section class="container page">
            <h1>{t!(i18n, admin.users_title)}</h1>
            <form method="get" action="/admin/users" class="search-form" role="search">
                <label for="user-search">{t!(i18n, admin.search_label)}</label>
                <input id="user-search" type="search" name="q" value=q maxlength="100" />
                <button type="submit" class="button secondary">{t!(i18n, admin.search_submit)}</button>
            </form>
            <FormError error />
            <Transition>
                {move || Suspend::new(async move {
                    match users.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(list) if list.items.is_empty() => view! { <p class="empty">{t!(i18n, admin.no_users)}</p> }.into_any(),
                        Ok(list) => {
                            let extra = format!("&q={}", q());
                            view! {
                                <p class="hint">{t!(i18n, admin.total, total = move || list.total)}</p>
                                <div class="table-wrap">
                                    <table>
                                        <thead>
                                            <tr>
                                                <th scope="col">{t!(i18n, auth.field_name)}</th>
                                                <th scope="col">{t!(i18n, auth.field_email)}</th>
                                                <th scope="col">{t!(i18n, account.roles)}</th>
                                                <th scope="col">{t!(i18n, two_factor.manage)}</th>
                                                <th scope="col">{t!(i18n, admin.actions)}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {list.items.into_iter().map(|user| {
                                                let roles = user.roles.iter().map(|r| role_name(i18n, *r)).collect::<Vec<_>>().join(", ");
                                                let toggles = [Role::Trainer, Role::Admin].map(|role| {
                                                    let id = user.id.clone();
                                                    let has = user.roles.contains(&role);
                                                    let label = format!("{} {}", if has { t_string!(i18n, admin.remove).to_string() } else { t_string!(i18n, admin.grant).to_string() }, role_name(i18n, role).to_lowercase());
                                                    view! {
                                                        <ActionForm action=set_role attr:class="inline-form">
                                                            <input type="hidden" name="user" value=id />
                                                            <input type="hidden" name="role" value=role.as_str() />
                                                            <input type="hidden" name="grant" value=(!has).to_string() />
                                                            <button type="submit" class="button small secondary">{label}</button>
                                                        </ActionForm>
                                                    }
                                                });
                                                view! {
                                                    <tr>
                                                        <td>{user.name}</td>
                                                        <td>{user.email}</td>
                                                        <td>{roles}</td>
                                                        <td>{if user.two_factor { t_string!(i18n, two_factor.status_on) } else { t_string!(i18n, two_factor.status_off) }}</td>
                                                        <td class="row-actions">{toggles.into_iter().collect_view()}</td>
                                                    </tr>
                                                }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                                <Pager path="/admin/users" page=list.page pages=list.pages extra />
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

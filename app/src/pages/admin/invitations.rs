//! `/admin/invitations` (send one) and `/invitation` (accept one).

use super::{load_error, require_sign_in};
use crate::{
    api::admin::{
        AcceptInvitation, Invite, WithdrawInvitation, invitable_centres, invitation_status,
        list_invitations,
    },
    components::{
        form::{Field, FormError, kept_chosen},
        layout::use_viewer,
    },
    domain::role::Role,
    i18n::*,
    pages::auth::action_error,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The invitation form: a coordinator for one of the person's centres, or (admins) a trainer.
#[component]
pub fn AdminInvitations() -> impl IntoView {
    require_sign_in("/admin/invitations");
    let i18n = use_i18n();
    let query = use_query_map();
    let sent = move || query.read().get("sent").is_some();
    let withdrawn = move || query.read().get("withdrawn").is_some();
    let viewer = use_viewer();
    let centres = Resource::new(|| (), |_| invitable_centres());
    let invite = ServerAction::<Invite>::new();
    let error = action_error(invite);
    let withdraw = ServerAction::<WithdrawInvitation>::new();
    let withdraw_error = action_error(withdraw);
    let invitations = Resource::new(
        move || (invite.version().get(), withdraw.version().get()),
        |_| list_invitations(1),
    );
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, admin.invitations_title)}</h1>
            <p class="lead">{t!(i18n, admin.invite_lead)}</p>
            <Show when=sent>
                <p class="alert success" role="status">{t!(i18n, admin.invitation_sent)}</p>
            </Show>
            <Suspense>
                {move || Suspend::new(async move {
                    let admin = viewer.await.ok().flatten().is_some_and(|v| v.has(Role::Admin));
                    match centres.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(centres) if centres.is_empty() && !admin => view! { <p>{t!(i18n, errors.forbidden)}</p> }.into_any(),
                        Ok(centres) => view! {
                            <ActionForm action=invite attr:class="stack-form" attr:novalidate=true>
                                <FormError error />
                                <Field name="email" kind="email" label=t_string!(i18n, auth.field_email).to_string() maxlength=254 error />
                                <div class="field">
                                    <label for="field-role">{t!(i18n, admin.invite_role)}</label>
                                    <select id="field-role" name="role">
                                        <option value="coordinator">{t!(i18n, roles.coordinator)}</option>
                                        {admin.then(|| view! { <option value="trainer" selected=kept_chosen(error, "role", "trainer", false)>{t!(i18n, roles.trainer)}</option> })}
                                    </select>
                                </div>
                                <div class="field">
                                    <label for="field-centre">{t!(i18n, admin.invite_centre)}</label>
                                    <p class="hint">{t!(i18n, admin.invite_centre_hint)}</p>
                                    <select id="field-centre" name="centre">
                                        {centres.into_iter().map(|c| {
                                            let selected = kept_chosen(error, "centre", &c.id, false);
                                            view! { <option value=c.id selected=selected>{c.name}</option> }
                                        }).collect_view()}
                                    </select>
                                </div>
                                <button type="submit" class="button primary">{t!(i18n, admin.invite_submit)}</button>
                            </ActionForm>
                        }.into_any(),
                    }
                })}
            </Suspense>
            <h2 id="recent-invitations">{t!(i18n, admin.recent_invitations)}</h2>
            <Show when=withdrawn>
                <p class="alert success" role="status">{t!(i18n, admin.invitation_withdrawn)}</p>
            </Show>
            <FormError error=withdraw_error />
            <Transition>
                {move || Suspend::new(async move {
                    match invitations.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(list) if list.items.is_empty() => view! { <p class="empty">{t!(i18n, admin.no_invitations)}</p> }.into_any(),
                        Ok(list) => view! {
                            <div class="table-wrap">
                                <table>
                                    <thead>
                                        <tr>
                                            <th scope="col">{t!(i18n, auth.field_email)}</th>
                                            <th scope="col">{t!(i18n, admin.invite_role)}</th>
                                            <th scope="col">{t!(i18n, admin.invite_centre)}</th>
                                            <th scope="col">{t!(i18n, admin.invitation_state)}</th>
                                            <th scope="col">{t!(i18n, admin.actions)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {list.items.into_iter().map(|row| {
                                            let role = row.role.parse::<Role>().map(|r| crate::pages::account::role_name(i18n, r)).unwrap_or(row.role.clone());
                                            let state = if row.accepted {
                                                t_string!(i18n, admin.invitation_accepted).to_string()
                                            } else if row.open {
                                                format!("{} {}", t_string!(i18n, admin.invitation_open_until), row.expires)
                                            } else {
                                                t_string!(i18n, admin.invitation_expired).to_string()
                                            };
                                            let label = format!("{} ({})", t_string!(i18n, admin.withdraw_invitation), row.email);
                                            let action = row.open.then(|| view! {
                                                <ActionForm action=withdraw attr:class="inline-form">
                                                    <input type="hidden" name="invitation" value=row.id />
                                                    <button type="submit" class="button small secondary" aria-label=label>
                                                        {t!(i18n, admin.withdraw_invitation)}
                                                    </button>
                                                </ActionForm>
                                            });
                                            view! {
                                                <tr>
                                                    <td>{row.email}</td>
                                                    <td>{role}</td>
                                                    <td>{row.centre.unwrap_or_default()}</td>
                                                    <td>{state}</td>
                                                    <td class="row-actions">{action}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// Opened from an invitation mail.
#[component]
pub fn AcceptInvitationPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let status = Resource::new(token, invitation_status);
    let accept = ServerAction::<AcceptInvitation>::new();
    let error = action_error(accept);
    view! {
        <section class="container narrow page">
            <h1>{t!(i18n, admin.accept_title)}</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    match status.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(has_account) => view! {
                            <p class="lead">
                                {if has_account { t!(i18n, admin.accept_existing).into_any() } else { t!(i18n, admin.accept_new).into_any() }}
                            </p>
                            <ActionForm action=accept attr:class="stack-form" attr:novalidate=true>
                                <FormError error />
                                <input type="hidden" name="token" value=token() />
                                {(!has_account).then(|| view! {
                                    <Field name="name" label=t_string!(i18n, auth.field_name).to_string() autocomplete="name" maxlength=120 error />
                                    <Field name="password" kind="password" label=t_string!(i18n, auth.field_password).to_string() hint=t_string!(i18n, auth.field_password_hint).to_string() autocomplete="new-password" maxlength=128 error />
                                })}
                                <button type="submit" class="button primary">{t!(i18n, admin.accept_submit)}</button>
                            </ActionForm>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

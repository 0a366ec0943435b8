//! `/admin/centres`: all centres, and a form to add one.

use super::{load_error, require_sign_in};
use crate::{
    api::admin::{CreateCentre, list_centres},
    components::{
        form::{Field, FormError, kept_chosen},
        pager::{Pager, page_from_query},
    },
    i18n::*,
    pages::auth::action_error,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The centre kinds in the order the form offers them.
const KINDS: [&str; 4] = [
    "volunteer_centre",
    "municipal_contact_point",
    "patient_organisation",
    "self_help_organisation",
];

/// A centre kind in the page's language.
pub fn kind_name(i18n: leptos_i18n::I18nContext<Locale>, kind: &str) -> String {
    match kind {
        "volunteer_centre" => t_string!(i18n, admin.kind_volunteer_centre).to_string(),
        "municipal_contact_point" => {
            t_string!(i18n, admin.kind_municipal_contact_point).to_string()
        }
        "patient_organisation" => t_string!(i18n, admin.kind_patient_organisation).to_string(),
        "self_help_organisation" => t_string!(i18n, admin.kind_self_help_organisation).to_string(),
        other => other.to_owned(),
    }
}

/// The centres list and form.
#[component]
pub fn AdminCentres() -> impl IntoView {
    require_sign_in("/admin/centres");
    let i18n = use_i18n();
    let query = use_query_map();
    let page = page_from_query(query);
    let created = move || query.read().get("created").is_some();
    let create = ServerAction::<CreateCentre>::new();
    let error = action_error(create);
    let centres = Resource::new(
        move || (page(), create.version().get()),
        |(p, _)| list_centres(p),
    );
    view! {
        <section class="container page">
            <h1>{t!(i18n, admin.centres_title)}</h1>
            <Show when=created>
                <p class="alert success" role="status">{t!(i18n, admin.centre_created)}</p>
            </Show>
            <Transition>
                {move || Suspend::new(async move {
                    match centres.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(list) if list.items.is_empty() => view! { <p class="empty">{t!(i18n, admin.no_centres)}</p> }.into_any(),
                        Ok(list) => view! {
                            <div class="table-wrap">
                                <table>
                                    <thead>
                                        <tr>
                                            <th scope="col">{t!(i18n, admin.centre_name)}</th>
                                            <th scope="col">{t!(i18n, admin.centre_kind)}</th>
                                            <th scope="col">{t!(i18n, admin.centre_municipality)}</th>
                                            <th scope="col">{t!(i18n, admin.centre_email)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {list.items.into_iter().map(|c| view! {
                                            <tr>
                                                <td><a href=format!("/centres/{}/groups", c.id)>{c.name}</a></td>
                                                <td>{kind_name(i18n, &c.kind)}</td>
                                                <td>{format!("{} ({})", c.municipality, c.country)}</td>
                                                <td>{c.contact_email}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <Pager path="/admin/centres" page=list.page pages=list.pages />
                        }.into_any(),
                    }
                })}
            </Transition>
            <h2>{t!(i18n, admin.new_centre)}</h2>
            <ActionForm action=create attr:class="stack-form" attr:novalidate=true>
                <FormError error />
                <Field name="name" label=t_string!(i18n, admin.centre_name).to_string() maxlength=160 error />
                <div class="field">
                    <label for="field-kind">{t!(i18n, admin.centre_kind)}</label>
                    <select id="field-kind" name="kind">
                        {KINDS.into_iter().map(|k| view! { <option value=k selected=kept_chosen(error, "kind", k, false)>{kind_name(i18n, k)}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="field-country">{t!(i18n, admin.centre_country)}</label>
                    <select id="field-country" name="country">
                        <option value="DK">{t!(i18n, admin.country_dk)}</option>
                        <option value="NO" selected=kept_chosen(error, "country", "NO", false)>{t!(i18n, admin.country_no)}</option>
                    </select>
                </div>
                <Field name="municipality" label=t_string!(i18n, admin.centre_municipality).to_string() maxlength=120 error />
                <Field name="contact_email" kind="email" label=t_string!(i18n, admin.centre_email).to_string() maxlength=254 error />
                <button type="submit" class="button primary">{t!(i18n, admin.create_centre)}</button>
            </ActionForm>
        </section>
    }
}

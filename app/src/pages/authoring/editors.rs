//! The course editor's panel of who the course belongs to and who may change it.

use crate::{
    api::authoring::{AddCourseEditor, RemoveCourseEditor, list_course_editors},
    components::form::{Field, FormError},
    i18n::*,
    pages::{admin::load_error, auth::action_error},
};
use leptos::prelude::*;

/// The course's owner and editors; editors name other trainers as editors or remove them.
#[component]
pub fn EditorsPanel(course: String) -> impl IntoView {
    let i18n = use_i18n();
    let add = ServerAction::<AddCourseEditor>::new();
    let remove = ServerAction::<RemoveCourseEditor>::new();
    let add_error = action_error(add);
    let remove_error = action_error(remove);
    let id = StoredValue::new(course);
    let editors = Resource::new(move || id.get_value(), list_course_editors);
    view! {
        <section class="panel" aria-labelledby="editors-title">
            <h2 id="editors-title">{t!(i18n, authoring.editors_title)}</h2>
            <Transition>
                {move || Suspend::new(async move {
                    match editors.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(list) => view! {
                            <p class="meta">{match list.owner {
                                Some(centre) => view! { {t!(i18n, authoring.owner_centre, centre = move || centre.clone())} }.into_any(),
                                None => view! { {t!(i18n, authoring.owner_platform)} }.into_any(),
                            }}</p>
                            <FormError error=remove_error />
                            <table class="compact">
                                <caption class="visually-hidden">{t!(i18n, authoring.editors_title)}</caption>
                                <tbody>
                                    {list.editors.into_iter().map(|e| view! {
                                        <tr>
                                            <td>{e.name}</td>
                                            <td>{e.email}</td>
                                            <td>
                                                <ActionForm action=remove attr:class="inline-form">
                                                    <input type="hidden" name="course" value=id.get_value() />
                                                    <input type="hidden" name="editor" value=e.id />
                                                    <button type="submit" class="button small">{t!(i18n, authoring.remove_editor)}</button>
                                                </ActionForm>
                                            </td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
            <ActionForm action=add attr:class="stack-form">
                <FormError error=add_error />
                <input type="hidden" name="course" value=id.get_value() />
                <Field name="email" kind="email" label=t_string!(i18n, authoring.add_editor_email).to_string() hint=t_string!(i18n, authoring.add_editor_hint).to_string() error=add_error />
                <button type="submit" class="button">{t!(i18n, authoring.add_editor)}</button>
            </ActionForm>
        </section>
    }
}

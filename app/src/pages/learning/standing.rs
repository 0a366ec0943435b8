//! The learner's part of a course overview: start the course, or continue where they are.

use crate::{
    api::learning::{Enrol, MyProgress, Standing, load_standing},
    components::{form::FormError, progress::ProgressBar},
    i18n::*,
    pages::{admin::load_error, auth::action_error},
};
use leptos::prelude::*;

/// The learner's own part of a course overview: start, or continue.
#[component]
pub fn Standing(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let standing = Resource::new(
        {
            let slug = slug.clone();
            move || slug.clone()
        },
        load_standing,
    );
    let enrol = ServerAction::<Enrol>::new();
    let error = action_error(enrol);
    view! {
        <Suspense>
            {move || {
                let slug = slug.clone();
                Suspend::new(async move {
                match standing.await {
                    Err(e) => load_error(i18n, &e),
                    Ok(Standing::Visitor) => view! {
                        <div class="callout">
                            <p>{t!(i18n, learn.sign_in_to_start)}</p>
                            <a class="button primary" href="/login">{t!(i18n, nav.login)}</a>
                            " "
                            <a class="button" href="/signup">{t!(i18n, nav.signup)}</a>
                        </div>
                    }.into_any(),
                    Ok(Standing::NotStarted(centres)) => {
                        view! {
                            <ActionForm action=enrol attr:class="callout stack-form">
                                <FormError error />
                                <input type="hidden" name="slug" value=slug />
                                <div class="field">
                                    <label for="field-centre">{t!(i18n, learn.centre_label)}</label>
                                    <p class="hint" id="field-centre-hint">{t!(i18n, learn.centre_hint)}</p>
                                    <select id="field-centre" name="centre" aria-describedby="field-centre-hint">
                                        <option value="">{t!(i18n, learn.no_centre)}</option>
                                        {centres.into_iter().map(|c| {
                                            let chosen = crate::components::form::kept_chosen(error, "centre", &c.id, false);
                                            view! { <option value=c.id selected=chosen>{c.name}</option> }
                                        }).collect_view()}
                                    </select>
                                </div>
                                <button type="submit" class="button primary">{t!(i18n, learn.start)}</button>
                            </ActionForm>
                        }.into_any()
                    }
                    Ok(Standing::Started(progress)) => started(i18n, progress).into_any(),
                }
            })
            }}
        </Suspense>
    }
}

fn started(i18n: leptos_i18n::I18nContext<Locale>, progress: MyProgress) -> impl IntoView {
    let label = t_string!(i18n, learn.course_progress).to_string();
    view! {
        <div class="callout">
            <ProgressBar percent=progress.percent label />
            {if progress.completed {
                view! { <p class="alert success">{t!(i18n, learn.course_completed)}</p> }.into_any()
            } else {
                match progress.next {
                    Some(next) => view! {
                        <a class="button primary" href=format!("/learn/lessons/{next}")>{t!(i18n, learn.continue_course)}</a>
                    }.into_any(),
                    None => ().into_any(),
                }
            }}
            {progress.newer_version.then(|| {
                let version = progress.version;
                view! { <p class="hint">{t!(i18n, learn.on_version, version = move || version)}</p> }
            })}
        </div>
    }
}

//! `/teach/sign-offs`: volunteers waiting for the trainer to sign off a programme's
//! practical part, each with a form for the sign-off and a short note.

use crate::{
    api::certification::{MAX_NOTE, SignOff, SignOffItem, sign_off_queue},
    components::{
        form::{FormError, TextArea, scoped},
        pager::{Pager, page_from_query},
    },
    i18n::*,
    pages::{
        admin::{load_error, require_sign_in},
        auth::action_error,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The sign-off queue.
#[component]
pub fn SignOffQueuePage() -> impl IntoView {
    require_sign_in("/teach/sign-offs");
    let i18n = use_i18n();
    let query = use_query_map();
    let page = page_from_query(query);
    let queue = Resource::new(page, sign_off_queue);
    view! {
        <section class="container page">
            <p><a href="/teach">{t!(i18n, teach.back)}</a></p>
            <h1>{t!(i18n, certificates.sign_offs_title)}</h1>
            <p class="lead">{t!(i18n, certificates.sign_offs_lead)}</p>
            <Transition>
                {move || Suspend::new(async move {
                    match queue.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(list) if list.items.is_empty() => view! { <p class="empty">{t!(i18n, certificates.no_sign_offs)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ol class="review-queue">
                                {list.items.into_iter().map(|item| view! { <SignOffEntry item /> }).collect_view()}
                            </ol>
                            <Pager path="/teach/sign-offs" page=list.page pages=list.pages />
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn SignOffEntry(item: SignOffItem) -> impl IntoView {
    let i18n = use_i18n();
    let sign = ServerAction::<SignOff>::new();
    let error = scoped(action_error(sign), "person", item.person.clone());
    let prefix = format!("s{}-{}-", item.programme, item.person);
    view! {
        <li class="review-item panel">
            <p class="eyebrow">{format!("{} · {}", item.title, item.since)}</p>
            <h2>{item.name.clone()}</h2>
            <p>{item.what.clone()}</p>
            <ActionForm action=sign attr:class="stack-form">
                <FormError error />
                <input type="hidden" name="programme" value=item.programme.get() />
                <input type="hidden" name="person" value=item.person.clone() />
                <TextArea name="note" id_prefix=prefix label=t_string!(i18n, certificates.sign_off_note).to_string() hint=t_string!(i18n, certificates.sign_off_note_hint).to_string() rows=2 maxlength=MAX_NOTE as u32 error />
                <button type="submit" class="button primary">{t!(i18n, certificates.sign_off_submit)}</button>
            </ActionForm>
        </li>
    }
}

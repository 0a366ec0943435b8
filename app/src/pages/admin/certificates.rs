//! `/admin/certificates`: revoke a certificate, with a reason and a confirmation.

use super::require_sign_in;
use crate::{
    api::certification::RevokeCertificate,
    components::form::{ConfirmBox, Field, PostForm, TextArea},
    i18n::*,
};
use leptos::prelude::*;

/// The revocation form.
#[component]
pub fn AdminCertificates() -> impl IntoView {
    require_sign_in("/admin/certificates");
    let i18n = use_i18n();
    view! {
        <section class="container narrow page">
            <p><a href="/admin">{t!(i18n, admin.back)}</a></p>
            <h1>{t!(i18n, certificates.revoke_title)}</h1>
            <p class="lead">{t!(i18n, certificates.revoke_lead)}</p>
            <PostForm action={ServerAction::<RevokeCertificate>::new()} submit=t!(i18n, certificates.revoke_submit) button="button danger" let:error>
                <Field name="code" label=t_string!(i18n, certificates.code).to_string() autocomplete="off" maxlength=24 error />
                <TextArea name="reason" label=t_string!(i18n, certificates.revoke_reason).to_string() hint=t_string!(i18n, certificates.revoke_reason_hint).to_string() rows=3 maxlength=500 required=true error />
                <ConfirmBox label=t_string!(i18n, certificates.revoke_confirm).to_string() error />
            </PostForm>
        </section>
    }
}

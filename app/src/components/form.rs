//! Form building blocks: forms that post to the server, labelled fields with hints and
//! errors, the language choice, and the error banner.

mod fields;
mod kept;
mod messages;

pub use fields::{CheckBox, ConfirmBox, Field, LanguageField, TextArea};
pub use kept::{KeptForm, kept_checked, kept_chosen, kept_or, kept_value, scoped};
pub use messages::{error_message, problem_message};

use crate::{errors::AppError, i18n::*};
use leptos::{
    prelude::*,
    server_fn::{
        Http, ServerFn, client::Client, codec::PostUrl, error::ServerFnUrlError, request::ClientReq,
    },
};
use leptos_router::hooks::use_query_map;
use serde::de::DeserializeOwned;

/// The latest error of a form's action, as a signal.
pub type ErrorSignal = Signal<Option<AppError>>;

/// A banner with the form-level message; announced to screen readers.
#[component]
pub fn FormError(error: ErrorSignal) -> impl IntoView {
    let i18n = use_i18n();
    // The page the form stands on, to come back to after the password is given again.
    let here = leptos_router::hooks::use_location();
    let query = use_query_map();
    move || {
        error.get().map(|error| {
            let confirm = (error == AppError::ConfirmPasswordFirst).then(|| {
                let mut params = query.get_untracked();
                params.remove("__path");
                params.remove("__err");
                let page = crate::domain::redirect::query_encode(&format!(
                    "{}{}",
                    here.pathname.get_untracked(),
                    params.to_query_string()
                ));
                view! {
                    " "
                    <a href=format!("/account/confirm?next={page}")>{t!(i18n, account.confirm_link)}</a>
                }
            });
            view! {
                <div class="alert error" role="alert">
                    {error_message(i18n, &error)}
                    {confirm}
                </div>
            }
        })
    }
}

/// The latest error of a server action, for forms.
///
/// Without JavaScript a failed form post comes back to the page with the error in the
/// address (`__path`, `__err`); it is shown until the form is sent again.
pub fn action_error<F>(action: ServerAction<F>) -> ErrorSignal
where
    F: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    F::Output: Send + Sync + 'static,
{
    let query = use_query_map();
    let from_address = Memo::new(move |_| {
        let query = query.read();
        (query.get("__path").as_deref() == Some(F::PATH))
            .then(|| query.get("__err"))
            .flatten()
            .map(|err| ServerFnUrlError::<AppError>::decode_err(&err))
    });
    Signal::derive(move || {
        action.value().with(|value| match value {
            Some(result) => result.as_ref().err().cloned(),
            None => from_address.get(),
        })
    })
}

/// The fields of a [`PostForm`], made once the form's latest error is known so that each
/// field can show its own problem.
pub struct FormFields(Box<dyn FnOnce(ErrorSignal) -> AnyView + Send>);

impl<F, V> From<F> for FormFields
where
    F: FnOnce(ErrorSignal) -> V + Send + 'static,
    V: IntoView + 'static,
{
    fn from(fields: F) -> FormFields {
        FormFields(Box::new(move |error| fields(error).into_any()))
    }
}

/// A form that posts to a server function: the form-level error banner, the fields, and
/// the submit button. Works as a plain form post without JavaScript.
///
/// The fields are the children, given the form's latest error (`let:error`).
#[component]
pub fn PostForm<F, P>(
    /// The server function the form posts to.
    action: ServerAction<F>,
    /// The submit button's label.
    submit: impl IntoView + 'static,
    /// The submit button's classes.
    #[prop(default = "button primary")]
    button: &'static str,
    /// Whether the browser leaves checking the fields to the server, whose messages name
    /// the field and the problem.
    #[prop(default = true)]
    novalidate: bool,
    /// The token of the mailed link that opened the page, posted along.
    #[prop(optional, into)]
    token: Option<Signal<String>>,
    /// The fields, between the error banner and the button.
    #[prop(optional, into)]
    children: Option<FormFields>,
) -> impl IntoView
where
    F: DeserializeOwned
        + ServerFn<Protocol = Http<PostUrl, P>, Error = AppError>
        + Clone
        + Send
        + Sync
        + 'static,
    <<F::Client as Client<AppError>>::Request as ClientReq<AppError>>::FormData:
        From<leptos::web_sys::FormData>,
    F::Output: Send + Sync + 'static,
    F::Client: Client<AppError>,
{
    let error = action_error(action);
    view! {
        <ActionForm action attr:class="stack-form" attr:novalidate=novalidate>
            <FormError error />
            {token.map(|token| view! { <input type="hidden" name="token" value=token /> })}
            {children.map(|FormFields(fields)| fields(error))}
            <button type="submit" class=button disabled=move || action.pending().get()>
                {submit}
            </button>
        </ActionForm>
    }
}

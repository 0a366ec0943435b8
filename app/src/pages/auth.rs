//! Sign-up, email confirmation, sign-in and password reset pages.

pub mod login;
pub mod password;
pub mod signup;

use crate::{components::form::ErrorSignal, errors::AppError};
use leptos::{
    prelude::*,
    server_fn::{ServerFn, error::ServerFnUrlError},
};
use leptos_router::hooks::use_query_map;

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

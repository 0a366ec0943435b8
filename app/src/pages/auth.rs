//! Sign-up, email confirmation, sign-in and password reset pages.

pub mod login;
pub mod password;
pub mod signup;

use crate::{components::form::ErrorSignal, errors::AppError};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The latest error of a server action, for forms.
pub fn action_error<F>(action: ServerAction<F>) -> ErrorSignal
where
    F: ServerFn<Output = (), Error = AppError> + Clone + Send + Sync + 'static,
    F::Output: Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
}

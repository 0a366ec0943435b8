use crate::{auth::Viewer, errors::AppError};
use leptos::prelude::*;

/// The signed-in person, or `None` for a visitor.
#[server(endpoint = "auth/viewer")]
pub async fn current_viewer() -> Result<Option<Viewer>, AppError> {
    Ok(crate::auth::signed_in().map(|auth| auth.viewer()))
}

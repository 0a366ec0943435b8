use crate::errors::AppError;
use leptos::prelude::*;

/// Ends this browser's session.
#[server(endpoint = "auth/log-out")]
pub async fn log_out() -> Result<(), AppError> {
    use super::record_own;
    use crate::{
        api::context::{set_cookie, state},
        auth,
        store::{audit, sessions},
    };
    use chrono::Utc;

    let state = state()?;
    if let Some(current) = auth::current() {
        sessions::delete(&state.db, current.session_id).await?;
        let now = Utc::now();
        record_own(&state.db, audit::Event::LoggedOut, current.user.id, now).await?;
    }
    set_cookie(&auth::clear_session_cookie(state.site.is_https()));
    leptos_axum::redirect("/");
    Ok(())
}

/// Ends every session of the signed-in person, on every device.
#[server(endpoint = "auth/log-out-everywhere")]
pub async fn log_out_everywhere() -> Result<(), AppError> {
    use crate::{
        api::context::{set_cookie, state},
        auth,
        store::{audit, sessions},
    };
    use chrono::Utc;

    let state = state()?;
    let Some(current) = auth::signed_in() else {
        // Halfway through sign-in (password only): end just this session.
        if let Some(pending) = auth::current() {
            sessions::delete(&state.db, pending.session_id).await?;
            set_cookie(&auth::clear_session_cookie(state.site.is_https()));
        }
        return Err(AppError::Unauthenticated);
    };
    let ended = sessions::delete_all_for_user(&state.db, current.user.id, None).await?;
    let id = Some(current.user.id);
    audit::record(
        &state.db,
        audit::Event::LoggedOutEverywhere,
        id,
        id,
        Some(format!("{ended} sessions")),
        Utc::now(),
    )
    .await?;
    set_cookie(&auth::clear_session_cookie(state.site.is_https()));
    leptos_axum::redirect("/login?signed_out=1");
    Ok(())
}

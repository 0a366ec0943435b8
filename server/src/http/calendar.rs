//! Workshops for calendar apps: `GET /workshops/{id}/calendar.ics` (signed in) and a
//! person's feed at `GET /calendar/{secret}/workshops.ics` (the secret is the key).

use app::{
    auth::Auth,
    domain::{authz::SecondFactor, ids::WorkshopId, workshops::Placement},
    errors::AppError,
    security::token::hash_secret,
    state::AppState,
    store::workshops::{self, WorkshopError, calendar},
};
use axum::{
    Extension,
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Response},
};

fn refusal(error: AppError) -> Response {
    (error.status(), error.to_string()).into_response()
}

fn failure(error: WorkshopError) -> Response {
    if !matches!(error, WorkshopError::NotFound) {
        tracing::error!(%error, "calendar failed");
    }
    refusal(error.into())
}

fn ics(text: String, filename: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        text,
    )
        .into_response()
}

/// `GET /workshops/{id}/calendar.ics`: one workshop, tentative while the viewer waits.
pub async fn workshop(
    State(state): State<AppState>,
    auth: Option<Extension<Auth>>,
    Path(id): Path<String>,
) -> Response {
    let Some(Extension(auth)) = auth.filter(|a| a.second_factor != SecondFactor::Pending) else {
        return refusal(AppError::Unauthenticated);
    };
    let Ok(id) = id.parse::<WorkshopId>() else {
        return refusal(AppError::NotFound);
    };
    let row = match workshops::find(&state.db, id).await {
        Ok(row) => row,
        Err(error) => return failure(error),
    };
    let placement = match workshops::signups_of(&state.db, auth.user.id, [id]).await {
        Ok(places) => places.first().map_or(Placement::Seat, |p| p.placement),
        Err(error) => return failure(error),
    };
    let text = app::calendar::workshops(
        &row.title,
        &[(row.clone(), placement)],
        &state.site.base_url,
        chrono::Utc::now(),
    );
    ics(text, &format!("workshop-{id}.ics"))
}

/// `GET /calendar/{secret}/workshops.ics`: the feed of the person the secret belongs to.
pub async fn feed(State(state): State<AppState>, Path(secret): Path<String>) -> Response {
    let owner = match calendar::feed_owner(&state.db, &hash_secret(&secret)).await {
        Ok(Some(owner)) => owner,
        Ok(None) => return refusal(AppError::NotFound),
        Err(error) => return failure(error),
    };
    let now = chrono::Utc::now();
    match calendar::of_person(&state.db, owner, now).await {
        Ok(entries) => ics(
            app::calendar::workshops("Igang", &entries, &state.site.base_url, now),
            "workshops.ics",
        ),
        Err(error) => failure(error),
    }
}

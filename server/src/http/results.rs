//! `GET /centres/{centre}/dashboard.csv`: a centre's figures as a spreadsheet, the same
//! numbers as its dashboard page, one figure per row.

use app::{
    api::results::{CentreDashboard, centre_dashboard},
    auth::Auth,
    domain::authz::{Action, SecondFactor, allows},
    errors::AppError,
    state::AppState,
    store::centres,
};
use axum::{
    Extension,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

fn refusal(error: &AppError) -> Response {
    (error.status(), error.to_string()).into_response()
}

/// The CSV text of a dashboard: `figure,value` rows, with a survey statement's figures only
/// once enough have answered.
pub fn to_csv(d: &CentreDashboard) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(["figure", "value"])?;
    let optional = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
    let mut rows = vec![
        (
            "certified_within_reach".to_owned(),
            optional(d.within_reach),
        ),
        (
            "certificates_expiring_90_days".to_owned(),
            optional(d.expiring),
        ),
        (
            "median_days_to_match".to_owned(),
            d.median_days_to_match
                .map(|m| format!("{m:.1}"))
                .unwrap_or_default(),
        ),
        (
            "groups_started_this_year".to_owned(),
            d.started_this_year.to_string(),
        ),
        (
            "groups_ended_this_year".to_owned(),
            d.ended_this_year.to_string(),
        ),
        (
            "requests_waiting".to_owned(),
            d.waiting_requests.to_string(),
        ),
    ];
    for (status, n) in &d.by_status {
        rows.push((format!("groups_{}", status.as_str()), n.to_string()));
    }
    rows.push(("survey_answers".to_owned(), d.survey_answers.to_string()));
    if let Some(summary) = &d.survey {
        for figure in &summary.figures {
            let key = figure.statement.key();
            rows.push((format!("survey_{key}_mean"), format!("{:.1}", figure.mean)));
            rows.push((
                format!("survey_{key}_agree_percent"),
                figure.agree_percent.to_string(),
            ));
        }
    }
    for (figure, value) in rows {
        out.write_record([figure, value])?;
    }
    out.into_inner().map_err(|e| e.into_error().into())
}

/// `GET /centres/{centre}/dashboard.csv`.
pub async fn dashboard_csv(
    State(state): State<AppState>,
    auth: Option<Extension<Auth>>,
    Path(public_id): Path<String>,
) -> Response {
    let Some(Extension(auth)) = auth.filter(|a| a.second_factor != SecondFactor::Pending) else {
        return refusal(&AppError::Unauthenticated);
    };
    let centre = match centres::find_by_public_id(&state.db, &public_id).await {
        Ok(Some(centre)) => centre,
        Ok(None) => return refusal(&AppError::NotFound),
        Err(error) => return refusal(&error.into()),
    };
    let action = Action::ViewCentre {
        centre_id: centre.id,
    };
    if !allows(Some(&auth.subject()), action) {
        return refusal(&AppError::Forbidden);
    }
    let figures = match centre_dashboard(&state.db, &centre, chrono::Utc::now()).await {
        Ok(figures) => figures,
        Err(error) => return refusal(&error),
    };
    match to_csv(&figures) {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"centre-figures.csv\"".to_owned(),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "dashboard export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

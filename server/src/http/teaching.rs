//! `GET /teach/courses/{id}/learners.csv`: a course's learner overview as a spreadsheet,
//! with the same filters and the same visibility as the page.

use app::{
    api::teaching::{
        LearnerView,
        ssr::{filter, scope, view},
    },
    auth::Auth,
    domain::authz::SecondFactor,
    errors::AppError,
    state::AppState,
    store::{courses, learning},
};
use axum::{
    Extension,
    extract::{Path, Query, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

/// Rows read per query while exporting.
const BATCH: u64 = 500;
/// Most rows one export holds.
const MAX_ROWS: u64 = 50_000;

/// The export's filters, as on the page.
#[derive(Debug, Default, Deserialize)]
pub struct LearnerQuery {
    #[serde(default)]
    centre: String,
    #[serde(default)]
    status: String,
}

fn refusal(error: &AppError) -> Response {
    (error.status(), error.to_string()).into_response()
}

/// The CSV text of learner rows.
pub fn to_csv(rows: &[LearnerView]) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
        "name",
        "email",
        "centre",
        "status",
        "percent",
        "modules",
        "quizzes",
        "version",
        "started",
        "last_activity",
    ])?;
    for row in rows {
        let modules = row
            .modules
            .iter()
            .map(|m| format!("{}: {}/{}", m.title, m.done, m.total))
            .collect::<Vec<_>>()
            .join("; ");
        let quizzes = row
            .quizzes
            .iter()
            .map(|q| {
                format!(
                    "{}: {}% in {} ({})",
                    q.lesson,
                    q.best,
                    q.attempts,
                    if q.passed { "passed" } else { "not passed" }
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        out.write_record([
            guard(&row.name),
            guard(&row.email),
            guard(row.centre.as_deref().unwrap_or("")),
            row.status.as_str().to_owned(),
            row.percent.to_string(),
            guard(&modules),
            guard(&quizzes),
            row.version.to_string(),
            row.started.clone(),
            row.last_activity.clone(),
        ])?;
    }
    out.into_inner().map_err(|e| e.into_error().into())
}

/// Keeps a spreadsheet from reading a cell as a formula.
pub(crate) fn guard(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// `GET /teach/courses/{id}/learners.csv`.
pub async fn learners_csv(
    State(state): State<AppState>,
    auth: Option<Extension<Auth>>,
    Path(public_id): Path<String>,
    Query(query): Query<LearnerQuery>,
) -> Response {
    let Some(Extension(auth)) = auth.filter(|a| a.second_factor != SecondFactor::Pending) else {
        return refusal(&AppError::Unauthenticated);
    };
    match rows(&state, &auth, &public_id, &query).await {
        Ok((slug, rows)) => match to_csv(&rows) {
            Ok(bytes) => (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{slug}-learners.csv\""),
                    ),
                    (header::CACHE_CONTROL, "no-store".to_owned()),
                ],
                bytes,
            )
                .into_response(),
            Err(error) => {
                tracing::error!(%error, "learner export failed");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        },
        Err(error) => refusal(&error),
    }
}

async fn rows(
    state: &AppState,
    auth: &Auth,
    public_id: &str,
    query: &LearnerQuery,
) -> Result<(String, Vec<LearnerView>), AppError> {
    let course = courses::find(&state.db, public_id).await?;
    let scope = scope(&state.db, auth, course.id).await?;
    let filter = filter(&state.db, &query.centre, &query.status).await?;
    let now = chrono::Utc::now();
    let mut out = Vec::new();
    let mut page = 0;
    loop {
        let (rows, total) = learning::learners(
            &state.db,
            course.id,
            &scope,
            &filter,
            learning::LearnerOrder::Stable,
            now,
            page,
            BATCH,
        )
        .await?;
        let last = rows.len() < BATCH as usize;
        out.extend(rows.into_iter().map(view));
        page += 1;
        if last || page * BATCH >= total.min(MAX_ROWS) {
            break;
        }
    }
    tracing::info!(course = %course.slug, rows = out.len(), "learners exported");
    Ok((course.slug, out))
}

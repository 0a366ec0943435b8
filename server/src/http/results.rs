//! The dashboards as spreadsheets, with the same numbers as their pages:
//! `GET /centres/{centre}/dashboard.csv` (one figure per row), `GET /teach/results.csv` (a
//! trainer's courses, missed questions and workshops) and `GET /admin/results.csv?level=`
//! (every area, then every month).

use crate::http::teaching::guard;
use app::{
    api::results::{
        CentreDashboard, NationalDashboard, TrainingDashboard, centre_dashboard,
        national_dashboard, training_dashboard, training_scope,
    },
    auth::Auth,
    domain::authz::{Action, SecondFactor, allows},
    domain::national::Level,
    errors::AppError,
    state::AppState,
    store::centres,
};
use axum::{
    Extension,
    extract::{Path, Query, State},
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
    let Some(auth) = signed_in(auth) else {
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
    download(to_csv(&figures), "centre-figures.csv")
}

/// A spreadsheet as a download named `name`.
fn download(csv: Result<Vec<u8>, csv::Error>, name: &str) -> Response {
    match csv {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}\""),
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

/// The signed-in person, past their second factor.
fn signed_in(auth: Option<Extension<Auth>>) -> Option<Auth> {
    auth.filter(|a| a.second_factor != SecondFactor::Pending)
        .map(|Extension(auth)| auth)
}

/// The CSV text of a training dashboard: `section,item,figure,value` rows.
pub fn training_csv_text(d: &TrainingDashboard) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(["section", "item", "figure", "value"])?;
    for c in &d.courses.items {
        let f = c.funnel;
        for (figure, value) in [
            ("enrolled", f.enrolled),
            ("halfway", f.halfway),
            ("completed", f.completed),
            ("certified", f.certified),
        ] {
            out.write_record(["course", &guard(&c.title), figure, &value.to_string()])?;
        }
    }
    for m in &d.missed {
        let item = guard(&format!("{} / {} / {}", m.course, m.lesson, m.prompt));
        out.write_record([
            "missed_question",
            item.as_str(),
            "asked",
            &m.asked.to_string(),
        ])?;
        out.write_record([
            "missed_question",
            item.as_str(),
            "wrong",
            &m.missed.to_string(),
        ])?;
    }
    for w in &d.workshops {
        let item = guard(&format!("{} {}", w.date, w.title));
        for (figure, value) in [
            ("capacity", w.capacity.to_string()),
            ("seated", w.seated.to_string()),
            ("waiting", w.waiting.to_string()),
            ("fill_percent", w.percent.to_string()),
        ] {
            out.write_record(["workshop", item.as_str(), figure, &value])?;
        }
    }
    out.write_record(["sign_offs", "", "waiting", &d.sign_offs_waiting.to_string()])?;
    out.into_inner().map_err(|e| e.into_error().into())
}

/// `GET /teach/results.csv`: every course the trainer follows, not one page of them.
pub async fn training_csv(
    State(state): State<AppState>,
    auth: Option<Extension<Auth>>,
) -> Response {
    let Some(auth) = signed_in(auth) else {
        return refusal(&AppError::Unauthenticated);
    };
    let figures = match training_scope(&state.db, &auth).await {
        Ok(scope) => training_dashboard(&state.db, &scope, None, chrono::Utc::now()).await,
        Err(error) => Err(error),
    };
    match figures {
        Ok(figures) => download(training_csv_text(&figures), "course-results.csv"),
        Err(error) => refusal(&error),
    }
}

/// The CSV text of the national figures: one row per area, then one per month, each with
/// the same columns (`kind` tells them apart; a month's `area` is the area it was shown for,
/// empty for all). Text from people's input is guarded against formulas.
pub fn national_csv_text(d: &NationalDashboard) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
        "kind",
        "level",
        "area",
        "month",
        "seeking_now",
        "meeting_now",
        "posted",
        "matched",
        "started",
        "ended",
        "median_days_to_match",
        "certified",
        "certificates_issued",
    ])?;
    let level = d.level.as_str();
    let optional = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
    for r in &d.areas.items {
        out.write_record([
            "area".to_owned(),
            level.to_owned(),
            guard(&r.area),
            String::new(),
            r.seeking.to_string(),
            r.meeting.to_string(),
            r.flow.posted.to_string(),
            r.flow.matched.to_string(),
            r.flow.started.to_string(),
            r.flow.ended.to_string(),
            r.median_days_to_match
                .map(|m| format!("{m:.1}"))
                .unwrap_or_default(),
            optional(r.certified),
            String::new(),
        ])?;
    }
    for m in &d.months {
        out.write_record([
            "month".to_owned(),
            level.to_owned(),
            guard(d.area.as_deref().unwrap_or_default()),
            m.month.label(),
            String::new(),
            String::new(),
            m.flow.posted.to_string(),
            m.flow.matched.to_string(),
            m.flow.started.to_string(),
            m.flow.ended.to_string(),
            String::new(),
            String::new(),
            if d.area.is_some() {
                String::new()
            } else {
                m.certificates.to_string()
            },
        ])?;
    }
    out.into_inner().map_err(|e| e.into_error().into())
}

/// The national export's choices, as on the page.
#[derive(Debug, Default, serde::Deserialize)]
pub struct NationalQuery {
    #[serde(default)]
    level: String,
    #[serde(default)]
    area: String,
}

/// `GET /admin/results.csv?level=&area=`: every area at the level, not one page of them.
pub async fn national_csv(
    State(state): State<AppState>,
    auth: Option<Extension<Auth>>,
    Query(query): Query<NationalQuery>,
) -> Response {
    let Some(auth) = signed_in(auth) else {
        return refusal(&AppError::Unauthenticated);
    };
    if !allows(Some(&auth.subject()), Action::ViewNationalResults) {
        return refusal(&AppError::Forbidden);
    }
    let area = Some(query.area.trim().to_owned()).filter(|a| !a.is_empty());
    match national_dashboard(
        &state.db,
        Level::parse(&query.level),
        area,
        None,
        chrono::Utc::now(),
    )
    .await
    {
        Ok(figures) => download(national_csv_text(&figures), "national-figures.csv"),
        Err(error) => refusal(&error),
    }
}

//! `GET /verify/{code}/certificate.pdf`: a certificate as a PDF to print or keep, in its
//! holder's language, for anyone with its code (as the public check page). It is made
//! afresh on every request, so a revocation shows at once.

use app::{
    api::dates::date,
    documents::certificate::{self, CertificateDocument},
    domain::{certification::CertificateCode, language::Language},
    state::AppState,
    store::certification::{self as store, CertificateRecord},
};
use axum::{
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "No certificate has this code.").into_response()
}

fn failed(error: &dyn std::fmt::Display) -> Response {
    tracing::error!(%error, "certificate document failed");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "The certificate could not be made; try again.",
    )
        .into_response()
}

/// What the certificate with this record says, with `base_url` the site's address.
pub fn document(record: &CertificateRecord, base_url: &str) -> CertificateDocument {
    let language = Language::from_tag(&record.language).unwrap_or_default();
    CertificateDocument {
        language,
        holder: record
            .holder_name
            .clone()
            .unwrap_or_else(|| certificate::holder_removed(language).to_owned()),
        programme: record.programme.get(language).to_owned(),
        issued: date(record.issued_at),
        expires: record.expires_at.map(date),
        revoked_on: record.revoked.as_ref().map(|(at, _)| date(*at)),
        code: record.code.to_string(),
        verify_url: format!("{}/verify/{}", base_url.trim_end_matches('/'), record.code),
    }
}

/// `GET /verify/{code}/certificate.pdf`.
pub async fn pdf(State(state): State<AppState>, Path(code): Path<String>) -> Response {
    let Some(code) = CertificateCode::parse(&code) else {
        return not_found();
    };
    let record = match store::by_code(&state.db, &code).await {
        Ok(Some(record)) => record,
        Ok(None) => return not_found(),
        Err(error) => return failed(&error),
    };
    let doc = document(&record, &state.site.base_url);
    // Setting the page is CPU work: off the async workers.
    let rendered = tokio::task::spawn_blocking(move || certificate::render(&doc)).await;
    match rendered {
        Ok(Ok(bytes)) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("inline; filename=\"certificate-{code}.pdf\""),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            bytes,
        )
            .into_response(),
        Ok(Err(error)) => failed(&error),
        Err(error) => failed(&error),
    }
}

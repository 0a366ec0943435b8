//! Course files over plain HTTP: importing and exporting bundles (zip), uploading images for
//! lessons, and serving those images. Plain forms, so they work without JavaScript.

use app::{
    auth::Auth,
    domain::{
        authz::{Action, allows},
        bundle,
    },
    state::AppState,
    store::{
        bundles::{self, ImportError},
        courses::{self, CourseError},
        media,
    },
};
use axum::{
    Extension,
    body::Body,
    extract::{FromRequest, Multipart, Path, Query, Request, State},
    http::{StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Largest upload accepted by the import and image forms, in bytes.
pub const MAX_UPLOAD: usize = 20 * 1024 * 1024;

/// Why a request to these routes is refused.
enum Refusal {
    /// Nobody is signed in.
    SignIn,
    /// The person may not author courses.
    Forbidden,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Refusal::SignIn => Redirect::to("/login?next=/authoring").into_response(),
            Refusal::Forbidden => (StatusCode::FORBIDDEN, "Forbidden").into_response(),
        }
    }
}

/// The signed-in author.
fn author(auth: Option<Extension<Auth>>) -> Result<Auth, Refusal> {
    match auth {
        Some(Extension(auth)) if allows(Some(&auth.subject()), Action::AuthorCourses) => Ok(auth),
        Some(_) => Err(Refusal::Forbidden),
        None => Err(Refusal::SignIn),
    }
}

/// A multipart form sent by the signed-in author. A body that is no multipart form is
/// refused first, as axum's own extractor refuses it; then anyone who is not an author.
pub struct AuthorUpload {
    auth: Auth,
    form: Multipart,
}

impl<S: Send + Sync> FromRequest<S> for AuthorUpload {
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<AuthorUpload, Response> {
        let auth = request.extensions().get::<Auth>().cloned().map(Extension);
        let form = Multipart::from_request(request, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let auth = author(auth).map_err(IntoResponse::into_response)?;
        Ok(AuthorUpload { auth, form })
    }
}

fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

fn back_with_error(path: &str, key: &str, message: &str) -> Response {
    Redirect::to(&format!("{path}?{key}={}", encode(message))).into_response()
}

/// The first file field of a multipart form with this name, and the other text fields.
async fn read_form(
    mut form: Multipart,
    file_field: &str,
) -> Result<(Option<Vec<u8>>, BTreeMap<String, String>), String> {
    let mut file = None;
    let mut fields = BTreeMap::new();
    while let Some(field) = form.next_field().await.map_err(|e| e.body_text())? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == file_field && file.is_none() {
            let bytes = field.bytes().await.map_err(|e| e.body_text())?;
            file = Some(bytes.to_vec());
        } else if fields.len() < 8 {
            let value = field.text().await.map_err(|e| e.body_text())?;
            fields.insert(name, value.chars().take(200).collect());
        }
    }
    Ok((file.filter(|b| !b.is_empty()), fields))
}

/// `POST /authoring/import`: a zip bundle becomes a new course, or a new draft version of the
/// course with the same short name.
pub async fn import(
    State(state): State<AppState>,
    AuthorUpload { auth, form }: AuthorUpload,
) -> Response {
    let fail = |message: &str| back_with_error("/authoring", "import_error", message);
    let bytes = match read_form(form, "bundle").await {
        Ok((Some(bytes), _)) => bytes,
        Ok((None, _)) => return fail("choose a .zip file"),
        Err(message) => return fail(&message),
    };
    // Unpacking and parsing is CPU work: off the async workers.
    let parsed = tokio::task::spawn_blocking(move || {
        bundle::unzip(std::io::Cursor::new(bytes)).and_then(bundle::read)
    })
    .await;
    let bundle = match parsed {
        Ok(Ok(bundle)) => bundle,
        Ok(Err(error)) => return fail(&error.to_string()),
        Err(error) => {
            tracing::error!(%error, "bundle reader failed");
            return fail("the file could not be read; try again");
        }
    };
    let not_saved = |error: &dyn std::fmt::Display| {
        tracing::error!(%error, "import failed");
        fail("the course could not be saved; try again")
    };
    // A bundle for an existing course becomes its next draft: only for those who may change it.
    let existing = match courses::find_by_slug(&state.db, &bundle.course.slug).await {
        Ok(existing) => existing,
        Err(error) => return not_saved(&error),
    };
    if let Some(course) = existing {
        match app::api::authoring::may_edit(&state.db, &auth, course.id).await {
            Ok(true) => {}
            Ok(false) => {
                return fail(
                    "a course with this short name exists, and you are not one of its editors",
                );
            }
            Err(error) => return not_saved(&error),
        }
    }
    match bundles::import(
        &state.db,
        &state.site.media_dir,
        &bundle,
        Some(auth.user.id),
        chrono::Utc::now(),
    )
    .await
    {
        Ok(imported) => Redirect::to(&format!(
            "/authoring/courses/{}?imported=1",
            imported.course.public_id
        ))
        .into_response(),
        Err(ImportError::Course(CourseError::Db(error))) => not_saved(&error),
        Err(error) => fail(&error.to_string()),
    }
}

/// Which version to export.
#[derive(Deserialize)]
pub struct ExportQuery {
    version: Option<i32>,
}

/// `GET /authoring/courses/{id}/export`: the course as a zip bundle.
pub async fn export(
    State(state): State<AppState>,
    auth: Option<Extension<Auth>>,
    Path(public_id): Path<String>,
    Query(query): Query<ExportQuery>,
) -> Response {
    let auth = match author(auth) {
        Ok(auth) => auth,
        Err(refusal) => return refusal.into_response(),
    };
    let failed = |error: &dyn std::fmt::Display| {
        tracing::error!(%error, "export failed");
        (StatusCode::INTERNAL_SERVER_ERROR, "Export failed").into_response()
    };
    let course = match courses::find(&state.db, &public_id).await {
        Ok(course) => course,
        Err(CourseError::NotFound) => return (StatusCode::NOT_FOUND, "Not found").into_response(),
        Err(error) => return failed(&error),
    };
    // A course's text is exported by those who may change it; others preview and copy it.
    match app::api::authoring::may_edit(&state.db, &auth, course.id).await {
        Ok(true) => {}
        Ok(false) => return Refusal::Forbidden.into_response(),
        Err(error) => return failed(&error),
    }
    match export_zip(&state, &course, query.version).await {
        Ok((name, bytes)) => (
            [
                (header::CONTENT_TYPE, "application/zip".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}.zip\""),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            Body::from(bytes),
        )
            .into_response(),
        Err(CourseError::NotFound) => (StatusCode::NOT_FOUND, "Not found").into_response(),
        Err(error) => failed(&error),
    }
}

async fn export_zip(
    state: &AppState,
    course: &courses::Course,
    number: Option<i32>,
) -> Result<(String, Vec<u8>), CourseError> {
    let (folder, files) = bundles::export(&state.db, &state.site.media_dir, course, number).await?;
    let mut out = std::io::Cursor::new(Vec::new());
    bundle::zip_files(&folder, &files, &mut out)
        .map_err(|e| CourseError::Db(sea_orm::DbErr::Custom(e.to_string())))?;
    Ok((folder, out.into_inner()))
}

/// `POST /authoring/media`: stores an image and returns to the lesson editor with its name.
pub async fn upload_image(
    State(state): State<AppState>,
    AuthorUpload { auth, form }: AuthorUpload,
) -> Response {
    let (bytes, fields) = match read_form(form, "image").await {
        Ok(parts) => parts,
        Err(message) => return back_with_error("/authoring", "image_error", &message),
    };
    let back = fields
        .get("lesson")
        .and_then(|l| l.parse::<i32>().ok())
        .map_or_else(
            || "/authoring".to_owned(),
            |id| format!("/authoring/lessons/{id}"),
        );
    let Some(bytes) = bytes else {
        return back_with_error(&back, "image_error", "empty");
    };
    match media::save(
        &state.db,
        &state.site.media_dir,
        &bytes,
        Some(auth.user.id),
        chrono::Utc::now(),
    )
    .await
    {
        Ok(name) => Redirect::to(&format!("{back}?image={name}")).into_response(),
        Err(media::MediaError::UnsupportedType) => back_with_error(&back, "image_error", "type"),
        Err(media::MediaError::TooLarge) => back_with_error(&back, "image_error", "size"),
        Err(error) => {
            tracing::error!(%error, "image upload failed");
            back_with_error(&back, "image_error", "internal")
        }
    }
}

/// `GET /media/{name}`: an uploaded image.
pub async fn serve_media(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    let Some(path) = media::path_of(&state.site.media_dir, &name) else {
        return (StatusCode::NOT_FOUND, "Not found").into_response();
    };
    match tokio::fs::read(&path).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, media::content_type(&name)),
                // The name is the content's hash, so it never changes.
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            bytes,
        )
            .into_response(),
        Err(_) => (StatusCode::NOT_FOUND, "Not found").into_response(),
    }
}

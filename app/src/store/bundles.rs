//! Courses to and from bundles, with their images: shared by the web forms and the command line.

use super::{
    audit,
    courses::{self, Course, CourseError},
    db::begin_write,
    media,
};
use crate::domain::bundle::{self, Bundle};
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use std::{collections::BTreeMap, path::Path};

/// Why a bundle was not stored.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A course with the short name exists and cannot take a new draft now.
    #[error(
        "a course with this short name exists and already has a draft, is archived, or is in another language"
    )]
    NotEditable,
    /// The course could not be stored.
    #[error("{0}")]
    Course(CourseError),
    /// An image could not be stored.
    #[error(transparent)]
    Media(#[from] media::MediaError),
    /// An image's file name is not the hash of its content.
    #[error(
        "media/{0}: the name must be the SHA-256 of the image and its type; export the course again"
    )]
    MediaName(String),
    /// Texts too long to store, or short names that cannot be used.
    #[error("{}", .0.iter().take(3).map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<crate::domain::course::Flaw>),
}

impl From<CourseError> for ImportError {
    fn from(error: CourseError) -> Self {
        match error {
            CourseError::NotEditable => ImportError::NotEditable,
            other => ImportError::Course(other),
        }
    }
}

impl From<sea_orm::DbErr> for ImportError {
    fn from(error: sea_orm::DbErr) -> Self {
        ImportError::Course(error.into())
    }
}

impl From<super::StoreError> for ImportError {
    fn from(error: super::StoreError) -> Self {
        match error {
            super::StoreError::Db(e) => e.into(),
            other => {
                ImportError::Course(CourseError::Db(sea_orm::DbErr::Custom(other.to_string())))
            }
        }
    }
}

/// What an import did.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The course.
    pub course: Course,
    /// Number of the draft version it created.
    pub version: i32,
}

/// Stores a bundle in one transaction: a new course, or a new draft of the course with the
/// same short name. Images are written to `media_dir`.
pub async fn import(
    db: &DatabaseConnection,
    media_dir: &Path,
    bundle: &Bundle,
    by: Option<i32>,
    now: DateTime<Utc>,
) -> Result<Imported, ImportError> {
    use crate::domain::course::{FlawKind, validate};
    // A draft may be unfinished, but what cannot be stored or named is refused up front.
    let unusable: Vec<_> = validate(&bundle.course)
        .into_iter()
        .filter(|f| {
            matches!(
                f.kind,
                FlawKind::TooLong | FlawKind::BadSlug | FlawKind::DuplicateSlug
            )
        })
        .collect();
    if !unusable.is_empty() {
        return Err(ImportError::Invalid(unusable));
    }
    for (name, bytes) in &bundle.media {
        if media::name_for(bytes).as_deref() != Some(name.as_str()) {
            return Err(ImportError::MediaName(name.clone()));
        }
    }
    let txn = begin_write(db).await?;
    for bytes in bundle.media.values() {
        media::save(&txn, media_dir, bytes, by, now).await?;
    }
    let (course, version) = match courses::find_by_slug(&txn, &bundle.course.slug).await? {
        Some(course) => {
            let version = courses::import_revision(&txn, &course, &bundle.course, by, now).await?;
            (course, version.number)
        }
        None => (courses::create(&txn, &bundle.course, by, now).await?, 1),
    };
    audit::record(
        &txn,
        audit::Event::CourseImported,
        by,
        None,
        Some(format!("{} v{version}", course.slug)),
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(Imported { course, version })
}

/// A version of a course as bundle files (the working version when `number` is `None`), with
/// the images its texts show; returns the folder name `<slug>-v<number>` too.
pub async fn export(
    db: &DatabaseConnection,
    media_dir: &Path,
    course: &Course,
    number: Option<i32>,
) -> Result<(String, BTreeMap<String, Vec<u8>>), CourseError> {
    let version = match number {
        None => courses::working_version(db, course).await?,
        Some(n) => courses::versions(db, course.id)
            .await?
            .into_iter()
            .find(|v| v.number == n)
            .ok_or(CourseError::NotFound)?,
    };
    let content = courses::load_content(db, version.id).await?;
    let doc = content.doc(course);
    let mut texts = vec![doc.body.as_str()];
    for module in &doc.modules {
        texts.push(&module.body);
        texts.extend(module.lessons.iter().map(|l| l.body.as_str()));
    }
    let media = media::collect(media_dir, &texts).await;
    let files = bundle::write(&Bundle { course: doc, media });
    Ok((format!("{}-v{}", course.slug, version.number), files))
}

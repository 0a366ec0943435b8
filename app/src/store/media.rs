//! Uploaded images: checked by their first bytes, stored on disk under their SHA-256, and
//! listed in the `media` table.

use super::entities::media;
use crate::domain::bundle::is_media_name;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, sea_query::OnConflict};
use sha2::{Digest, Sha256};
use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
};

/// Largest image accepted, in bytes.
pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;

/// Why an image was not stored.
#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    /// Not a PNG, JPEG, GIF or WebP image.
    #[error("only PNG, JPEG, GIF and WebP images can be uploaded")]
    UnsupportedType,
    /// Larger than [`MAX_IMAGE_BYTES`].
    #[error("the image is larger than 5 MB")]
    TooLarge,
    /// Writing the file failed.
    #[error("cannot store the image: {0}")]
    Io(#[from] std::io::Error),
    /// The database failed.
    #[error("database error: {0}")]
    Db(#[from] sea_orm::DbErr),
}

/// The file extension and content type of an image, judged by its first bytes.
pub fn sniff(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(("png", "image/png"))
    } else if bytes.starts_with(b"\xff\xd8\xff") {
        Some(("jpg", "image/jpeg"))
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(("gif", "image/gif"))
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(("webp", "image/webp"))
    } else {
        None
    }
}

/// The content type for a stored file name.
pub fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("png") => "image/png",
        Some("jpg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        _ => "application/octet-stream",
    }
}

/// Where a stored file lives, if `name` is a valid media name.
pub fn path_of(dir: &Path, name: &str) -> Option<PathBuf> {
    is_media_name(name).then(|| dir.join(name))
}

/// Stores an image and returns its name (`<sha256>.<ext>`); the same image twice is one file.
pub async fn save(
    db: &impl ConnectionTrait,
    dir: &Path,
    bytes: &[u8],
    by: Option<i32>,
    now: DateTime<Utc>,
) -> Result<String, MediaError> {
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(MediaError::TooLarge);
    }
    let (name, content_type) = identify(bytes).ok_or(MediaError::UnsupportedType)?;
    let path = dir.join(&name);
    if !tokio::fs::try_exists(&path).await.unwrap_or(false) {
        tokio::fs::create_dir_all(dir).await?;
        // Written beside, then renamed: a reader never sees half a file.
        let partial = dir.join(format!(".{name}.{}", uuid::Uuid::new_v4()));
        tokio::fs::write(&partial, bytes).await?;
        tokio::fs::rename(&partial, &path).await?;
    }
    media::Entity::insert(media::ActiveModel {
        name: Set(name.clone()),
        content_type: Set(content_type.to_owned()),
        size: Set(i64::try_from(bytes.len()).unwrap_or(i64::MAX)),
        uploaded_by: Set(by),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(media::Column::Name)
            .do_nothing()
            .to_owned(),
    )
    .try_insert()
    .exec(db)
    .await?;
    Ok(name)
}

/// The name an image is stored under: `<sha256>.<ext>`, if it is an image at all.
pub fn name_for(bytes: &[u8]) -> Option<String> {
    identify(bytes).map(|(name, _)| name)
}

/// An image's stored name and content type.
fn identify(bytes: &[u8]) -> Option<(String, &'static str)> {
    let (ext, content_type) = sniff(bytes)?;
    Some((
        format!("{}.{ext}", hex(&Sha256::digest(bytes))),
        content_type,
    ))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether an image with this name is stored.
pub async fn exists(db: &impl ConnectionTrait, name: &str) -> Result<bool, sea_orm::DbErr> {
    Ok(media::Entity::find()
        .filter(media::Column::Name.eq(name))
        .one(db)
        .await?
        .is_some())
}

/// The media names a text refers to as `/media/<name>`.
pub fn referenced(text: &str) -> Vec<String> {
    text.match_indices("/media/")
        .filter_map(|(at, _)| {
            let rest = &text[at + 7..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
                .unwrap_or(rest.len());
            let name = rest[..end].trim_end_matches('.');
            is_media_name(name).then(|| name.to_owned())
        })
        .collect()
}

/// The stored images that `texts` refer to, for a bundle; missing files are left out.
pub async fn collect(dir: &Path, texts: &[&str]) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for name in texts.iter().flat_map(|t| referenced(t)) {
        if out.contains_key(&name) {
            continue;
        }
        if let Ok(bytes) = tokio::fs::read(dir.join(&name)).await {
            out.insert(name, bytes);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_known_by_their_first_bytes() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest").map(|t| t.0), Some("png"));
        assert_eq!(sniff(b"\xff\xd8\xff\xe0").map(|t| t.0), Some("jpg"));
        assert_eq!(sniff(b"GIF89a...").map(|t| t.0), Some("gif"));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 ").map(|t| t.0), Some("webp"));
        assert_eq!(sniff(b"<svg onload=alert(1)>"), None);
        assert_eq!(sniff(b"<html>"), None);
    }

    #[test]
    fn references_are_found_in_markdown() {
        let name = format!("{}.png", "ab".repeat(32));
        let text = format!("![x](/media/{name}) and [y](/media/nope.png) /media/{name}.");
        assert_eq!(referenced(&text), vec![name.clone(), name]);
    }
}

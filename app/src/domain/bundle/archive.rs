//! Bundles as zip archives: unpacking an uploaded one safely, and packing one for download.

use super::{BundleError, MAX_BUNDLE_BYTES, MAX_FILES};
use std::{
    collections::BTreeMap,
    io::{Read, Seek, Write},
};

/// Reads the files of a zip archive, refusing archives that unpack to too much.
pub fn unzip(reader: impl Read + Seek) -> Result<BTreeMap<String, Vec<u8>>, BundleError> {
    let mut archive = zip::ZipArchive::new(reader).map_err(|e| BundleError::Zip(e.to_string()))?;
    if archive.len() > MAX_FILES {
        return Err(BundleError::TooLarge);
    }
    let mut files = BTreeMap::new();
    let mut total = 0u64;
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .map_err(|e| BundleError::Zip(e.to_string()))?;
        if entry.is_dir() {
            continue;
        }
        let Some(path) = entry.enclosed_name() else {
            return Err(BundleError::Unexpected(format!("entry {i}")));
        };
        let path = path
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        let mut bytes = Vec::new();
        // The sizes in the archive's directory may lie; count what actually comes out.
        let budget = MAX_BUNDLE_BYTES - total;
        (&mut entry)
            .take(budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| BundleError::Zip(e.to_string()))?;
        total += bytes.len() as u64;
        if total > MAX_BUNDLE_BYTES {
            return Err(BundleError::TooLarge);
        }
        files.insert(path, bytes);
    }
    Ok(files)
}

/// Packs files into a zip archive under one folder, with fixed timestamps so the same course
/// always gives the same archive.
pub fn zip_files(
    folder: &str,
    files: &BTreeMap<String, Vec<u8>>,
    writer: impl Write + Seek,
) -> Result<(), BundleError> {
    let mut zip = zip::ZipWriter::new(writer);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (path, bytes) in files {
        zip.start_file(format!("{folder}/{path}"), options)
            .and_then(|()| zip.write_all(bytes).map_err(Into::into))
            .map_err(|e| BundleError::Zip(e.to_string()))?;
    }
    zip.finish().map_err(|e| BundleError::Zip(e.to_string()))?;
    Ok(())
}

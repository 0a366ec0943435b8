//! The server's secret key: created on first start, read on every later one.

use std::{io, path::Path};

/// 32 random bytes that sign tokens; never printed.
#[derive(Clone)]
pub struct SecretKey(pub [u8; 32]);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey([redacted])")
    }
}

/// Why the key file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum SecretKeyError {
    /// Reading or creating the file failed.
    #[error("secret key file {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: io::Error,
    },
    /// The file exists but does not hold 64 hexadecimal characters.
    #[error(
        "secret key file {0} does not hold 64 hexadecimal characters; remove it to create a new key"
    )]
    Malformed(String),
}

/// Reads the key at `path`, creating the file (mode 0600) with a new random key if absent.
pub fn load_or_create(path: &Path) -> Result<SecretKey, SecretKeyError> {
    let io_err = |source| SecretKeyError::Io {
        path: path.display().to_string(),
        source,
    };
    match std::fs::read_to_string(path) {
        Ok(text) => {
            parse(text.trim()).ok_or_else(|| SecretKeyError::Malformed(path.display().to_string()))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(io_err)?;
            }
            let mut key = [0u8; 32];
            rand::RngCore::fill_bytes(&mut rand::rng(), &mut key);
            let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
            write_private(path, &hex).map_err(io_err)?;
            tracing::info!(path = %path.display(), "created a new secret key");
            Ok(SecretKey(key))
        }
        Err(e) => Err(io_err(e)),
    }
}

fn parse(hex: &str) -> Option<SecretKey> {
    if hex.len() != 64 || !hex.is_ascii() {
        return None;
    }
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).ok()?;
    }
    Some(SecretKey(key))
}

#[cfg(unix)]
fn write_private(path: &Path, contents: &str) -> io::Result<()> {
    use std::{io::Write, os::unix::fs::OpenOptionsExt};
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(contents.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, contents: &str) -> io::Result<()> {
    std::fs::write(path, contents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn created_once_then_read_back() {
        let dir = std::env::temp_dir().join(format!("igang-key-{}", uuid::Uuid::new_v4()));
        let path = dir.join("secret.key");
        let first = load_or_create(&path).unwrap();
        let second = load_or_create(&path).unwrap();
        assert_eq!(first.0, second.0);
        assert_eq!(format!("{first:?}"), "SecretKey([redacted])");
        std::fs::write(&path, "short").unwrap();
        assert!(matches!(
            load_or_create(&path),
            Err(SecretKeyError::Malformed(_))
        ));
        std::fs::remove_dir_all(dir).unwrap();
    }
}

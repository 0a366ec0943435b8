//! Password hashing with Argon2id at OWASP's recommended cost.

use argon2::{
    Algorithm, Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier, Version,
    password_hash::SaltString,
};
use rand::RngCore;

/// Argon2id, 19 MiB, 2 iterations, 1 lane.
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("constant Argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashing failed (only on invalid parameters or an unusable random source).
#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

/// Hashes a password into a PHC string that records algorithm, cost and salt.
///
/// CPU- and memory-heavy: call it from a blocking thread.
pub fn hash_password(password: &str) -> Result<String, HashError> {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    let salt = SaltString::encode_b64(&bytes).map_err(|e| HashError(e.to_string()))?;
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// Whether `password` matches the stored PHC string.
pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            hasher()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// At most this many hashes run at once (19 MiB each), so a burst of logins cannot exhaust memory.
const CONCURRENT_HASHES: usize = 4;

fn permits() -> &'static tokio::sync::Semaphore {
    static PERMITS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    PERMITS.get_or_init(|| tokio::sync::Semaphore::new(CONCURRENT_HASHES))
}

/// [`hash_password`] on a blocking thread, waiting for a free slot first.
pub async fn hash_password_bounded(password: String) -> Result<String, HashError> {
    let _permit = permits()
        .acquire()
        .await
        .map_err(|e| HashError(e.to_string()))?;
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| HashError(e.to_string()))?
}

/// [`verify_password`] on a blocking thread, waiting for a free slot first.
///
/// With no stored hash it verifies against a fixed one anyway, so an unknown account
/// takes as long as a wrong password.
pub async fn verify_password_bounded(password: String, stored: Option<String>) -> bool {
    // No valid password is this long (128 characters at most): spend no hash on it.
    if password.len() > 1024 {
        return false;
    }
    let Ok(_permit) = permits().acquire().await else {
        return false;
    };
    let known = stored.is_some();
    let stored = stored.unwrap_or_else(|| DUMMY_HASH.to_owned());
    tokio::task::spawn_blocking(move || verify_password(&password, &stored) && known)
        .await
        .unwrap_or(false)
}

/// A valid Argon2id hash of a random string nobody knows, for timing equality.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$7dVq1Y0m6Jw9m0d2b9sQv0o2k7o0f9l1c0o8F5m3hJk";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_salted_and_verifiable() {
        let a = hash_password("en lang og god adgangssætning").unwrap();
        let b = hash_password("en lang og god adgangssætning").unwrap();
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert_ne!(a, b, "each hash gets its own salt");
        assert!(verify_password("en lang og god adgangssætning", &a));
        assert!(!verify_password("en anden adgangssætning", &a));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn the_timing_stand_in_is_a_real_argon2id_hash() {
        let parsed = PasswordHash::new(DUMMY_HASH).expect("valid PHC string");
        assert_eq!(parsed.algorithm.as_str(), "argon2id");
    }
}

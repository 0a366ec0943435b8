//! Random secrets handed to browsers and mailboxes (session cookies, links in mail).
//! Only their SHA-256 is stored, so the database alone never yields a usable one.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A fresh 256-bit secret, URL-safe, with its stored hash.
pub fn new_secret() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let secret = URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash_secret(&secret);
    (secret, hash)
}

/// The stored form of a secret: lower-case hex SHA-256.
pub fn hash_secret(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The mark a browser that signed in to `account` keeps (a keyed hash, so nobody without the
/// server's key can make one): it lets that browser past the account's wider sign-in limit.
pub fn device_mark(key: &[u8; 32], account: &str) -> String {
    let tag = ring::hmac::sign(&mark_key(key), &mark_message(account));
    URL_SAFE_NO_PAD.encode(tag.as_ref())
}

/// Whether `mark` is the mark [`device_mark`] gives `account` (compared in constant time).
pub fn is_device_mark(key: &[u8; 32], account: &str, mark: &str) -> bool {
    let Ok(tag) = URL_SAFE_NO_PAD.decode(mark) else {
        return false;
    };
    ring::hmac::verify(&mark_key(key), &mark_message(account), &tag).is_ok()
}

/// The HMAC key device marks are made with.
fn mark_key(key: &[u8; 32]) -> ring::hmac::Key {
    ring::hmac::Key::new(ring::hmac::HMAC_SHA256, key)
}

/// What a device mark of `account` signs.
fn mark_message(account: &str) -> Vec<u8> {
    format!("known-device\n{account}").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_mark_holds_for_its_account_and_key_only() {
        let key = [7u8; 32];
        let mark = device_mark(&key, "a@x.test");
        assert!(is_device_mark(&key, "a@x.test", &mark));
        assert!(!is_device_mark(&key, "b@x.test", &mark));
        assert!(!is_device_mark(&[8u8; 32], "a@x.test", &mark));
        assert!(!is_device_mark(&key, "a@x.test", "not-a-mark"));
    }

    #[test]
    fn secrets_are_unique_and_hash_consistently() {
        let (a, hash_a) = new_secret();
        let (b, _) = new_secret();
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(hash_secret(&a), hash_a);
        assert_eq!(hash_a.len(), 64);
    }
}

//! Sealing small secrets at rest (such as authenticator keys) with the server's key.

use base64::{Engine, engine::general_purpose::STANDARD};
use chacha20poly1305::{
    ChaCha20Poly1305, Key, Nonce,
    aead::{Aead, KeyInit},
};
use rand::RngCore;

/// The sealed value could not be opened: wrong key or tampered data.
#[derive(Debug, thiserror::Error)]
#[error("sealed value could not be opened")]
pub struct SealError;

/// Encrypts and authenticates `plaintext`; the result holds its own random nonce.
pub fn seal(key: &[u8; 32], plaintext: &str) -> String {
    let cipher = ChaCha20Poly1305::new(Key::from_slice(key));
    let mut nonce = [0u8; 12];
    rand::rng().fill_bytes(&mut nonce);
    let ciphertext = cipher
        .encrypt(Nonce::from_slice(&nonce), plaintext.as_bytes())
        .expect("encrypting a short value cannot fail");
    let mut out = nonce.to_vec();
    out.extend(ciphertext);
    STANDARD.encode(out)
}

/// Opens a value made by [`seal`] with the same key.
pub fn open(key: &[u8; 32], sealed: &str) -> Result<String, SealError> {
    let bytes = STANDARD.decode(sealed).map_err(|_| SealError)?;
    if bytes.len() < 12 {
        return Err(SealError);
    }
    let (nonce, ciphertext) = bytes.split_at(12);
    let cipher = ChaCha20Poly1305::new(Key::from_slice(key));
    let plain = cipher
        .decrypt(Nonce::from_slice(nonce), ciphertext)
        .map_err(|_| SealError)?;
    String::from_utf8(plain).map_err(|_| SealError)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_other_keys_and_tampering() {
        let key = [7u8; 32];
        let sealed = seal(&key, "JBSWY3DPEHPK3PXP");
        assert_ne!(
            sealed,
            seal(&key, "JBSWY3DPEHPK3PXP"),
            "fresh nonce each time"
        );
        assert_eq!(open(&key, &sealed).unwrap(), "JBSWY3DPEHPK3PXP");
        assert!(open(&[8u8; 32], &sealed).is_err());
        let mut bytes = STANDARD.decode(&sealed).unwrap();
        *bytes.last_mut().unwrap() ^= 1;
        assert!(open(&key, &STANDARD.encode(bytes)).is_err());
        assert!(open(&key, "short").is_err());
    }
}

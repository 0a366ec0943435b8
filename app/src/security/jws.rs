//! Signatures any verifier can check: ECDSA on P-256 with SHA-256 (JOSE `ES256`), written
//! as compact JSON Web Signatures, with the public half published as a JSON Web Key. The
//! private key is PKCS #8 bytes, which the caller seals before storing.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use ring::{
    rand::SystemRandom,
    signature::{ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair, KeyPair},
};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// The JOSE name of the algorithm.
pub const ALGORITHM: &str = "ES256";

/// Why a key could not be made or used.
#[derive(Debug, thiserror::Error)]
pub enum JwsError {
    /// The random source failed or the stored key is not a P-256 PKCS #8 key.
    #[error("the signing key is unusable")]
    Key,
    /// Signing failed.
    #[error("signing failed")]
    Sign,
}

/// The public point of a P-256 key, its coordinates as base64url (as a JWK writes them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicKey {
    /// The x coordinate.
    pub x: String,
    /// The y coordinate.
    pub y: String,
}

impl PublicKey {
    /// The key's JWK thumbprint (RFC 7638): a stable name derived from the key itself.
    pub fn thumbprint(&self) -> String {
        // The members in lexicographic order, no spaces, as the RFC asks.
        let canonical = format!(
            r#"{{"crv":"P-256","kty":"EC","x":"{}","y":"{}"}}"#,
            self.x, self.y
        );
        URL_SAFE_NO_PAD.encode(Sha256::digest(canonical.as_bytes()))
    }

    /// The key as a JWK named `kid`.
    pub fn jwk(&self, kid: &str) -> Value {
        json!({
            "kty": "EC",
            "crv": "P-256",
            "x": self.x,
            "y": self.y,
            "kid": kid,
            "alg": ALGORITHM,
            "use": "sig",
        })
    }
}

/// A new key pair: the private key as PKCS #8 bytes, and its public point.
pub fn generate() -> Result<(Vec<u8>, PublicKey), JwsError> {
    let rng = SystemRandom::new();
    let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng)
        .map_err(|_| JwsError::Key)?;
    let pair = pair(pkcs8.as_ref())?;
    Ok((pkcs8.as_ref().to_vec(), public_key(&pair)))
}

fn pair(pkcs8: &[u8]) -> Result<EcdsaKeyPair, JwsError> {
    EcdsaKeyPair::from_pkcs8(
        &ECDSA_P256_SHA256_FIXED_SIGNING,
        pkcs8,
        &SystemRandom::new(),
    )
    .map_err(|_| JwsError::Key)
}

fn public_key(pair: &EcdsaKeyPair) -> PublicKey {
    // An uncompressed point: 0x04, then x and y, 32 bytes each.
    let point = pair.public_key().as_ref();
    PublicKey {
        x: URL_SAFE_NO_PAD.encode(&point[1..33]),
        y: URL_SAFE_NO_PAD.encode(&point[33..65]),
    }
}

/// The public point of the private key `pkcs8`.
pub fn public_of(pkcs8: &[u8]) -> Result<PublicKey, JwsError> {
    pair(pkcs8).map(|pair| public_key(&pair))
}

/// `payload` signed with the private key `pkcs8`, as a compact JWS whose header names the
/// algorithm, the key (`kid`) and the type `typ`.
pub fn sign(pkcs8: &[u8], kid: &str, typ: &str, payload: &Value) -> Result<String, JwsError> {
    let header = json!({ "alg": ALGORITHM, "kid": kid, "typ": typ });
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(payload.to_string())
    );
    let signature = pair(pkcs8)?
        .sign(&SystemRandom::new(), signing_input.as_bytes())
        .map_err(|_| JwsError::Sign)?;
    Ok(format!(
        "{signing_input}.{}",
        URL_SAFE_NO_PAD.encode(signature.as_ref())
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ring::signature::{ECDSA_P256_SHA256_FIXED, UnparsedPublicKey};

    fn verify(token: &str, key: &PublicKey) -> bool {
        let Some((input, signature)) = token.rsplit_once('.') else {
            return false;
        };
        let mut point = vec![4u8];
        point.extend(URL_SAFE_NO_PAD.decode(&key.x).unwrap());
        point.extend(URL_SAFE_NO_PAD.decode(&key.y).unwrap());
        let signature = URL_SAFE_NO_PAD.decode(signature).unwrap();
        UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, point)
            .verify(input.as_bytes(), &signature)
            .is_ok()
    }

    #[test]
    fn a_signature_verifies_with_the_public_key_only() {
        let (private, public) = generate().unwrap();
        assert_eq!(public_of(&private).unwrap(), public);
        let token = sign(&private, "k1", "JWT", &json!({"sub": "x"})).unwrap();
        assert!(verify(&token, &public));
        let header: Value = serde_json::from_slice(
            &URL_SAFE_NO_PAD
                .decode(token.split('.').next().unwrap())
                .unwrap(),
        )
        .unwrap();
        assert_eq!(header, json!({"alg": "ES256", "kid": "k1", "typ": "JWT"}));

        let (_, other) = generate().unwrap();
        assert!(!verify(&token, &other));
        let tampered = token.replacen('.', ".e30", 1);
        assert!(!verify(&tampered, &public));
    }

    #[test]
    fn the_thumbprint_follows_rfc_7638() {
        // The P-256 example key of RFC 7517 appendix A.1; its thumbprint was computed apart
        // from this code, with sha256sum and base64 over the canonical form.
        let key = PublicKey {
            x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU".into(),
            y: "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0".into(),
        };
        assert_eq!(
            key.thumbprint(),
            "oKIywvGUpTVTyxMQ3bwIIeQUudfr_CkLMjCE19ECD-U"
        );
        assert_ne!(generate().unwrap().1.thumbprint(), key.thumbprint());
    }

    #[test]
    fn a_key_that_is_not_pkcs8_is_refused() {
        assert!(matches!(public_of(b"not a key"), Err(JwsError::Key)));
        assert!(sign(b"", "k", "JWT", &json!({})).is_err());
    }
}

//! Request-level security helpers shared by the server's middleware and the page shell.

pub mod jws;
pub mod password;
pub mod seal;
pub mod token;
pub mod totp;

use base64::{Engine, engine::general_purpose::STANDARD};
use http::HeaderMap;
use rand::RngCore;

/// The per-response nonce that lets the hydration script pass the Content-Security-Policy.
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

impl CspNonce {
    /// A fresh random nonce (128 bits).
    pub fn generate() -> CspNonce {
        let mut bytes = [0u8; 16];
        rand::rng().fill_bytes(&mut bytes);
        CspNonce(STANDARD.encode(bytes))
    }
}

/// The nonce of the request being rendered, if the middleware set one.
pub fn request_nonce() -> Option<String> {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CspNonce>().map(|n| n.0.clone()))
}

/// A `Set-Cookie` value for a cookie scripts cannot read, `Secure` when the site is https.
pub fn cookie_header(
    name: &str,
    value: &str,
    path: &str,
    max_age: i64,
    same_site: &str,
    secure: bool,
) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{name}={value}; Path={path}; Max-Age={max_age}; HttpOnly; SameSite={same_site}{secure}"
    )
}

/// The value of cookie `name` in a request's `Cookie` headers.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.trim_matches('"').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_cookie_among_several_headers() {
        let mut headers = HeaderMap::new();
        headers.append(http::header::COOKIE, "a=1; igang_lang=nb".parse().unwrap());
        headers.append(http::header::COOKIE, "b=2".parse().unwrap());
        assert_eq!(cookie_value(&headers, "igang_lang").as_deref(), Some("nb"));
        assert_eq!(cookie_value(&headers, "b").as_deref(), Some("2"));
        assert_eq!(cookie_value(&headers, "lang"), None);
    }

    #[test]
    fn nonces_differ() {
        assert_ne!(CspNonce::generate().0, CspNonce::generate().0);
    }
}

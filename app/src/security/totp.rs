//! Time-based one-time codes (authenticator apps) and single-use recovery codes.

use qrcodegen::{QrCode, QrCodeEcc};
use rand::seq::IndexedRandom;
use totp_rs::{Algorithm, Secret, TOTP};

/// Seconds per code.
const STEP: u64 = 30;
/// Steps accepted on either side of now, for clocks that drift.
const SKEW: u64 = 1;
/// How many recovery codes an account gets.
pub const RECOVERY_CODES: usize = 10;

/// A new random secret, base32 as authenticator apps expect it.
pub fn new_secret() -> String {
    match Secret::generate_secret().to_encoded() {
        Secret::Encoded(text) => text,
        Secret::Raw(_) => unreachable!("to_encoded returns the encoded form"),
    }
}

fn totp(secret_base32: &str, account: &str) -> Option<TOTP> {
    let bytes = Secret::Encoded(secret_base32.to_owned()).to_bytes().ok()?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        SKEW as u8,
        STEP,
        bytes,
        Some("Igang".to_owned()),
        account.to_owned(),
    )
    .ok()
}

/// The `otpauth://` URL an authenticator app reads from the QR code.
pub fn otpauth_url(secret_base32: &str, account: &str) -> Option<String> {
    totp(secret_base32, account).map(|t| t.get_url())
}

/// The QR code of `text` as an SVG path in a square of [`qr_size`] units.
pub fn qr_svg_path(text: &str) -> Option<(i32, String)> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + 4, y + 4));
            }
        }
    }
    Some((size + 8, path))
}

/// The step a valid `code` belongs to, if it is valid now and newer than `last_step`.
///
/// Refusing steps at or before the last accepted one makes every code single-use.
pub fn verify(
    secret_base32: &str,
    code: &str,
    now_secs: u64,
    last_step: Option<u64>,
) -> Option<u64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let totp = totp(secret_base32, "")?;
    let current = now_secs / STEP;
    (current.saturating_sub(SKEW)..=current + SKEW)
        .filter(|step| last_step.is_none_or(|last| *step > last))
        .find(|step| {
            let expected = totp.generate(step * STEP);
            // Same length always; compare without an early exit.
            expected
                .bytes()
                .zip(code.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
        })
}

/// Fresh recovery codes: `xxxxx-xxxxx` from an alphabet without look-alikes.
pub fn new_recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut code: String = (0..10)
                .map(|_| *ALPHABET.choose(&mut rng).expect("non-empty") as char)
                .collect();
            code.insert(5, '-');
            code
        })
        .collect()
}

/// A recovery code as typed, reduced to its stored form (lower case, no spaces).
pub fn normalise_recovery_code(input: &str) -> String {
    let bare: String = input
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    if bare.len() == 10 {
        format!("{}-{}", &bare[..5], &bare[5..])
    } else {
        bare
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_verify_once_and_only_near_now() {
        let secret = new_secret();
        let now = 1_800_000_000u64;
        let code = totp(&secret, "").unwrap().generate(now);
        let step = verify(&secret, &code, now, None).expect("valid now");
        assert_eq!(step, now / STEP);
        assert_eq!(
            verify(&secret, &code, now, Some(step)),
            None,
            "the same code twice"
        );
        assert!(
            verify(&secret, &code, now + STEP, None).is_some(),
            "one step of drift"
        );
        assert_eq!(
            verify(&secret, &code, now + 5 * STEP, None),
            None,
            "long expired"
        );
        assert_eq!(verify(&secret, "12345", now, None), None);
        assert_eq!(verify(&secret, "abcdef", now, None), None);
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert!(
            verify(&secret, &spaced, now, None).is_some(),
            "spaces are ignored"
        );
    }

    #[test]
    fn urls_qr_codes_and_recovery_codes() {
        let secret = new_secret();
        let url = otpauth_url(&secret, "mette@frivillig.test").unwrap();
        assert!(
            url.starts_with("otpauth://totp/Igang:mette%40frivillig.test?"),
            "{url}"
        );
        let (size, path) = qr_svg_path(&url).unwrap();
        assert!(size > 20 && path.starts_with('M'));
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        assert!(
            codes
                .iter()
                .all(|c| c.len() == 11 && c.as_bytes()[5] == b'-')
        );
        assert_eq!(normalise_recovery_code(" ABCDE-fghjk "), "abcde-fghjk");
        assert_eq!(normalise_recovery_code("abcdefghjk"), "abcde-fghjk");
        assert_eq!(normalise_recovery_code("abcde fghjk"), "abcde-fghjk");
    }
}

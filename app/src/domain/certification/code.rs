//! The public code of a certificate: 80 random bits written as 16 characters of Crockford's
//! base 32 in groups of four (`7K3M-Q9XD-…`), easy to read aloud and to type. The code is
//! the only key to a certificate's public page, so it must not be guessable.

use serde::{Deserialize, Serialize};

/// The letters and digits a code is written with (no I, L, O or U).
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Random bytes a code is made of.
pub const CODE_BYTES: usize = 10;

/// A certificate's public code, in its written form (`XXXX-XXXX-XXXX-XXXX`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CertificateCode(String);

impl CertificateCode {
    /// The code written from `bytes` (from a secure random source).
    pub fn from_bytes(bytes: [u8; CODE_BYTES]) -> CertificateCode {
        let mut bits: u128 = 0;
        for byte in bytes {
            bits = (bits << 8) | u128::from(byte);
        }
        let characters: Vec<u8> = (0..16)
            .rev()
            .map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize])
            .collect();
        let groups: Vec<&str> = characters
            .chunks(4)
            .map(|chunk| std::str::from_utf8(chunk).unwrap_or_default())
            .collect();
        CertificateCode(groups.join("-"))
    }

    /// Reads a code as a person may type it: any case, with or without dashes or spaces,
    /// O for 0 and I or L for 1. `None` when it cannot be a code.
    pub fn parse(text: &str) -> Option<CertificateCode> {
        let characters: Vec<u8> = text
            .chars()
            .filter(|c| !matches!(c, '-' | ' '))
            .map(|c| match c.to_ascii_uppercase() {
                'O' => Some(b'0'),
                'I' | 'L' => Some(b'1'),
                c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => Some(c as u8),
                _ => None,
            })
            .collect::<Option<_>>()?;
        if characters.len() != 16 {
            return None;
        }
        let groups: Vec<&str> = characters
            .chunks(4)
            .map(|chunk| std::str::from_utf8(chunk).unwrap_or_default())
            .collect();
        Some(CertificateCode(groups.join("-")))
    }

    /// The written form, as stored and shown.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for CertificateCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_code_is_four_groups_of_four() {
        let code = CertificateCode::from_bytes([0xff; CODE_BYTES]);
        assert_eq!(code.as_str(), "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        let zero = CertificateCode::from_bytes([0; CODE_BYTES]);
        assert_eq!(zero.as_str(), "0000-0000-0000-0000");
    }

    #[test]
    fn typing_slips_are_forgiven_and_other_text_is_not_a_code() {
        let code = CertificateCode::from_bytes([7; CODE_BYTES]);
        let typed = code.as_str().to_lowercase().replace('-', " ");
        assert_eq!(CertificateCode::parse(&typed), Some(code));
        assert_eq!(
            CertificateCode::parse("oooo iiii llll 0000").map(|c| c.0),
            Some("0000-1111-1111-0000".into())
        );
        for wrong in [
            "",
            "ABCD-EFGH",
            "ABCD-EFGH-JKMN-PQRSU",
            "ABCD-EFGH-JKMN-PQRÆ",
        ] {
            assert_eq!(CertificateCode::parse(wrong), None, "{wrong}");
        }
    }

    proptest! {
        #[test]
        fn every_code_reads_back_and_different_bytes_give_different_codes(
            a in any::<[u8; CODE_BYTES]>(),
            b in any::<[u8; CODE_BYTES]>(),
        ) {
            let code = CertificateCode::from_bytes(a);
            prop_assert_eq!(CertificateCode::parse(code.as_str()), Some(code.clone()));
            prop_assert_eq!(a == b, code == CertificateCode::from_bytes(b));
        }
    }
}

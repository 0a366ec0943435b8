//! The languages Igang speaks and how a request's language is chosen.

use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

/// A language the product is written in. Danish is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// Danish.
    #[default]
    Da,
    /// Norwegian Bokmål.
    Nb,
    /// English.
    En,
}

/// Name of the cookie the language switch sets.
pub const LANGUAGE_COOKIE: &str = "igang_lang";

impl Language {
    /// Every language, in the order the switch shows them.
    pub const ALL: [Language; 3] = [Language::Da, Language::Nb, Language::En];

    /// The BCP 47 tag used in `<html lang>` and stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Language::Da => "da",
            Language::Nb => "nb",
            Language::En => "en",
        }
    }

    /// The language's own name for itself, as shown in the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::Da => "Dansk",
            Language::Nb => "Norsk",
            Language::En => "English",
        }
    }

    /// Maps a language tag (`da-DK`, `no`, `nn`, `en-GB`, ...) to a supported language.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "da" => Some(Language::Da),
            "nb" | "no" | "nn" => Some(Language::Nb),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    /// Picks the best supported language from an `Accept-Language` header value.
    pub fn from_accept_language(header: &str) -> Option<Language> {
        super::weighted_header::best_match(header, Language::from_tag)
    }

    /// Chooses the language for a request: the person's own setting, then the switch's
    /// cookie, then the browser's `Accept-Language`, then Danish.
    pub fn resolve(
        account_setting: Option<Language>,
        cookie: Option<&str>,
        accept_language: Option<&str>,
    ) -> Language {
        account_setting
            .or_else(|| cookie.and_then(|c| c.parse().ok()))
            .or_else(|| accept_language.and_then(Language::from_accept_language))
            .unwrap_or_default()
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The value is not one of the supported language codes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unsupported language {0:?}; use da, nb or en")]
pub struct UnknownLanguage(pub String);

impl FromStr for Language {
    type Err = UnknownLanguage;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "da" => Ok(Language::Da),
            "nb" => Ok(Language::Nb),
            "en" => Ok(Language::En),
            other => Err(UnknownLanguage(other.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_variants_all_map_to_bokmal() {
        for tag in ["nb", "no", "nn", "nb-NO", "nn-NO", "NO"] {
            assert_eq!(Language::from_tag(tag), Some(Language::Nb), "{tag}");
        }
    }

    #[test]
    fn accept_language_respects_quality_and_order() {
        let cases = [
            ("da-DK,da;q=0.9,en;q=0.8", Some(Language::Da)),
            ("en-GB,en;q=0.9", Some(Language::En)),
            ("de-DE,de;q=0.9,nn;q=0.5,en;q=0.4", Some(Language::Nb)),
            ("en;q=0.3, no;q=0.8", Some(Language::Nb)),
            ("fr, de", None),
            ("da;q=0, en", Some(Language::En)),
            ("", None),
            ("*", None),
            ("en;q=abc, da", Some(Language::Da)),
        ];
        for (header, expected) in cases {
            assert_eq!(Language::from_accept_language(header), expected, "{header}");
        }
    }

    #[test]
    fn resolution_order_is_setting_cookie_header_default() {
        use Language::*;
        assert_eq!(Language::resolve(Some(En), Some("nb"), Some("da")), En);
        assert_eq!(Language::resolve(None, Some("nb"), Some("en")), Nb);
        assert_eq!(Language::resolve(None, Some("xx"), Some("en")), En);
        assert_eq!(Language::resolve(None, None, Some("no")), Nb);
        assert_eq!(Language::resolve(None, None, Some("fr")), Da);
        assert_eq!(Language::resolve(None, None, None), Da);
    }

    #[test]
    fn codes_round_trip() {
        for language in Language::ALL {
            assert_eq!(language.code().parse::<Language>(), Ok(language));
        }
        assert!("dk".parse::<Language>().is_err());
    }
}

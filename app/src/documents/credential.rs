//! The certificate as an Open Badges 3.0 credential, the issuer's profile, the programme as
//! an achievement and the revocation list, as the JSON documents verifiers read (W3C
//! Verifiable Credentials 2.0, Open Badges context 3.0.3). Each credential carries the JWT
//! claims that mirror it (`iss`, `jti`, `nbf`, `sub`, `exp`) so it is signed as it stands.
//! Addresses are built from the site's base URL, so a credential points back to this site.

use crate::domain::{
    certification::{Localized, status_list::StatusEntry},
    language::Language,
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value, json};
use std::io::Write;

/// The Verifiable Credentials 2.0 context.
pub const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
/// The Open Badges 3.0 context this product writes against.
pub const OB_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
/// The issuer's name in every credential.
pub const ISSUER_NAME: &str = "Igang";

/// The public addresses a credential refers to, all under the site's base URL.
#[derive(Clone, Debug)]
pub struct Addresses {
    base: String,
}

impl Addresses {
    /// Addresses under `base_url` (`https://igang.example`).
    pub fn new(base_url: &str) -> Addresses {
        Addresses {
            base: base_url.trim_end_matches('/').to_owned(),
        }
    }

    /// The site's home page.
    pub fn home(&self) -> String {
        format!("{}/", self.base)
    }

    /// The issuer's profile (its id).
    pub fn issuer(&self) -> String {
        format!("{}/issuer", self.base)
    }

    /// The issuer's published keys.
    pub fn jwks(&self) -> String {
        format!("{}/issuer/jwks.json", self.base)
    }

    /// One published key (the `kid` of what it signs).
    pub fn key(&self, key_id: &str) -> String {
        format!("{}/issuer/keys/{key_id}", self.base)
    }

    /// A programme as an achievement.
    pub fn achievement(&self, slug: &str) -> String {
        format!("{}/issuer/achievements/{slug}", self.base)
    }

    /// A certificate's public page (the credential's id).
    pub fn certificate(&self, code: &str) -> String {
        format!("{}/verify/{code}", self.base)
    }

    /// A revocation list.
    pub fn status_list(&self, list: u32) -> String {
        format!("{}/status/{list}", self.base)
    }
}

/// A programme as the achievement a certificate attests.
#[derive(Clone, Debug)]
pub struct AchievementFacts {
    /// Its short name, in its address.
    pub slug: String,
    /// Its title per language.
    pub titles: Localized,
    /// What earns it, per language.
    pub criteria: Localized,
}

/// What a credential states about one certificate.
#[derive(Clone, Debug)]
pub struct CredentialFacts {
    /// The public code.
    pub code: String,
    /// The programme.
    pub achievement: AchievementFacts,
    /// The holder's name; none once their account was deleted.
    pub holder: Option<String>,
    /// The holder's language: the credential's texts are in it.
    pub language: Language,
    /// When it was issued.
    pub issued_at: DateTime<Utc>,
    /// When it expires, if it does.
    pub expires_at: Option<DateTime<Utc>>,
    /// Its place in the revocation lists.
    pub status: StatusEntry,
}

fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn description(language: Language, title: &str) -> String {
    match language {
        Language::Da => format!(
            "Udstedt af Igang til frivillige, der har opfyldt alle krav i uddannelsen «{title}» og kan sætte selvhjælpsgrupper i gang."
        ),
        Language::Nb => format!(
            "Utstedt av Igang til frivillige som har oppfylt alle krav i opplæringen «{title}» og kan sette i gang selvhjelpsgrupper."
        ),
        Language::En => format!(
            "Issued by Igang to volunteers who met every requirement of the programme “{title}” and can start self-help groups."
        ),
    }
}

/// The issuer's profile: who signs the credentials.
pub fn issuer_profile(at: &Addresses) -> Value {
    json!({
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": at.issuer(),
        "type": ["Profile"],
        "name": ISSUER_NAME,
        "url": at.home(),
        "description": "Igang trains, certifies and connects the volunteers who start self-help groups.",
    })
}

/// The issuer as it appears inside a credential.
fn issuer_reference(at: &Addresses) -> Value {
    json!({
        "id": at.issuer(),
        "type": ["Profile"],
        "name": ISSUER_NAME,
        "url": at.home(),
    })
}

/// A programme as an achievement, its texts in `language`.
pub fn achievement(at: &Addresses, facts: &AchievementFacts, language: Language) -> Value {
    let title = facts.titles.get(language);
    json!({
        "id": at.achievement(&facts.slug),
        "type": ["Achievement"],
        "achievementType": "Certification",
        "name": title,
        "description": description(language, title),
        "criteria": { "narrative": facts.criteria.get(language) },
        "creator": issuer_reference(at),
        "inLanguage": language.code(),
    })
}

/// The achievement as a document of its own (served at its address).
pub fn achievement_document(at: &Addresses, facts: &AchievementFacts, language: Language) -> Value {
    let mut document = achievement(at, facts, language);
    if let Value::Object(fields) = &mut document {
        let mut with_context = Map::new();
        with_context.insert("@context".into(), json!([VC_CONTEXT, OB_CONTEXT]));
        with_context.extend(std::mem::take(fields));
        *fields = with_context;
    }
    document
}

/// The subject's id: the holder as named on the certificate's public page.
pub fn subject_id(at: &Addresses, code: &str) -> String {
    format!("{}#holder", at.certificate(code))
}

/// The credential for one certificate, with the JWT claims that mirror it.
pub fn credential(at: &Addresses, facts: &CredentialFacts) -> Value {
    let id = at.certificate(&facts.code);
    let subject = subject_id(at, &facts.code);
    let mut credential_subject = json!({
        "id": subject,
        "type": ["AchievementSubject"],
        "achievement": achievement(at, &facts.achievement, facts.language),
    });
    if let Some(name) = &facts.holder {
        credential_subject["identifier"] = json!([{
            "type": "IdentityObject",
            "identityHash": name,
            "identityType": "name",
            "hashed": false,
        }]);
    }
    let list = at.status_list(facts.status.list);
    let mut credential = json!({
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": facts.achievement.titles.get(facts.language),
        "issuer": issuer_reference(at),
        "validFrom": timestamp(facts.issued_at),
        "awardedDate": timestamp(facts.issued_at),
        "credentialSubject": credential_subject,
        "credentialStatus": {
            "id": format!("{list}#{}", facts.status.index),
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": facts.status.index.to_string(),
            "statusListCredential": list,
        },
        "iss": at.issuer(),
        "jti": id,
        "sub": subject,
        "nbf": facts.issued_at.timestamp(),
    });
    if let Some(expires_at) = facts.expires_at {
        credential["validUntil"] = json!(timestamp(expires_at));
        credential["exp"] = json!(expires_at.timestamp());
    }
    credential
}

/// The bits of a revocation list as the standard writes them: gzip, then base64url with
/// the multibase prefix `u`.
pub fn encode_list(bits: &[u8]) -> std::io::Result<String> {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gzip.write_all(bits)?;
    Ok(format!("u{}", URL_SAFE_NO_PAD.encode(gzip.finish()?)))
}

/// Revocation list `list` as a Bitstring Status List credential, made at `now`, with
/// `encoded_list` from [`encode_list`].
pub fn status_list_credential(
    at: &Addresses,
    list: u32,
    encoded_list: &str,
    now: DateTime<Utc>,
) -> Value {
    let id = at.status_list(list);
    json!({
        "@context": [VC_CONTEXT],
        "id": id,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": at.issuer(),
        "validFrom": timestamp(now),
        "credentialSubject": {
            "id": format!("{id}#list"),
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded_list,
        },
        "iss": at.issuer(),
        "jti": id,
        "nbf": now.timestamp(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn facts(expires: bool) -> CredentialFacts {
        let issued = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
        CredentialFacts {
            code: "AB12-CD34-EF56-GH78".into(),
            achievement: AchievementFacts {
                slug: "certificeret-igangsaetter".into(),
                titles: Localized {
                    da: "Certificeret igangsætter".into(),
                    nb: "Sertifisert igangsetter".into(),
                    en: "Certified group starter".into(),
                },
                criteria: Localized {
                    da: "Kursus og workshop".into(),
                    nb: "Kurs og workshop".into(),
                    en: "Course and workshop".into(),
                },
            },
            holder: Some("Maja Holm".into()),
            language: Language::Nb,
            issued_at: issued,
            expires_at: expires.then(|| issued + chrono::Duration::days(730)),
            status: StatusEntry { list: 1, index: 6 },
        }
    }

    #[test]
    fn the_jwt_claims_mirror_the_credential() {
        let at = Addresses::new("https://igang.example/");
        let c = credential(&at, &facts(true));
        assert_eq!(c["iss"], c["issuer"]["id"]);
        assert_eq!(c["jti"], c["id"]);
        assert_eq!(c["sub"], c["credentialSubject"]["id"]);
        assert_eq!(c["id"], "https://igang.example/verify/AB12-CD34-EF56-GH78");
        assert_eq!(c["nbf"], json!(1_772_359_200));
        assert_eq!(c["validFrom"], "2026-03-01T10:00:00Z");
        assert_eq!(c["validUntil"], "2028-02-29T10:00:00Z");
        assert_eq!(c["exp"], json!(1_772_359_200 + 730 * 86_400));
        assert_eq!(c["name"], "Sertifisert igangsetter");
        assert!(c.get("issuanceDate").is_none());
        assert_eq!(c["credentialStatus"]["statusListIndex"], "6");
        assert_eq!(
            c["credentialStatus"]["statusListCredential"],
            "https://igang.example/status/1"
        );
    }

    #[test]
    fn no_expiry_means_no_valid_until_and_no_exp() {
        let c = credential(&Addresses::new("http://x"), &facts(false));
        assert!(c.get("validUntil").is_none());
        assert!(c.get("exp").is_none());
    }

    #[test]
    fn a_removed_holder_is_not_named() {
        let mut f = facts(true);
        f.holder = None;
        let c = credential(&Addresses::new("http://x"), &f);
        assert!(c["credentialSubject"].get("identifier").is_none());
    }

    #[test]
    fn a_list_reads_back_with_its_bits() {
        use flate2::read::GzDecoder;
        use std::io::Read;
        let ids = [1, 9].map(crate::domain::ids::CertificateId::new);
        let bits = crate::domain::certification::status_list::bitstring(1, &ids);
        let encoded = encode_list(&bits).unwrap();
        let compressed = URL_SAFE_NO_PAD
            .decode(encoded.strip_prefix('u').unwrap())
            .unwrap();
        let mut read = Vec::new();
        GzDecoder::new(&compressed[..])
            .read_to_end(&mut read)
            .unwrap();
        assert_eq!(read, bits);
        assert_eq!(&read[..2], &[0b1000_0000, 0b1000_0000]);
        // A list of mostly zeros compresses to almost nothing.
        assert!(encoded.len() < 200);
    }
}

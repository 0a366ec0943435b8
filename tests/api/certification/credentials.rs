//! The certificate as an Open Badges 3.0 credential, checked as an outside verifier would:
//! the VC-JWT's signature against the key fetched from the issuer's JWK Set, the payload
//! against 1EdTech's JSON Schema and the JSON-LD contexts shipped in `app/openbadges/`, and
//! revocation read from the signed Bitstring Status List.

use super::certificate_for;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{Duration, Utc};
use igang_tests::{TestApp, TestOptions, backends, fixtures::volunteer, spawn_app};
use ring::signature::{ECDSA_P256_SHA256_FIXED, UnparsedPublicKey};
use serde_json::Value;
use std::{collections::HashSet, io::Read};

const CREDENTIAL_SCHEMA: &str =
    include_str!("../../../app/openbadges/schema/ob_v3p0_achievementcredential_schema.json");
const PROFILE_SCHEMA: &str =
    include_str!("../../../app/openbadges/schema/ob_v3p0_profile_schema.json");
const CONTEXTS: [&str; 2] = [
    include_str!("../../../app/openbadges/contexts/credentials-v2.jsonld"),
    include_str!("../../../app/openbadges/contexts/ob-v3p0-context-3.0.3.json"),
];
/// The JWT claims that mirror the credential; JSON-LD leaves them out.
const JWT_CLAIMS: [&str; 5] = ["iss", "jti", "nbf", "sub", "exp"];

async fn get(app: &TestApp, url: &str) -> reqwest::Response {
    let url = if url.starts_with("http") {
        url.to_owned()
    } else {
        app.url(url)
    };
    reqwest::get(url).await.unwrap()
}

async fn get_json(app: &TestApp, url: &str) -> Value {
    let response = get(app, url).await;
    assert_eq!(response.status(), 200, "{url}");
    serde_json::from_str(&response.text().await.unwrap()).expect("JSON")
}

fn header(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// A signed document fetched from `url`: its header and payload, after checking the
/// answer's headers.
async fn fetch_jwt(app: &TestApp, url: &str) -> String {
    let response = get(app, url).await;
    assert_eq!(response.status(), 200, "{url}");
    assert_eq!(
        header(&response, "content-type").as_deref(),
        Some("application/vc+jwt")
    );
    assert_eq!(
        header(&response, "access-control-allow-origin").as_deref(),
        Some("*")
    );
    response.text().await.unwrap()
}

fn decode_part(part: &str) -> Value {
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).expect("base64url")).expect("JSON")
}

/// The header and payload of a compact JWS, and whether its signature verifies with the
/// key its `kid` names in the issuer's JWK Set (fetched, as a verifier would).
async fn verify(app: &TestApp, token: &str) -> (Value, Value, bool) {
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3, "a compact JWS");
    let (header, payload) = (decode_part(parts[0]), decode_part(parts[1]));
    let keys = get_json(app, "/issuer/jwks.json").await;
    let kid = header["kid"].as_str().expect("a kid");
    let jwk = keys["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kid"] == kid)
        .unwrap_or_else(|| panic!("{kid} in the JWK Set"))
        .clone();
    // The kid resolves to the same key on its own.
    assert_eq!(get_json(app, kid).await, jwk);
    assert_eq!(
        (jwk["kty"].as_str(), jwk["crv"].as_str()),
        (Some("EC"), Some("P-256"))
    );
    let mut point = vec![4u8];
    for coordinate in ["x", "y"] {
        point.extend(
            URL_SAFE_NO_PAD
                .decode(jwk[coordinate].as_str().unwrap())
                .unwrap(),
        );
    }
    let signature = URL_SAFE_NO_PAD.decode(parts[2]).unwrap();
    let signed = format!("{}.{}", parts[0], parts[1]);
    let valid = UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, point)
        .verify(signed.as_bytes(), &signature)
        .is_ok();
    (header, payload, valid)
}

/// Every error `instance` has against `schema` (JSON Schema draft 2019-09).
fn schema_errors(schema: &str, instance: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(schema).unwrap();
    let validator = jsonschema::draft201909::new(&schema).expect("the schema compiles");
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Every term the shipped contexts define, at any depth (type-scoped contexts included).
fn defined_terms() -> HashSet<String> {
    fn collect(value: &Value, terms: &mut HashSet<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::Object(context)) = map.get("@context") {
                    terms.extend(context.keys().filter(|k| !k.starts_with('@')).cloned());
                }
                map.values().for_each(|v| collect(v, terms));
            }
            Value::Array(items) => items.iter().for_each(|v| collect(v, terms)),
            _ => {}
        }
    }
    let mut terms = HashSet::new();
    for context in CONTEXTS {
        collect(&serde_json::from_str(context).unwrap(), &mut terms);
    }
    terms
}

/// The keys and type names in `document` no shipped context defines.
fn undefined_terms(document: &Value, terms: &HashSet<String>) -> Vec<String> {
    fn walk(value: &Value, top: bool, terms: &HashSet<String>, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let skipped = key == "@context" || (top && JWT_CLAIMS.contains(&key.as_str()));
                    if !skipped && !terms.contains(key) {
                        out.push(key.clone());
                    }
                    if key == "type" {
                        let names = match child {
                            Value::Array(items) => items.clone(),
                            other => vec![other.clone()],
                        };
                        out.extend(
                            names
                                .iter()
                                .filter_map(Value::as_str)
                                .filter(|n| !terms.contains(*n))
                                .map(str::to_owned),
                        );
                    } else if key != "@context" {
                        walk(child, false, terms, out);
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, false, terms, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(document, true, terms, &mut out);
    out
}

fn epoch(text: &Value) -> i64 {
    chrono::DateTime::parse_from_rfc3339(text.as_str().unwrap())
        .unwrap()
        .timestamp()
}

/// Whether revocation list `list` (fetched and verified) has the bit at `index` set.
async fn revoked_in_list(app: &TestApp, list: &str, index: usize) -> bool {
    let token = fetch_jwt(app, list).await;
    let (_, payload, valid) = verify(app, &token).await;
    assert!(valid, "the list's signature verifies");
    assert_eq!(payload["type"][1], "BitstringStatusListCredential");
    assert_eq!(payload["id"], list);
    let subject = &payload["credentialSubject"];
    assert_eq!(subject["statusPurpose"], "revocation");
    let encoded = subject["encodedList"].as_str().unwrap();
    let compressed = URL_SAFE_NO_PAD
        .decode(encoded.strip_prefix('u').unwrap())
        .unwrap();
    let mut bits = Vec::new();
    flate2::read::GzDecoder::new(&compressed[..])
        .read_to_end(&mut bits)
        .unwrap();
    assert_eq!(bits.len() * 8, 131_072, "16 KiB of bits");
    assert!(undefined_terms(&payload, &defined_terms()).is_empty());
    bits[index / 8] & (0x80 >> (index % 8)) != 0
}

#[tokio::test]
async fn a_credential_verifies_fits_the_schema_and_shows_its_revocation() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        volunteer(&app, "asta@x.test").await;
        volunteer(&app, "bo@x.test").await;
        let issued = Utc::now() - Duration::days(3);
        let expires = issued + Duration::days(730);
        let code = certificate_for(&app, "asta@x.test", issued, expires).await;
        let other = certificate_for(&app, "bo@x.test", issued, expires).await;

        let url = format!("/verify/{code}/credential.jwt");
        let response = get(&app, &url).await;
        assert_eq!(
            header(&response, "content-disposition"),
            Some(format!("attachment; filename=\"certificate-{code}.jwt\""))
        );
        let token = fetch_jwt(&app, &url).await;
        let (jose, credential, valid) = verify(&app, &token).await;
        assert!(valid, "the signature verifies with the published key");
        assert_eq!(jose["alg"], "ES256");
        assert_eq!(jose["typ"], "JWT");

        // The credential itself is the payload, as OB 3.0 with VC 2.0 has it.
        let errors = schema_errors(CREDENTIAL_SCHEMA, &credential);
        assert!(errors.is_empty(), "{errors:#?}\n{credential:#}");
        let undefined = undefined_terms(&credential, &defined_terms());
        assert!(undefined.is_empty(), "undefined terms: {undefined:?}");
        assert!(credential.get("vc").is_none() && credential.get("issuanceDate").is_none());
        assert_eq!(
            credential["type"],
            serde_json::json!(["VerifiableCredential", "OpenBadgeCredential"])
        );
        let base = app.base_url.trim_end_matches('/');
        assert_eq!(credential["id"], format!("{base}/verify/{code}"));
        assert_eq!(credential["iss"], credential["issuer"]["id"]);
        assert_eq!(credential["iss"], format!("{base}/issuer"));
        assert_eq!(credential["jti"], credential["id"]);
        assert_eq!(credential["sub"], credential["credentialSubject"]["id"]);
        assert_eq!(
            credential["nbf"].as_i64(),
            Some(epoch(&credential["validFrom"]))
        );
        assert_eq!(
            credential["exp"].as_i64(),
            Some(epoch(&credential["validUntil"]))
        );
        assert_eq!(credential["exp"].as_i64(), Some(expires.timestamp()));
        let achievement = &credential["credentialSubject"]["achievement"];
        assert_eq!(achievement["name"], "Certificeret igangsætter");
        assert!(
            jose["kid"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{base}/issuer/keys/"))
        );
        let holder = &credential["credentialSubject"]["identifier"][0];
        assert_eq!(holder["identityType"], "name");
        assert!(!token.contains("x.test") && !credential.to_string().contains("x.test"));

        // What the credential points to is there.
        let profile = get_json(&app, "/issuer").await;
        let errors = schema_errors(PROFILE_SCHEMA, &profile);
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(profile["id"], credential["iss"]);
        let programme = get_json(&app, achievement["id"].as_str().unwrap()).await;
        assert_eq!(programme["id"], achievement["id"]);

        // The status list: clear, then set for this certificate only once it is revoked.
        let status = &credential["credentialStatus"];
        assert_eq!(status["type"], "BitstringStatusListEntry");
        assert_eq!(status["statusPurpose"], "revocation");
        let list = status["statusListCredential"].as_str().unwrap().to_owned();
        let index: usize = status["statusListIndex"].as_str().unwrap().parse().unwrap();
        assert!(!revoked_in_list(&app, &list, index).await);
        let revoked = app::store::certification::revoke(&app.db, &code, "test", Utc::now());
        assert!(revoked.await.unwrap());
        assert!(revoked_in_list(&app, &list, index).await, "revoked");
        let other_token = fetch_jwt(&app, &format!("/verify/{other}/credential.jwt")).await;
        let other_status = verify(&app, &other_token).await.1["credentialStatus"].clone();
        let other_index: usize = other_status["statusListIndex"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert_ne!(other_index, index);
        assert!(
            !revoked_in_list(&app, &list, other_index).await,
            "the other stays valid"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_rotated_key_leaves_what_it_signed_verifiable() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    volunteer(&app, "asta@x.test").await;
    let now = Utc::now();
    let code = certificate_for(&app, "asta@x.test", now, now + Duration::days(10)).await;
    let url = format!("/verify/{code}/credential.jwt");
    let before = fetch_jwt(&app, &url).await;

    let secret = server::secret::load_or_create(&app.dir.path().join("secret.key")).unwrap();
    app::credentials::rotate_signing_key(&app.db, &secret.0, Utc::now())
        .await
        .unwrap();
    let after = fetch_jwt(&app, &url).await;

    let (old_header, _, old_valid) = verify(&app, &before).await;
    let (new_header, _, new_valid) = verify(&app, &after).await;
    assert!(old_valid, "signed before the rotation, still verifies");
    assert!(new_valid);
    assert_ne!(old_header["kid"], new_header["kid"]);
    let keys = get_json(&app, "/issuer/jwks.json").await;
    assert_eq!(keys["keys"].as_array().unwrap().len(), 2);

    // A signature does not verify with another key: swap the kid for the old one.
    let parts: Vec<&str> = after.split('.').collect();
    let mut forged_header = new_header.clone();
    forged_header["kid"] = old_header["kid"].clone();
    let forged = format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode(forged_header.to_string()),
        parts[1],
        parts[2]
    );
    assert!(!verify(&app, &forged).await.2);
    app.stop().await;
}

#[tokio::test]
async fn unknown_codes_lists_and_keys_are_not_found() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    for path in [
        "/verify/0000-0000-0000-0000/credential.jwt",
        "/verify/not-a-code/credential.jwt",
        "/status/0",
        "/status/first",
        "/issuer/keys/no-such-key",
        "/issuer/achievements/no-such-programme",
    ] {
        assert_eq!(get(&app, path).await.status(), 404, "{path}");
    }
    // A list no certificate has reached yet is all clear, and signed like the others.
    assert!(!revoked_in_list(&app, &app.url("/status/1"), 0).await);
    app.stop().await;
}

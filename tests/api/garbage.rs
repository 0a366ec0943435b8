//! Bad input at every door: each server function, posted malformed bodies, answers with a
//! client error and a message, never a server error.

use crate::endpoints;
use app::domain::role::Role;
use igang_tests::{
    TestOptions, backends,
    fixtures::{centre, staff},
    spawn_app,
};

/// Bodies no form would send, each with the content type it claims.
fn garbage(valid: &[(&'static str, String)]) -> Vec<(&'static str, Vec<u8>)> {
    const FORM: &str = "application/x-www-form-urlencoded";
    let encode = |pairs: &[(&str, String)]| -> Vec<u8> {
        url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
            .finish()
            .into_bytes()
    };
    let mut bodies = vec![
        (FORM, Vec::new()),
        (FORM, b"\xff\xfe\x00\x01not a form at all".to_vec()),
        (FORM, b"a=%ZZ&b=%&=&&==".to_vec()),
        (FORM, br#"{"json": "where a form belongs"}"#.to_vec()),
        ("application/json", br#"{"page": "#.to_vec()),
        ("text/plain", b"page=1".to_vec()),
    ];
    // Every field at once far too long, or a word where a number belongs, or missing.
    let long: Vec<(&str, String)> = valid
        .iter()
        .map(|(k, _)| (*k, "x".repeat(100_000)))
        .collect();
    let words: Vec<(&str, String)> = valid
        .iter()
        .map(|(k, _)| (*k, "ikke-et-tal".to_owned()))
        .collect();
    let doubled: Vec<(&str, String)> = valid.iter().chain(valid.iter()).cloned().collect();
    bodies.push((FORM, encode(&long)));
    bodies.push((FORM, encode(&words)));
    bodies.push((FORM, encode(&doubled)));
    if valid.len() > 1 {
        bodies.push((FORM, encode(&valid[1..])));
    }
    bodies
}

#[tokio::test]
async fn malformed_posts_to_every_server_function_get_a_client_error_with_a_message() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let a = centre(&app, "Centre A").await;
    let admin = staff(&app, "admin@x.test", Role::Admin, None).await;
    let visitor = app.client();
    let mut failures = Vec::new();
    for endpoint in endpoints::all(&a.public_id) {
        for (who, client) in [("visitor", &visitor), ("admin", &admin)] {
            for (content_type, body) in garbage(&endpoint.form) {
                let response = app
                    .same_origin_post(client, endpoint.path)
                    .header("sec-fetch-site", "same-origin")
                    .header("accept", "application/json")
                    .header("content-type", content_type)
                    .body(body.clone())
                    .send()
                    .await
                    .expect("an answer");
                let status = response.status();
                let text = response.text().await.unwrap_or_default();
                let shown = String::from_utf8_lossy(&body[..body.len().min(60)]).into_owned();
                if status.is_server_error() {
                    failures.push(format!(
                        "{} as {who}, {shown:?}: {status} {text}",
                        endpoint.path
                    ));
                } else if status.is_client_error() && text.trim().is_empty() {
                    failures.push(format!(
                        "{} as {who}, {shown:?}: {status} without a message",
                        endpoint.path
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    app.stop().await;
}

//! The certificate as a PDF: anyone with the code downloads it, in the holder's language,
//! and a revocation shows on it at once.

use super::{attend, complete_course, schedule};
use app::{
    api::certification::MyCertification,
    domain::{certification::CertificateCode, role::Role},
    store::certification,
};
use chrono::{Duration, Utc};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{json, staff, volunteer},
    spawn_app,
};
use printpdf::{PdfDocument, PdfParseOptions};

/// The text on the PDF's pages.
fn text_of(bytes: &[u8]) -> String {
    let mut warnings = Vec::new();
    let parsed = PdfDocument::parse(bytes, &PdfParseOptions::default(), &mut warnings)
        .expect("a readable PDF");
    parsed.extract_text().concat().join("\n")
}

async fn download(app: &TestApp, path: &str) -> reqwest::Response {
    app.client().get(app.url(path)).send().await.unwrap()
}

#[tokio::test]
async fn anyone_with_the_code_downloads_the_certificate() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let trainer = staff(&app, "tove@x.test", Role::Trainer, None).await;
    let asta = volunteer(&app, "asta@x.test").await;
    let workshop = schedule(&app, &trainer, Duration::hours(1), 12).await;
    assert!(complete_course(&app, &asta).await);
    attend(&app, &trainer, &asta, workshop).await;
    let mine: MyCertification = json(app.load_my_certification(&asta).await).await;
    let code = mine.certificates[0].code.clone();

    let path = format!("/verify/{code}/certificate.pdf");
    let response = download(&app, &path).await;
    assert_eq!(response.status(), 200);
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    assert_eq!(header("content-type").as_deref(), Some("application/pdf"));
    assert_eq!(header("cache-control").as_deref(), Some("no-store"));
    assert_eq!(
        header("content-security-policy"),
        None,
        "the browser's PDF viewer is not blocked by a page policy"
    );
    assert_eq!(header("x-content-type-options").as_deref(), Some("nosniff"));
    assert_eq!(
        header("content-disposition"),
        Some(format!("inline; filename=\"certificate-{code}.pdf\""))
    );
    let text = text_of(&response.bytes().await.unwrap());
    for expected in ["asta", code.as_str(), "Certificeret igangsætter", "Bevis"] {
        assert!(text.contains(expected), "{expected:?} in {text:?}");
    }
    assert!(
        !text.contains("asta@x.test"),
        "nothing more about the person"
    );
    assert!(!text.contains("TILBAGEKALDT"));

    // Typed loosely, the code finds the same certificate.
    let loose = format!("/verify/{}/certificate.pdf", code.to_lowercase());
    assert_eq!(download(&app, &loose).await.status(), 200);

    // Revoked, the next download says so.
    let parsed = CertificateCode::parse(&code).unwrap();
    assert!(
        certification::revoke(&app.db, &parsed, "test", Utc::now())
            .await
            .unwrap()
    );
    let revoked = download(&app, &path).await.bytes().await.unwrap();
    assert!(text_of(&revoked).contains("TILBAGEKALDT den"));
    app.stop().await;
}

#[tokio::test]
async fn an_unknown_or_malformed_code_has_no_certificate() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    for code in ["0000-0000-0000-0000", "not-a-code"] {
        let response = download(&app, &format!("/verify/{code}/certificate.pdf")).await;
        assert_eq!(response.status(), 404, "{code}");
        assert!(response.text().await.unwrap().contains("No certificate"));
    }
    app.stop().await;
}

//! Lesson images: checked, stored, served, and carried along in bundles.

use super::location;
use app::domain::ids::LessonId;
use app::{api::catalogue::LessonPage, domain::bundle, domain::role::Role};
use igang_tests::{
    TestApp, TestOptions, backends,
    client::LessonForm,
    fixtures::{json, ok, small_course, staff},
    spawn_app,
};

/// The bytes of a small file that looks like a PNG image.
fn png() -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&[0u8; 64]);
    png
}

/// Uploads [`png`] for the lesson; returns the stored file's name.
async fn uploaded(app: &TestApp, trainer: &reqwest::Client, lesson: LessonId) -> String {
    let stored = app.upload_image(trainer, lesson, png()).await;
    let target = location(&stored);
    assert!(target.starts_with(&format!("/authoring/lessons/{lesson}?image=")));
    target
        .split_once("?image=")
        .map(|(_, n)| n.to_owned())
        .unwrap_or_else(|| panic!("{target}"))
}

#[tokio::test]
async fn images_are_checked_stored_and_served() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "trainer@x.test", Role::Trainer, None).await;
        let (_, lesson) = small_course(&app, &trainer, "Billeder").await;
        let name = uploaded(&app, &trainer, lesson).await;
        let served =
            igang_tests::answer(app.client().get(app.url(&format!("/media/{name}")))).await;
        assert_eq!(served.status(), 200, "{}", backend.name());
        assert_eq!(served.headers()["content-type"], "image/png");
        assert_eq!(served.bytes().await.unwrap().to_vec(), png());

        let svg = app
            .upload_image(&trainer, lesson, b"<svg onload=alert(1)></svg>".to_vec())
            .await;
        assert!(
            location(&svg).ends_with("?image_error=type"),
            "{}",
            location(&svg)
        );
        let mut huge = b"\x89PNG\r\n\x1a\n".to_vec();
        huge.resize(6 * 1024 * 1024, 0);
        let huge = app.upload_image(&trainer, lesson, huge).await;
        assert!(
            location(&huge).ends_with("?image_error=size"),
            "{}",
            location(&huge)
        );
        for path in [
            "/media/../secret.key",
            "/media/secret.key",
            "/media/%2e%2e%2fsecret.key",
        ] {
            let r = igang_tests::answer(app.client().get(app.url(path))).await;
            assert_eq!(r.status(), 404, "{path}");
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn a_lesson_that_shows_an_image_carries_it_along_in_the_exported_bundle() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "trainer@x.test", Role::Trainer, None).await;
        let (id, lesson) = small_course(&app, &trainer, "Billeder").await;
        let name = uploaded(&app, &trainer, lesson).await;
        let body = format!("![Stolene i rundkreds](/media/{name})");
        let text = LessonForm::new("Gensidighed", "12", &body).quiz("75");
        ok(app.update_lesson(&trainer, lesson, text).await).await;
        let zip = app
            .export_bundle(&trainer, &id)
            .await
            .bytes()
            .await
            .unwrap();
        let files = bundle::unzip(std::io::Cursor::new(zip.to_vec())).unwrap();
        let bundle = bundle::read(files).unwrap();
        assert_eq!(bundle.media.get(&name), Some(&png()), "{}", backend.name());
        let page: LessonPage = json(app.preview_lesson(&trainer, lesson).await).await;
        assert!(
            page.body_html
                .contains(&format!("<img src=\"/media/{name}\"")),
            "{}",
            page.body_html
        );
        app.stop().await;
    }
}

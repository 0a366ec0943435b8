//! Course bundles: exported and imported without loss, refused with a reason when broken,
//! for authors only.

use super::{editor, location};
use app::{
    api::authoring::PublishPreview,
    domain::{bundle, course::CourseStatus, role::Role},
    store::courses,
};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{json, staff, volunteer},
    spawn_app,
};
use std::collections::BTreeMap;

/// The files of a shipped course's folder, by path inside it.
fn shipped_files(slug_dir: &str) -> BTreeMap<String, Vec<u8>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../app/curriculum")
        .join(slug_dir);
    let mut files = BTreeMap::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path
                    .strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// The browser of a trainer whom an administrator named an editor of the shipped Danish course,
/// the course's public id and its exported bundle.
async fn exported(app: &TestApp) -> (reqwest::Client, String, Vec<u8>) {
    let trainer = staff(app, "trainer@x.test", Role::Trainer, None).await;
    let shipped = courses::find_by_slug(&app.db, "igangsaetteruddannelse")
        .await
        .unwrap()
        .expect("shipped course");
    let email = app::domain::email::EmailAddress::parse("trainer@x.test").unwrap();
    let person = app::store::people::find_by_email(&app.db, &email)
        .await
        .unwrap()
        .unwrap();
    courses::add_editor(&app.db, shipped.id, person.id, chrono::Utc::now())
        .await
        .unwrap();
    let export = app.export_bundle(&trainer, &shipped.public_id).await;
    assert_eq!(export.status(), 200);
    assert_eq!(export.headers()["content-type"], "application/zip");
    let zip = export.bytes().await.unwrap().to_vec();
    (trainer, shipped.public_id, zip)
}

/// `bundle` zipped.
fn zipped(bundle: &bundle::Bundle) -> Vec<u8> {
    let mut zip = std::io::Cursor::new(Vec::new());
    bundle::zip_files("x", &bundle::write(bundle), &mut zip).unwrap();
    zip.into_inner()
}

/// The reason an import was refused, from the address it sent the browser to.
fn import_error(response: &reqwest::Response) -> String {
    let target = location(response);
    let (page, query) = target.split_once('?').unwrap_or_else(|| panic!("{target}"));
    assert_eq!(page, "/authoring", "{target}");
    let (key, reason) = url::form_urlencoded::parse(query.as_bytes())
        .next()
        .unwrap();
    assert_eq!(key, "import_error", "{target}");
    reason.into_owned()
}

#[tokio::test]
async fn a_bundle_exports_the_shipped_files_and_imports_back_as_an_identical_draft() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (trainer, shipped, zip) = exported(&app).await;

        // Export gives back the shipped files byte for byte.
        let files = bundle::unzip(std::io::Cursor::new(zip.clone())).unwrap();
        let expected: BTreeMap<String, Vec<u8>> = shipped_files("igangsaetter-da")
            .into_iter()
            .map(|(path, bytes)| (format!("igangsaetteruddannelse-v1/{path}"), bytes))
            .collect();
        assert_eq!(
            files.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>(),
            "{}",
            backend.name()
        );
        for (path, bytes) in &expected {
            assert_eq!(
                String::from_utf8_lossy(&files[path]),
                String::from_utf8_lossy(bytes),
                "{path}"
            );
        }

        // Imported back, it becomes draft version 2 of the same course, identical to version 1.
        let imported = app.import_bundle(&trainer, zip.clone()).await;
        assert_eq!(imported.status(), 303);
        assert_eq!(
            location(&imported),
            format!("/authoring/courses/{shipped}?imported=1")
        );
        let preview: PublishPreview =
            json(app.load_publish_preview(&trainer, &shipped).await).await;
        assert_eq!((preview.version, preview.replaces), (2, Some(1)));
        assert_eq!(preview.changes, vec![], "nothing was lost or changed");
        assert_eq!(preview.flaws, vec![]);

        // A second import while that draft exists is refused with a reason.
        let refused = app.import_bundle(&trainer, zip).await;
        assert!(!import_error(&refused).is_empty());
        app.stop().await;
    }
}

#[tokio::test]
async fn a_bundle_under_a_new_short_name_is_a_new_course() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (trainer, _, zip) = exported(&app).await;
        let files = bundle::unzip(std::io::Cursor::new(zip)).unwrap();
        let mut renamed = bundle::read(files).unwrap();
        renamed.course.slug = "igangsaetteruddannelse-aarhus".into();
        let created = app.import_bundle(&trainer, zipped(&renamed)).await;
        let target = location(&created);
        assert!(
            target.starts_with("/authoring/courses/"),
            "{}: {target}",
            backend.name()
        );
        let new_id = target
            .trim_start_matches("/authoring/courses/")
            .trim_end_matches("?imported=1");
        let course = editor(&app, &trainer, new_id).await;
        assert_eq!(course.status, CourseStatus::Draft);
        assert_eq!(course.modules.len(), 7);
        app.stop().await;
    }
}

#[tokio::test]
async fn broken_bundles_are_refused_with_the_reason_and_nothing_is_stored() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (trainer, _, zip) = exported(&app).await;
        let before = courses::count(&app.db).await.unwrap();
        let broken = app.import_bundle(&trainer, b"not a zip".to_vec()).await;
        assert!(!import_error(&broken).is_empty(), "{}", backend.name());
        let mut bad = std::io::Cursor::new(Vec::new());
        let mut files = BTreeMap::new();
        files.insert(
            "course.md".to_owned(),
            b"---\nslug: \"x\"\ntitle: \"X\"\nlanguage: \"sv\"\n---\n".to_vec(),
        );
        bundle::zip_files("x", &files, &mut bad).unwrap();
        let wrong = app.import_bundle(&trainer, bad.into_inner()).await;
        assert_eq!(import_error(&wrong), "course.md: language cannot be \"sv\"");
        // An image whose name is not its content's hash, and a title too long to store.
        let shipped = bundle::read(bundle::unzip(std::io::Cursor::new(zip)).unwrap()).unwrap();
        let mut bad_media = shipped.clone();
        bad_media.course.slug = "other".into();
        bad_media.media.insert(
            format!("{}.png", "0".repeat(64)),
            b"\x89PNG\r\n\x1a\n....".to_vec(),
        );
        let mut too_long = shipped;
        too_long.course.slug = "another".into();
        too_long.course.modules[0].title = "x".repeat(300);
        for (bundle, expected) in [
            (bad_media, "media/0000"),
            (too_long, "module 1: a text is too long"),
        ] {
            let refused = app.import_bundle(&trainer, zipped(&bundle)).await;
            let reason = import_error(&refused);
            assert!(reason.starts_with(expected), "{reason}");
        }
        assert_eq!(courses::count(&app.db).await.unwrap(), before);
        app.stop().await;
    }
}

#[tokio::test]
async fn only_authors_import_or_export() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let (_, shipped, zip) = exported(&app).await;
    let volunteer = volunteer(&app, "volunteer@x.test").await;
    assert_eq!(app.import_bundle(&volunteer, zip).await.status(), 403);
    let denied = app.export_bundle(&volunteer, &shipped).await;
    assert_eq!(denied.status(), 403);
    app.stop().await;
}

//! Who may change a course: its editors and administrators. A trainer of another organisation
//! is refused every authoring action on it, previews it, and copies it into a course of their
//! own.

use super::editor;
use app::{
    api::{
        authoring::{
            AddCourseEditor, AddLesson, AddModule, CourseEditors, DeleteItem, DiscardDraft,
            LessonEditor, ListCourseEditors, LoadCourseEditor, LoadLessonEditor,
            LoadPublishPreview, MoveItem, Publish, RemoveCourseEditor, SaveQuestion,
            SetCourseStatus, StartDraft, UpdateCourse, UpdateLesson, UpdateModule, VersionHistory,
        },
        catalogue::{PreviewCourse, PreviewLesson},
    },
    domain::{course::CourseStatus, role::Role},
    errors::AppError,
};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{app_error, json, ok, publish_draft, small_course, staff},
    spawn_app,
};
use leptos::server_fn::ServerFn;

/// Whether the answer is a refusal for who the caller is (not a refusal of the input).
async fn refused(response: reqwest::Response) -> bool {
    let body = response.text().await.unwrap_or_default();
    matches!(
        serde_json::from_str::<AppError>(&body),
        Ok(AppError::Unauthenticated | AppError::Forbidden)
    )
}

/// Trainer A's published course with an open draft: (course id, module id, lesson id,
/// question id), as form values.
async fn course_of_a(app: &TestApp, a: &reqwest::Client) -> [String; 4] {
    let (course, lesson) = small_course(app, a, "Gensidighed i grupper").await;
    publish_draft(app, a, &course).await;
    ok(app.start_draft(a, &course).await).await;
    let draft = editor(app, a, &course).await;
    let lesson_row = &draft.modules[0].lessons[0];
    let lessons: LessonEditor = json(app.load_lesson_editor(a, lesson_row.id).await).await;
    let _ = lesson;
    [
        course,
        draft.modules[0].id.to_string(),
        lesson_row.id.to_string(),
        lessons.questions[0].id.to_string(),
    ]
}

#[tokio::test]
async fn a_trainer_who_is_no_editor_is_refused_every_change_and_may_preview_and_copy() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let a = staff(&app, "a@centre-a.test", Role::Trainer, None).await;
        let b = staff(&app, "b@centre-b.test", Role::Trainer, None).await;
        let admin = staff(&app, "admin@x.test", Role::Admin, None).await;
        let [course, module, lesson, question] = course_of_a(&app, &a).await;
        let (c, m, l, q) = (
            course.as_str(),
            module.as_str(),
            lesson.as_str(),
            question.as_str(),
        );
        let authoring: [(&str, Vec<(&str, &str)>); 19] = [
            (LoadCourseEditor::PATH, vec![("course", c)]),
            (
                UpdateCourse::PATH,
                vec![
                    ("course", c),
                    ("title", "Overtaget"),
                    ("summary", ""),
                    ("body", ""),
                ],
            ),
            (
                AddModule::PATH,
                vec![("course", c), ("title", "Ny"), ("topic", "values")],
            ),
            (
                UpdateModule::PATH,
                vec![("module", m), ("title", "Ny"), ("topic", "values")],
            ),
            (AddLesson::PATH, vec![("module", m), ("title", "Ny")]),
            (
                UpdateLesson::PATH,
                vec![
                    ("lesson", l),
                    ("title", "Ny"),
                    ("minutes", "5"),
                    ("body", "Tekst"),
                ],
            ),
            (LoadLessonEditor::PATH, vec![("lesson", l)]),
            (
                SaveQuestion::PATH,
                vec![
                    ("lesson", l),
                    ("question", q),
                    ("kind", "reflection"),
                    ("prompt", "?"),
                    ("review", "trainer"),
                ],
            ),
            (
                MoveItem::PATH,
                vec![("item", "lesson"), ("id", l), ("direction", "down")],
            ),
            (
                DeleteItem::PATH,
                vec![("item", "question"), ("id", q), ("confirm", "yes")],
            ),
            (LoadPublishPreview::PATH, vec![("course", c)]),
            (Publish::PATH, vec![("course", c), ("confirm", "yes")]),
            (DiscardDraft::PATH, vec![("course", c), ("confirm", "yes")]),
            (StartDraft::PATH, vec![("course", c)]),
            (
                SetCourseStatus::PATH,
                vec![("course", c), ("change", "archive"), ("confirm", "yes")],
            ),
            (VersionHistory::PATH, vec![("course", c)]),
            (ListCourseEditors::PATH, vec![("course", c)]),
            (
                AddCourseEditor::PATH,
                vec![("course", c), ("email", "b@centre-b.test")],
            ),
            (
                RemoveCourseEditor::PATH,
                vec![("course", c), ("editor", "no-such-person")],
            ),
        ];
        let mut failures = Vec::new();
        for (path, form) in &authoring {
            if !refused(app.call(&b, path, form).await).await {
                failures.push(format!(
                    "{path} was not refused to a trainer who is no editor"
                ));
            }
        }
        let export = app.export_bundle(&b, c).await;
        if export.status() != 403 {
            failures.push(format!(
                "export answered {} to a trainer who is no editor",
                export.status()
            ));
        }
        assert!(
            failures.is_empty(),
            "{}:\n{}",
            backend.name(),
            failures.join("\n")
        );
        // Nothing changed: the course is still published, with its title and no new editor.
        let seen = editor(&app, &a, c).await;
        assert_eq!(
            (seen.status, seen.title.as_str()),
            (CourseStatus::Published, "Gensidighed i grupper")
        );
        let editors: CourseEditors = json(
            app.call(&a, ListCourseEditors::PATH, &[("course", c)])
                .await,
        )
        .await;
        assert_eq!(editors.editors.len(), 1);
        assert_eq!(editors.editors[0].email, "a@centre-a.test");
        // The editor and an administrator may read it; an administrator may change it.
        for who in [&a, &admin] {
            assert!(
                !refused(
                    app.call(who, LoadCourseEditor::PATH, &[("course", c)])
                        .await
                )
                .await
            );
            assert_eq!(app.export_bundle(who, c).await.status(), 200);
        }
        // Anyone who authors may preview it.
        assert!(!refused(app.call(&b, PreviewCourse::PATH, &[("course", c)]).await).await);
        assert!(!refused(app.call(&b, PreviewLesson::PATH, &[("lesson", l)]).await).await);
        app.stop().await;
    }
}

#[tokio::test]
async fn editors_name_editors_and_a_copy_belongs_to_whoever_made_it() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let a = staff(&app, "a@centre-a.test", Role::Trainer, None).await;
        let b = staff(&app, "b@centre-b.test", Role::Trainer, None).await;
        let volunteer_email = "frivillig@x.test";
        igang_tests::fixtures::account(&app, volunteer_email, Role::Volunteer).await;
        let [course, ..] = course_of_a(&app, &a).await;
        let c = course.as_str();

        // B copies A's published course: a draft of B's own, which A may not change.
        let copy: String = json(
            app.call(&b, app::api::authoring::CopyCourse::PATH, &[("course", c)])
                .await,
        )
        .await;
        assert_ne!(copy, course);
        let copied = editor(&app, &b, &copy).await;
        assert_eq!(copied.status, CourseStatus::Draft);
        assert_eq!(copied.title, "Gensidighed i grupper");
        assert!(
            refused(
                app.call(&a, LoadCourseEditor::PATH, &[("course", &copy)])
                    .await
            )
            .await
        );

        // Only trainers become editors; A names B, and B may then change A's course.
        let not_trainer = app
            .call(
                &a,
                AddCourseEditor::PATH,
                &[("course", c), ("email", volunteer_email)],
            )
            .await;
        assert_eq!(
            app_error(not_trainer).await,
            AppError::field("email", app::errors::Problem::NotAllowed)
        );
        ok(app
            .call(
                &a,
                AddCourseEditor::PATH,
                &[("course", c), ("email", "b@centre-b.test")],
            )
            .await)
        .await;
        ok(app
            .call(
                &b,
                UpdateCourse::PATH,
                &[
                    ("course", c),
                    ("title", "Fælles titel"),
                    ("summary", ""),
                    ("body", ""),
                ],
            )
            .await)
        .await;
        let editors: CourseEditors = json(
            app.call(&b, ListCourseEditors::PATH, &[("course", c)])
                .await,
        )
        .await;
        assert_eq!(editors.editors.len(), 2);
        assert_eq!(
            editors.owner, None,
            "trainers without a centre write for the platform"
        );

        // B removes A; the last editor cannot be removed.
        let a_id = editors
            .editors
            .iter()
            .find(|e| e.email == "a@centre-a.test")
            .unwrap()
            .id
            .clone();
        let b_id = editors
            .editors
            .iter()
            .find(|e| e.email == "b@centre-b.test")
            .unwrap()
            .id
            .clone();
        ok(app
            .call(
                &b,
                RemoveCourseEditor::PATH,
                &[("course", c), ("editor", &a_id)],
            )
            .await)
        .await;
        assert!(refused(app.call(&a, LoadCourseEditor::PATH, &[("course", c)]).await).await);
        let last = app
            .call(
                &b,
                RemoveCourseEditor::PATH,
                &[("course", c), ("editor", &b_id)],
            )
            .await;
        assert_eq!(
            app_error(last).await,
            AppError::field("editor", app::errors::Problem::NotAllowed)
        );
        app.stop().await;
    }
}

//! Only authors change courses, whatever the object they name.

use super::editor;
use app::{
    api::{
        authoring::{LessonEditor, LoadCourseEditor, Publish, UpdateCourse, UpdateLesson},
        catalogue::PreviewLesson,
    },
    domain::{course::CourseStatus, role::Role},
};
use igang_tests::{
    TestOptions, backends,
    fixtures::{json, small_course, staff, volunteer},
    spawn_app,
};
use leptos::server_fn::ServerFn;

#[tokio::test]
async fn only_authors_change_courses_whatever_the_object() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let trainer = staff(&app, "trainer@x.test", Role::Trainer, None).await;
        let coordinator = staff(&app, "coord@x.test", Role::Coordinator, None).await;
        let volunteer = volunteer(&app, "volunteer@x.test").await;
        let (id, lesson) = small_course(&app, &trainer, "Mit kursus").await;
        let lesson = lesson.to_string();
        let (id, lesson) = (id.as_str(), lesson.as_str());
        // Each server function of an author, with a form it would accept from one.
        let changes: [(&str, &[(&str, &str)]); 5] = [
            (
                UpdateCourse::PATH,
                &[
                    ("course", id),
                    ("title", "Overtaget"),
                    ("summary", ""),
                    ("body", ""),
                ],
            ),
            (
                UpdateLesson::PATH,
                &[
                    ("lesson", lesson),
                    ("title", "X"),
                    ("minutes", "1"),
                    ("body", ""),
                ],
            ),
            (Publish::PATH, &[("course", id), ("confirm", "yes")]),
            (LoadCourseEditor::PATH, &[("course", id)]),
            (PreviewLesson::PATH, &[("lesson", lesson)]),
        ];
        for client in [&volunteer, &coordinator, &app.client()] {
            for (path, form) in changes {
                let r = app.call(client, path, form).await;
                assert!(
                    matches!(r.status().as_u16(), 401 | 403),
                    "{}: {path}: {}",
                    backend.name(),
                    r.status()
                );
            }
        }
        let course = editor(&app, &trainer, id).await;
        assert_eq!(course.title, "Mit kursus");
        assert_eq!(course.status, CourseStatus::Draft);
        // A question id from another lesson cannot be changed through this one.
        let (_, other_lesson) = small_course(&app, &trainer, "Andet kursus").await;
        let other: LessonEditor = json(app.load_lesson_editor(&trainer, other_lesson).await).await;
        let question = other.questions[0].id.to_string();
        let crossed_fields = [
            ("question", question.as_str()),
            ("kind", "reflection"),
            ("prompt", "?"),
            ("review", "trainer"),
        ];
        let crossed = app.save_question(&trainer, lesson, &crossed_fields).await;
        assert_eq!(crossed.status(), 404);
        app.stop().await;
    }
}

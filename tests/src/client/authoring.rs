//! Writing courses: drafts, modules, lessons, questions, versions, bundles and images.

use crate::answer;
use app::api::authoring::{
    AddLesson, AddModule, CreateCourse, DeleteItem, DiscardDraft, LoadCourseEditor,
    LoadLessonEditor, LoadPublishPreview, MoveItem, Publish, SaveQuestion, SetCourseStatus,
    StartDraft, UpdateLesson, VersionHistory,
};
use leptos::server_fn::ServerFn;
use std::fmt::Display;

server_fns! {
    /// Creates a course with an empty draft; answers its public id.
    create_course(title, language) = CreateCourse;
    /// The course's draft (or published version) for the editor.
    load_course_editor(course) = LoadCourseEditor;
    /// Adds a module to the draft; `custom_topic` names a `custom` topic (else empty).
    add_module(course, title, topic, custom_topic) = AddModule;
    /// Adds a lesson to a module of the draft; answers its id.
    add_lesson(module, title) = AddLesson;
    /// A lesson of the draft for the lesson editor.
    load_lesson_editor(lesson) = LoadLessonEditor;
    /// Moves a module or lesson (`item`) one place `up` or `down`.
    move_item(item, id, direction) = MoveItem;
    /// Starts a draft from the published version (or finds the one there is); answers its
    /// number.
    start_draft(course) = StartDraft;
    /// What publishing the draft would replace and change.
    load_publish_preview(course) = LoadPublishPreview;
    /// Every version of the course, newest first.
    version_history(course) = VersionHistory;
    /// Deletes a module or lesson (`item`) of the draft.
    delete_item(item, id; confirm) = DeleteItem;
    /// Throws the draft away.
    discard_draft(course; confirm) = DiscardDraft;
    /// Publishes the draft.
    publish(course; confirm) = Publish;
    /// Changes the course's status: `unpublish`, `archive` or `restore`.
    set_course_status(course, change; confirm) = SetCourseStatus;
}

/// A lesson's fields as the lesson editor sends them.
#[derive(Clone, Copy, Debug)]
pub struct LessonForm<'a> {
    title: &'a str,
    minutes: &'a str,
    body: &'a str,
    /// Pass mark, attempts and cool-down minutes of the quiz (blank: no limit); `None`
    /// without a quiz.
    quiz: Option<(&'a str, &'a str, &'a str)>,
}

impl<'a> LessonForm<'a> {
    /// A lesson without a quiz.
    pub fn new(title: &'a str, minutes: &'a str, body: &'a str) -> LessonForm<'a> {
        LessonForm {
            title,
            minutes,
            body,
            quiz: None,
        }
    }

    /// With a quiz that passes at `pass_mark` percent, any number of times.
    pub fn quiz(self, pass_mark: &'a str) -> LessonForm<'a> {
        self.quiz_limited(pass_mark, "", "")
    }

    /// With a quiz of at most `attempts`, `cooldown_minutes` apart after a failed one.
    pub fn quiz_limited(
        self,
        pass_mark: &'a str,
        attempts: &'a str,
        cooldown_minutes: &'a str,
    ) -> LessonForm<'a> {
        LessonForm {
            quiz: Some((pass_mark, attempts, cooldown_minutes)),
            ..self
        }
    }
}

impl crate::TestApp {
    /// Saves a lesson of the draft.
    pub async fn update_lesson(
        &self,
        client: &reqwest::Client,
        lesson: impl Display,
        form: LessonForm<'_>,
    ) -> reqwest::Response {
        let lesson = lesson.to_string();
        let mut fields = vec![
            ("lesson", lesson.as_str()),
            ("title", form.title),
            ("minutes", form.minutes),
            ("body", form.body),
        ];
        if let Some((pass_mark, attempts, cooldown_minutes)) = form.quiz {
            fields.extend([
                ("quiz", "on"),
                ("pass_mark", pass_mark),
                ("attempts", attempts),
                ("cooldown_minutes", cooldown_minutes),
            ]);
        }
        self.call(client, UpdateLesson::PATH, &fields).await
    }

    /// Adds a question to a lesson of the draft, or changes one (`question` among
    /// `fields`); answers its id.
    pub async fn save_question(
        &self,
        client: &reqwest::Client,
        lesson: impl Display,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let lesson = lesson.to_string();
        let mut form = vec![("lesson", lesson.as_str())];
        form.extend_from_slice(fields);
        self.call(client, SaveQuestion::PATH, &form).await
    }

    /// Downloads the course's current version as a zipped bundle.
    pub async fn export_bundle(&self, client: &reqwest::Client, course: &str) -> reqwest::Response {
        let path = format!("/authoring/courses/{course}/export");
        answer(client.get(self.url(&path))).await
    }

    /// Uploads a zipped bundle as the authoring page's import form does.
    pub async fn import_bundle(&self, client: &reqwest::Client, zip: Vec<u8>) -> reqwest::Response {
        let form = reqwest::multipart::Form::new().part(
            "bundle",
            reqwest::multipart::Part::bytes(zip).file_name("course.zip"),
        );
        answer(
            self.same_origin_post(client, "/authoring/import")
                .multipart(form),
        )
        .await
    }

    /// Uploads an image for a lesson as the lesson editor's form does.
    pub async fn upload_image(
        &self,
        client: &reqwest::Client,
        lesson: impl Display,
        bytes: Vec<u8>,
    ) -> reqwest::Response {
        let form = reqwest::multipart::Form::new()
            .text("lesson", lesson.to_string())
            .part(
                "image",
                reqwest::multipart::Part::bytes(bytes).file_name("x"),
            );
        answer(
            self.same_origin_post(client, "/authoring/media")
                .multipart(form),
        )
        .await
    }
}

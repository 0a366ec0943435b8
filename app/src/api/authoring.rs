//! Course authoring for trainers: courses, modules, lessons, questions, versions.
//!
//! Every function asks for [`Action::AuthorCourses`](crate::domain::authz::Action) before it
//! looks anything up; whatever reads or changes one course asks for
//! [`Action::EditCourse`](crate::domain::authz::Action) too (its editors and administrators),
//! and changes only ever land in a course's draft version.
//!
//! The functions follow the authoring pages: the list of courses, the course editor, the
//! lesson editor, and a course's versions.

mod course;
mod courses;
mod editors;
mod lesson;
#[cfg(feature = "ssr")]
mod ssr;
mod versions;

pub use course::{
    AddLesson, AddModule, CourseEditor, DeleteItem, LessonOutline, LoadCourseEditor, ModuleOutline,
    MoveItem, UpdateCourse, UpdateModule, add_lesson, add_module, delete_item, load_course_editor,
    move_item, update_course, update_module,
};
pub use courses::{
    AuthoredCourse, CreateCourse, ListAuthoredCourses, PER_PAGE, create_course,
    list_authored_courses,
};
pub use editors::{
    AddCourseEditor, CopyCourse, CourseEditors, EditorEntry, ListCourseEditors, RemoveCourseEditor,
    add_course_editor, copy_course, list_course_editors, remove_course_editor,
};
pub use lesson::{
    LessonEditor, LoadLessonEditor, OptionInput, PreviewMarkdown, QuestionItem, SaveQuestion,
    UpdateLesson, load_lesson_editor, preview_markdown, save_question, update_lesson,
};
pub use versions::{
    DiscardDraft, LoadPublishPreview, Publish, PublishPreview, SetCourseStatus, StartDraft,
    VersionEntry, VersionHistory, discard_draft, load_publish_preview, publish, set_course_status,
    start_draft, version_history,
};

#[cfg(feature = "ssr")]
pub use ssr::may_edit;

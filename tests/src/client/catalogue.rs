//! The public catalogue and the authors' previews.

use app::api::catalogue::{ListCatalogue, LoadCourseOverview, PreviewLesson};

server_fns! {
    /// One page of published courses in `language` (`all`, or empty for the visitor's own
    /// first).
    list_catalogue(language, page) = ListCatalogue;
    /// A published course's page, by its short name.
    load_course_overview(slug) = LoadCourseOverview;
    /// A lesson of a draft as learners will see it.
    preview_lesson(lesson) = PreviewLesson;
}

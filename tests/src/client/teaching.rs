//! Following learners: the review queue, the learner overview and its export, trainers.

use crate::answer;
use app::api::teaching::{
    AddCourseTrainer, ListTeaching, LoadLearners, ReviewQueue, ReviewReflection,
};
use leptos::server_fn::ServerFn;
use std::fmt::Display;

server_fns! {
    /// One page of the reflections waiting for the caller's review.
    review_queue(page) = ReviewQueue;
    /// One page of the courses whose learners the caller follows.
    list_teaching(page) = ListTeaching;
    /// The learners of a course the caller may see, filtered by centre (public id) and
    /// status when those are not empty.
    load_learners(course, centre, status, page) = LoadLearners;
    /// Names another trainer of the course, by address.
    add_course_trainer(course, email) = AddCourseTrainer;
}

impl crate::TestApp {
    /// Accepts a sent reflection or asks for a revision (`decision`), with a comment when
    /// given.
    pub async fn review_reflection(
        &self,
        client: &reqwest::Client,
        reflection: impl Display,
        decision: &str,
        comment: Option<&str>,
    ) -> reqwest::Response {
        let reflection = reflection.to_string();
        let mut form = vec![("reflection", reflection.as_str()), ("decision", decision)];
        form.extend(comment.map(|comment| ("comment", comment)));
        self.call(client, ReviewReflection::PATH, &form).await
    }

    /// Downloads the course's learners with `status` as CSV.
    pub async fn learners_csv(
        &self,
        client: &reqwest::Client,
        course: &str,
        status: &str,
    ) -> reqwest::Response {
        let path = format!("/teach/courses/{course}/learners.csv?status={status}");
        answer(client.get(self.url(&path))).await
    }
}

//! Taking a course: starting, the player, quizzes, reflections and the dashboard.

use app::api::learning::{
    Enrol, LoadDashboard, LoadPlayer, LoadStanding, MarkLessonDone, SaveReflection, SubmitQuiz,
};
use leptos::server_fn::ServerFn;
use std::fmt::Display;

server_fns! {
    /// Where the caller stands with a course: visitor, not started, or their progress.
    load_standing(slug) = LoadStanding;
    /// Starts a course (at `centre`, a public id, or none when empty); answers the lesson to
    /// open.
    enrol(slug, centre) = Enrol;
    /// A lesson in the course player, with the learner's progress.
    load_player(lesson) = LoadPlayer;
    /// Marks a lesson without a quiz as done.
    mark_lesson_done(lesson) = MarkLessonDone;
    /// One page of the learner's courses and their open reflections.
    load_dashboard(page) = LoadDashboard;
}

impl crate::TestApp {
    /// Sends a quiz form: `answers` are (field key, option id) pairs, a key being `q{id}` for
    /// a single choice and `q{id}o{option}` for each ticked multiple-choice option.
    pub async fn submit_quiz(
        &self,
        client: &reqwest::Client,
        lesson: impl Display,
        submission: &str,
        answers: &[(String, i32)],
    ) -> reqwest::Response {
        let mut fields = vec![
            ("lesson".to_owned(), lesson.to_string()),
            ("submission".to_owned(), submission.to_owned()),
        ];
        fields.extend(
            answers
                .iter()
                .map(|(key, option)| (format!("answers[{key}]"), option.to_string())),
        );
        let form: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        self.call(client, SubmitQuiz::PATH, &form).await
    }

    /// Saves an answer to a reflection question as a draft, or sends it when `send` is set.
    pub async fn save_reflection(
        &self,
        client: &reqwest::Client,
        lesson: impl Display,
        question: impl Display,
        answer: &str,
        send: bool,
    ) -> reqwest::Response {
        let (lesson, question) = (lesson.to_string(), question.to_string());
        let mut form = vec![
            ("lesson", lesson.as_str()),
            ("question", question.as_str()),
            ("answer", answer),
        ];
        if send {
            form.push(("send", "1"));
        }
        self.call(client, SaveReflection::PATH, &form).await
    }
}

//! Taking a course the way a learner does, over HTTP: the right answers to a quiz, and a
//! whole course finished lesson by lesson.

use crate::{
    TestApp,
    fixtures::{json, ok},
};
use app::{
    api::{
        catalogue::CourseOverview,
        learning::{Done, PlayerLesson},
    },
    domain::ids::LessonId,
    store::courses,
};

/// Answers for a lesson's scored questions: right ones, or the first wrong option of each.
pub async fn answers(app: &TestApp, lesson_id: LessonId, right: bool) -> Vec<(String, i32)> {
    let row = courses::lesson(&app.db, lesson_id).await.unwrap();
    let tree = courses::load_content(&app.db, row.version_id)
        .await
        .unwrap();
    let mut out = Vec::new();
    for q in tree.questions_of(lesson_id) {
        if q.kind.as_str() == "reflection" {
            continue;
        }
        let options = tree.options_of(q.id);
        let multiple = q.kind.as_str() == "multiple_choice";
        if right {
            let correct: Vec<i32> = options
                .iter()
                .filter(|o| o.correct)
                .map(|o| o.id.get())
                .collect();
            if multiple {
                out.extend(correct.iter().map(|o| (format!("q{}o{o}", q.id), *o)));
            } else {
                out.push((format!("q{}", q.id), correct[0]));
            }
        } else {
            let wrong = options.iter().find(|o| !o.correct).unwrap();
            let key = if multiple {
                format!("q{}o{}", q.id, wrong.id)
            } else {
                format!("q{}", q.id)
            };
            out.push((key, wrong.id.get()));
        }
    }
    out
}

/// A fresh submission key, as each quiz form carries.
pub fn submission_key() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Finishes a lesson as a learner does: sends its reflections, passes its quiz, or marks it
/// done when it has neither. Returns whether that completed the course.
pub async fn finish_lesson(app: &TestApp, client: &reqwest::Client, lesson: LessonId) -> bool {
    let page: PlayerLesson = json(app.load_player(client, lesson).await).await;
    let mut completed = false;
    for reflection in &page.reflections {
        let done: Done = json(
            app.save_reflection(
                client,
                lesson,
                reflection.question,
                "Jeg vil lytte mere, end jeg taler, og lade gruppen finde sine egne svar.",
                true,
            )
            .await,
        )
        .await;
        completed |= done.course_completed;
    }
    let right = answers(app, lesson, true).await;
    if !right.is_empty() {
        let done: Done = json(
            app.submit_quiz(client, lesson, &submission_key(), &right)
                .await,
        )
        .await;
        completed |= done.course_completed;
    } else if page.reflections.is_empty() {
        let done: Done = json(app.mark_lesson_done(client, lesson).await).await;
        completed |= done.course_completed;
    }
    completed
}

/// Starts the course with this short name (at no centre) and finishes every lesson in
/// order; returns whether the last one completed it.
pub async fn complete_course(app: &TestApp, client: &reqwest::Client, slug: &str) -> bool {
    ok(app.enrol(client, slug, "").await).await;
    let course: CourseOverview = json(app.load_course_overview(client, slug).await).await;
    let mut completed = false;
    for module in &course.modules {
        for lesson in &module.lessons {
            completed = finish_lesson(app, client, lesson.id).await;
        }
    }
    completed
}

//! The learning part of the benchmark data set: enrolments in the shipped courses, lessons
//! done and quiz attempts, with thousands of learners in the one large course.

use super::{ROWS, Sizes};
use app::{
    domain::ids::{CourseId, LessonId, VersionId},
    store::{
        courses,
        entities::{course, enrolment, lesson_completion, quiz_attempt},
    },
};
use chrono::{Duration, Utc};
use rand::{Rng, rngs::StdRng};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set, TransactionTrait};
use std::collections::HashMap;

/// The course most learners take, as the shipped curriculum names it.
const BIG_COURSE: &str = "igangsaetteruddannelse";

/// What was written, and where the load scripts find it.
pub(super) struct Taught {
    pub completions: usize,
    pub attempts: usize,
    pub enrolments: usize,
    /// The first lesson of the large course.
    pub lesson: LessonId,
    /// The large course's public id.
    pub course_public_id: String,
}

/// A published course's shape: its lessons in order and which of them hold a quiz.
struct Shape {
    id: CourseId,
    slug: String,
    public_id: String,
    version: VersionId,
    lessons: Vec<LessonId>,
    quizzes: Vec<bool>,
}

/// One learner in one course with the first `done` lessons done.
struct Plan {
    learner: i32,
    course: usize,
    done: usize,
}

/// Enrols `learners` (the first `sizes.big_course` of them in the large course, then round
/// the other courses) until `sizes.progress` lessons are done, and adds quiz attempts up to
/// `sizes.attempts`.
pub(super) async fn fill(
    db: &DatabaseConnection,
    learners: &[i32],
    sizes: Sizes,
    rng: &mut StdRng,
) -> anyhow::Result<Taught> {
    let shapes = shapes(db).await?;
    anyhow::ensure!(!shapes.is_empty(), "no published course to enrol in");
    let big = shapes
        .iter()
        .position(|s| s.slug == BIG_COURSE)
        .unwrap_or_default();

    // Who takes what: the large course first, then the others round by round, until the
    // lessons done add up.
    let mut plans = Vec::new();
    let mut total = 0;
    let big_course = learners.iter().take(sizes.big_course).map(|l| (*l, big));
    let rounds = (1..shapes.len()).flat_map(|round| {
        let course = (big + round) % shapes.len();
        learners.iter().map(move |l| (*l, course))
    });
    for (index, (learner, course)) in big_course.chain(rounds).enumerate() {
        if total >= sizes.progress && index >= sizes.big_course {
            break;
        }
        let len = shapes[course].lessons.len();
        let done = rng
            .random_range(0..=len)
            .min(sizes.progress.saturating_sub(total));
        total += done;
        plans.push(Plan {
            learner,
            course,
            done,
        });
    }

    let now = Utc::now();
    let mut taught = Taught {
        completions: 0,
        attempts: 0,
        enrolments: 0,
        lesson: shapes[big].lessons[0],
        course_public_id: shapes[big].public_id.clone(),
    };
    for chunk in plans.chunks(ROWS) {
        let txn = db.begin().await?;
        let rows = chunk.iter().map(|p| {
            let shape = &shapes[p.course];
            let started = now - Duration::days(rng.random_range(1..365));
            enrolment::ActiveModel {
                user_id: Set(p.learner),
                course_id: Set(shape.id),
                version_id: Set(shape.version),
                centre_id: Set(None),
                started_at: Set(started),
                last_activity_at: Set(started + Duration::days(3)),
                completed_at: Set(
                    (p.done == shape.lessons.len()).then_some(started + Duration::days(30))
                ),
                lessons_done: Set(i32::try_from(p.done).unwrap_or(i32::MAX)),
                ..Default::default()
            }
        });
        enrolment::Entity::insert_many(rows.collect::<Vec<_>>())
            .exec(&txn)
            .await?;
        let ids: HashMap<(i32, CourseId), enrolment::Model> = enrolment::Entity::find()
            .filter(enrolment::Column::UserId.is_in(chunk.iter().map(|p| p.learner)))
            .all(&txn)
            .await?
            .into_iter()
            .map(|e| ((e.user_id, e.course_id), e))
            .collect();
        let mut completions = Vec::new();
        let mut attempts = Vec::new();
        for p in chunk {
            let shape = &shapes[p.course];
            let Some(enrolment) = ids.get(&(p.learner, shape.id)) else {
                continue;
            };
            for (i, lesson) in shape.lessons.iter().take(p.done).enumerate() {
                let at = enrolment.started_at + Duration::hours(i as i64);
                completions.push(lesson_completion::ActiveModel {
                    enrolment_id: Set(enrolment.id),
                    lesson_id: Set(*lesson),
                    completed_at: Set(at),
                    ..Default::default()
                });
                if shape.quizzes[i] && taught.attempts + attempts.len() < sizes.attempts {
                    attempts.push(attempt(enrolment.id, *lesson, 1, true, at));
                }
            }
            // The next quiz, tried and not passed yet.
            if let Some(i) = (p.done..shape.lessons.len()).find(|i| shape.quizzes[*i])
                && taught.attempts + attempts.len() < sizes.attempts
            {
                attempts.push(attempt(
                    enrolment.id,
                    shape.lessons[i],
                    1,
                    false,
                    enrolment.last_activity_at,
                ));
            }
        }
        taught.enrolments += chunk.len();
        taught.completions += completions.len();
        taught.attempts += attempts.len();
        for rows in completions.chunks(ROWS) {
            lesson_completion::Entity::insert_many(rows.to_vec())
                .exec(&txn)
                .await?;
        }
        for rows in attempts.chunks(ROWS) {
            quiz_attempt::Entity::insert_many(rows.to_vec())
                .exec(&txn)
                .await?;
        }
        txn.commit().await?;
    }
    Ok(taught)
}

/// One quiz attempt, passed or not.
fn attempt(
    enrolment: app::domain::ids::EnrolmentId,
    lesson: LessonId,
    number: i32,
    passed: bool,
    at: chrono::DateTime<Utc>,
) -> quiz_attempt::ActiveModel {
    let (right, scored) = if passed { (4, 4) } else { (2, 4) };
    quiz_attempt::ActiveModel {
        enrolment_id: Set(enrolment),
        lesson_id: Set(lesson),
        number: Set(number),
        submission: Set(uuid::Uuid::new_v4().to_string()),
        answers: Set("{}".to_owned()),
        right_answers: Set(right),
        scored: Set(scored),
        percent: Set(right * 100 / scored),
        passed: Set(passed),
        submitted_at: Set(at),
        ..Default::default()
    }
}

/// Every published course's lessons in order, with whether each holds a scored question.
async fn shapes(db: &DatabaseConnection) -> anyhow::Result<Vec<Shape>> {
    let published = course::Entity::find()
        .filter(course::Column::PublishedVersionId.is_not_null())
        .all(db)
        .await?;
    let mut shapes = Vec::new();
    for course in published {
        let Some(version) = course.published_version_id else {
            continue;
        };
        let content = courses::load_content(db, version).await?;
        let mut lessons = Vec::new();
        let mut quizzes = Vec::new();
        for module in &content.modules {
            for lesson in content.lessons_of(module.id) {
                lessons.push(lesson.id);
                quizzes.push(
                    content
                        .questions_of(lesson.id)
                        .iter()
                        .any(|q| q.kind.as_str() != "reflection"),
                );
            }
        }
        if !lessons.is_empty() {
            shapes.push(Shape {
                id: course.id,
                slug: course.slug,
                public_id: course.public_id,
                version,
                lessons,
                quizzes,
            });
        }
    }
    Ok(shapes)
}

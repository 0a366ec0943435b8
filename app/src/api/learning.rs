//! Taking courses: starting one, the course player, quizzes, reflections and the learner's
//! own overview. Every function acts for the signed-in learner on their own enrolment only.

use crate::{
    api::{admin::Page, catalogue::LessonPage},
    domain::progress::ReflectionState,
    errors::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Courses per page of the dashboard.
pub const PER_PAGE: u64 = 20;

/// A centre a learner can name when starting a course.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CentreChoice {
    /// Public id.
    pub id: String,
    /// Name.
    pub name: String,
}

/// Progress of one module.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleState {
    /// Title.
    pub title: String,
    /// Lessons completed.
    pub done: usize,
    /// Lessons in all.
    pub total: usize,
    /// Whether the learner may open it.
    pub unlocked: bool,
    /// The title of the module that must be completed first, when locked.
    pub waits_for: Option<String>,
    /// Lessons.
    pub lessons: Vec<LessonState>,
}

/// One lesson in the player's outline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonState {
    /// Id.
    pub id: i32,
    /// Title.
    pub title: String,
    /// Whether it is completed.
    pub done: bool,
}

/// The signed-in learner's place in a course.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyProgress {
    /// Whole percent of lessons completed.
    pub percent: u8,
    /// The lesson to continue with.
    pub next: Option<i32>,
    /// Whether the course is completed.
    pub completed: bool,
    /// Version number the learner follows.
    pub version: i32,
    /// Whether a newer version has been published since.
    pub newer_version: bool,
    /// Modules.
    pub modules: Vec<ModuleState>,
}

/// What the course overview shows about the visitor's own progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    /// Not signed in.
    Visitor,
    /// Signed in, not started; the centres they may name.
    NotStarted(Vec<CentreChoice>),
    /// Started.
    Started(MyProgress),
}

/// One quiz attempt as the learner sees it afterwards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptView {
    /// 1 for the first attempt.
    pub number: i32,
    /// Scored questions answered right.
    pub right: i32,
    /// Scored questions in all.
    pub scored: i32,
    /// Score in percent.
    pub percent: i32,
    /// Whether it passed.
    pub passed: bool,
    /// When, as `YYYY-MM-DD HH:MM` (UTC).
    pub at: String,
}

/// Feedback on one option after an attempt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionFeedback {
    /// Option id.
    pub id: i32,
    /// Whether it is right.
    pub correct: bool,
    /// Why.
    pub explanation: String,
}

/// Where the quiz stands for the learner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizState {
    /// Earlier attempts, oldest first.
    pub attempts: Vec<AttemptView>,
    /// Whether each scored question was answered right in the latest attempt, by id.
    pub verdicts: HashMap<i32, bool>,
    /// Whether the right answers are shown: once passed, or once no attempt is left.
    pub revealed: bool,
    /// Feedback per option of each question on the latest attempt; empty until `revealed`,
    /// so further attempts cannot be answered from it.
    pub feedback: HashMap<i32, Vec<OptionFeedback>>,
    /// The options chosen in the latest attempt, per question id (also once revealed).
    pub chosen: HashMap<i32, Vec<i32>>,
    /// Whether another attempt may start now.
    pub can_attempt: bool,
    /// Attempts left, when limited.
    pub attempts_left: Option<i32>,
    /// Minutes until the next attempt opens, when cooling down.
    pub wait_minutes: Option<i64>,
    /// A fresh one-time key for the next attempt's form.
    pub submission: String,
}

/// A reflection question with the learner's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReflectionView {
    /// Question id.
    pub question: i32,
    /// The question.
    pub prompt: String,
    /// The answer so far.
    pub answer: String,
    /// Where it stands.
    pub state: ReflectionState,
    /// Whether a trainer reads it (otherwise it is accepted when sent).
    pub reviewed_by_trainer: bool,
    /// The trainer's comment.
    pub comment: Option<String>,
}

/// One lesson in the course player.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlayerLesson {
    /// The course's short name.
    pub slug: String,
    /// The lesson as learners see it (scored questions only; reflections are separate).
    pub lesson: LessonPage,
    /// Whether the lesson is completed.
    pub done: bool,
    /// Whether the lesson's module is locked; the text is then withheld.
    pub locked: bool,
    /// The module that must be completed first, when locked.
    pub waits_for: Option<String>,
    /// The learner's progress over the course.
    pub progress: MyProgress,
    /// The quiz, when the lesson has scored questions.
    pub quiz: Option<QuizState>,
    /// Reflection questions with the learner's answers.
    pub reflections: Vec<ReflectionView>,
}

/// A course on the dashboard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCourseCard {
    /// Short name.
    pub slug: String,
    /// Title.
    pub title: String,
    /// Percent completed.
    pub percent: u8,
    /// The lesson to continue with.
    pub next: Option<i32>,
    /// Its title.
    pub next_title: Option<String>,
    /// Completion date, `YYYY-MM-DD`.
    pub completed_on: Option<String>,
}

/// A reflection of the learner's that waits for someone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenReflection {
    /// The lesson it belongs to.
    pub lesson: i32,
    /// Lesson title.
    pub lesson_title: String,
    /// Course title.
    pub course_title: String,
    /// Where it stands: sent, or sent back for revision.
    pub state: ReflectionState,
}

/// The learner's dashboard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    /// Courses, those in progress first.
    pub courses: Page<MyCourseCard>,
    /// Reflections waiting for review or revision.
    pub reflections: Vec<OpenReflection>,
}

/// What completing something did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Done {
    /// Whether the course is completed now.
    pub course_completed: bool,
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::*;
    use crate::{
        api::context::{require, state},
        auth::Auth,
        domain::{authz::Action, course::ReviewMode, progress::AttemptRule},
        store::learning::{self, Seat, is_reflection},
    };

    /// The signed-in learner.
    pub fn learner() -> Result<Auth, AppError> {
        require(Action::Learn)
    }

    /// The learner's progress over their seat's version.
    pub fn my_progress(seat: &Seat) -> MyProgress {
        let tree = &seat.tree;
        let newer = seat
            .course
            .published_version_id
            .is_some_and(|v| v != seat.enrolment.version_id);
        let modules = tree
            .modules
            .iter()
            .zip(&seat.progress.modules)
            .enumerate()
            .map(|(i, (m, p))| ModuleState {
                title: m.title.clone(),
                done: p.done,
                total: p.total,
                unlocked: p.unlocked,
                waits_for: (!p.unlocked)
                    .then(|| i.checked_sub(1).map(|j| tree.modules[j].title.clone()))
                    .flatten(),
                lessons: tree
                    .lessons_of(m.id)
                    .iter()
                    .map(|l| LessonState {
                        id: l.id,
                        title: l.title.clone(),
                        done: seat.completed.contains(&l.id),
                    })
                    .collect(),
            })
            .collect();
        MyProgress {
            percent: seat.progress.percent,
            next: seat.progress.next,
            completed: seat.enrolment.completed_at.is_some(),
            version: tree.version.number,
            newer_version: newer,
            modules,
        }
    }

    /// The player's view of one lesson.
    pub async fn player(
        db: &impl sea_orm::ConnectionTrait,
        seat: &Seat,
        lesson_id: i32,
    ) -> Result<PlayerLesson, AppError> {
        let row = seat.lesson(lesson_id)?.clone();
        let mut page = crate::api::catalogue::lesson_page(&seat.tree, lesson_id)?;
        let locked = !seat.unlocked(lesson_id);
        let progress = my_progress(seat);
        let waits_for = progress
            .modules
            .iter()
            .find(|m| m.lessons.iter().any(|l| l.id == lesson_id))
            .and_then(|m| m.waits_for.clone());
        let questions = seat.tree.questions_of(lesson_id);
        page.questions.retain(|q| !is_reflection(&q.kind));
        if locked {
            page.body_html.clear();
            page.questions.clear();
            return Ok(PlayerLesson {
                slug: seat.course.slug.clone(),
                lesson: page,
                done: false,
                locked,
                waits_for,
                progress,
                quiz: None,
                reflections: Vec::new(),
            });
        }
        let quiz = if page.questions.is_empty() {
            None
        } else {
            let attempts = learning::attempts(db, seat.enrolment.id, lesson_id).await?;
            shuffle_options(seat, lesson_id, attempts.len(), &mut page.questions);
            let now = chrono::Utc::now();
            let rule = learning::attempt_rule(&row, &attempts, now);
            // The right answers are shown once the quiz is passed or no attempt is left;
            // before that, the learner learns which questions were right, not which options.
            let revealed = attempts.iter().any(|a| a.passed) || rule == AttemptRule::NoneLeft;
            let scored: Vec<_> = questions
                .iter()
                .filter(|q| !is_reflection(&q.kind))
                .collect();
            let (feedback, chosen, verdicts) = match attempts.last() {
                None => (HashMap::new(), HashMap::new(), HashMap::new()),
                Some(last) => {
                    let answers = learning::answers_of(last);
                    let verdicts = scored
                        .iter()
                        .map(|q| {
                            let right: std::collections::BTreeSet<i32> = seat
                                .tree
                                .options_of(q.id)
                                .iter()
                                .filter(|o| o.correct)
                                .map(|o| o.id)
                                .collect();
                            (q.id, answers.get(&q.id) == Some(&right))
                        })
                        .collect();
                    let feedback = if revealed {
                        scored
                            .iter()
                            .map(|q| {
                                (
                                    q.id,
                                    seat.tree
                                        .options_of(q.id)
                                        .iter()
                                        .map(|o| OptionFeedback {
                                            id: o.id,
                                            correct: o.correct,
                                            explanation: o.explanation.clone(),
                                        })
                                        .collect(),
                                )
                            })
                            .collect()
                    } else {
                        HashMap::new()
                    };
                    let chosen = answers
                        .into_iter()
                        .map(|(q, o)| (q, o.into_iter().collect()))
                        .collect();
                    (feedback, chosen, verdicts)
                }
            };
            Some(QuizState {
                attempts_left: row
                    .max_attempts
                    .map(|max| (max - i32::try_from(attempts.len()).unwrap_or(i32::MAX)).max(0)),
                can_attempt: rule == AttemptRule::Allowed,
                wait_minutes: match rule {
                    AttemptRule::CoolingDown(s) => Some((s.max(1) + 59) / 60),
                    _ => None,
                },
                attempts: attempts
                    .iter()
                    .map(|a| AttemptView {
                        number: a.number,
                        right: a.right_answers,
                        scored: a.scored,
                        percent: a.percent,
                        passed: a.passed,
                        at: crate::api::authoring::time(a.submitted_at),
                    })
                    .collect(),
                verdicts,
                revealed,
                feedback,
                chosen,
                submission: uuid::Uuid::new_v4().to_string(),
            })
        };
        let mine = learning::reflections_in(db, seat.enrolment.id, lesson_id).await?;
        let reflections = questions
            .iter()
            .filter(|q| is_reflection(&q.kind))
            .map(|q| {
                let answer = mine.get(&q.id);
                ReflectionView {
                    question: q.id,
                    prompt: q.prompt.clone(),
                    answer: answer.map(|r| r.answer.clone()).unwrap_or_default(),
                    state: answer
                        .map(|r| ReflectionState::parse(&r.state))
                        .unwrap_or(ReflectionState::Draft),
                    reviewed_by_trainer: q.review.as_deref() != Some(ReviewMode::OnSubmit.as_str()),
                    comment: answer.and_then(|r| r.comment.clone()),
                }
            })
            .collect();
        Ok(PlayerLesson {
            slug: seat.course.slug.clone(),
            lesson: page,
            done: seat.completed.contains(&lesson_id),
            locked,
            waits_for,
            progress,
            quiz,
            reflections,
        })
    }

    /// Puts each question's options in this attempt's order: shuffled per attempt (the
    /// next one after `attempts_made`), pinned options last. Marking goes by option id.
    /// True/false keeps its written order: "true" first reads naturally, and the place of
    /// its two answers tells nothing.
    fn shuffle_options(
        seat: &Seat,
        lesson: i32,
        attempts_made: usize,
        questions: &mut [crate::api::catalogue::LearnerQuestion],
    ) {
        use crate::domain::shuffle::{ShuffleSeed, option_order};
        let attempt = i32::try_from(attempts_made).unwrap_or(i32::MAX - 1) + 1;
        for question in questions.iter_mut().filter(|q| q.kind != "true_false") {
            let rows = seat.tree.options_of(question.id);
            let pinned: Vec<bool> = question
                .options
                .iter()
                .map(|(id, _)| rows.iter().any(|o| o.id == *id && o.pinned))
                .collect();
            let seed = ShuffleSeed {
                enrolment: seat.enrolment.id,
                lesson,
                attempt,
                question: question.id,
            };
            let written = std::mem::take(&mut question.options);
            question.options = option_order(&pinned, seed)
                .into_iter()
                .map(|i| written[i].clone())
                .collect();
        }
    }

    /// The learner's seat for a lesson, read inside `db`.
    pub async fn seat(db: &impl sea_orm::ConnectionTrait, lesson: i32) -> Result<Seat, AppError> {
        let auth = learner()?;
        Ok(learning::seat_for_lesson(db, auth.user.id, lesson).await?)
    }

    pub fn db() -> Result<sea_orm::DatabaseConnection, AppError> {
        Ok(state()?.db)
    }
}

/// Where the signed-in person stands in a published course, for its overview page.
#[server(endpoint = "learn/standing")]
pub async fn load_standing(slug: String) -> Result<Standing, AppError> {
    use crate::store::{centres, courses, learning};
    let db = server::db()?;
    let Some(auth) = crate::auth::signed_in() else {
        return Ok(Standing::Visitor);
    };
    let course = courses::find_by_slug(&db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    match learning::enrolment_in(&db, auth.user.id, course.id).await? {
        Some(enrolment) => {
            let seat = learning::seat(&db, enrolment).await?;
            Ok(Standing::Started(server::my_progress(&seat)))
        }
        None => {
            let (rows, _) = centres::page(&db, 0, 500).await?;
            Ok(Standing::NotStarted(
                rows.into_iter()
                    .map(|c| CentreChoice {
                        id: c.public_id,
                        name: c.name,
                    })
                    .collect(),
            ))
        }
    }
}

/// Starts a published course (starting it again just continues) and opens the next lesson.
#[server(endpoint = "learn/enrol")]
pub async fn enrol(slug: String, #[server(default)] centre: String) -> Result<i32, AppError> {
    use crate::{
        errors::Problem,
        store::{centres, courses, db::begin_write, learning},
    };
    let auth = server::learner()?;
    let db = server::db()?;
    let course = courses::find_by_slug(&db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let centre_id = match centre.trim() {
        "" => None,
        id => Some(
            centres::find_by_public_id(&db, id)
                .await?
                .ok_or_else(|| AppError::field("centre", Problem::NotAllowed))?
                .id,
        ),
    };
    let txn = begin_write(&db).await?;
    let enrolment =
        learning::enrol(&txn, auth.user.id, &course, centre_id, chrono::Utc::now()).await?;
    txn.commit().await?;
    let seat = learning::seat(&db, enrolment).await?;
    let next = seat
        .progress
        .next
        .or_else(|| {
            seat.tree
                .modules
                .first()
                .and_then(|m| seat.tree.lessons_of(m.id).first().map(|l| l.id))
        })
        .ok_or(AppError::NotFound)?;
    leptos_axum::redirect(&format!("/learn/lessons/{next}"));
    Ok(next)
}

/// One lesson in the course player.
#[server(endpoint = "learn/lesson")]
pub async fn load_player(lesson: i32) -> Result<PlayerLesson, AppError> {
    let db = server::db()?;
    let seat = server::seat(&db, lesson).await?;
    server::player(&db, &seat, lesson).await
}

/// Marks a lesson without a quiz as done.
#[server(endpoint = "learn/done")]
pub async fn mark_lesson_done(lesson: i32) -> Result<Done, AppError> {
    use crate::store::{db::begin_write, learning};
    let db = server::db()?;
    let txn = begin_write(&db).await?;
    let seat = server::seat(&txn, lesson).await?;
    let course_completed = learning::mark_done(&txn, &seat, lesson, chrono::Utc::now()).await?;
    txn.commit().await?;
    Ok(Done { course_completed })
}

/// Submits a quiz attempt. `answers` maps `q<question id>` to the chosen option id; for a
/// question with several right options each box is sent as `q<question>o<option>`.
#[server(endpoint = "learn/quiz")]
pub async fn submit_quiz(
    lesson: i32,
    submission: String,
    #[server(default)] answers: HashMap<String, String>,
) -> Result<Done, AppError> {
    use crate::{
        errors::Problem,
        store::{db::begin_write, learning},
    };
    use std::collections::{BTreeSet, HashMap as Map};
    if uuid::Uuid::parse_str(submission.trim()).is_err() {
        return Err(AppError::field("submission", Problem::NotAllowed));
    }
    let mut chosen: Map<i32, BTreeSet<i32>> = Map::new();
    for (key, value) in &answers {
        // Keys start with a letter: the form parser reads bare numbers as list positions.
        let key = key.strip_prefix('q').unwrap_or("");
        let question = key.split('o').next().and_then(|q| q.parse::<i32>().ok());
        let option = value.trim().parse::<i32>().ok();
        let fits = key
            .split_once('o')
            .is_none_or(|(_, o)| o.parse::<i32>().ok() == option);
        match (question, option, fits) {
            (Some(q), Some(o), true) => {
                chosen.entry(q).or_default().insert(o);
            }
            _ => return Err(AppError::field("answers", Problem::NotAllowed)),
        }
    }
    let db = server::db()?;
    let txn = begin_write(&db).await?;
    let seat = server::seat(&txn, lesson).await?;
    let now = chrono::Utc::now();
    let result =
        learning::submit_attempt(&txn, &seat, lesson, submission.trim(), &chosen, now).await;
    match result {
        Ok(done) => {
            txn.commit().await?;
            Ok(Done {
                course_completed: done.course_completed,
            })
        }
        Err(learning::LearningError::Busy) => {
            // Two tabs or a double click: if the same form won the race, that is its answer.
            drop(txn);
            match learning::attempt_by_submission(&db, seat.enrolment.id, lesson, submission.trim())
                .await?
            {
                Some(_) => Ok(Done {
                    course_completed: false,
                }),
                None => Err(AppError::Busy),
            }
        }
        Err(error) => Err(error.into()),
    }
}

/// Saves a reflection answer as a draft, or sends it (`send` set).
#[server(endpoint = "learn/reflection")]
pub async fn save_reflection(
    lesson: i32,
    question: i32,
    answer: String,
    #[server(default)] send: Option<String>,
) -> Result<Done, AppError> {
    use crate::{
        errors::Problem,
        store::{db::begin_write, learning},
    };
    let send = send.is_some();
    let answer = answer.trim().to_owned();
    if answer.chars().count() > learning::MAX_REFLECTION {
        return Err(AppError::field("answer", Problem::TooLong));
    }
    if send && answer.is_empty() {
        return Err(AppError::field("answer", Problem::Required));
    }
    let db = server::db()?;
    let txn = begin_write(&db).await?;
    let seat = server::seat(&txn, lesson).await?;
    let saved =
        learning::save_reflection(&txn, &seat, question, &answer, send, chrono::Utc::now()).await?;
    txn.commit().await?;
    Ok(Done {
        course_completed: saved.course_completed,
    })
}

/// The learner's dashboard: their courses and their open reflections.
#[server(endpoint = "learn/dashboard")]
pub async fn load_dashboard(page: u64) -> Result<Dashboard, AppError> {
    use crate::store::learning;
    let auth = server::learner()?;
    let db = server::db()?;
    let page = page.clamp(1, 100_000);
    let (courses, total) = learning::my_courses(&db, auth.user.id, page - 1, PER_PAGE).await?;
    let open = learning::my_open_reflections(&db, auth.user.id, 20).await?;
    Ok(Dashboard {
        courses: Page {
            items: courses
                .into_iter()
                .map(|c| MyCourseCard {
                    slug: c.slug,
                    title: c.title,
                    percent: c.progress.percent,
                    next: c.progress.next,
                    next_title: c.next_title,
                    completed_on: c.enrolment.completed_at.map(crate::api::authoring::date),
                })
                .collect(),
            page,
            pages: total.div_ceil(PER_PAGE).max(1),
            total,
        },
        reflections: open
            .into_iter()
            .map(|r| OpenReflection {
                lesson: r.reflection.lesson_id,
                lesson_title: r.lesson_title,
                course_title: r.course_title,
                state: ReflectionState::parse(&r.reflection.state),
            })
            .collect(),
    })
}

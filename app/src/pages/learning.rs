//! The learner's pages: starting a course from its overview, the course player at
//! `/learn/lessons/:id`, and the dashboard at `/learn`.

use crate::{
    api::catalogue::LearnerQuestion,
    api::learning::{
        Enrol, MarkLessonDone, ModuleState, MyProgress, PlayerLesson, QuizState, ReflectionView,
        SaveReflection, Standing, SubmitQuiz, load_dashboard, load_player, load_standing,
    },
    components::{
        form::{FormError, scoped},
        pager::{Pager, page_from_query},
    },
    domain::learning::ReflectionState,
    i18n::*,
    islands::reflection_draft::ReflectionDraft,
    pages::{
        admin::{load_error, require_sign_in},
        auth::action_error,
        authoring::numeric_id,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A labelled progress bar (a native `<progress>`, so no inline style is needed).
#[component]
pub fn ProgressBar(percent: u8, label: String) -> impl IntoView {
    view! {
        <div class="progress-line">
            <progress max="100" value=percent aria-label=label.clone()>{format!("{percent} %")}</progress>
            <span class="progress-value" aria-hidden="true">{format!("{percent} %")}</span>
        </div>
    }
}

/// The learner's own part of a course overview: start, or continue.
#[component]
pub fn Standing(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let standing = Resource::new(
        {
            let slug = slug.clone();
            move || slug.clone()
        },
        load_standing,
    );
    let enrol = ServerAction::<Enrol>::new();
    let error = action_error(enrol);
    view! {
        <Suspense>
            {move || {
                let slug = slug.clone();
                Suspend::new(async move {
                match standing.await {
                    Err(e) => load_error(i18n, &e),
                    Ok(Standing::Visitor) => view! {
                        <div class="callout">
                            <p>{t!(i18n, learn.sign_in_to_start)}</p>
                            <a class="button primary" href="/login">{t!(i18n, nav.login)}</a>
                            " "
                            <a class="button" href="/signup">{t!(i18n, nav.signup)}</a>
                        </div>
                    }.into_any(),
                    Ok(Standing::NotStarted(centres)) => {
                        view! {
                            <ActionForm action=enrol attr:class="callout stack-form">
                                <FormError error />
                                <input type="hidden" name="slug" value=slug />
                                <div class="field">
                                    <label for="field-centre">{t!(i18n, learn.centre_label)}</label>
                                    <p class="hint" id="field-centre-hint">{t!(i18n, learn.centre_hint)}</p>
                                    <select id="field-centre" name="centre" aria-describedby="field-centre-hint">
                                        <option value="">{t!(i18n, learn.no_centre)}</option>
                                        {centres.into_iter().map(|c| view! { <option value=c.id>{c.name}</option> }).collect_view()}
                                    </select>
                                </div>
                                <button type="submit" class="button primary">{t!(i18n, learn.start)}</button>
                            </ActionForm>
                        }.into_any()
                    }
                    Ok(Standing::Started(progress)) => started(i18n, progress).into_any(),
                }
            })
            }}
        </Suspense>
    }
}

fn started(i18n: leptos_i18n::I18nContext<Locale>, progress: MyProgress) -> impl IntoView {
    let label = t_string!(i18n, learn.course_progress).to_string();
    view! {
        <div class="callout">
            <ProgressBar percent=progress.percent label />
            {if progress.completed {
                view! { <p class="alert success">{t!(i18n, learn.course_completed)}</p> }.into_any()
            } else {
                match progress.next {
                    Some(next) => view! {
                        <a class="button primary" href=format!("/learn/lessons/{next}")>{t!(i18n, learn.continue_course)}</a>
                    }.into_any(),
                    None => ().into_any(),
                }
            }}
            {progress.newer_version.then(|| {
                let version = progress.version;
                view! { <p class="hint">{t!(i18n, learn.on_version, version = move || version)}</p> }
            })}
        </div>
    }
}

/// The course's outline: modules with their progress and lock, lessons with ticks.
fn outline(
    i18n: leptos_i18n::I18nContext<Locale>,
    slug: String,
    progress: MyProgress,
    current: i32,
) -> impl IntoView {
    let label = t_string!(i18n, learn.course_progress).to_string();
    view! {
        <p><a href=format!("/courses/{slug}")>{t!(i18n, learn.about_course)}</a></p>
        <ProgressBar percent=progress.percent label />
        <ol class="player-modules">
            {progress.modules.into_iter().map(|m| module_nav(i18n, m, current)).collect_view()}
        </ol>
    }
}

/// The outline beside the lesson, on a wide screen.
#[component]
fn PlayerNav(slug: String, progress: MyProgress, current: i32) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="player-nav" aria-label=t_string!(i18n, learn.contents)>
            {outline(i18n, slug, progress, current)}
        </nav>
    }
}

/// The outline above the lesson on a narrow screen, folded into one line that names the
/// current module and the course's progress, so the lesson comes first. A `<details>`
/// element: it opens with a tap or the keyboard, without JavaScript.
#[component]
fn PlayerFold(slug: String, progress: MyProgress, current: i32) -> impl IntoView {
    let i18n = use_i18n();
    let total = progress.modules.len();
    let here = progress
        .modules
        .iter()
        .position(|m| m.lessons.iter().any(|l| l.id == current));
    let summary = here.map(|at| {
        let (number, title) = (at + 1, progress.modules[at].title.clone());
        t!(
            i18n,
            learn.outline_here,
            number = move || number,
            total = move || total,
            title = move || title.clone()
        )
    });
    let percent = progress.percent;
    view! {
        <nav class="player-fold" aria-label=t_string!(i18n, learn.contents)>
            <details class="outline-fold">
                <summary>
                    <span class="fold-title">{t!(i18n, learn.contents)}</span>
                    <span class="fold-where">{summary}</span>
                    <span class="fold-progress">{format!("{percent} %")}</span>
                </summary>
                {outline(i18n, slug, progress, current)}
            </details>
        </nav>
    }
}

fn module_nav(
    i18n: leptos_i18n::I18nContext<Locale>,
    m: ModuleState,
    current: i32,
) -> impl IntoView {
    let (done, total) = (m.done, m.total);
    let unlocked = m.unlocked;
    view! {
        <li class="player-module" class:locked=!unlocked>
            <p class="player-module-title">
                <span>{m.title.clone()}</span>
                <span class="meta">{format!("{done}/{total}")}</span>
            </p>
            <progress class="module-progress" max=total value=done aria-label=format!("{}: {}", t_string!(i18n, learn.module_progress), m.title)></progress>
            {m.waits_for.map(|w| view! { <p class="hint lock-reason">{t!(i18n, learn.locked_until, module = move || w.clone())}</p> })}
            <ol class="player-lessons">
                {m.lessons.into_iter().map(|l| {
                    let here = l.id == current;
                    let mark = if l.done { "✓" } else { "" };
                    let done_label = l.done.then(|| t_string!(i18n, learn.done_label).to_string());
                    view! {
                        <li class:current=here class:done=l.done>
                            <span class="tick" aria-hidden="true">{mark}</span>
                            {if unlocked {
                                view! { <a href=format!("/learn/lessons/{}", l.id) aria-current=here.then_some("page")>{l.title}</a> }.into_any()
                            } else {
                                view! { <span>{l.title}</span> }.into_any()
                            }}
                            {done_label.map(|d| view! { <span class="visually-hidden">{format!(" ({d})")}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </li>
    }
}

/// `/learn/lessons/:id`: one lesson of a course the learner has started.
#[component]
pub fn PlayerPage() -> impl IntoView {
    require_sign_in("/learn");
    let i18n = use_i18n();
    let id = numeric_id();
    let lesson = Resource::new(id, load_player);
    view! {
        <section class="container page">
            <Transition>
                {move || Suspend::new(async move {
                    match lesson.await {
                        Err(e) => view! {
                            {load_error(i18n, &e)}
                            <p><a href="/learn">{t!(i18n, learn.to_dashboard)}</a></p>
                        }.into_any(),
                        Ok(page) => player(i18n, page).into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

fn player(i18n: leptos_i18n::I18nContext<Locale>, page: PlayerLesson) -> impl IntoView {
    let lesson = page.lesson.clone();
    let minutes = lesson.minutes;
    let id = lesson.id;
    let has_tasks = page.quiz.is_some() || !page.reflections.is_empty();
    view! {
        <div class="player">
            <PlayerNav slug=page.slug.clone() progress=page.progress.clone() current=id />
            <article class="player-main">
                <PlayerFold slug=page.slug.clone() progress=page.progress.clone() current=id />
                <p class="eyebrow">{format!("{} · {}", lesson.course_title, lesson.module_title)}</p>
                <h1>{lesson.title.clone()}</h1>
                {if page.locked {
                    let waits = page.waits_for.clone().unwrap_or_default();
                    view! { <p class="alert info" role="status">{t!(i18n, learn.locked_until, module = move || waits.clone())}</p> }.into_any()
                } else {
                    view! {
                        <p class="meta">{t!(i18n, courses.reading_time, minutes = move || minutes)}</p>
                        <div class="prose" inner_html=lesson.body_html.clone()></div>
                        {page.quiz.clone().map(|quiz| view! { <Quiz lesson=id questions=lesson.questions.clone() quiz pass_mark=lesson.pass_mark.unwrap_or(0) /> })}
                        {(!page.reflections.is_empty()).then(|| view! {
                            <section class="reflections" aria-labelledby="reflections-title">
                                <h2 id="reflections-title">{t!(i18n, learn.reflections)}</h2>
                                {page.reflections.clone().into_iter().map(|r| view! { <Reflection lesson=id reflection=r /> }).collect_view()}
                            </section>
                        })}
                        <LessonStatus lesson=id done=page.done has_tasks />
                    }.into_any()
                }}
                <nav class="lesson-nav" aria-label=t_string!(i18n, learn.lesson_nav)>
                    {lesson.previous.map(|p| view! { <a class="button" href=format!("/learn/lessons/{p}") rel="prev">{t!(i18n, learn.previous)}</a> })}
                    {lesson.next.map(|n| view! { <a class="button" class:primary=page.done href=format!("/learn/lessons/{n}") rel="next">{t!(i18n, learn.next)}</a> })}
                </nav>
            </article>
        </div>
    }
}

/// "Completed", or the button that marks a lesson without tasks as done.
#[component]
fn LessonStatus(lesson: i32, done: bool, has_tasks: bool) -> impl IntoView {
    let i18n = use_i18n();
    let mark = ServerAction::<MarkLessonDone>::new();
    let error = action_error(mark);
    if done {
        view! { <p class="alert success lesson-done" role="status">{t!(i18n, learn.lesson_completed)}</p> }.into_any()
    } else if has_tasks {
        view! { <p class="hint">{t!(i18n, learn.tasks_complete_lesson)}</p> }.into_any()
    } else {
        view! {
            <ActionForm action=mark attr:class="mark-done">
                <FormError error />
                <input type="hidden" name="lesson" value=lesson />
                <button type="submit" class="button primary">{t!(i18n, learn.mark_done)}</button>
            </ActionForm>
        }
        .into_any()
    }
}

/// A quiz: the latest attempt's feedback, earlier scores, and the form for the next attempt.
#[component]
fn Quiz(
    lesson: i32,
    questions: Vec<LearnerQuestion>,
    quiz: QuizState,
    pass_mark: i32,
) -> impl IntoView {
    let i18n = use_i18n();
    let submit = ServerAction::<SubmitQuiz>::new();
    let error = action_error(submit);
    let latest = quiz.attempts.last().cloned();
    let passed = quiz.attempts.iter().any(|a| a.passed);
    let show_form = quiz.can_attempt && !passed;
    let feedback_questions = questions.clone();
    view! {
        <section class="quiz" aria-labelledby="quiz-title">
            <h2 id="quiz-title">{t!(i18n, courses.quiz)}</h2>
            <p class="hint">{t!(i18n, courses.pass_mark, percent = move || pass_mark)}</p>
            {latest.map(|a| {
                let (right, scored, percent) = (a.right, a.scored, a.percent);
                view! {
                    <div class="alert" class:success=a.passed class:warning=!a.passed role="status">
                        <p><strong>{if a.passed { t_string!(i18n, learn.passed) } else { t_string!(i18n, learn.not_passed) }}</strong></p>
                        <p>{t!(i18n, learn.score, right = move || right, scored = move || scored, percent = move || percent)}</p>
                        {(!quiz.revealed).then(|| view! { <p>{t!(i18n, learn.answers_later)}</p> })}
                    </div>
                    <ol class="questions feedback">
                        {feedback_questions.into_iter().map(|q| {
                            let notes = quiz.feedback.get(&q.id).cloned().unwrap_or_default();
                            let picked = quiz.chosen.get(&q.id).cloned().unwrap_or_default();
                            let right = quiz.verdicts.get(&q.id).copied().unwrap_or(false);
                            let question_verdict = if right { t_string!(i18n, learn.question_right) } else { t_string!(i18n, learn.question_wrong) };
                            view! {
                                <li class="question">
                                    {q.case.map(|c| view! { <p class="case">{c}</p> })}
                                    <p class="prompt">{q.prompt} " " <span class="badge subtle" class:warning=!right>{question_verdict}</span></p>
                                    <ul class="option-feedback">
                                        {q.options.into_iter().map(|(oid, text)| {
                                            let note = notes.iter().find(|n| n.id == oid).cloned();
                                            let chosen = picked.contains(&oid);
                                            let correct = note.as_ref().is_some_and(|n| n.correct);
                                            let explanation = note.map(|n| n.explanation).unwrap_or_default();
                                            let verdict = match (chosen, correct, quiz.revealed) {
                                                (true, _, false) => t_string!(i18n, learn.your_choice),
                                                (true, true, true) => t_string!(i18n, learn.chosen_right),
                                                (true, false, true) => t_string!(i18n, learn.chosen_wrong),
                                                (false, true, true) => t_string!(i18n, learn.missed_right),
                                                _ => "",
                                            };
                                            view! {
                                                <li class:chosen=chosen class:correct=correct class:revealed=quiz.revealed>
                                                    <p>{text}{(!verdict.is_empty()).then(|| view! { " " <span class="badge subtle">{verdict}</span> })}</p>
                                                    {(!explanation.is_empty() && (chosen || correct)).then(|| view! { <p class="explanation">{explanation.clone()}</p> })}
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
            })}
            {(quiz.attempts.len() > 1).then(|| view! {
                <details class="attempts">
                    <summary>{t!(i18n, learn.all_attempts)}</summary>
                    <ol>
                        {quiz.attempts.iter().map(|a| {
                            let (n, p, at) = (a.number, a.percent, a.at.clone());
                            view! { <li>{t!(i18n, learn.attempt_line, number = move || n, percent = move || p, at = move || at.clone())}</li> }
                        }).collect_view()}
                    </ol>
                </details>
            })}
            {if show_form {
                let retry = !quiz.attempts.is_empty();
                let left = quiz.attempts_left;
                view! {
                    <ActionForm action=submit attr:class="quiz-form">
                        <FormError error />
                        {retry.then(|| view! { <h3>{t!(i18n, learn.try_again)}</h3> })}
                        {left.map(|n| view! { <p class="hint">{t!(i18n, learn.attempts_left, count = move || n)}</p> })}
                        <input type="hidden" name="lesson" value=lesson />
                        <input type="hidden" name="submission" value=quiz.submission.clone() />
                        <ol class="questions">
                            {questions.into_iter().map(question_input).collect_view()}
                        </ol>
                        <button type="submit" class="button primary">{t!(i18n, learn.submit_answers)}</button>
                    </ActionForm>
                }.into_any()
            } else if passed {
                ().into_any()
            } else if let Some(minutes) = quiz.wait_minutes {
                view! { <p class="alert info">{t!(i18n, errors.cooling_down, minutes = move || minutes)}</p> }.into_any()
            } else {
                view! { <p class="alert info">{t!(i18n, errors.no_attempts_left)}</p> }.into_any()
            }}
        </section>
    }
}

fn question_input(q: LearnerQuestion) -> impl IntoView {
    let multiple = q.kind == "multiple_choice";
    let qid = q.id;
    view! {
        <li class="question">
            {q.case.map(|c| view! { <p class="case">{c}</p> })}
            <fieldset>
                <legend>{q.prompt}</legend>
                {q.options.into_iter().map(|(oid, text)| {
                    let (kind, name) = if multiple {
                        ("checkbox", format!("answers[q{qid}o{oid}]"))
                    } else {
                        ("radio", format!("answers[q{qid}]"))
                    };
                    let input_id = format!("q{qid}-o{oid}");
                    view! {
                        <div class="choice">
                            <input type=kind id=input_id.clone() name=name value=oid />
                            <label for=input_id>{text}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </li>
    }
}

/// One reflection: saved as a draft while typing (the island), then sent.
#[component]
fn Reflection(lesson: i32, reflection: ReflectionView) -> impl IntoView {
    let i18n = use_i18n();
    let send = ServerAction::<SaveReflection>::new();
    let question = reflection.question;
    let error = scoped(action_error(send), "question", question);
    let editable = reflection.state.editable();
    let field_id = format!("reflection-{question}");
    let status_id = format!("reflection-{question}-status");
    let state_text = match reflection.state {
        ReflectionState::Draft => t_string!(i18n, learn.reflection_draft),
        ReflectionState::Submitted => t_string!(i18n, learn.reflection_sent),
        ReflectionState::Accepted => t_string!(i18n, learn.reflection_accepted),
        ReflectionState::Revise => t_string!(i18n, learn.reflection_revise),
    };
    let send_label = if reflection.reviewed_by_trainer {
        t_string!(i18n, learn.send_for_review)
    } else {
        t_string!(i18n, learn.send)
    };
    view! {
        <div class="reflection">
            <ActionForm action=send attr:class="stack-form">
                <FormError error />
                <input type="hidden" name="lesson" value=lesson />
                <input type="hidden" name="question" value=question />
                <div class="field">
                    <label for=field_id.clone()>{reflection.prompt.clone()}</label>
                    <p class="hint" id=status_id.clone()>
                        <span class="badge subtle">{state_text}</span>
                    </p>
                    {reflection.comment.clone().map(|c| view! {
                        <div class="alert info"><p><strong>{t!(i18n, learn.trainer_comment)}</strong></p><p class="pre">{c}</p></div>
                    })}
                    {if editable {
                        view! {
                            <ReflectionDraft>
                                <textarea id=field_id.clone() name="answer" rows="6" maxlength="10000" aria-describedby=status_id.clone()>
                                    {reflection.answer.clone()}
                                </textarea>
                                <p class="hint draft-status" aria-live="polite" data-saved=t_string!(i18n, learn.draft_saved)></p>
                            </ReflectionDraft>
                        }.into_any()
                    } else {
                        view! { <p class="pre answer" id=field_id.clone()>{reflection.answer.clone()}</p> }.into_any()
                    }}
                </div>
                {editable.then(|| view! {
                    <input type="hidden" name="send" value="1" />
                    <button type="submit" class="button primary">{send_label}</button>
                })}
            </ActionForm>
        </div>
    }
}

/// `/learn`: the learner's courses, what to do next, and reflections waiting for someone.
#[component]
pub fn DashboardPage() -> impl IntoView {
    require_sign_in("/learn");
    let i18n = use_i18n();
    let query = use_query_map();
    let page = page_from_query(query);
    let dashboard = Resource::new(page, load_dashboard);
    view! {
        <section class="container page">
            <h1>{t!(i18n, learn.title)}</h1>
            <Transition>
                {move || Suspend::new(async move {
                    match dashboard.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(d) => {
                            let (active, done): (Vec<_>, Vec<_>) = d.courses.items.into_iter().partition(|c| c.completed_on.is_none());
                            let label = t_string!(i18n, learn.course_progress).to_string();
                            view! {
                                <h2>{t!(i18n, learn.in_progress)}</h2>
                                {if active.is_empty() {
                                    view! { <p class="empty">{t!(i18n, learn.none_in_progress)} " " <a href="/courses">{t!(i18n, learn.find_course)}</a></p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="course-cards">
                                            {active.into_iter().map(|c| {
                                                let label = format!("{label}: {}", c.title);
                                                view! {
                                                    <li class="course-card">
                                                        <h3><a href=format!("/courses/{}", c.slug)>{c.title.clone()}</a></h3>
                                                        <ProgressBar percent=c.percent label />
                                                        {c.next.map(|n| {
                                                            let title = c.next_title.clone().unwrap_or_default();
                                                            view! {
                                                                <p class="meta">{t!(i18n, learn.next_lesson)} " " {title}</p>
                                                                <a class="button primary" href=format!("/learn/lessons/{n}")>{t!(i18n, learn.continue_course)}</a>
                                                            }
                                                        })}
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                                {(!done.is_empty()).then(|| view! {
                                    <h2>{t!(i18n, learn.completed)}</h2>
                                    <ul class="plain-list">
                                        {done.into_iter().map(|c| {
                                            let on = c.completed_on.clone().unwrap_or_default();
                                            view! { <li><a href=format!("/courses/{}", c.slug)>{c.title}</a> " " <span class="meta">{t!(i18n, learn.completed_on, date = move || on.clone())}</span></li> }
                                        }).collect_view()}
                                    </ul>
                                })}
                                <Pager path="/learn" page=d.courses.page pages=d.courses.pages />
                                <h2>{t!(i18n, learn.open_reflections)}</h2>
                                {if d.reflections.is_empty() {
                                    view! { <p class="empty">{t!(i18n, learn.no_open_reflections)}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="plain-list">
                                            {d.reflections.into_iter().map(|r| {
                                                let state = if r.state == ReflectionState::Revise { t_string!(i18n, learn.reflection_revise) } else { t_string!(i18n, learn.reflection_sent) };
                                                view! {
                                                    <li>
                                                        <a href=format!("/learn/lessons/{}", r.lesson)>{r.lesson_title}</a>
                                                        " · " {r.course_title} " " <span class="badge subtle">{state}</span>
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

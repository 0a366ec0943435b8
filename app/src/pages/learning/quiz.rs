//! A lesson's quiz and reflection questions in the course player.

use crate::domain::ids::LessonId;
use crate::{
    api::catalogue::LearnerQuestion,
    api::learning::{QuizState, ReflectionView, SaveReflection, SubmitQuiz},
    components::form::{ErrorSignal, FormError, kept_checked, kept_chosen, kept_or, scoped},
    domain::learning::ReflectionState,
    i18n::*,
    islands::reflection_draft::ReflectionDraft,
    pages::auth::action_error,
};
use leptos::prelude::*;

/// A quiz: the latest attempt's feedback, earlier scores, and the form for the next attempt.
#[component]
pub(super) fn Quiz(
    lesson: LessonId,
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
                        <input type="hidden" name="lesson" value=lesson.get() />
                        <input type="hidden" name="submission" value=quiz.submission.clone() />
                        <ol class="questions">
                            {questions.into_iter().map(|q| question_input(q, error)).collect_view()}
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

/// One question's choices, as chosen in a refused form or none.
fn question_input(q: LearnerQuestion, error: ErrorSignal) -> impl IntoView {
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
                    let value = oid.get().to_string();
                    let chosen = if multiple {
                        kept_checked(error, &name, false)
                    } else {
                        kept_chosen(error, &name, &value, false)
                    };
                    view! {
                        <div class="choice">
                            <input type=kind id=input_id.clone() name=name value=value checked=chosen />
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
pub(super) fn Reflection(lesson: LessonId, reflection: ReflectionView) -> impl IntoView {
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
                <input type="hidden" name="lesson" value=lesson.get() />
                <input type="hidden" name="question" value=question.get() />
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
                                    {kept_or(error, "answer", reflection.answer.clone())}
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

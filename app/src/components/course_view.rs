//! How learners see a course: its outline, and a lesson with its quiz questions. The catalogue,
//! the trainers' preview and the course player all use these, so a preview is exact.

use crate::domain::ids::LessonId;
use crate::{
    api::catalogue::{CourseOverview, LessonPage},
    i18n::*,
};
use leptos::prelude::*;

/// Modules with their lessons; lessons link where `lesson_href` says.
#[component]
pub fn CourseOutline(
    course: CourseOverview,
    lesson_href: Option<fn(LessonId) -> String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="outline">
            {course.modules.into_iter().enumerate().map(|(i, m)| {
                let number = i + 1;
                view! {
                    <li class="outline-module">
                        <h3>
                            <span class="number">{t!(i18n, courses.module_number, number = move || number)}</span>
                            {m.title}
                        </h3>
                        {(!m.summary.is_empty()).then(|| view! { <p>{m.summary}</p> })}
                        {m.requires_previous.then(|| view! { <p class="hint">{t!(i18n, courses.requires_previous)}</p> })}
                        <ol class="outline-lessons">
                            {m.lessons.into_iter().map(|l| {
                                let title = match lesson_href {
                                    Some(href) => view! { <a href=href(l.id)>{l.title}</a> }.into_any(),
                                    None => view! { <span>{l.title}</span> }.into_any(),
                                };
                                let minutes = l.minutes;
                                view! {
                                    <li>
                                        {title}
                                        <span class="meta">
                                            {format!("{minutes} min")}
                                            {l.has_quiz.then(|| view! { <span class="badge subtle">{t!(i18n, courses.quiz)}</span> })}
                                        </span>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// A lesson's text and, if it ends in a quiz, its questions (read-only here).
#[component]
pub fn LessonView(lesson: LessonPage) -> impl IntoView {
    let i18n = use_i18n();
    let minutes = lesson.minutes;
    view! {
        <p class="eyebrow">{format!("{} · {}", lesson.course_title, lesson.module_title)}</p>
        <h1>{lesson.title}</h1>
        <p class="meta">{t!(i18n, courses.reading_time, minutes = move || minutes)}</p>
        <div class="prose" inner_html=lesson.body_html></div>
        {(!lesson.questions.is_empty()).then(|| {
            let pass = lesson.pass_mark.unwrap_or(0);
            view! {
                <section class="quiz" aria-labelledby="quiz-title">
                    <h2 id="quiz-title">{t!(i18n, courses.quiz)}</h2>
                    <p class="hint">{t!(i18n, courses.pass_mark, percent = move || pass)}</p>
                    <ol class="questions">
                        {lesson.questions.into_iter().map(|q| {
                            let kind = q.kind.clone();
                            let input = if kind == "multiple_choice" { "checkbox" } else { "radio" };
                            let name = format!("q{}", q.id);
                            view! {
                                <li class="question">
                                    {q.case.map(|c| view! { <p class="case">{c}</p> })}
                                    <fieldset>
                                        <legend>{q.prompt}</legend>
                                        {if kind == "reflection" {
                                            view! { <textarea name=name.clone() rows="5" aria-label=t_string!(i18n, courses.your_answer)></textarea> }.into_any()
                                        } else {
                                            q.options.into_iter().map(|(id, text)| {
                                                let id = format!("o{id}");
                                                view! {
                                                    <div class="choice">
                                                        <input type=input id=id.clone() name=name.clone() />
                                                        <label for=id>{text}</label>
                                                    </div>
                                                }
                                            }).collect_view().into_any()
                                        }}
                                    </fieldset>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </section>
            }
        })}
    }
}

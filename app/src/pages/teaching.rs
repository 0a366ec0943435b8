//! `/teach`: trainers and coordinators follow learners; trainers review reflections.

use crate::{
    api::teaching::{
        AddCourseTrainer, LearnerOverview, RemoveCourseTrainer, ReviewReflection, list_teaching,
        load_learners, review_queue,
    },
    components::{
        form::{Field, FormError, TextArea, scoped},
        pager::{Pager, page_from_query},
        progress::ProgressBar,
    },
    domain::learning::LearnerStatus,
    i18n::*,
    pages::{
        admin::{load_error, require_sign_in},
        auth::action_error,
    },
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// A learner status in the page's language.
pub fn status_label(i18n: leptos_i18n::I18nContext<Locale>, status: LearnerStatus) -> String {
    match status {
        LearnerStatus::NotStarted => t_string!(i18n, teach.status_not_started),
        LearnerStatus::InProgress => t_string!(i18n, teach.status_in_progress),
        LearnerStatus::Stuck => t_string!(i18n, teach.status_stuck),
        LearnerStatus::Completed => t_string!(i18n, teach.status_completed),
    }
    .to_string()
}

/// `/teach`: the courses whose learners the person follows.
#[component]
pub fn TeachingHome() -> impl IntoView {
    require_sign_in("/teach");
    let i18n = use_i18n();
    let query = use_query_map();
    let page = page_from_query(query);
    let courses = Resource::new(page, list_teaching);
    view! {
        <section class="container page">
            <h1>{t!(i18n, teach.title)}</h1>
            <p class="lead">{t!(i18n, teach.lead)}</p>
            <p class="actions">
                <a class="button" href="/teach/reviews">{t!(i18n, teach.reviews_link)}</a>
                " "
                <a class="button" href="/teach/workshops">{t!(i18n, teach.workshops_link)}</a>
                " "
                <a class="button" href="/teach/sign-offs">{t!(i18n, certificates.sign_offs_title)}</a>
                " "
                <a class="button secondary" href="/teach/results">{t!(i18n, results.training_title)}</a>
            </p>
            <Transition>
                {move || Suspend::new(async move {
                    match courses.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(list) if list.items.is_empty() => view! { <p class="empty">{t!(i18n, teach.no_courses)}</p> }.into_any(),
                        Ok(list) => view! {
                            <div class="table-wrap"><table>
                                <thead><tr><th scope="col">{t!(i18n, teach.course)}</th><th scope="col">{t!(i18n, teach.learners)}</th></tr></thead>
                                <tbody>
                                    {list.items.into_iter().map(|c| view! {
                                        <tr>
                                            <td><a href=format!("/teach/courses/{}", c.id) lang=c.language.clone()>{c.title}</a></td>
                                            <td>{c.learners}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table></div>
                            <Pager path="/teach" page=list.page pages=list.pages />
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// `/teach/courses/:id`: a course's learners, filtered by centre and status, with an export.
#[component]
pub fn LearnersPage() -> impl IntoView {
    require_sign_in("/teach");
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let page = page_from_query(query);
    let id = move || params.read().get("id").unwrap_or_default();
    let centre = move || query.read().get("centre").unwrap_or_default();
    let status = move || query.read().get("status").unwrap_or_default();
    let overview = Resource::new(
        move || (id(), centre(), status(), page()),
        |(id, centre, status, page)| load_learners(id, centre, status, page),
    );
    view! {
        <section class="container page">
            <p><a href="/teach">{t!(i18n, teach.back)}</a></p>
            <Transition>
                {move || Suspend::new(async move {
                    match overview.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(o) => learners_view(i18n, id(), centre(), status(), o).into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

fn learners_view(
    i18n: leptos_i18n::I18nContext<Locale>,
    course: String,
    centre: String,
    status: String,
    o: LearnerOverview,
) -> impl IntoView {
    let extra = format!("&centre={centre}&status={status}");
    let csv = format!("/teach/courses/{course}/learners.csv?centre={centre}&status={status}");
    let path = format!("/teach/courses/{course}");
    let total = o.learners.total;
    view! {
        <h1>{o.title.clone()}</h1>
        {(!o.all).then(|| view! { <p class="hint">{t!(i18n, teach.centre_scope)}</p> })}
        <form method="get" action=path.clone() class="filter-form">
            <label for="filter-centre">{t!(i18n, teach.filter_centre)}</label>
            <select id="filter-centre" name="centre">
                <option value="">{t!(i18n, teach.all_centres)}</option>
                {o.centres.iter().map(|(cid, name)| {
                    let selected = *cid == centre;
                    view! { <option value=cid.clone() selected=selected>{name.clone()}</option> }
                }).collect_view()}
            </select>
            <label for="filter-status">{t!(i18n, teach.filter_status)}</label>
            <select id="filter-status" name="status">
                <option value="">{t!(i18n, teach.all_statuses)}</option>
                {LearnerStatus::ALL.into_iter().map(|s| {
                    let selected = s.as_str() == status;
                    view! { <option value=s.as_str() selected=selected>{status_label(i18n, s)}</option> }
                }).collect_view()}
            </select>
            <button type="submit" class="button small">{t!(i18n, courses.filter_apply)}</button>
        </form>
        <p class="meta">{t!(i18n, teach.count, count = move || total)} " · " <a href=csv download="">{t!(i18n, teach.export_csv)}</a></p>
        {if o.learners.items.is_empty() {
            view! { <p class="empty">{t!(i18n, teach.no_learners)}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="learners">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, teach.learner)}</th>
                                <th scope="col">{t!(i18n, teach.status)}</th>
                                <th scope="col">{t!(i18n, teach.progress)}</th>
                                <th scope="col">{t!(i18n, teach.quizzes)}</th>
                                <th scope="col">{t!(i18n, teach.last_activity)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {o.learners.items.into_iter().map(|l| {
                                let label = format!("{}: {}", t_string!(i18n, teach.progress), l.name);
                                view! {
                                    <tr>
                                        <td>
                                            <strong>{l.name.clone()}</strong><br />
                                            <span class="meta">{l.email}</span>
                                            {l.centre.map(|c| view! { <br /><span class="meta">{c}</span> })}
                                        </td>
                                        <td><span class="badge subtle" class:warning=l.status == LearnerStatus::Stuck>{status_label(i18n, l.status)}</span></td>
                                        <td>
                                            <ProgressBar percent=l.percent label />
                                            <ul class="module-counts">
                                                {l.modules.into_iter().map(|m| view! { <li>{format!("{}: {}/{}", m.title, m.done, m.total)}</li> }).collect_view()}
                                            </ul>
                                        </td>
                                        <td>
                                            <ul class="module-counts">
                                                {l.quizzes.into_iter().map(|q| {
                                                    let (attempts, best) = (q.attempts, q.best);
                                                    view! { <li>{q.lesson} ": " {t!(i18n, teach.quiz_line, best = move || best, attempts = move || attempts)} {q.passed.then_some(" ✓")}</li> }
                                                }).collect_view()}
                                            </ul>
                                        </td>
                                        <td>{l.last_activity}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <Pager path=path.clone() page=o.learners.page pages=o.learners.pages extra />
            }.into_any()
        }}
        {o.all.then(|| view! { <Trainers course=course.clone() trainers=o.trainers.clone() /> })}
    }
}

/// The course's trainers, who follow all its learners and review their reflections.
#[component]
fn Trainers(course: String, trainers: Vec<crate::api::teaching::TrainerEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let add = ServerAction::<AddCourseTrainer>::new();
    let remove = ServerAction::<RemoveCourseTrainer>::new();
    let error = action_error(add);
    view! {
        <section class="panel" aria-labelledby="trainers-title">
            <h2 id="trainers-title">{t!(i18n, teach.trainers)}</h2>
            <ul class="plain-list">
                {trainers.into_iter().map(|t| {
                    let course = course.clone();
                    view! {
                        <li>
                            {t.name.clone()} " "
                            <ActionForm action=remove attr:class="inline-form">
                                <input type="hidden" name="course" value=course />
                                <input type="hidden" name="trainer" value=t.id />
                                <button type="submit" class="button small">{t!(i18n, teach.remove_trainer)}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ActionForm action=add attr:class="stack-form">
                <FormError error />
                <input type="hidden" name="course" value=course.clone() />
                <Field name="email" kind="email" label=t_string!(i18n, teach.add_trainer_email).to_string() hint=t_string!(i18n, teach.add_trainer_hint).to_string() error />
                <button type="submit" class="button">{t!(i18n, teach.add_trainer)}</button>
            </ActionForm>
        </section>
    }
}

/// `/teach/reviews`: reflections waiting for the trainer, oldest first.
#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    require_sign_in("/teach/reviews");
    let i18n = use_i18n();
    let query = use_query_map();
    let page = page_from_query(query);
    let queue = Resource::new(page, review_queue);
    view! {
        <section class="container page">
            <p><a href="/teach">{t!(i18n, teach.back)}</a></p>
            <h1>{t!(i18n, teach.reviews_title)}</h1>
            <Transition>
                {move || Suspend::new(async move {
                    match queue.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(list) if list.items.is_empty() => view! { <p class="empty">{t!(i18n, teach.no_reviews)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ol class="review-queue">
                                {list.items.into_iter().map(|item| view! { <ReviewItem item /> }).collect_view()}
                            </ol>
                            <Pager path="/teach/reviews" page=list.page pages=list.pages />
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ReviewItem(item: crate::api::teaching::QueueEntry) -> impl IntoView {
    let i18n = use_i18n();
    let review = ServerAction::<ReviewReflection>::new();
    let error = scoped(action_error(review), "reflection", item.id);
    let prefix = format!("r{}-", item.id);
    view! {
        <li class="review-item panel">
            <p class="eyebrow">{format!("{} · {} · {}", item.course, item.lesson, item.sent)}</p>
            <h2>{item.learner.clone()}</h2>
            <p class="prompt"><strong>{item.prompt.clone()}</strong></p>
            {item.guidance.clone().map(|g| view! { <details><summary>{t!(i18n, teach.guidance)}</summary><p>{g}</p></details> })}
            <blockquote class="pre answer">{item.answer.clone()}</blockquote>
            <ActionForm action=review attr:class="stack-form">
                <FormError error />
                <input type="hidden" name="reflection" value=item.id.get() />
                <TextArea name="comment" id_prefix=prefix.clone() label=t_string!(i18n, teach.comment).to_string() hint=t_string!(i18n, teach.comment_hint).to_string() rows=3 error />
                <fieldset class="choices">
                    <legend>{t!(i18n, teach.decision)}</legend>
                    <div class="choice">
                        <input type="radio" id=format!("{prefix}accept") name="decision" value="accept"
                            checked=crate::components::form::kept_chosen(error, "decision", "accept", true) />
                        <label for=format!("{prefix}accept")>{t!(i18n, teach.accept)}</label>
                    </div>
                    <div class="choice">
                        <input type="radio" id=format!("{prefix}revise") name="decision" value="revise"
                            checked=crate::components::form::kept_chosen(error, "decision", "revise", false) />
                        <label for=format!("{prefix}revise")>{t!(i18n, teach.ask_revision)}</label>
                    </div>
                </fieldset>
                <button type="submit" class="button primary">{t!(i18n, teach.save_review)}</button>
            </ActionForm>
        </li>
    }
}

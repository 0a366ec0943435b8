//! The outcome survey on the pages: the section of a group's page where its centre opens the
//! link and reads the totals, and `/survey/:token`, where a participant answers without
//! signing in.

use crate::{
    api::matching::{AnswerSurvey, OpenSurvey, SurveyState, load_survey},
    components::form::PostForm,
    domain::survey::{HIGHEST, LOWEST, MIN_ANSWERS, Statement, Summary},
    i18n::*,
    pages::admin::load_error,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

type I18n = leptos_i18n::I18nContext<Locale>;

/// A statement as participants read it.
fn statement_text(i18n: I18n, statement: Statement) -> String {
    match statement {
        Statement::SeenAndHeard => t_string!(i18n, survey.seen),
        Statement::LessAlone => t_string!(i18n, survey.less_alone),
        Statement::Insight => t_string!(i18n, survey.insight),
        Statement::TalkingAboutIt => t_string!(i18n, survey.talking),
        Statement::Mastery => t_string!(i18n, survey.mastery),
    }
    .to_string()
}

/// The totals as a table.
pub(crate) fn totals(i18n: I18n, summary: Summary) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table>
                <caption>{t!(i18n, survey.totals_caption, answers = summary.answers)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, survey.statement)}</th>
                        <th scope="col">{t!(i18n, survey.mean)}</th>
                        <th scope="col">{t!(i18n, survey.agree)}</th>
                    </tr>
                </thead>
                <tbody>
                    {summary.figures.into_iter().map(|f| view! {
                        <tr>
                            <th scope="row">{statement_text(i18n, f.statement)}</th>
                            <td>{format!("{:.1}", f.mean)}</td>
                            <td>{format!("{} %", f.agree_percent)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The survey section of a group's page, once the group goes on by itself or has ended.
#[component]
pub fn SurveySection(group: i32, may_open: bool, survey: Option<SurveyState>) -> impl IntoView {
    let i18n = use_i18n();
    let body = match survey {
        None if may_open => view! {
            <p>{t!(i18n, survey.offer)}</p>
            <PostForm action={ServerAction::<OpenSurvey>::new()} submit=t!(i18n, survey.open) button="button secondary" let:_error>
                <input type="hidden" name="group" value=group.to_string() />
            </PostForm>
        }
        .into_any(),
        None => return None,
        Some(s) => {
            let counted = match s.summary.clone() {
                Some(summary) => totals(i18n, summary).into_any(),
                None => view! { <p class="empty">{t!(i18n, survey.too_few, answers = s.answers, min = MIN_ANSWERS)}</p> }.into_any(),
            };
            let link = s.link.clone();
            view! {
                {if s.open {
                    view! {
                        <p>{t!(i18n, survey.hand_out, closes = s.closes_on.clone())}</p>
                        <p><input class="survey-link" type="text" readonly value=link aria-label=t_string!(i18n, survey.link_label) /></p>
                    }.into_any()
                } else {
                    view! { <p>{t!(i18n, survey.closed_on, closes = s.closes_on.clone())}</p> }.into_any()
                }}
                {counted}
            }
            .into_any()
        }
    };
    Some(view! {
        <h2 id="survey">{t!(i18n, survey.title)}</h2>
        {body}
    })
}

/// One statement's five choices.
fn scale(
    i18n: I18n,
    statement: Statement,
    error: crate::components::form::ErrorSignal,
) -> impl IntoView {
    let key = statement.key();
    let problem = move || error.get().and_then(|e| e.problem_for(key)).is_some();
    view! {
        <fieldset class="scale" class:has-error=problem>
            <legend>{statement_text(i18n, statement)}</legend>
            {move || problem().then(|| view! { <p class="field-error">{t!(i18n, survey.choose)}</p> })}
            <div class="scale-points">
                {(LOWEST..=HIGHEST).map(|point| {
                    let id = format!("{key}-{point}");
                    let target = id.clone();
                    let label = match point {
                        LOWEST => view! { {point} <span class="scale-end">{t!(i18n, survey.not_at_all)}</span> }.into_any(),
                        HIGHEST => view! { {point} <span class="scale-end">{t!(i18n, survey.very_much)}</span> }.into_any(),
                        _ => view! { {point} }.into_any(),
                    };
                    view! {
                        <span class="scale-point">
                            <input type="radio" id=id name=key value=point.to_string() required=true
                                checked=crate::components::form::kept_chosen(error, key, &point.to_string(), false) />
                            <label for=target>{label}</label>
                        </span>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

/// `/survey/:token`: a participant answers the survey, or is thanked for it.
#[component]
pub fn SurveyPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let thanks = move || query.read().get("thanks").is_some();
    let i18n = use_i18n();
    let form = Resource::new(token, load_survey);
    view! {
        <section class="container narrow page survey-page">
            <Transition>
                {move || Suspend::new(async move {
                    match form.await {
                        Err(e) => load_error(i18n, &e),
                        Ok(_) if thanks() => view! {
                            <h1>{t!(i18n, survey.thanks_title)}</h1>
                            <p class="lead">{t!(i18n, survey.thanks)}</p>
                        }.into_any(),
                        Ok(f) if !f.open => view! {
                            <h1>{f.group.clone()}</h1>
                            <p class="lead">{t!(i18n, survey.closed)}</p>
                        }.into_any(),
                        Ok(f) => view! {
                            <h1>{t!(i18n, survey.page_title, group = f.group.clone())}</h1>
                            <p class="lead">{t!(i18n, survey.lead, centre = f.centre.clone())}</p>
                            <p class="hint">{t!(i18n, survey.anonymous)}</p>
                            <PostForm action={ServerAction::<AnswerSurvey>::new()} submit=t!(i18n, survey.send) let:error>
                                <input type="hidden" name="token" value=token() />
                                {Statement::ALL.into_iter().map(|s| scale(i18n, s, error)).collect_view()}
                            </PostForm>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

//! A volunteer's certificates, and what is still missing for the programmes they do not
//! hold yet.

use crate::{domain::certification::CertificateStatus, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A certificate on its holder's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateCard {
    /// Public code.
    pub code: String,
    /// Programme title, in the viewer's language.
    pub programme: String,
    /// Issued, `YYYY-MM-DD`.
    pub issued: String,
    /// Expires, `YYYY-MM-DD`, if it does.
    pub expires: Option<String>,
    /// Whether it holds now.
    pub status: CertificateStatus,
    /// Revoked on, `YYYY-MM-DD`.
    pub revoked_on: Option<String>,
}

/// A requirement still open, as the page names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// Complete one of these courses (title and address).
    Course(Vec<(String, String)>),
    /// Reach a score in the quiz of one of these courses.
    Quiz {
        /// Course titles.
        courses: Vec<String>,
        /// Score needed.
        min_percent: u8,
        /// Best so far.
        best: Option<u8>,
    },
    /// Reflections still to send or to be accepted.
    Reflections {
        /// Not sent, or waiting for the trainer.
        waiting: u32,
        /// Sent back for another go.
        sent_back: u32,
    },
    /// Workshops to attend.
    Workshops {
        /// Attended.
        attended: u32,
        /// Needed.
        required: u32,
    },
    /// The trainer's sign-off of the practical part (what it is).
    SignOff(String),
}

/// A programme the viewer does not hold a certificate of yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeProgress {
    /// Title in the viewer's language.
    pub title: String,
    /// What earns it.
    pub criteria: String,
    /// Whether everything is met and only the trainer's sign-off is awaited.
    pub awaiting_sign_off: bool,
    /// What is still open.
    pub steps: Vec<Step>,
}

/// The viewer's certificates and progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCertification {
    /// Certificates held, newest first.
    pub certificates: Vec<CertificateCard>,
    /// Programmes not held yet.
    pub progress: Vec<ProgrammeProgress>,
}

/// The signed-in person's certificates and their progress towards the others.
#[server(endpoint = "certificates/mine")]
pub async fn load_my_certification() -> Result<MyCertification, AppError> {
    use crate::{
        api::{
            context::{require, state},
            dates::date,
        },
        domain::{
            authz::Action,
            certification::{Missing, Outcome, evaluate},
        },
        language::request_language,
        store::certification,
    };
    let auth = require(Action::Learn)?;
    let db = state()?.db;
    let language = request_language();
    let now = chrono::Utc::now();
    let held = certification::of_holder(&db, auth.user.id).await?;
    let programmes = certification::all(&db).await?;
    let open: Vec<_> = programmes
        .into_iter()
        .filter(|p| !held.iter().any(|c| c.programme_id == p.id))
        .collect();
    let gathered = certification::gather(&db, auth.user.id, &open).await?;
    let labels = certification::course_labels(
        &db,
        open.iter().flat_map(|p| {
            let courses = p
                .programme
                .courses
                .iter()
                .flat_map(|r| &r.any_of)
                .map(|c| c.course);
            let quizzes = p
                .programme
                .quizzes
                .iter()
                .flat_map(|q| &q.any_of)
                .map(|q| q.course);
            courses.chain(quizzes).collect::<Vec<_>>()
        }),
    )
    .await?;
    // Of a requirement's alternatives, those in the viewer's language (all when none is).
    let pick = |ids: Vec<crate::domain::ids::CourseId>| {
        let known: Vec<_> = ids.iter().filter_map(|id| labels.get(id)).collect();
        let own: Vec<_> = known
            .iter()
            .copied()
            .filter(|l| l.language == language.code())
            .collect();
        if own.is_empty() { known } else { own }
    };
    let progress = open
        .iter()
        .zip(gathered)
        .map(|(p, g)| {
            let outcome = evaluate(&p.programme, &g.evidence);
            let steps = match &outcome {
                Outcome::Incomplete(missing) => missing
                    .iter()
                    .map(|m| match m {
                        Missing::Course { any_of } => Step::Course(
                            pick(any_of.iter().map(|c| c.course).collect())
                                .into_iter()
                                .map(|l| (l.title.clone(), format!("/courses/{}", l.slug)))
                                .collect(),
                        ),
                        Missing::Quiz {
                            any_of,
                            min_percent,
                            best,
                        } => Step::Quiz {
                            courses: pick(any_of.iter().map(|q| q.course).collect())
                                .into_iter()
                                .map(|l| l.title.clone())
                                .collect(),
                            min_percent: *min_percent,
                            best: *best,
                        },
                        Missing::Reflections { waiting, sent_back } => Step::Reflections {
                            waiting: *waiting,
                            sent_back: *sent_back,
                        },
                        Missing::Workshops { attended, required } => Step::Workshops {
                            attended: *attended,
                            required: *required,
                        },
                        Missing::SignOff => Step::SignOff(p.sign_off.clone().unwrap_or_default()),
                    })
                    .collect(),
                _ => Vec::new(),
            };
            ProgrammeProgress {
                title: p.titles.get(language).to_owned(),
                criteria: p.criteria.get(language).to_owned(),
                awaiting_sign_off: outcome == Outcome::AwaitingSignOff,
                steps,
            }
        })
        .collect();
    Ok(MyCertification {
        certificates: held
            .iter()
            .map(|c| CertificateCard {
                code: c.code.to_string(),
                programme: c.programme.get(language).to_owned(),
                issued: date(c.issued_at),
                expires: c.expires_at.map(date),
                status: c.status(now),
                revoked_on: c.revoked.as_ref().map(|r| date(r.0)),
            })
            .collect(),
        progress,
    })
}

//! What a volunteer has done that programmes count, read in a fixed number of queries.

use super::programmes::ProgrammeRecord;
use crate::domain::{
    certification::{Evidence, QuizChoice},
    ids::{CourseId, ProgrammeId},
};
use crate::store::{
    StoreResult,
    entities::{
        course_version, enrolment, lesson, quiz_attempt, reflection, sign_off, workshop,
        workshop_signup,
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::{BTreeMap, BTreeSet};

/// A volunteer's evidence for one programme, and when they last completed its refresher.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gathered {
    /// What counts towards the requirements.
    pub evidence: Evidence,
    /// The latest completion of one of the programme's refresher courses.
    pub refreshed_at: Option<DateTime<Utc>>,
}

/// The evidence of `user_id` for each of `programmes`, in the same order.
pub async fn gather(
    db: &impl ConnectionTrait,
    user_id: i32,
    programmes: &[ProgrammeRecord],
) -> StoreResult<Vec<Gathered>> {
    let courses: BTreeSet<CourseId> = programmes
        .iter()
        .flat_map(|p| {
            let required = p
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
                .map(|c| c.course);
            required.chain(quizzes).chain(p.refreshers.iter().copied())
        })
        .collect();
    let enrolments = enrolment::Entity::find()
        .filter(enrolment::Column::UserId.eq(user_id))
        .filter(enrolment::Column::CourseId.is_in(courses.iter().copied()))
        .all(db)
        .await?;
    let versions: BTreeMap<_, i32> = course_version::Entity::find()
        .filter(course_version::Column::Id.is_in(enrolments.iter().map(|e| e.version_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|v| (v.id, v.number))
        .collect();
    let enrolment_ids: Vec<_> = enrolments.iter().map(|e| e.id).collect();
    let attempts = quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::EnrolmentId.is_in(enrolment_ids.iter().copied()))
        .all(db)
        .await?;
    let slugs: BTreeMap<_, String> = lesson::Entity::find()
        .filter(lesson::Column::Id.is_in(attempts.iter().map(|a| a.lesson_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|l| (l.id, l.slug))
        .collect();
    let completed_ids: Vec<_> = enrolments
        .iter()
        .filter(|e| e.completed_at.is_some())
        .map(|e| e.id)
        .collect();
    let reflections = reflection::Entity::find()
        .filter(reflection::Column::EnrolmentId.is_in(completed_ids.iter().copied()))
        .all(db)
        .await?;
    let attended_workshops: Vec<_> = workshop_signup::Entity::find()
        .filter(workshop_signup::Column::UserId.eq(user_id))
        .filter(workshop_signup::Column::Attended.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.workshop_id)
        .collect();
    let attended_per_programme: BTreeMap<ProgrammeId, u32> = workshop::Entity::find()
        .filter(workshop::Column::Id.is_in(attended_workshops))
        .all(db)
        .await?
        .into_iter()
        .fold(BTreeMap::new(), |mut counts, w| {
            *counts.entry(w.programme_id).or_default() += 1;
            counts
        });
    let signed_off: BTreeSet<ProgrammeId> = sign_off::Entity::find()
        .filter(sign_off::Column::UserId.eq(user_id))
        .filter(sign_off::Column::SignedAt.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.programme_id)
        .collect();

    // What holds for every programme: completions and best scores per course.
    let mut completed: BTreeMap<CourseId, i32> = BTreeMap::new();
    for e in enrolments.iter().filter(|e| e.completed_at.is_some()) {
        let number = versions.get(&e.version_id).copied().unwrap_or(0);
        let best = completed.entry(e.course_id).or_insert(number);
        *best = (*best).max(number);
    }
    let course_of: BTreeMap<_, CourseId> = enrolments.iter().map(|e| (e.id, e.course_id)).collect();
    let mut best_scores: BTreeMap<QuizChoice, u8> = BTreeMap::new();
    for attempt in &attempts {
        let (Some(&course), Some(slug)) = (
            course_of.get(&attempt.enrolment_id),
            slugs.get(&attempt.lesson_id),
        ) else {
            continue;
        };
        let percent = u8::try_from(attempt.percent.clamp(0, 100)).unwrap_or(0);
        let best = best_scores
            .entry(QuizChoice {
                course,
                lesson: slug.clone(),
            })
            .or_insert(percent);
        *best = (*best).max(percent);
    }

    Ok(programmes
        .iter()
        .map(|p| {
            let required: BTreeSet<CourseId> = p
                .programme
                .courses
                .iter()
                .flat_map(|r| &r.any_of)
                .map(|c| c.course)
                .collect();
            let counted_enrolments: BTreeSet<_> = enrolments
                .iter()
                .filter(|e| e.completed_at.is_some() && required.contains(&e.course_id))
                .map(|e| e.id)
                .collect();
            let refreshed_at = enrolments
                .iter()
                .filter(|e| p.refreshers.contains(&e.course_id))
                .filter_map(|e| e.completed_at)
                .max();
            Gathered {
                evidence: Evidence {
                    completed: completed.clone(),
                    best_scores: best_scores.clone(),
                    reflections: reflections
                        .iter()
                        .filter(|r| counted_enrolments.contains(&r.enrolment_id))
                        .map(|r| r.state)
                        .collect(),
                    workshops_attended: attended_per_programme.get(&p.id).copied().unwrap_or(0),
                    signed_off: signed_off.contains(&p.id),
                },
                refreshed_at,
            }
        })
        .collect())
}

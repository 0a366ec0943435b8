//! Programmes and their requirements, read into the domain's [`Programme`].

use crate::domain::{
    certification::{
        CourseChoice, CourseRequirement, Localized, Programme, QuizChoice, QuizRequirement,
        ReflectionRule,
    },
    ids::{CourseId, ProgrammeId},
};
use crate::store::{
    StoreError, StoreResult,
    entities::{course, programme, programme_course, programme_quiz},
};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set, TryInsertResult,
    sea_query::OnConflict,
};
use std::collections::BTreeMap;

/// The slug of the programme the product ships with.
pub const DEFAULT_PROGRAMME: &str = "certificeret-igangsaetter";

/// A programme with its requirements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeRecord {
    /// Its id.
    pub id: ProgrammeId,
    /// Its short name.
    pub slug: String,
    /// Its title in each language.
    pub titles: Localized,
    /// What earns the certificate, in each language.
    pub criteria: Localized,
    /// The practical part a trainer signs off, if any.
    pub sign_off: Option<String>,
    /// The requirements.
    pub programme: Programme,
    /// Courses whose completion renews the certificate.
    pub refreshers: Vec<CourseId>,
}

fn localized(json: &str) -> StoreResult<Localized> {
    serde_json::from_str(json)
        .map_err(|e| StoreError::Db(sea_orm::DbErr::Type(format!("programme text: {e}"))))
}

/// Every programme, with its requirements (three queries, however many there are).
pub async fn all(db: &impl ConnectionTrait) -> StoreResult<Vec<ProgrammeRecord>> {
    let rows = programme::Entity::find()
        .order_by_asc(programme::Column::Id)
        .all(db)
        .await?;
    assemble(db, rows).await
}

/// One programme.
pub async fn find(db: &impl ConnectionTrait, id: ProgrammeId) -> StoreResult<ProgrammeRecord> {
    let row = programme::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StoreError::NotFound("programme"))?;
    assemble(db, vec![row])
        .await?
        .pop()
        .ok_or(StoreError::NotFound("programme"))
}

pub(super) async fn assemble(
    db: &impl ConnectionTrait,
    rows: Vec<programme::Model>,
) -> StoreResult<Vec<ProgrammeRecord>> {
    let ids: Vec<ProgrammeId> = rows.iter().map(|r| r.id).collect();
    let course_rows = programme_course::Entity::find()
        .filter(programme_course::Column::ProgrammeId.is_in(ids.iter().copied()))
        .order_by_asc(programme_course::Column::Id)
        .all(db)
        .await?;
    let quiz_rows = programme_quiz::Entity::find()
        .filter(programme_quiz::Column::ProgrammeId.is_in(ids.iter().copied()))
        .order_by_asc(programme_quiz::Column::Id)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|row| {
            let mut required: BTreeMap<i32, Vec<CourseChoice>> = BTreeMap::new();
            let mut refreshers = Vec::new();
            for c in course_rows.iter().filter(|c| c.programme_id == row.id) {
                match c.requirement {
                    Some(group) => required.entry(group).or_default().push(CourseChoice {
                        course: c.course_id,
                        min_version: c.min_version,
                    }),
                    None => refreshers.push(c.course_id),
                }
            }
            let mut quizzes: BTreeMap<i32, (Vec<QuizChoice>, u8)> = BTreeMap::new();
            for q in quiz_rows.iter().filter(|q| q.programme_id == row.id) {
                let entry = quizzes.entry(q.requirement).or_default();
                entry.0.push(QuizChoice {
                    course: q.course_id,
                    lesson: q.lesson_slug.clone(),
                });
                entry.1 = u8::try_from(q.min_percent.clamp(0, 100)).unwrap_or(100);
            }
            Ok(ProgrammeRecord {
                id: row.id,
                slug: row.slug,
                titles: localized(&row.titles)?,
                criteria: localized(&row.criteria)?,
                programme: Programme {
                    courses: required
                        .into_values()
                        .map(|any_of| CourseRequirement { any_of })
                        .collect(),
                    quizzes: quizzes
                        .into_values()
                        .map(|(any_of, min_percent)| QuizRequirement {
                            any_of,
                            min_percent,
                        })
                        .collect(),
                    reflections: row.reflections,
                    workshops: u32::try_from(row.workshops).unwrap_or(0),
                    sign_off: row.sign_off.is_some(),
                    validity_months: row.validity_months.and_then(|m| u32::try_from(m).ok()),
                },
                sign_off: row.sign_off,
                refreshers,
            })
        })
        .collect()
}

/// The shipped courses the default programme asks for (one of them), and its refreshers.
const SHIPPED_COURSES: [&str; 3] = [
    "igangsaetteruddannelse",
    "igangsetteropplaering",
    "group-starter-training",
];
const SHIPPED_REFRESHERS: [&str; 3] = [
    "opfriskning-igangsaetter",
    "oppfriskning-igangsetter",
    "group-starter-refresher",
];

/// The ids of the courses with these slugs, in id order; missing ones are left out.
async fn course_ids(db: &impl ConnectionTrait, slugs: &[&str]) -> StoreResult<Vec<CourseId>> {
    Ok(course::Entity::find()
        .filter(course::Column::Slug.is_in(slugs.iter().copied()))
        .order_by_asc(course::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect())
}

/// Creates the shipped programme when it does not exist yet and its courses do: one of the
/// shipped courses, one workshop, reflections sent, 24 months, renewed by the refresher.
/// Returns whether it was created.
pub async fn install_default(db: &impl ConnectionTrait, now: DateTime<Utc>) -> StoreResult<bool> {
    let exists = programme::Entity::find()
        .filter(programme::Column::Slug.eq(DEFAULT_PROGRAMME))
        .one(db)
        .await?
        .is_some();
    if exists {
        return Ok(false);
    }
    let required = course_ids(db, &SHIPPED_COURSES).await?;
    if required.is_empty() {
        return Ok(false);
    }
    let titles = Localized {
        da: "Certificeret igangsætter".into(),
        nb: "Sertifisert igangsetter".into(),
        en: "Certified group starter".into(),
    };
    let criteria = Localized {
        da: "Har gennemført igangsætteruddannelsen med alle moduler og quizzer, sendt sine \
             refleksioner til en underviser og deltaget i en workshop."
            .into(),
        nb: "Har fullført igangsetteropplæringen med alle moduler og quizer, sendt sine \
             refleksjoner til en kursholder og deltatt på en workshop."
            .into(),
        en: "Completed the group starter course with every module and quiz, sent their \
             reflections to a trainer and took part in a workshop."
            .into(),
    };
    let text = |l: &Localized| serde_json::to_string(l).unwrap_or_default();
    // A second server starting at the same moment finds the slug taken and leaves it.
    let inserted = programme::Entity::insert(programme::ActiveModel {
        slug: Set(DEFAULT_PROGRAMME.to_owned()),
        titles: Set(text(&titles)),
        criteria: Set(text(&criteria)),
        reflections: Set(ReflectionRule::Sent),
        workshops: Set(1),
        sign_off: Set(None),
        validity_months: Set(Some(24)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(programme::Column::Slug)
            .do_nothing()
            .to_owned(),
    )
    .try_insert()
    .exec(db)
    .await?;
    let TryInsertResult::Inserted(inserted) = inserted else {
        return Ok(false);
    };
    let programme_id = inserted.last_insert_id;
    let mut rows: Vec<programme_course::ActiveModel> = required
        .into_iter()
        .map(|course| programme_course::ActiveModel {
            programme_id: Set(programme_id),
            requirement: Set(Some(1)),
            course_id: Set(course),
            min_version: Set(None),
            ..Default::default()
        })
        .collect();
    for course in course_ids(db, &SHIPPED_REFRESHERS).await? {
        rows.push(programme_course::ActiveModel {
            programme_id: Set(programme_id),
            requirement: Set(None),
            course_id: Set(course),
            min_version: Set(None),
            ..Default::default()
        });
    }
    programme_course::Entity::insert_many(rows).exec(db).await?;
    Ok(true)
}

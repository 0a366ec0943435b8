//! What certification changes share: settling a volunteer's certification with the email
//! for each certificate issued, and revoking a certificate with its audit entry.

use crate::{
    domain::{email::EmailAddress, language::Language},
    errors::AppError,
    mail::{self, Template},
    state::AppState,
    store::{
        certification::{self, Settled},
        people,
    },
};
use sea_orm::ConnectionTrait;

/// Revokes the certificate with `code` for `reason`, by `actor` (none from the command
/// line), and records it in the audit log. Returns false when it was revoked already.
pub async fn revoke(
    db: &sea_orm::DatabaseConnection,
    code: &crate::domain::certification::CertificateCode,
    reason: &str,
    actor: Option<i32>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<bool, AppError> {
    use crate::store::{audit, db::begin_write};
    let txn = begin_write(db).await?;
    let record = certification::by_code(&txn, code)
        .await?
        .ok_or(AppError::NotFound)?;
    let revoked = certification::revoke(&txn, code, reason, now).await?;
    if revoked {
        audit::record(
            &txn,
            audit::Event::CertificateRevoked,
            actor,
            record.holder_id,
            Some(format!("{code}: {reason}")),
            now,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(revoked)
}

/// Settles `user_id`'s certification inside the caller's transaction and queues an email
/// for each certificate issued; returns whether any mail was queued (ring after commit).
pub async fn settle(
    db: &impl ConnectionTrait,
    state: &AppState,
    user_id: i32,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<bool, AppError> {
    let settled = certification::settle(db, user_id, now).await?;
    tell_certified(db, state, user_id, &settled).await
}

/// Tells a person about each certificate that settling issued them.
async fn tell_certified(
    db: &impl ConnectionTrait,
    state: &AppState,
    user_id: i32,
    settled: &[Settled],
) -> Result<bool, AppError> {
    let issued: Vec<_> = settled
        .iter()
        .filter_map(|s| match s {
            Settled::Issued { programme, code } => Some((*programme, code)),
            _ => None,
        })
        .collect();
    if issued.is_empty() {
        return Ok(false);
    }
    let Some(person) = people::find_by_id(db, user_id).await? else {
        return Ok(false);
    };
    let Ok(to) = EmailAddress::parse(&person.email) else {
        return Ok(false);
    };
    let language = person.language.parse().unwrap_or(Language::Da);
    for (programme, code) in issued {
        let programme = certification::find(db, programme).await?;
        mail::queue(
            db,
            &to,
            language,
            Template::CertificateIssued,
            serde_json::json!({
                "name": person.display_name,
                "programme": programme.titles.get(language),
                "code": code.as_str(),
                "link": format!("{}/verify/{}", state.site.base_url, code),
            }),
        )
        .await?;
    }
    Ok(true)
}

/// The programme with this short name and its `programme.yaml` text.
pub async fn programme_file(
    db: &sea_orm::DatabaseConnection,
    slug: &str,
) -> Result<Option<(certification::ProgrammeRecord, String)>, AppError> {
    use crate::domain::certification::file;
    use certification::editing;
    let Some(record) = editing::find_by_slug(db, slug).await? else {
        return Ok(None);
    };
    let ids: Vec<_> = record
        .programme
        .courses
        .iter()
        .flat_map(|r| r.any_of.iter().map(|c| c.course))
        .chain(
            record
                .programme
                .quizzes
                .iter()
                .flat_map(|q| q.any_of.iter().map(|c| c.course)),
        )
        .chain(record.refreshers.iter().copied())
        .collect();
    let slugs = editing::course_slugs(db, &ids).await?;
    let text = file::write(&file::to_file(
        &record.slug,
        &record.titles,
        &record.criteria,
        record.sign_off.as_deref(),
        &record.programme,
        &record.refreshers,
        &slugs,
    ));
    Ok(Some((record, text)))
}

/// Saves a programme from its text by `actor` (none from the command line): the one named
/// `original`, or a new one.
/// Returns its short name; every flaw in the text is an error and nothing is saved.
pub async fn save_programme(
    db: &sea_orm::DatabaseConnection,
    original: Option<&str>,
    text: &str,
    actor: Option<i32>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<String, AppError> {
    use crate::{
        domain::certification::file::{self, ProgrammeFlaw},
        store::{audit, db::begin_write},
    };
    use certification::editing;
    let parsed = file::read(text).map_err(AppError::ProgrammeFlaws)?;
    let txn = begin_write(db).await?;
    let existing = editing::find_by_slug(&txn, &parsed.slug).await?;
    let id = match (original, &existing) {
        (Some(original), _) if original != parsed.slug => {
            return Err(AppError::ProgrammeFlaws(vec![ProgrammeFlaw::SlugChanged]));
        }
        (Some(_), None) => return Err(AppError::NotFound),
        (Some(_), Some(record)) => Some(record.id),
        (None, Some(_)) => return Err(AppError::ProgrammeFlaws(vec![ProgrammeFlaw::SlugTaken])),
        (None, None) => None,
    };
    let courses = editing::course_ids(&txn, &parsed.course_slugs()).await?;
    let quiz_courses: Vec<_> = courses.values().copied().collect();
    let quizzes = editing::quiz_lessons(&txn, &quiz_courses).await?;
    let resolved = file::resolve(&parsed, &courses, &quizzes).map_err(AppError::ProgrammeFlaws)?;
    let texts = editing::ProgrammeTexts {
        slug: &parsed.slug,
        titles: &parsed.title,
        criteria: &parsed.criteria,
        sign_off: parsed.sign_off.as_deref(),
    };
    let id = editing::save(&txn, id, texts, &resolved, now).await?;
    audit::record(
        &txn,
        audit::Event::ProgrammeSaved,
        actor,
        None,
        Some(format!("{} ({id})", parsed.slug)),
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(parsed.slug)
}

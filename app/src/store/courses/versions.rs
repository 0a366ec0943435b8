//! A course's versions: creating a course, finding it, starting or importing a draft,
//! throwing a draft away, and publishing it with the changes it makes.

use super::{
    Course, CourseError, CourseResult, Keys, Version,
    content::{insert_content, load_content},
    keys::new_key,
};
use crate::domain::ids::CourseId;
use crate::{
    domain::{
        course::{
            Change, CourseDoc, CourseStatus, Flaw, VersionState, VersionView, diff, validate,
        },
        editing::{SLUG_TRIES, numbered},
        markdown,
    },
    store::entities::{course, course_version},
};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, sea_query::Expr,
};

/// Writes a new draft version of a course with `doc`'s course-level texts (not its content).
async fn insert_version(
    db: &impl ConnectionTrait,
    course_id: CourseId,
    number: i32,
    doc: &CourseDoc,
    by: Option<i32>,
    now: DateTime<Utc>,
) -> CourseResult<Version> {
    Ok(course_version::ActiveModel {
        course_id: Set(course_id),
        number: Set(number),
        state: Set(VersionState::Draft),
        title: Set(doc.title.clone()),
        summary: Set(doc.summary.clone()),
        leads_to_certificate: Set(doc.leads_to_certificate),
        body_html: Set(markdown::render(&doc.body)),
        body: Set(doc.body.clone()),
        changes: Set(None),
        created_by: Set(by),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// The course row, locked until the transaction ends (PostgreSQL: `FOR UPDATE`; SQLite's
/// write transactions already exclude each other). Every change to a course's versions or
/// content takes this lock first, so a publish and an edit never interleave.
pub async fn lock(db: &impl ConnectionTrait, course_id: CourseId) -> CourseResult<Course> {
    course::Entity::find_by_id(course_id)
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)
}

/// The course with this public id.
pub async fn find(db: &impl ConnectionTrait, public_id: &str) -> CourseResult<Course> {
    course::Entity::find()
        .filter(course::Column::PublicId.eq(public_id))
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)
}

/// The course with this short name.
pub async fn find_by_slug(db: &impl ConnectionTrait, slug: &str) -> CourseResult<Option<Course>> {
    Ok(course::Entity::find()
        .filter(course::Column::Slug.eq(slug))
        .one(db)
        .await?)
}

/// Creates a course whose first (draft) version holds `doc`.
pub async fn create(
    db: &impl ConnectionTrait,
    doc: &CourseDoc,
    by: Option<i32>,
    now: DateTime<Utc>,
) -> CourseResult<Course> {
    if find_by_slug(db, &doc.slug).await?.is_some() {
        return Err(CourseError::SlugTaken);
    }
    // The creator becomes its first editor; the course belongs to the centre they train for.
    let owner = match by {
        Some(creator) => crate::domain::editing::owner_centre(
            &crate::store::people::roles_of(db, creator).await?,
        ),
        None => None,
    };
    let course = course::ActiveModel {
        public_id: Set(new_key()),
        slug: Set(doc.slug.clone()),
        language: Set(doc.language.code().to_owned()),
        status: Set(CourseStatus::Draft),
        published_version_id: Set(None),
        created_by: Set(by),
        owner_centre_id: Set(owner),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    if let Some(creator) = by {
        super::add_editor(db, course.id, creator, now).await?;
    }
    let version = insert_version(db, course.id, 1, doc, by, now).await?;
    insert_content(db, version.id, doc, &Keys::default()).await?;
    Ok(course)
}

/// A short name like `base` that no course uses yet (`base`, `base-2`, ...).
pub async fn free_slug(db: &impl ConnectionTrait, base: &str) -> CourseResult<String> {
    for candidate in numbered(base).take(SLUG_TRIES) {
        if find_by_slug(db, &candidate).await?.is_none() {
            return Ok(candidate);
        }
    }
    Ok(format!("{base}-{}", &new_key()[..8]))
}

/// Every version of a course, newest first.
pub async fn versions(
    db: &impl ConnectionTrait,
    course_id: CourseId,
) -> CourseResult<Vec<Version>> {
    Ok(course_version::Entity::find()
        .filter(course_version::Column::CourseId.eq(course_id))
        .order_by_desc(course_version::Column::Number)
        .all(db)
        .await?)
}

/// The course's draft version, if it has one.
pub async fn draft(
    db: &impl ConnectionTrait,
    course_id: CourseId,
) -> CourseResult<Option<Version>> {
    Ok(course_version::Entity::find()
        .filter(course_version::Column::CourseId.eq(course_id))
        .filter(course_version::Column::State.eq(VersionState::Draft))
        .one(db)
        .await?)
}

async fn next_number(db: &impl ConnectionTrait, course_id: CourseId) -> CourseResult<i32> {
    Ok(versions(db, course_id)
        .await?
        .first()
        .map_or(1, |v| v.number + 1))
}

/// The version trainers work on: the draft if there is one, else the published one.
pub async fn working_version(db: &impl ConnectionTrait, course: &Course) -> CourseResult<Version> {
    if let Some(draft) = draft(db, course.id).await? {
        return Ok(draft);
    }
    let id = course.published_version_id.ok_or(CourseError::NotFound)?;
    course_version::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(CourseError::NotFound)
}

/// Makes sure the course has a draft, copying the published version into a new one if not.
pub async fn start_draft(
    db: &impl ConnectionTrait,
    course: &Course,
    by: Option<i32>,
    now: DateTime<Utc>,
) -> CourseResult<Version> {
    let course = &lock(db, course.id).await?;
    if course.status == CourseStatus::Archived {
        return Err(CourseError::NotEditable);
    }
    if let Some(draft) = draft(db, course.id).await? {
        return Ok(draft);
    }
    let published = course.published_version_id.ok_or(CourseError::NotFound)?;
    let content = load_content(db, published).await?;
    let doc = content.doc(course);
    let number = next_number(db, course.id).await?;
    let version = insert_version(db, course.id, number, &doc, by, now).await?;
    insert_content(db, version.id, &doc, &content.keys()).await?;
    Ok(version)
}

/// Adds `doc` to an existing course as its new draft (there must be none yet); items keep
/// their identity where their short names match the latest version's.
pub async fn import_revision(
    db: &impl ConnectionTrait,
    course: &Course,
    doc: &CourseDoc,
    by: Option<i32>,
    now: DateTime<Utc>,
) -> CourseResult<Version> {
    let course = &lock(db, course.id).await?;
    if course.status == CourseStatus::Archived
        || draft(db, course.id).await?.is_some()
        || course.language != doc.language.code()
    {
        return Err(CourseError::NotEditable);
    }
    let latest = versions(db, course.id)
        .await?
        .into_iter()
        .next()
        .ok_or(CourseError::NotFound)?;
    let content = load_content(db, latest.id).await?;
    let keys = Keys::matching(&content.doc(course), &content.keys(), doc);
    let version = insert_version(db, course.id, latest.number + 1, doc, by, now).await?;
    insert_content(db, version.id, doc, &keys).await?;
    Ok(version)
}

/// Throws the draft away. The course must have a published version to fall back on.
pub async fn discard_draft(db: &impl ConnectionTrait, course: &Course) -> CourseResult<()> {
    let course = &lock(db, course.id).await?;
    let draft = draft(db, course.id).await?.ok_or(CourseError::NotFound)?;
    if course.published_version_id.is_none() || course.status == CourseStatus::Archived {
        return Err(CourseError::NotEditable);
    }
    course_version::Entity::delete_by_id(draft.id)
        .exec(db)
        .await?;
    Ok(())
}

/// What publishing the draft now would change, and what keeps it from being published.
pub async fn pending(
    db: &impl ConnectionTrait,
    course: &Course,
) -> CourseResult<(Vec<Change>, Vec<Flaw>)> {
    let draft = draft(db, course.id)
        .await?
        .ok_or(CourseError::NothingToPublish)?;
    let new = load_content(db, draft.id).await?;
    let new_doc = new.doc(course);
    let flaws = validate(&new_doc);
    let changes = match course.published_version_id {
        None => Vec::new(),
        Some(id) => {
            let old = load_content(db, id).await?;
            compare(&old.doc(course), &old.keys(), &new_doc, &new.keys())
        }
    };
    Ok((changes, flaws))
}

fn compare(old: &CourseDoc, old_keys: &Keys, new: &CourseDoc, new_keys: &Keys) -> Vec<Change> {
    diff(
        &VersionView {
            course: old,
            module_keys: &old_keys.modules,
            lesson_keys: &old_keys.lessons,
        },
        &VersionView {
            course: new,
            module_keys: &new_keys.modules,
            lesson_keys: &new_keys.lessons,
        },
    )
}

/// Publishes the draft (or puts an unpublished course back in the catalogue) and returns
/// what changed against the version before.
pub async fn publish(
    db: &impl ConnectionTrait,
    course: &Course,
    by: Option<i32>,
    now: DateTime<Utc>,
) -> CourseResult<Vec<Change>> {
    let course = &lock(db, course.id).await?;
    if course.status == CourseStatus::Archived {
        return Err(CourseError::NotEditable);
    }
    let Some(draft) = draft(db, course.id).await? else {
        if course.published_version_id.is_some() && course.status != CourseStatus::Published {
            set_status(db, course, CourseStatus::Published, now).await?;
            return Ok(Vec::new());
        }
        return Err(CourseError::NothingToPublish);
    };
    let (changes, flaws) = pending(db, course).await?;
    if !flaws.is_empty() {
        return Err(CourseError::Flaws(flaws));
    }
    if let Some(old) = course.published_version_id {
        course_version::Entity::update_many()
            .col_expr(
                course_version::Column::State,
                Expr::value(VersionState::Superseded),
            )
            .filter(course_version::Column::Id.eq(old))
            .exec(db)
            .await?;
    }
    let changes_json = serde_json::to_string(&changes).unwrap_or_else(|_| "[]".into());
    let mut version: course_version::ActiveModel = draft.into();
    version.state = Set(VersionState::Published);
    version.published_at = Set(Some(now));
    version.published_by = Set(by);
    version.changes = Set(Some(changes_json));
    let version = version.update(db).await?;
    let mut row: course::ActiveModel = course.clone().into();
    row.published_version_id = Set(Some(version.id));
    row.status = Set(CourseStatus::Published);
    row.updated_at = Set(now);
    row.update(db).await?;
    Ok(changes)
}

/// Sets the course's status: unpublish (draft), archive, restore (draft).
pub async fn set_status(
    db: &impl ConnectionTrait,
    course: &Course,
    status: CourseStatus,
    now: DateTime<Utc>,
) -> CourseResult<Course> {
    let mut row: course::ActiveModel = lock(db, course.id).await?.into();
    row.status = Set(status);
    row.updated_at = Set(now);
    Ok(row.update(db).await?)
}

/// The changes recorded when a version was published.
pub fn recorded_changes(version: &Version) -> Vec<Change> {
    version
        .changes
        .as_deref()
        .and_then(|c| serde_json::from_str(c).ok())
        .unwrap_or_default()
}

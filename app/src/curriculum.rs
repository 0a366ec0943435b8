//! The curriculum the product ships with, built into the binary from `app/curriculum/`: the
//! igangsætter course and its refresher in Danish, Norwegian and English, one bundle folder
//! each.

use crate::domain::bundle::{self, Bundle, BundleError};
use include_dir::{Dir, include_dir};
use std::collections::BTreeMap;

static SHIPPED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/curriculum");

/// The shipped courses, read from their bundles.
pub fn shipped() -> Result<Vec<Bundle>, BundleError> {
    SHIPPED
        .dirs()
        .map(|dir| {
            let mut files = BTreeMap::new();
            collect(dir, dir.path(), &mut files);
            bundle::read(files)
        })
        .collect()
}

/// Why the shipped curriculum could not be installed.
#[derive(Debug, thiserror::Error)]
pub enum InstallError {
    /// A shipped bundle does not read.
    #[error("shipped course: {0}")]
    Bundle(#[from] BundleError),
    /// Storing or publishing it failed.
    #[error("shipped course: {0}")]
    Course(#[from] crate::store::courses::CourseError),
}

/// Imports and publishes each shipped course whose short name no course has yet (all of
/// them on a new database, a course added to the curriculum on an older one). Returns how
/// many were installed and how many the curriculum holds.
pub async fn install_missing(
    db: &sea_orm::DatabaseConnection,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(usize, usize), InstallError> {
    use crate::store::{courses, db::begin_write};
    let bundles = shipped()?;
    let txn = begin_write(db)
        .await
        .map_err(|e| InstallError::Course(e.into()))?;
    let mut installed = 0;
    for bundle in &bundles {
        if courses::find_by_slug(&txn, &bundle.course.slug)
            .await?
            .is_some()
        {
            continue;
        }
        let course = courses::create(&txn, &bundle.course, None, now).await?;
        courses::publish(&txn, &course, None, now).await?;
        installed += 1;
    }
    txn.commit()
        .await
        .map_err(|e| InstallError::Course(e.into()))?;
    Ok((installed, bundles.len()))
}

/// Brings the shipped courses that nobody has changed up to the curriculum in this build.
///
/// A course follows the shipped curriculum while no person has authored any of its versions
/// (they all came from the shipped bundles), it is published and it has no open draft. When
/// its published text differs from the shipped bundle, the bundle becomes its next version
/// and is published; learners keep the version they started. Courses a trainer has edited
/// are left alone. Returns how many courses got a new version.
pub async fn update_untouched(
    db: &sea_orm::DatabaseConnection,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<usize, InstallError> {
    use crate::{
        domain::course::CourseStatus,
        store::{courses, db::begin_write},
    };
    let txn = begin_write(db)
        .await
        .map_err(|e| InstallError::Course(e.into()))?;
    let mut updated = 0;
    for bundle in shipped()? {
        let Some(course) = courses::find_by_slug(&txn, &bundle.course.slug).await? else {
            continue;
        };
        // Taken first, so a second server starting at the same time waits and then sees
        // the version this one publishes.
        let course = courses::lock(&txn, course.id).await?;
        let versions = courses::versions(&txn, course.id).await?;
        // Nobody wrote or published any version (an imported draft has no author, but a
        // person publishes it).
        let untouched = course.created_by.is_none()
            && versions
                .iter()
                .all(|v| v.created_by.is_none() && v.published_by.is_none());
        let published = course.status == CourseStatus::Published;
        let Some(latest) = versions.first() else {
            continue;
        };
        if !untouched || !published || courses::draft(&txn, course.id).await?.is_some() {
            continue;
        }
        if courses::load_content(&txn, latest.id).await?.doc(&course) == bundle.course {
            continue;
        }
        courses::import_revision(&txn, &course, &bundle.course, None, now).await?;
        courses::publish(&txn, &course, None, now).await?;
        updated += 1;
    }
    txn.commit()
        .await
        .map_err(|e| InstallError::Course(e.into()))?;
    Ok(updated)
}

fn collect(dir: &Dir<'static>, root: &std::path::Path, files: &mut BTreeMap<String, Vec<u8>>) {
    for file in dir.files() {
        if let Ok(relative) = file.path().strip_prefix(root) {
            let path = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            files.insert(path, file.contents().to_vec());
        }
    }
    for sub in dir.dirs() {
        collect(sub, root, files);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        course::{QuestionKind, Topic, validate},
        language::Language,
    };

    #[test]
    fn every_shipped_bundle_reads_and_writes_back_byte_for_byte() {
        for dir in SHIPPED.dirs() {
            let mut files = BTreeMap::new();
            collect(dir, dir.path(), &mut files);
            let bundle = bundle::read(files.clone()).unwrap();
            let written = bundle::write(&bundle);
            for (path, bytes) in &files {
                assert_eq!(
                    Some(String::from_utf8_lossy(bytes)),
                    written.get(path).map(|b| String::from_utf8_lossy(b)),
                    "{path}"
                );
            }
            assert_eq!(written.len(), files.len());
        }
    }

    /// The shipped courses that lead to the certificate, or the refreshers that renew it.
    fn shipped_where(certifying: bool) -> Vec<Bundle> {
        shipped()
            .unwrap()
            .into_iter()
            .filter(|b| b.course.leads_to_certificate == certifying)
            .collect()
    }

    fn languages_of(courses: &[Bundle]) -> Vec<Language> {
        let mut languages: Vec<Language> = courses.iter().map(|c| c.course.language).collect();
        languages.sort_by_key(|l| l.code());
        languages
    }

    /// What every shipped course holds to: it validates, its quizzes cannot be passed by
    /// habit, each module has 2–5 lessons of at least 250 words and a quiz.
    fn well_made(course: &crate::domain::course::CourseDoc) {
        assert_eq!(validate(course), vec![], "{}", course.slug);
        assert_eq!(
            crate::domain::quiz_balance::balance(course).habits(),
            vec![],
            "{}: the quizzes can be passed by habit",
            course.slug
        );
        for module in &course.modules {
            assert!((2..=5).contains(&module.lessons.len()), "{}", module.title);
            assert!(
                module.lessons.iter().any(|l| l.quiz.is_some()),
                "{}",
                module.title
            );
            for lesson in &module.lessons {
                let words = lesson.body.split_whitespace().count();
                assert!(words >= 250, "{}: {words} words", lesson.title);
            }
        }
    }

    #[test]
    fn the_refresher_is_short_and_complete_in_three_languages() {
        let refreshers = shipped_where(false);
        assert_eq!(
            languages_of(&refreshers),
            [Language::Da, Language::En, Language::Nb]
        );
        for bundle in &refreshers {
            let course = &bundle.course;
            well_made(course);
            assert!(
                course.modules.len() <= 3,
                "{}: a refresher is short",
                course.slug
            );
            let topics: Vec<Topic> = course.modules.iter().map(|m| m.topic.clone()).collect();
            assert!(topics.contains(&Topic::Values), "{}", course.slug);
            assert!(topics.contains(&Topic::Roles), "{}", course.slug);
        }
    }

    #[test]
    fn the_shipped_course_is_complete_in_three_languages() {
        let courses = shipped_where(true);
        assert_eq!(
            languages_of(&courses),
            [Language::Da, Language::En, Language::Nb]
        );
        for bundle in &courses {
            let course = &bundle.course;
            well_made(course);
            let topics: Vec<Topic> = course.modules.iter().map(|m| m.topic.clone()).collect();
            for needed in [
                Topic::Values,
                Topic::CoreElements,
                Topic::Roles,
                Topic::Starting,
                Topic::Ending,
            ] {
                assert!(topics.contains(&needed), "{}: {needed}", course.slug);
            }
            let values = course
                .modules
                .iter()
                .find(|m| m.topic == Topic::Values)
                .unwrap();
            let scenarios = values
                .lessons
                .iter()
                .filter_map(|l| l.quiz.as_ref())
                .flat_map(|q| &q.questions)
                .filter(|q| q.kind == QuestionKind::Scenario)
                .count();
            assert!(scenarios >= 3, "{}: one scenario per value", course.slug);
        }
    }
}

//! The items of published versions, kept in memory once read. Only a draft's content ever
//! changes, so a published version's modules, lessons, questions and options are the same
//! for every reader and on every server; the lesson page reads them on every request.

use super::{Version, content::VersionItems};
use crate::domain::{course::VersionState, ids::VersionId};
use chrono::{DateTime, Utc};
use std::{
    collections::HashMap,
    sync::{Arc, LazyLock, Mutex},
};

/// How many versions are kept; the oldest kept goes first when another one comes.
const KEPT: usize = 32;

/// A version as it was published: a version id that came back after a deletion would be
/// published at another moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) struct Key(VersionId, DateTime<Utc>);

/// The key of a version whose items no longer change; none for a draft.
pub(super) fn key(version: &Version) -> Option<Key> {
    match (version.state, version.published_at) {
        (VersionState::Draft, _) | (_, None) => None,
        (_, Some(at)) => Some(Key(version.id, at)),
    }
}

struct Kept {
    items: HashMap<Key, (u64, Arc<VersionItems>)>,
    /// Counts insertions, to find the oldest entry.
    clock: u64,
}

static KEPT_ITEMS: LazyLock<Mutex<Kept>> = LazyLock::new(|| {
    Mutex::new(Kept {
        items: HashMap::new(),
        clock: 0,
    })
});

fn kept() -> std::sync::MutexGuard<'static, Kept> {
    // The map is only ever read or written whole under the lock; a panic elsewhere while it
    // was held cannot leave it half-changed.
    KEPT_ITEMS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The items of `key`, if kept.
pub(super) fn get(key: Key) -> Option<Arc<VersionItems>> {
    kept().items.get(&key).map(|(_, items)| Arc::clone(items))
}

/// Keeps the items of `key`, making room when full.
pub(super) fn keep(key: Key, items: Arc<VersionItems>) {
    let mut kept = kept();
    if !kept.items.contains_key(&key) && kept.items.len() >= KEPT {
        let oldest = kept
            .items
            .iter()
            .min_by_key(|(_, (at, _))| *at)
            .map(|(key, _)| *key);
        if let Some(oldest) = oldest {
            kept.items.remove(&oldest);
        }
    }
    kept.clock += 1;
    let at = kept.clock;
    kept.items.insert(key, (at, items));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::CourseId;

    fn version(id: i32, state: VersionState, published: Option<DateTime<Utc>>) -> Version {
        Version {
            id: VersionId::new(id),
            course_id: CourseId::new(1),
            number: 1,
            state,
            title: String::new(),
            summary: String::new(),
            leads_to_certificate: false,
            body: String::new(),
            body_html: String::new(),
            changes: None,
            created_by: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
            published_by: None,
            published_at: published,
        }
    }

    fn items() -> Arc<VersionItems> {
        Arc::new(VersionItems {
            modules: Vec::new(),
            lessons: HashMap::new(),
            questions: HashMap::new(),
            options: HashMap::new(),
        })
    }

    #[test]
    fn drafts_are_never_kept_and_published_versions_are_until_crowded_out() {
        let at = Utc::now();
        assert_eq!(key(&version(1, VersionState::Draft, Some(at))), None);
        assert_eq!(key(&version(1, VersionState::Published, None)), None);
        let first = key(&version(-1_000, VersionState::Published, Some(at))).unwrap();
        let republished = key(&version(
            -1_000,
            VersionState::Superseded,
            Some(at + chrono::Duration::seconds(1)),
        ))
        .unwrap();
        assert_ne!(first, republished, "another publication is another key");

        let shared = items();
        keep(first, Arc::clone(&shared));
        let found = get(first).expect("kept");
        assert!(Arc::ptr_eq(&found, &shared), "readers share one copy");
        assert!(get(republished).is_none());

        for n in 0..KEPT {
            let id = -2_000 - i32::try_from(n).unwrap();
            keep(
                key(&version(id, VersionState::Published, Some(at))).unwrap(),
                items(),
            );
        }
        assert!(get(first).is_none(), "the oldest went first");
        assert!(kept().items.len() <= KEPT);
    }
}

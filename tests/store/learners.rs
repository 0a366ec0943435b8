//! The trainers' view of learners: the status filter in SQL agrees with the status rule in
//! Rust for every kind of learner, including the edge of "stuck".

use crate::setup::{enrolled, published_course};
use app::{
    domain::{authz::Scope, learning::LearnerStatus},
    store::{
        entities::enrolment,
        learning::{self, LearnerFilter, LearnerOrder},
    },
};
use chrono::{Duration, Utc};
use igang_tests::{backends, store_database};
use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
use std::collections::BTreeMap;

#[tokio::test]
async fn the_status_filter_agrees_with_the_status_rule() {
    for backend in backends() {
        let store = store_database(&backend).await;
        let db = &store.db;
        let now = Utc::now();
        let start = now - Duration::days(90);
        let (course, _) = published_course(db, start).await;
        // (last activity, completed) per learner: not started, active, quiet on either side of
        // the 30 days, exactly at them, and completed while quiet.
        let learners = [
            ("ny", start, false),
            ("aktiv", now - Duration::days(3), false),
            (
                "lige-under",
                now - Duration::days(30) + Duration::seconds(5),
                false,
            ),
            (
                "lige-over",
                now - Duration::days(30) - Duration::seconds(5),
                false,
            ),
            ("stille", now - Duration::days(45), false),
            ("faerdig", now - Duration::days(60), true),
        ];
        let mut expected = BTreeMap::new();
        for (name, last, completed) in learners {
            let seat = enrolled(db, &course, &format!("{name}@frivillig.test"), start).await;
            let mut row = seat.enrolment.into_active_model();
            row.last_activity_at = Set(last);
            row.completed_at = Set(completed.then_some(last));
            let row: enrolment::Model = row.update(db).await.unwrap();
            let status = LearnerStatus::of(row.started_at, row.last_activity_at, completed, now);
            expected.insert(row.id, status);
        }
        // Every status occurs, so each filter below is tested against a non-empty answer.
        for status in LearnerStatus::ALL {
            assert!(expected.values().any(|s| *s == status), "{status:?} occurs");
        }
        for status in LearnerStatus::ALL {
            let filter = LearnerFilter {
                centre: None,
                status: Some(status),
            };
            let (rows, total) = learning::learners(
                db,
                course.id,
                &Scope::All,
                &filter,
                LearnerOrder::Stable,
                now,
                0,
                50,
            )
            .await
            .unwrap();
            let found: Vec<_> = rows.iter().map(|r| r.enrolment.id).collect();
            let wanted: Vec<_> = expected
                .iter()
                .filter(|(_, s)| **s == status)
                .map(|(id, _)| *id)
                .collect();
            assert_eq!(found, wanted, "{status:?} on {}", backend.name());
            assert_eq!(total, wanted.len() as u64);
            assert!(
                rows.iter().all(|r| r.status == status),
                "rows carry their status"
            );
        }
        store.close().await;
    }
}

#[tokio::test]
async fn coordinators_see_only_their_centres_learners() {
    for backend in backends() {
        let store = store_database(&backend).await;
        let db = &store.db;
        let now = Utc::now();
        let (course, _) = published_course(db, now).await;
        let centre = crate::setup::centre(db, "Frivilligcenter Vest", now).await;
        let with_centre = crate::setup::person(db, "med@frivillig.test", now).await;
        learning::enrol(db, with_centre, &course, Some(centre.id), now)
            .await
            .unwrap();
        enrolled(db, &course, "uden@frivillig.test", now).await;
        let page = |scope: Scope| async move {
            let (rows, total) = learning::learners(
                db,
                course.id,
                &scope,
                &LearnerFilter::default(),
                LearnerOrder::Stable,
                now,
                0,
                50,
            )
            .await
            .unwrap();
            (rows.len(), total)
        };
        assert_eq!(page(Scope::All).await, (2, 2));
        assert_eq!(page(Scope::Centres(vec![centre.id])).await, (1, 1));
        assert_eq!(page(Scope::Centres(vec![centre.id + 1000])).await, (0, 0));
        store.close().await;
    }
}

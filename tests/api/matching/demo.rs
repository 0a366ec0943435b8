//! The demo content of matching: each demo centre gets groups in each step of their life,
//! once, and a coordinator sees a ranked candidate for the group that seeks, the igangsætter
//! of the running one and the survey totals of the one that went on by itself.

use super::requests::view;
use app::{
    domain::{groups::GroupStatus, role::Role},
    store::{centres, groups},
};
use igang_tests::{TestOptions, backends, fixtures::staff, spawn_app};

#[tokio::test]
async fn demo_groups_stand_in_each_step_and_are_added_once() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let first = server::demo::seed(&app.db).await.unwrap();
        assert_eq!(first.groups_created, 6, "{}", backend.name());
        let again = server::demo::seed(&app.db).await.unwrap();
        assert_eq!(again.groups_created, 0);

        let aarhus = centres::find_by_name(&app.db, "Frivilligcenter Aarhus (demo)")
            .await
            .unwrap()
            .unwrap();
        let (listed, _) = groups::page_of_centre(&app.db, aarhus.id, None, 0, 20)
            .await
            .unwrap();
        let mut statuses: Vec<GroupStatus> = listed.iter().map(|g| g.status).collect();
        statuses.sort();
        assert_eq!(
            statuses,
            [
                GroupStatus::Seeking,
                GroupStatus::Matched,
                GroupStatus::SelfLed,
                GroupStatus::Ended
            ]
        );
        let coordinator = staff(&app, "c@x.test", Role::Coordinator, Some(aarhus.id)).await;
        let of = |status| listed.iter().find(|g| g.status == status).unwrap().id;
        let seeking = view(&app, &coordinator, of(GroupStatus::Seeking)).await;
        assert_eq!(
            seeking.candidates.first().map(|c| c.name.as_str()),
            Some("Ida Igangsætter"),
            "a ranked list straight away"
        );
        let self_led = view(&app, &coordinator, of(GroupStatus::SelfLed)).await;
        assert_eq!(self_led.igangsaetter.as_deref(), Some("Ida Igangsætter"));
        assert!(self_led.survey.unwrap().summary.is_some());
        let ended = view(&app, &coordinator, of(GroupStatus::Ended)).await;
        assert_eq!(ended.history.len(), 5);
        assert!(ended.ending_reason.is_some());

        let baerum = centres::find_by_name(&app.db, "Kontaktpunkt for selvhjelp Bærum (demo)")
            .await
            .unwrap()
            .unwrap();
        let (norwegian, _) = groups::page_of_centre(&app.db, baerum.id, None, 0, 20)
            .await
            .unwrap();
        let running = norwegian
            .iter()
            .find(|g| g.status == GroupStatus::Running)
            .unwrap();
        assert!(running.igangsaetter.is_some());
        assert_eq!(norwegian.len(), 2);
        app.stop().await;
    }
}

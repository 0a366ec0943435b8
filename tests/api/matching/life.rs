//! A group's life over HTTP: the igangsætter who accepted lists the group, marks the first
//! meeting held and steps out (which frees their place), or gives a group back before it
//! starts; the centre ends it with a reason; a coordinator takes a waiting request back; a
//! request nobody answers expires once and its coordinator is told; others are refused.

use super::{
    groups::{create, group_form, next_month},
    profile::{certify, full_form, save, volunteer_with_id},
    requests::{answer, ask, inbox, other_coordinator, person, setting, two_candidates, view},
};
use app::{
    api::{
        admin::Page,
        matching::{GroupRequestRow, MyGroupItem},
    },
    domain::groups::{AcceptRefused, GroupStatus, RequestStatus},
    errors::{AppError, Problem},
    reminders::send_due,
    store::{entities::outbox_message, groups},
};
use chrono::{Duration, Utc};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{app_error, json, sign_in},
    spawn_app,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

async fn mine(app: &TestApp, client: &reqwest::Client) -> Vec<MyGroupItem> {
    let page: Page<MyGroupItem> = json(app.my_groups(client, 1).await).await;
    page.items
}

async fn requests_of(app: &TestApp, client: &reqwest::Client, group: i32) -> Vec<GroupRequestRow> {
    let page: Page<GroupRequestRow> = json(app.group_requests(client, group, 1).await).await;
    page.items
}

async fn status(app: &TestApp, group: i32) -> GroupStatus {
    groups::find(&app.db, group).await.unwrap().unwrap().status
}

/// Asks Ida to start `group` and has her accept.
pub(crate) async fn matched_with_ida(
    app: &TestApp,
    coordinator: &reqwest::Client,
    ida: &reqwest::Client,
    group: i32,
) {
    let id = person(&view(app, coordinator, group).await, "ida");
    assert!(
        ask(app, coordinator, group, &id, "Hej Ida")
            .await
            .status()
            .is_success()
    );
    let request = inbox(app, ida).await[0].id;
    assert!(
        answer(app, ida, request, "accept", "")
            .await
            .status()
            .is_success()
    );
}

#[tokio::test]
async fn a_group_runs_goes_on_by_itself_frees_the_place_and_ends() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (ida_id, ida) = volunteer_with_id(&app, "ida@x.test").await;
        let mut form = full_form();
        form[2] = ("capacity", "1");
        assert!(save(&app, &ida, &form).await.status().is_success());
        certify(&app, ida_id).await;
        let (coordinator, group) = setting(&app).await;
        assert!(mine(&app, &ida).await.is_empty());
        matched_with_ida(&app, &coordinator, &ida, group).await;

        let seen = view(&app, &coordinator, group).await;
        assert_eq!(
            seen.igangsaetter.as_deref(),
            Some("ida"),
            "{}",
            backend.name()
        );
        let steps: Vec<GroupStatus> = seen.history.iter().map(|(s, _)| *s).collect();
        assert_eq!(steps, [GroupStatus::Seeking, GroupStatus::Matched]);
        assert_eq!(
            seen.next,
            [
                GroupStatus::Seeking,
                GroupStatus::Running,
                GroupStatus::Ended
            ]
        );
        let listed = mine(&app, &ida).await;
        assert_eq!(
            listed.len(),
            1,
            "the igangsætter sees the group in their list"
        );
        assert_eq!(listed[0].group.id, group);
        assert_eq!(listed[0].group.status, GroupStatus::Matched);
        assert_eq!(listed[0].centre, "Centre A");
        assert_eq!(
            listed[0].steps,
            [GroupStatus::Seeking, GroupStatus::Running]
        );

        // The centre ends a group; a stranger or the other centre takes no step.
        assert_eq!(
            app_error(app.move_group(&ida, group, "ended", "", true).await).await,
            AppError::Forbidden
        );
        let (_, stranger) = volunteer_with_id(&app, "ole@x.test").await;
        assert_eq!(
            app_error(app.move_group(&stranger, group, "running", "", false).await).await,
            AppError::Forbidden
        );
        let other = other_coordinator(&app).await;
        assert_eq!(
            app_error(app.move_group(&other, group, "running", "", false).await).await,
            AppError::Forbidden
        );
        assert_eq!(
            app_error(app.move_group(&ida, group, "paused", "", false).await).await,
            AppError::field("to", Problem::NotAllowed)
        );

        // Ida holds her one place: she is no candidate for a second group while it runs.
        let second: i32 =
            json(create(&app, &coordinator, &group_form(&seen.centre, &next_month())).await).await;
        assert!(
            app.move_group(&ida, group, "running", "", false)
                .await
                .status()
                .is_success()
        );
        assert_eq!(status(&app, group).await, GroupStatus::Running);
        assert!(view(&app, &coordinator, second).await.candidates.is_empty());

        assert_eq!(
            app_error(app.move_group(&ida, group, "self_led", "", false).await).await,
            AppError::field("confirm", Problem::MustConfirm),
            "stepping out asks for a tick"
        );
        assert!(
            app.move_group(&ida, group, "self_led", "", true)
                .await
                .status()
                .is_success()
        );
        assert_eq!(
            app_error(app.move_group(&ida, group, "self_led", "", true).await).await,
            AppError::GroupMoved,
            "a step from a page loaded before"
        );
        let freed = view(&app, &coordinator, second).await;
        assert_eq!(freed.candidates.len(), 1, "her place is free again");

        // She takes the second group, then gives it back before it starts.
        matched_with_ida(&app, &coordinator, &ida, second).await;
        assert!(
            app.move_group(&ida, second, "seeking", "", true)
                .await
                .status()
                .is_success()
        );
        let back = view(&app, &coordinator, second).await;
        assert_eq!(back.row.status, GroupStatus::Seeking);
        assert_eq!(back.igangsaetter, None);
        assert_eq!(back.candidates.len(), 1, "the group seeks again");
        let listed = mine(&app, &ida).await;
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].group.status, GroupStatus::SelfLed);
        assert!(listed[0].steps.is_empty(), "ending is the centre's");

        let long = "x".repeat(301);
        assert_eq!(
            app_error(
                app.move_group(&coordinator, group, "ended", &long, true)
                    .await
            )
            .await,
            AppError::field("reason", Problem::TooLong)
        );
        assert!(
            app.move_group(
                &coordinator,
                group,
                "ended",
                "Deltagerne fik det, de kom efter.",
                true
            )
            .await
            .status()
            .is_success()
        );
        let ended = view(&app, &coordinator, group).await;
        assert_eq!(ended.row.status, GroupStatus::Ended, "{}", backend.name());
        assert_eq!(ended.history.len(), 5);
        assert_eq!(
            ended.ending_reason.as_deref(),
            Some("Deltagerne fik det, de kom efter.")
        );
        assert_eq!(
            ended.igangsaetter.as_deref(),
            Some("ida"),
            "who started it stays known"
        );
        assert!(ended.next.is_empty());
        app.stop().await;
    }
}

#[tokio::test]
async fn a_waiting_request_is_taken_back_or_expires_once_and_the_coordinator_is_told() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (coordinator, group, before) = two_candidates(&app).await;
        for name in ["ida", "ole"] {
            let id = person(&before, name);
            assert!(
                ask(&app, &coordinator, group, &id, "Hej")
                    .await
                    .status()
                    .is_success()
            );
        }
        let sent = requests_of(&app, &coordinator, group).await;
        assert_eq!(sent.len(), 2, "{}", backend.name());
        assert!(sent.iter().all(|r| r.status == RequestStatus::Pending));

        let ida = sign_in(&app, "ida@x.test").await;
        let ida_request = inbox(&app, &ida).await[0].id;
        assert_eq!(
            app_error(app.withdraw_request(&ida, ida_request).await).await,
            AppError::Forbidden
        );
        assert_eq!(
            app_error(app.group_requests(&ida, group, 1).await).await,
            AppError::Forbidden
        );
        let other = other_coordinator(&app).await;
        assert_eq!(
            app_error(app.withdraw_request(&other, ida_request).await).await,
            AppError::Forbidden
        );
        assert!(
            app.withdraw_request(&coordinator, ida_request)
                .await
                .status()
                .is_success()
        );
        assert_eq!(inbox(&app, &ida).await[0].status, RequestStatus::Withdrawn);
        assert_eq!(
            app_error(answer(&app, &ida, ida_request, "accept", "").await).await,
            AppError::AnswerRefused(AcceptRefused::NotPending)
        );
        assert_eq!(
            app_error(app.withdraw_request(&coordinator, ida_request).await).await,
            AppError::AnswerRefused(AcceptRefused::NotPending)
        );

        // Ole never answers: a week and a day later the pass closes his request, once.
        let now = Utc::now();
        assert_eq!(
            send_due(&app.db, &app.base_url, now)
                .await
                .unwrap()
                .expired_requests,
            0
        );
        let later = now + Duration::days(8);
        let first = send_due(&app.db, &app.base_url, later).await.unwrap();
        assert_eq!(first.expired_requests, 1, "{}", backend.name());
        let again = send_due(&app.db, &app.base_url, later).await.unwrap();
        assert_eq!(again.expired_requests, 0);
        let ole = sign_in(&app, "ole@x.test").await;
        let oles = inbox(&app, &ole).await;
        assert_eq!(oles[0].status, RequestStatus::Expired);
        assert_eq!(
            app_error(answer(&app, &ole, oles[0].id, "accept", "").await).await,
            AppError::AnswerRefused(AcceptRefused::NotPending)
        );
        let told = outbox_message::Entity::find()
            .filter(outbox_message::Column::Recipient.eq("coord@x.test"))
            .filter(outbox_message::Column::Template.eq("request_expired"))
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(told.len(), 1, "{}", backend.name());
        assert!(told[0].body_text.contains("ole"), "{}", told[0].body_text);
        assert!(told[0].body_text.contains(&format!("/groups/{group}")));
        let statuses: Vec<RequestStatus> = requests_of(&app, &coordinator, group)
            .await
            .iter()
            .map(|r| r.status)
            .collect();
        assert!(
            statuses.contains(&RequestStatus::Expired)
                && statuses.contains(&RequestStatus::Withdrawn)
        );

        // Ending a group that still seeks closes what waits.
        let ida_id = person(&view(&app, &coordinator, group).await, "ida");
        assert!(
            ask(&app, &coordinator, group, &ida_id, "Igen?")
                .await
                .status()
                .is_success()
        );
        assert!(
            app.move_group(&coordinator, group, "ended", "", true)
                .await
                .status()
                .is_success()
        );
        assert_eq!(inbox(&app, &ida).await[0].status, RequestStatus::Withdrawn);
        assert_eq!(status(&app, group).await, GroupStatus::Ended);
        app.stop().await;
    }
}

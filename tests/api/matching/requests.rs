//! Requests: a coordinator asks a candidate with a personal message; the igangsætter gets an
//! email and finds the request in their list; accepting matches the group, declining keeps a
//! reason; a request is answered once; and two answers at the same instant never give a group
//! two igangsættere nor anyone more groups than their places, on both engines.

use super::{
    groups::{create, group_form, igangsaetter, next_month},
    profile::{certify, full_form, save, volunteer_with_id},
};
use app::{
    api::{
        admin::Page,
        matching::{GroupView, RequestItem},
    },
    domain::groups::{AcceptRefused, GroupStatus, RequestStatus},
    errors::{AppError, Problem},
    store::{entities::outbox_message, groups},
};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{app_error, centre, json, sign_in, staff},
    spawn_app,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

pub(crate) async fn view(app: &TestApp, client: &reqwest::Client, group: i32) -> GroupView {
    json(app.load_group(client, group).await).await
}

pub(crate) async fn ask(
    app: &TestApp,
    coordinator: &reqwest::Client,
    group: i32,
    person: &str,
    message: &str,
) -> reqwest::Response {
    app.send_request(coordinator, group, person, message).await
}

pub(crate) async fn inbox(app: &TestApp, client: &reqwest::Client) -> Vec<RequestItem> {
    let page: Page<RequestItem> = json(app.my_requests(client, 1).await).await;
    page.items
}

pub(crate) async fn answer(
    app: &TestApp,
    client: &reqwest::Client,
    request: i32,
    answer: &str,
    reason: &str,
) -> reqwest::Response {
    app.answer_request(client, request, answer, reason).await
}

/// The public id of the candidate called `name` on the group's page.
pub(crate) fn person(group: &GroupView, name: &str) -> String {
    group
        .candidates
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("{name} is a candidate"))
        .person
        .clone()
}

/// Of two acceptances of one group sent at once, exactly one went through and the other was
/// refused; the group has its igangsætter.
pub(crate) async fn exactly_one_accepted(
    app: &TestApp,
    group: i32,
    first: reqwest::Response,
    second: reqwest::Response,
) {
    let outcomes = [first.status().is_success(), second.status().is_success()];
    assert_eq!(
        outcomes.iter().filter(|ok| **ok).count(),
        1,
        "{}: {outcomes:?}",
        app.backend.name()
    );
    let refused = if outcomes[0] { second } else { first };
    let error = app_error(refused).await;
    assert!(
        matches!(
            error,
            AppError::AnswerRefused(AcceptRefused::GroupTaken | AcceptRefused::NotPending)
        ),
        "{error:?}"
    );
    let record = groups::find(&app.db, group).await.unwrap().unwrap();
    assert_eq!(record.status, GroupStatus::Matched);
}

/// The coordinator of another centre, Centre B.
pub(crate) async fn other_coordinator(app: &TestApp) -> reqwest::Client {
    let b = centre(app, "Centre B").await;
    staff(
        app,
        "b@x.test",
        app::domain::role::Role::Coordinator,
        Some(b.id),
    )
    .await
}

/// A centre, its coordinator and a seeking group in Aarhus.
pub(crate) async fn setting(app: &TestApp) -> (reqwest::Client, i32) {
    let a = centre(app, "Centre A").await;
    let coordinator = staff(
        app,
        "coord@x.test",
        app::domain::role::Role::Coordinator,
        Some(a.id),
    )
    .await;
    let id: i32 =
        json(create(app, &coordinator, &group_form(&a.public_id, &next_month())).await).await;
    (coordinator, id)
}

/// Ida and Ole, both certified in Aarhus, and a seeking group there as its coordinator sees it.
pub(crate) async fn two_candidates(app: &TestApp) -> (reqwest::Client, i32, GroupView) {
    igangsaetter(app, "ida@x.test", "2624652", "20", true).await;
    igangsaetter(app, "ole@x.test", "2624652", "20", true).await;
    let (coordinator, group) = setting(app).await;
    let before = view(app, &coordinator, group).await;
    (coordinator, group, before)
}

#[tokio::test]
async fn a_request_is_mailed_listed_and_accepted_once() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (coordinator, group, before) = two_candidates(&app).await;
        let ida = person(&before, "ida");
        let ole = person(&before, "ole");

        let empty = ask(&app, &coordinator, group, &ida, "  ").await;
        assert_eq!(
            app_error(empty).await,
            AppError::field("message", Problem::Required)
        );
        assert!(
            ask(&app, &coordinator, group, &ida, "Vi tænkte straks på dig.")
                .await
                .status()
                .is_success()
        );
        assert_eq!(
            app_error(ask(&app, &coordinator, group, &ida, "Igen?").await).await,
            AppError::CannotAsk,
            "asked once while the first waits"
        );
        assert!(
            ask(&app, &coordinator, group, &ole, "Har du lyst?")
                .await
                .status()
                .is_success()
        );
        let mails = outbox_message::Entity::find()
            .filter(outbox_message::Column::Recipient.eq("ida@x.test"))
            .filter(outbox_message::Column::Template.eq("group_request"))
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(mails.len(), 1, "{}", backend.name());
        assert!(mails[0].body_text.contains("Vi tænkte straks på dig."));
        assert!(
            mails[0].body_text.contains("tirsdag kl. 19:00 i Aarhus"),
            "{}",
            mails[0].body_text
        );
        assert!(mails[0].body_text.contains("/requests"));
        let asked = view(&app, &coordinator, group).await;
        assert!(
            asked.candidates.iter().all(|c| c.asked),
            "both wait for an answer"
        );

        let ida_client = sign_in(&app, "ida@x.test").await;
        let mine = inbox(&app, &ida_client).await;
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0].status, RequestStatus::Pending);
        assert_eq!(mine[0].message, "Vi tænkte straks på dig.");
        assert_eq!(mine[0].centre, "Centre A");
        let ole_client = sign_in(&app, "ole@x.test").await;
        let oles = inbox(&app, &ole_client).await;
        assert_eq!(
            app_error(answer(&app, &ole_client, mine[0].id, "accept", "").await).await,
            AppError::Forbidden,
            "only the person asked answers"
        );

        assert!(
            answer(&app, &ida_client, mine[0].id, "accept", "")
                .await
                .status()
                .is_success()
        );
        let record = groups::find(&app.db, group).await.unwrap().unwrap();
        assert_eq!(record.status, GroupStatus::Matched, "{}", backend.name());
        assert_eq!(
            inbox(&app, &ida_client).await[0].status,
            RequestStatus::Accepted
        );
        assert_eq!(
            app_error(answer(&app, &ida_client, mine[0].id, "decline", "").await).await,
            AppError::AnswerRefused(AcceptRefused::NotPending)
        );
        assert_eq!(
            inbox(&app, &ole_client).await[0].status,
            RequestStatus::Withdrawn,
            "the other request closes"
        );
        assert_eq!(
            app_error(answer(&app, &ole_client, oles[0].id, "accept", "").await).await,
            AppError::AnswerRefused(AcceptRefused::NotPending)
        );
        let matched = view(&app, &coordinator, group).await;
        assert!(
            matched.candidates.is_empty(),
            "a matched group seeks nobody"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn a_decline_keeps_its_reason_and_only_candidates_are_asked() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    igangsaetter(&app, "ida@x.test", "2624652", "20", true).await;
    igangsaetter(&app, "uncertified@x.test", "2624652", "20", false).await;
    let (coordinator, group) = setting(&app).await;
    let ida = person(&view(&app, &coordinator, group).await, "ida");
    let uncertified = app::store::people::find_by_email(
        &app.db,
        &app::domain::email::EmailAddress::parse("uncertified@x.test").unwrap(),
    )
    .await
    .unwrap()
    .unwrap()
    .public_id;
    assert_eq!(
        app_error(ask(&app, &coordinator, group, &uncertified, "Hej").await).await,
        AppError::CannotAsk
    );
    assert_eq!(
        app_error(ask(&app, &coordinator, group, "no-such-person", "Hej").await).await,
        AppError::CannotAsk
    );
    let other = other_coordinator(&app).await;
    assert_eq!(
        app_error(ask(&app, &other, group, &ida, "Hej").await).await,
        AppError::Forbidden
    );

    assert!(
        ask(&app, &coordinator, group, &ida, "Hej Ida")
            .await
            .status()
            .is_success()
    );
    let client = sign_in(&app, "ida@x.test").await;
    let request = inbox(&app, &client).await[0].id;
    let long = "x".repeat(301);
    assert_eq!(
        app_error(answer(&app, &client, request, "decline", &long).await).await,
        AppError::field("reason", Problem::TooLong)
    );
    assert_eq!(
        app_error(answer(&app, &client, request, "maybe", "").await).await,
        AppError::field("answer", Problem::NotAllowed)
    );
    assert!(
        answer(&app, &client, request, "decline", "Jeg flytter i foråret.")
            .await
            .status()
            .is_success()
    );
    let mine = inbox(&app, &client).await;
    assert_eq!(mine[0].status, RequestStatus::Declined);
    assert_eq!(mine[0].reason.as_deref(), Some("Jeg flytter i foråret."));
    let record = groups::find(&app.db, group).await.unwrap().unwrap();
    assert_eq!(record.status, GroupStatus::Seeking, "the group still seeks");
    app.stop().await;
}

#[tokio::test]
async fn two_acceptances_at_the_same_instant_give_a_group_one_igangsaetter() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (coordinator, group, before) = two_candidates(&app).await;
        for name in ["ida", "ole"] {
            assert!(
                ask(&app, &coordinator, group, &person(&before, name), "Hej")
                    .await
                    .status()
                    .is_success()
            );
        }
        let ida = sign_in(&app, "ida@x.test").await;
        let ole = sign_in(&app, "ole@x.test").await;
        let (ida_request, ole_request) =
            (inbox(&app, &ida).await[0].id, inbox(&app, &ole).await[0].id);
        let (first, second) = tokio::join!(
            answer(&app, &ida, ida_request, "accept", ""),
            answer(&app, &ole, ole_request, "accept", "")
        );
        exactly_one_accepted(&app, group, first, second).await;
        app.stop().await;
    }
}

#[tokio::test]
async fn nobody_accepts_more_groups_at_once_than_their_places() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        // One place only.
        let (id, client) = volunteer_with_id(&app, "ida@x.test").await;
        let mut form = full_form();
        form[2] = ("capacity", "1");
        assert!(save(&app, &client, &form).await.status().is_success());
        certify(&app, id).await;
        let a = centre(&app, "Centre A").await;
        let coordinator = staff(
            &app,
            "coord@x.test",
            app::domain::role::Role::Coordinator,
            Some(a.id),
        )
        .await;
        let mut requests = Vec::new();
        for _ in 0..3 {
            let group: i32 =
                json(create(&app, &coordinator, &group_form(&a.public_id, &next_month())).await)
                    .await;
            let ida = person(&view(&app, &coordinator, group).await, "ida");
            assert!(
                ask(&app, &coordinator, group, &ida, "Hej")
                    .await
                    .status()
                    .is_success()
            );
        }
        for item in inbox(&app, &client).await {
            requests.push(item.id);
        }
        assert_eq!(requests.len(), 3);
        let answers = futures::future::join_all(
            requests
                .iter()
                .map(|r| answer(&app, &client, *r, "accept", "")),
        )
        .await;
        let mut accepted = 0;
        for response in answers {
            if response.status().is_success() {
                accepted += 1;
            } else {
                assert_eq!(
                    app_error(response).await,
                    AppError::AnswerRefused(AcceptRefused::NoPlaceLeft),
                    "{}",
                    backend.name()
                );
            }
        }
        assert_eq!(accepted, 1, "{}", backend.name());
        app.stop().await;
    }
}

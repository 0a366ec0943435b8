//! Groups: a coordinator posts one and sees it in the centre's list; the group's page ranks
//! the igangsættere who may be asked, with the reasons, and leaves out everyone who may not;
//! each flaw of a new group is named with nothing saved; other centres see nothing.

use super::profile::{certify, full_form, save, volunteer_with_id};
use app::{
    api::matching::{CentreGroups, CreateGroup, GroupView, ListCentreGroups, LoadGroup},
    domain::{groups::GroupStatus, profile::Topic, role::Role},
    errors::{AppError, Problem},
    store::{certification, entities::certificate},
};
use chrono::{Duration, Utc};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{app_error, centre, json, staff, volunteer},
    spawn_app,
};
use leptos::server_fn::ServerFn;
use reqwest::header::LOCATION;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

/// Lystrup, a town 9 km north of Aarhus.
const NEAR_AARHUS: &str = "2617176";
/// Aalborg, about 100 km from Aarhus.
const AALBORG: &str = "2624886";

/// A new group's form for `centre`: a grief group in Aarhus on Tuesday evenings.
pub(crate) fn group_form(centre: &str, starts_on: &str) -> Vec<(&'static str, String)> {
    [
        ("centre", centre),
        ("title", "Sorggruppe for voksne"),
        ("topic", "grief"),
        ("kind", "self_help"),
        ("language", "da"),
        ("place", "2624652"),
        ("weekday", "tue"),
        ("time", "19:00"),
        ("cadence", "fortnightly"),
        ("starts_on", starts_on),
        ("meetings", "6"),
        ("description", "For voksne, der har mistet en nær."),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

pub(crate) fn next_month() -> String {
    (Utc::now() + Duration::days(30))
        .format("%Y-%m-%d")
        .to_string()
}

pub(crate) async fn create(
    app: &TestApp,
    client: &reqwest::Client,
    form: &[(&str, String)],
) -> reqwest::Response {
    app.call_fields(client, CreateGroup::PATH, form).await
}

/// Posts a grief group in Aarhus for `centre` (its public id) starting next month; its id.
pub(crate) async fn post_group(app: &TestApp, coordinator: &reqwest::Client, centre: &str) -> i32 {
    json(create(app, coordinator, &group_form(centre, &next_month())).await).await
}

async fn load(app: &TestApp, client: &reqwest::Client, group: i32) -> reqwest::Response {
    app.call(client, LoadGroup::PATH, &[("group", &group.to_string())])
        .await
}

/// A volunteer with a saved profile (the full form, town and travel changed), certified
/// when `certified`; their id.
pub(crate) async fn igangsaetter(
    app: &TestApp,
    email: &str,
    place: &str,
    travel: &str,
    certified: bool,
) -> i32 {
    let (id, client) = volunteer_with_id(app, email).await;
    let mut form = full_form();
    form[0] = ("place", place);
    form[1] = ("travel_km", travel);
    assert!(save(app, &client, &form).await.status().is_success());
    if certified {
        certify(app, id).await;
    }
    id
}

#[tokio::test]
async fn a_posted_group_lists_and_ranks_those_who_may_be_asked() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let a = centre(&app, "Centre A").await;
        let coordinator = staff(&app, "coord@x.test", Role::Coordinator, Some(a.id)).await;
        // Near and certified: first. Near and certified but paused, near and uncertified,
        // and far away: not candidates at all.
        igangsaetter(&app, "near@x.test", NEAR_AARHUS, "30", true).await;
        igangsaetter(&app, "aarhus@x.test", "2624652", "10", true).await;
        igangsaetter(&app, "uncertified@x.test", NEAR_AARHUS, "30", false).await;
        igangsaetter(&app, "far@x.test", AALBORG, "50", true).await;
        // Certified once, but revoked or expired since: not candidates either.
        let revoked = igangsaetter(&app, "revoked@x.test", NEAR_AARHUS, "30", false).await;
        let code = certify(&app, revoked).await;
        certification::revoke(&app.db, &code, "test", Utc::now())
            .await
            .unwrap();
        let expired = igangsaetter(&app, "expired@x.test", NEAR_AARHUS, "30", true).await;
        certificate::Entity::update_many()
            .col_expr(
                certificate::Column::ExpiresAt,
                Expr::value(Utc::now() - Duration::days(1)),
            )
            .filter(certificate::Column::UserId.eq(expired))
            .exec(&app.db)
            .await
            .unwrap();
        let (paused_id, paused) = volunteer_with_id(&app, "paused@x.test").await;
        let mut form = full_form();
        form.retain(|(k, _)| *k != "available");
        assert!(save(&app, &paused, &form).await.status().is_success());
        certify(&app, paused_id).await;

        let id: i32 =
            json(create(&app, &coordinator, &group_form(&a.public_id, &next_month())).await).await;
        let list: CentreGroups = json(
            app.call(
                &coordinator,
                ListCentreGroups::PATH,
                &[
                    ("centre", &a.public_id),
                    ("status", "seeking"),
                    ("page", "1"),
                ],
            )
            .await,
        )
        .await;
        assert_eq!(list.groups.total, 1, "{}", backend.name());
        assert_eq!(list.groups.items[0].id, id);
        assert_eq!(list.groups.items[0].topic, Topic::Grief);
        assert_eq!(list.groups.items[0].status, GroupStatus::Seeking);
        let ended: CentreGroups = json(
            app.call(
                &coordinator,
                ListCentreGroups::PATH,
                &[("centre", &a.public_id), ("status", "ended"), ("page", "1")],
            )
            .await,
        )
        .await;
        assert_eq!(ended.groups.total, 0);

        let group: GroupView = json(load(&app, &coordinator, id).await).await;
        assert_eq!(group.row.title, "Sorggruppe for voksne");
        assert_eq!(
            group.place.as_ref().map(|p| p.name.as_str()),
            Some("Aarhus")
        );
        let names: Vec<&str> = group.candidates.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(group.eligible, 2, "{}: {names:?}", backend.name());
        // Both fit topic, language and slot; the one living in Aarhus is nearer.
        assert_eq!(names, ["aarhus", "near"], "{}", backend.name());
        let near = &group.candidates[1].reasons;
        assert!((5..=15).contains(&near.distance_km), "{}", near.distance_km);
        assert!(near.topic && near.language && near.slot);
        assert_eq!((near.active_groups, near.capacity), (0, 2));
        assert!(group.candidates[0].score >= group.candidates[1].score);
        app.stop().await;
    }
}

#[tokio::test]
async fn each_flaw_of_a_new_group_is_named_and_nothing_is_saved() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let a = centre(&app, "Centre A").await;
    let coordinator = staff(&app, "coord@x.test", Role::Coordinator, Some(a.id)).await;
    let yesterday = (Utc::now() - Duration::days(2))
        .format("%Y-%m-%d")
        .to_string();
    let mut form = group_form(&a.public_id, &yesterday);
    for (key, value) in &mut form {
        match *key {
            "title" => *value = "  ".into(),
            "place" => *value = "999999999".into(),
            "meetings" => *value = "40".into(),
            "description" => *value = "x".repeat(1_001),
            _ => {}
        }
    }
    let AppError::Invalid(errors) = app_error(create(&app, &coordinator, &form).await).await else {
        panic!("field errors expected");
    };
    let named: Vec<(String, Problem)> = errors.into_iter().map(|e| (e.field, e.problem)).collect();
    assert_eq!(
        named,
        vec![
            ("title".into(), Problem::Required),
            ("place".into(), Problem::NotAllowed),
            ("starts_on".into(), Problem::OutOfRange),
            ("meetings".into(), Problem::OutOfRange),
            ("description".into(), Problem::TooLong),
        ]
    );
    let mut odd = group_form(&a.public_id, &next_month());
    for (key, value) in &mut odd {
        if matches!(*key, "topic" | "weekday" | "time") {
            *value = "banana".into();
        }
    }
    let AppError::Invalid(errors) = app_error(create(&app, &coordinator, &odd).await).await else {
        panic!("field errors expected");
    };
    let fields: Vec<String> = errors.into_iter().map(|e| e.field).collect();
    assert_eq!(fields, ["topic", "weekday", "time"]);
    let list: CentreGroups = json(
        app.call(
            &coordinator,
            ListCentreGroups::PATH,
            &[("centre", &a.public_id), ("page", "1")],
        )
        .await,
    )
    .await;
    assert_eq!(list.groups.total, 0, "nothing was saved");
    app.stop().await;
}

#[tokio::test]
async fn another_centre_neither_sees_nor_posts_a_centre_s_groups() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (a, b) = (
            centre(&app, "Centre A").await,
            centre(&app, "Centre B").await,
        );
        let coordinator_a = staff(&app, "a@x.test", Role::Coordinator, Some(a.id)).await;
        let coordinator_b = staff(&app, "b@x.test", Role::Coordinator, Some(b.id)).await;
        let admin = staff(&app, "admin@x.test", Role::Admin, None).await;
        let somebody = volunteer(&app, "v@x.test").await;
        let id: i32 = json(
            create(
                &app,
                &coordinator_a,
                &group_form(&a.public_id, &next_month()),
            )
            .await,
        )
        .await;
        for (who, client) in [("coordinator B", &coordinator_b), ("volunteer", &somebody)] {
            assert_eq!(
                app_error(load(&app, client, id).await).await,
                AppError::Forbidden,
                "{who}"
            );
            let list = app
                .call(
                    client,
                    ListCentreGroups::PATH,
                    &[("centre", &a.public_id), ("page", "1")],
                )
                .await;
            assert_eq!(app_error(list).await, AppError::Forbidden, "{who}");
            let posted = create(&app, client, &group_form(&a.public_id, &next_month())).await;
            assert_eq!(app_error(posted).await, AppError::Forbidden, "{who}");
        }
        let seen: GroupView = json(load(&app, &admin, id).await).await;
        assert_eq!(seen.id, id, "administrators see every centre's groups");
        let visitor = load(&app, &app.client(), id).await;
        assert_eq!(app_error(visitor).await, AppError::Unauthenticated);
        app.stop().await;
    }
}

#[tokio::test]
async fn the_pages_work_as_plain_forms() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let a = centre(&app, "Centre A").await;
    let coordinator = staff(&app, "coord@x.test", Role::Coordinator, Some(a.id)).await;
    igangsaetter(&app, "near@x.test", NEAR_AARHUS, "30", true).await;
    let strip = |html: String| html.replace("<!>", "");
    let path = format!("/centres/{}/groups", a.public_id);
    let empty = strip(app.page(&coordinator, &path).await.text().await.unwrap());
    assert!(empty.contains("Grupper hos Centre A"), "{empty}");
    assert!(empty.contains("Ingen grupper her endnu"));
    let searched = strip(
        app.page(&coordinator, &format!("{path}?q=aarhus"))
            .await
            .text()
            .await
            .unwrap(),
    );
    assert!(
        searched.contains(r#"name="place" value="2624652""#),
        "Aarhus is offered"
    );

    let form = group_form(&a.public_id, &next_month());
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let posted = app
        .form_post(&coordinator, CreateGroup::PATH, &path, &fields)
        .await;
    assert_eq!(posted.status(), 302);
    let target = posted.headers()[LOCATION].to_str().unwrap().to_owned();
    assert!(target.starts_with("/groups/"), "{target}");
    let page = strip(app.page(&coordinator, &target).await.text().await.unwrap());
    assert!(page.contains("Sorggruppe for voksne"));
    assert!(page.contains("Søger igangsætter"));
    assert!(page.contains("tirsdag 19:00 · hver anden uge"), "{page}");
    assert!(
        page.contains("emne: sorg og tab · taler Dansk · tirsdag aften ledig · 0 af 2 grupper"),
        "{page}"
    );
    let list = strip(app.page(&coordinator, &path).await.text().await.unwrap());
    assert!(list.contains("Sorggruppe for voksne") && list.contains(&target));
    app.stop().await;
}

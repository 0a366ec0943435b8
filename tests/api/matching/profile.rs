//! The igangsætter profile: saved and read back on both engines, each flaw named with nothing
//! saved, the town search by every common spelling, the page as a plain form, and the
//! profile shown to coordinators only while its owner is certified and open to requests.

use app::{
    api::matching::{LoadMyProfile, MyProfile, PlaceChoice, SaveProfile, SearchPlaces},
    domain::{
        language::Language,
        matching::{DayPart, Slot, Weekday},
        profile::Topic,
        role::Role,
    },
    errors::{AppError, Problem},
    store::{certification, profiles},
};
use chrono::Utc;
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{account, app_error, json, sign_in, volunteer},
    spawn_app,
};
use leptos::server_fn::ServerFn;
use reqwest::header::LOCATION;

/// Aarhus, by its GeoNames id.
const AARHUS: &str = "2624652";

/// A complete profile form: Aarhus, 25 km, two groups, grief and cancer, Danish and English,
/// Tuesday and Thursday evenings, open to requests.
pub(crate) fn full_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("place", AARHUS),
        ("travel_km", "25"),
        ("capacity", "2"),
        ("available", "on"),
        ("choices[topic-grief]", "on"),
        ("choices[topic-cancer]", "on"),
        ("choices[lang-da]", "on"),
        ("choices[lang-en]", "on"),
        ("choices[slot-tue-evening]", "on"),
        ("choices[slot-thu-evening]", "on"),
    ]
}

async fn mine(app: &TestApp, client: &reqwest::Client) -> MyProfile {
    json(app.call(client, LoadMyProfile::PATH, &[]).await).await
}

pub(crate) async fn save(
    app: &TestApp,
    client: &reqwest::Client,
    form: &[(&str, &str)],
) -> reqwest::Response {
    app.call(client, SaveProfile::PATH, form).await
}

/// Makes `user_id` the holder of a valid certificate of the shipped programme; its code.
pub(crate) async fn certify(
    app: &TestApp,
    user_id: i32,
) -> app::domain::certification::CertificateCode {
    let programme = certification::all(&app.db).await.unwrap().remove(0);
    certification::recognise(&app.db, &programme, user_id, Utc::now())
        .await
        .unwrap()
        .expect("a new certificate")
}

/// A volunteer's account and signed-in browser.
pub(super) async fn volunteer_with_id(app: &TestApp, email: &str) -> (i32, reqwest::Client) {
    let id = account(app, email, Role::Volunteer).await;
    (id, sign_in(app, email).await)
}

#[tokio::test]
async fn a_profile_is_saved_and_read_back_whole() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (id, client) = volunteer_with_id(&app, "ida@x.test").await;
        let before = mine(&app, &client).await;
        assert_eq!(before.profile, None, "{}", backend.name());
        assert!(!before.shown);

        let saved = save(&app, &client, &full_form()).await;
        assert!(saved.status().is_success(), "{}", backend.name());
        let after = mine(&app, &client).await;
        let profile = after.profile.expect("saved");
        assert_eq!(profile.place, 2_624_652);
        assert_eq!(profile.travel_km, 25);
        assert_eq!(profile.capacity, 2);
        assert!(profile.available);
        assert_eq!(profile.topics, vec![Topic::Grief, Topic::Cancer]);
        assert_eq!(profile.languages, vec![Language::Da, Language::En]);
        let evening = |weekday| Slot {
            weekday,
            part: DayPart::Evening,
        };
        assert_eq!(
            profile.availability.slots(),
            vec![evening(Weekday::Tue), evening(Weekday::Thu)]
        );
        assert_eq!(after.place.map(|p| p.name), Some("Aarhus".to_owned()));

        // Saving again changes the one profile; the coordinates follow the town.
        let mut moved = full_form();
        moved[0] = ("place", "3133895");
        moved.retain(|(k, _)| *k != "available");
        assert!(save(&app, &client, &moved).await.status().is_success());
        let stored = profiles::find(&app.db, id).await.unwrap().unwrap();
        assert_eq!(stored.profile.place, 3_133_895);
        assert!(
            !stored.profile.available,
            "an unticked box turns requests off"
        );
        assert!(
            (stored.home.lat - 69.6489).abs() < 0.001,
            "Tromsø's latitude"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn each_flaw_is_named_and_nothing_is_saved() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let client = volunteer(&app, "ole@x.test").await;
    let refused = save(
        &app,
        &client,
        &[
            ("place", "999999999"),
            ("travel_km", "0"),
            ("capacity", "9"),
        ],
    )
    .await;
    let AppError::Invalid(errors) = app_error(refused).await else {
        panic!("field errors expected");
    };
    let named: Vec<(String, Problem)> = errors.into_iter().map(|e| (e.field, e.problem)).collect();
    assert_eq!(
        named,
        vec![
            ("place".into(), Problem::NotAllowed),
            ("travel_km".into(), Problem::OutOfRange),
            ("languages".into(), Problem::Required),
            ("capacity".into(), Problem::OutOfRange),
        ]
    );
    let missing_place = save(
        &app,
        &client,
        &[
            ("travel_km", "20"),
            ("capacity", "1"),
            ("choices[lang-da]", "on"),
        ],
    )
    .await;
    assert_eq!(
        app_error(missing_place).await,
        AppError::field("place", Problem::Required)
    );
    let mut stray = full_form();
    stray.push(("choices[role-admin]", "on"));
    assert_eq!(
        app_error(save(&app, &client, &stray).await).await,
        AppError::field("choices", Problem::NotAllowed)
    );
    let far = [
        ("place", AARHUS),
        ("travel_km", "301"),
        ("capacity", "1"),
        ("choices[lang-da]", "on"),
    ];
    assert_eq!(
        app_error(save(&app, &client, &far).await).await,
        AppError::field("travel_km", Problem::OutOfRange)
    );
    assert_eq!(mine(&app, &client).await.profile, None, "nothing was saved");
    app.stop().await;
}

#[tokio::test]
async fn the_town_search_finds_towns_by_every_common_spelling() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let visitor = app.client();
    for (query, first) in [
        ("aarhus", "Aarhus"),
        ("Århus", "Aarhus"),
        ("copenhagen", "København"),
        ("tromso", "Tromsø"),
    ] {
        let found: Vec<PlaceChoice> = json(
            app.call(&visitor, SearchPlaces::PATH, &[("q", query)])
                .await,
        )
        .await;
        assert_eq!(
            found.first().map(|p| p.name.as_str()),
            Some(first),
            "{query}"
        );
        assert!(found.len() <= 20);
    }
    let sandvika: Vec<PlaceChoice> = json(
        app.call(&visitor, SearchPlaces::PATH, &[("q", "Sandvika")])
            .await,
    )
    .await;
    let regions: Vec<&str> = sandvika.iter().map(|p| p.region.as_str()).collect();
    assert!(
        regions.contains(&"Akershus") && regions.contains(&"Trøndelag"),
        "{regions:?}"
    );
    let nothing: Vec<PlaceChoice> =
        json(app.call(&visitor, SearchPlaces::PATH, &[("q", "")]).await).await;
    assert!(nothing.is_empty());
    app.stop().await;
}

#[tokio::test]
async fn the_page_works_as_plain_forms() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let client = volunteer(&app, "mia@x.test").await;
    let strip = |html: String| html.replace("<!>", "");
    let empty = strip(app.page(&client, "/profile").await.text().await.unwrap());
    assert!(empty.contains("Min igangsætterprofil"));
    assert!(empty.contains("Du har ikke udfyldt din profil endnu"));
    assert!(empty.contains("GeoNames"), "the data is credited");

    let searched = strip(
        app.page(&client, "/profile?q=troms%C3%B8")
            .await
            .text()
            .await
            .unwrap(),
    );
    assert!(
        searched.contains(r#"name="place" value="3133895""#),
        "Tromsø is offered"
    );

    let mut form = full_form();
    form[0] = ("place", "3133895");
    let posted = app
        .form_post(&client, SaveProfile::PATH, "/profile", &form)
        .await;
    assert_eq!(posted.status(), 302);
    assert_eq!(posted.headers()[LOCATION], "/profile?saved=1");
    let saved = strip(
        app.page(&client, "/profile?saved=1")
            .await
            .text()
            .await
            .unwrap(),
    );
    assert!(saved.contains("Profilen er gemt."));
    assert!(saved.contains("Sådan ser koordinatorer dig"));
    assert!(saved.contains("Tromsø (Troms)"));
    assert!(saved.contains("sorg og tab, kræft"));
    assert!(saved.contains("tirsdag aften, torsdag aften"));
    assert!(
        saved.contains("når du har et gyldigt igangsætterbevis"),
        "not certified yet"
    );
    assert!(
        saved.contains(r#"value="3133895" checked"#),
        "the saved town stays chosen"
    );

    let visitor = app.page(&app.client(), "/profile").await;
    assert_eq!(visitor.status(), 302, "visitors are sent to sign in");
    app.stop().await;
}

#[tokio::test]
async fn coordinators_see_the_profile_only_while_its_owner_is_certified_and_open() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (id, client) = volunteer_with_id(&app, "eva@x.test").await;
        assert!(
            save(&app, &client, &full_form())
                .await
                .status()
                .is_success()
        );
        let first = mine(&app, &client).await;
        assert!(!first.certified && !first.shown, "{}", backend.name());

        let code = certify(&app, id).await;
        let certified = mine(&app, &client).await;
        assert!(certified.certified && certified.shown, "{}", backend.name());

        let mut paused = full_form();
        paused.retain(|(k, _)| *k != "available");
        assert!(save(&app, &client, &paused).await.status().is_success());
        assert!(!mine(&app, &client).await.shown, "paused");
        assert!(
            save(&app, &client, &full_form())
                .await
                .status()
                .is_success()
        );
        assert!(mine(&app, &client).await.shown, "open again");

        certification::revoke(&app.db, &code, "test", Utc::now())
            .await
            .unwrap();
        let revoked = mine(&app, &client).await;
        assert!(!revoked.certified && !revoked.shown, "{}", backend.name());
        app.stop().await;
    }
}

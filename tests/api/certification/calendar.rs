//! Workshops in calendar apps: one workshop's `.ics`, and the personal feed with its secret
//! address that a new one replaces.

use super::schedule;
use app::domain::{role::Role, workshops::Placement};
use chrono::Duration;
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{json, staff, volunteer},
    spawn_app,
};

/// The events of an iCalendar text: (summary, status).
fn events(text: &str) -> Vec<(String, String)> {
    let unfolded = icalendar::parser::unfold(text);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    calendar
        .components
        .iter()
        .flat_map(|c| std::iter::once(c).chain(c.components.iter()))
        .filter(|c| c.name.as_str() == "VEVENT")
        .map(|c| {
            let value = |key: &str| {
                c.find_prop(key)
                    .map(|p| p.val.as_str().to_owned())
                    .unwrap_or_default()
            };
            (value("SUMMARY"), value("STATUS"))
        })
        .collect()
}

async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> reqwest::Response {
    igang_tests::answer(client.get(app.url(path))).await
}

#[tokio::test]
async fn a_workshop_and_the_personal_feed_read_back_as_icalendar() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let trainer = staff(&app, "tove@x.test", Role::Trainer, None).await;
    let asta = volunteer(&app, "asta@x.test").await;
    let full = schedule(&app, &trainer, Duration::days(5), 1).await;
    let other = schedule(&app, &trainer, Duration::days(9), 10).await;
    let bent = volunteer(&app, "bent@x.test").await;
    json::<Placement>(app.sign_up_for_workshop(&bent, full).await).await;
    assert_eq!(
        json::<Placement>(app.sign_up_for_workshop(&asta, full).await).await,
        Placement::WaitingList
    );
    json::<Placement>(app.sign_up_for_workshop(&asta, other).await).await;

    let one = get(&app, &asta, &format!("/workshops/{other}/calendar.ics")).await;
    assert_eq!(one.status(), 200);
    assert!(
        one.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let text = one.text().await.unwrap();
    assert_eq!(
        events(&text),
        [(
            "Workshop om at starte grupper".to_owned(),
            "CONFIRMED".to_owned()
        )]
    );
    let visitor = app.client();
    let refused = get(&app, &visitor, &format!("/workshops/{other}/calendar.ics")).await;
    assert_eq!(refused.status(), 401);

    // No feed until asked for; then one address, which a new one replaces.
    let none: Option<String> = json(app.calendar_feed(&asta).await).await;
    assert_eq!(none, None);
    let first: String = json(app.reset_calendar_feed(&asta).await).await;
    let shown: Option<String> = json(app.calendar_feed(&asta).await).await;
    assert_eq!(shown.as_deref(), Some(first.as_str()));
    let path = first.strip_prefix(&app.base_url).unwrap().to_owned();
    let feed = get(&app, &visitor, &path).await.text().await.unwrap();
    let statuses: Vec<String> = events(&feed).into_iter().map(|(_, s)| s).collect();
    assert_eq!(
        statuses,
        ["TENTATIVE", "CONFIRMED"],
        "waiting list first, by date"
    );

    let second: String = json(app.reset_calendar_feed(&asta).await).await;
    assert_ne!(first, second);
    assert_eq!(
        get(&app, &visitor, &path).await.status(),
        404,
        "the old one is gone"
    );
    let new_path = second.strip_prefix(&app.base_url).unwrap().to_owned();
    assert_eq!(get(&app, &visitor, &new_path).await.status(), 200);
    app.stop().await;
}

//! The curriculum shipped with Igang, and the catalogue that lists it.

use super::{catalogue, overview};
use app::{api::catalogue::CatalogueCard, store::courses};
use igang_tests::{TestOptions, backends, spawn_app};
use reqwest::header::{ACCEPT_LANGUAGE, HeaderValue};

/// The language of each card, in order.
fn languages(cards: &[CatalogueCard]) -> Vec<String> {
    cards.iter().map(|c| c.language.clone()).collect()
}

#[tokio::test]
async fn the_shipped_curriculum_is_published_on_first_start() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let visitor = app.client();
        let all = catalogue(&app, &visitor, "all").await;
        let mut titles: Vec<&str> = all.iter().map(|c| c.title.as_str()).collect();
        titles.sort();
        assert_eq!(
            titles,
            [
                "Group starter training",
                "Igangsetteropplæring",
                "Igangsætteruddannelse",
                "Opfriskningskursus for igangsættere",
                "Oppfriskningskurs for igangsettere",
                "Refresher course for group starters"
            ],
            "{}",
            backend.name()
        );
        let danish = catalogue(&app, &visitor, "").await;
        let course = danish.iter().find(|c| c.leads_to_certificate).unwrap();
        assert_eq!(course.language, "da");
        assert_eq!(course.modules.len(), 7);
        assert!(course.leads_to_certificate);
        assert!(course.minutes > 60, "{}", course.minutes);

        let overview = overview(&app, &visitor, &course.slug).await;
        assert_eq!(overview.modules.len(), 7);
        assert!(
            overview
                .modules
                .iter()
                .all(|m| (2..=5).contains(&m.lessons.len()))
        );
        assert!(!overview.modules[0].requires_previous);
        assert!(overview.modules[1].requires_previous);

        // A restart does not load it twice.
        let shipped = app::curriculum::shipped().unwrap().len();
        assert_eq!(courses::count(&app.db).await.unwrap(), shipped as u64);
        assert_eq!(
            app::curriculum::install_missing(&app.db, chrono::Utc::now())
                .await
                .unwrap(),
            (0, shipped)
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn the_catalogue_lists_the_visitors_language_first() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let visitor = app.client();
        // Visitors see every language, the page's own first (Danish by default), or the one
        // they pick.
        // Each language has the course and its refresher.
        let danish = catalogue(&app, &visitor, "").await;
        assert_eq!(languages(&danish[..2]), ["da", "da"], "{}", backend.name());
        assert_eq!(danish.len(), 6);
        assert_eq!(
            languages(&catalogue(&app, &visitor, "all").await),
            languages(&danish)
        );
        for (accept, first) in [("en-GB,en;q=0.9", "en"), ("nb-NO,nb;q=0.9,da;q=0.5", "nb")] {
            let abroad = reqwest::Client::builder()
                .default_headers(
                    [(ACCEPT_LANGUAGE, HeaderValue::from_static(accept))]
                        .into_iter()
                        .collect(),
                )
                .build()
                .unwrap();
            let cards = catalogue(&app, &abroad, "").await;
            assert_eq!(cards.len(), 6, "{accept}");
            assert_eq!(cards[0].language, first, "{accept}");
            // The page itself lists that course first, labelled by language.
            let html = app.page(&abroad, "/courses").await.text().await.unwrap();
            let first_card = html.find("class=\"course-card\"").unwrap();
            let tag = format!("<span lang=\"{first}\">");
            let first_tag = html[first_card..].find(&tag).map(|at| at + first_card);
            let other_tags = ["da", "en", "nb"]
                .into_iter()
                .filter(|l| *l != first)
                .filter_map(|l| html.find(&format!("<span lang=\"{l}\">")))
                .min();
            assert!(
                first_tag.is_some() && first_tag < other_tags,
                "{accept}: the {first} course comes first"
            );
        }
        assert_eq!(catalogue(&app, &visitor, "nb").await[0].language, "nb");
        let bad = app.list_catalogue(&visitor, "sv", 1).await;
        assert_eq!(bad.status(), 422);
        app.stop().await;
    }
}

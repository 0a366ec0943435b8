use app::domain::role::Role;
use igang_tests::{TestOptions, backends, body_of, fixtures, spawn_app};
use reqwest::header::{ACCEPT_LANGUAGE, CONTENT_SECURITY_POLICY, COOKIE, LOCATION, SET_COOKIE};

fn html_lang(body: &str) -> &str {
    let start = body.find("<html lang=\"").expect("<html lang>") + 12;
    &body[start..start + body[start..].find('"').unwrap()]
}

#[tokio::test]
async fn the_landing_page_is_danish_by_default() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let response = app.client().get(app.url("/")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let body = response.text().await.unwrap();
    assert_eq!(html_lang(&body), "da");
    assert!(body.contains("Hjælp en ny selvhjælpsgruppe godt i gang"));
    assert!(
        body.contains("Gensidighed")
            && body.contains("Ligeværdighed")
            && body.contains("Medmenneskelighed")
    );
    assert!(
        body.contains("<title>Igang – uddannelse af igangsættere"),
        "title"
    );
    // Navigation, language switch and footer are part of the layout.
    assert!(body.contains("aria-label=\"Hovedmenu\""));
    assert!(body.contains("action=\"/language\""));
    assert!(body.contains("<footer"));
    app.stop().await;
}

#[tokio::test]
async fn accept_language_chooses_norwegian_or_english() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let client = app.client();
    let cases = [
        (
            "nb-NO,nb;q=0.9",
            "nb",
            "Hjelp en ny selvhjelpsgruppe godt i gang",
        ),
        ("no", "nb", "Hjelp en ny selvhjelpsgruppe"),
        ("nn-NO", "nb", "Hjelp en ny selvhjelpsgruppe"),
        (
            "en-GB,en;q=0.8",
            "en",
            "Help a new self-help group get off to a good start",
        ),
        ("de-DE, fr;q=0.8", "da", "Hjælp en ny selvhjælpsgruppe"),
        (
            "fr;q=0.9, en;q=0.5, nb;q=0.7",
            "nb",
            "Hjelp en ny selvhjelpsgruppe",
        ),
    ];
    for (header, lang, heading) in cases {
        let body = body_of(client.get(app.url("/")).header(ACCEPT_LANGUAGE, header)).await;
        assert_eq!(html_lang(&body), lang, "{header}");
        assert!(body.contains(heading), "{header}: missing {heading}");
    }
    app.stop().await;
}

#[tokio::test]
async fn the_language_switch_sets_a_cookie_that_beats_the_browser() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let client = app.client();
    let response = app
        .switch_language(&client, &[("lang", "en"), ("next", "/#centre")])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()[LOCATION], "/#centre");
    let cookie = response.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("igang_lang=en;"), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/")
    );
    assert!(
        !cookie.contains("Secure"),
        "plain http must not mark the cookie Secure"
    );

    // The client's cookie store now sends igang_lang=en, which wins over Accept-Language.
    let body = body_of(client.get(app.url("/")).header(ACCEPT_LANGUAGE, "da")).await;
    assert_eq!(html_lang(&body), "en");
    assert!(body.contains("aria-current=\"true\""));

    // A stale or forged cookie value falls back to the browser's languages.
    let forged = app
        .client()
        .get(app.url("/"))
        .header(COOKIE, "igang_lang=klingon")
        .header(ACCEPT_LANGUAGE, "nb");
    let body = body_of(forged).await;
    assert_eq!(html_lang(&body), "nb");
    app.stop().await;
}

#[tokio::test]
async fn the_language_switch_rejects_bad_input_and_foreign_redirects() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let client = app.client();
    let unknown = app.switch_language(&client, &[("lang", "sv")]).await;
    assert_eq!(unknown.status(), 400);
    assert!(unknown.headers().get(SET_COOKIE).is_none());
    assert!(unknown.text().await.unwrap().contains("Ukendt sprog"));

    let missing = app.switch_language(&client, &[("next", "/")]).await;
    assert_eq!(missing.status(), 400);

    for next in [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
    ] {
        let response = app
            .switch_language(&client, &[("lang", "nb"), ("next", next)])
            .await;
        assert_eq!(response.status(), 303);
        assert_eq!(response.headers()[LOCATION], "/", "{next}");
    }
    app.stop().await;
}

#[tokio::test]
async fn unknown_pages_answer_404_in_the_visitors_language() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let response = app
        .client()
        .get(app.url("/surely/no/such/page"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    let body = response.text().await.unwrap();
    assert!(body.contains("Siden findes ikke"));
    let response = app
        .client()
        .get(app.url("/surely-not"))
        .header(ACCEPT_LANGUAGE, "en")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert!(response.text().await.unwrap().contains("Page not found"));
    app.stop().await;
}

#[tokio::test]
async fn the_hydration_script_carries_the_csp_nonce() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let response = app.client().get(app.url("/")).send().await.unwrap();
    let csp = response.headers()[CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    let body = response.text().await.unwrap();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in script-src");
    assert!(
        body.contains(&format!("nonce=\"{nonce}\"")),
        "the page's scripts carry the nonce"
    );
    assert!(!csp.contains("unsafe-inline"));
    assert!(csp.contains("frame-ancestors 'none'"));
    // Each response gets its own nonce.
    let second = app.client().get(app.url("/")).send().await.unwrap();
    assert_ne!(
        second.headers()[CONTENT_SECURITY_POLICY].to_str().unwrap(),
        csp
    );
    app.stop().await;
}

/// Whether a page asks the browser for the islands script and its wasm.
fn loads_islands_script(body: &str) -> bool {
    body.contains("rel=\"modulepreload\"") || body.contains(".wasm\"")
}

#[tokio::test]
async fn only_pages_with_an_island_load_the_islands_script() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let client = app.client();
    // Pages of plain text, links and forms load no script and no wasm; the landing page's
    // values are a native accordion.
    for path in [
        "/",
        "/courses",
        "/login",
        "/signup",
        "/courses/igangsaetteruddannelse",
        "/nowhere",
    ] {
        let body = app.page(&client, path).await.text().await.unwrap();
        assert!(body.contains("</html>"), "{path} is a whole page");
        assert!(!body.contains("<leptos-island"), "{path} has no island");
        assert!(
            !loads_islands_script(&body),
            "{path} loads no script:\n{body}"
        );
        assert!(
            !body.contains("hydrateIslands"),
            "{path} has no islands script"
        );
    }
    let landing = app.page(&client, "/").await.text().await.unwrap();
    assert_eq!(landing.matches("name=\"values\"").count(), 3);

    // The lesson editor's preview and question kinds are islands: that page brings the script.
    let trainer = fixtures::staff(&app, "trine@x.test", Role::Trainer, None).await;
    let (_, lesson) = fixtures::small_course(&app, &trainer, "Øer").await;
    let editor = app
        .page(&trainer, &format!("/authoring/lessons/{lesson}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(editor.contains("<leptos-island"), "the editor has islands");
    assert!(
        loads_islands_script(&editor),
        "the editor loads its islands"
    );
    assert!(editor.contains("hydrateIslands"));
    app.stop().await;
}

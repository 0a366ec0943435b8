//! Forms posted without JavaScript: a refused one comes back with what was typed.

use app::api::auth::SignUp;
use igang_tests::{TestApp, TestOptions, backends, spawn_app};
use leptos::server_fn::ServerFn;
use reqwest::header::{LOCATION, SET_COOKIE};

const TYPED: [(&str, &str); 4] = [
    ("name", "Freja Frivillig"),
    ("email", "freja@"),
    ("password", "kort-hemmelig"),
    ("language", "da"),
];

/// Posts the sign-up form as a browser without JavaScript does, from page `referer`.
async fn post_sign_up(
    app: &TestApp,
    client: &reqwest::Client,
    referer: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    app.form_post(client, SignUp::PATH, referer, form).await
}

#[tokio::test]
async fn a_refused_form_comes_back_with_its_errors_and_what_was_typed_but_no_password() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let client = app.client();

    let refused = post_sign_up(&app, &client, "/signup", &TYPED).await;
    assert_eq!(refused.status(), 422);
    let remembered = refused
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.starts_with("igang_form_page=%2Fsignup;") && v.contains("HttpOnly"));
    assert!(remembered, "the page is remembered for the next post");
    let page = refused.text().await.unwrap();
    assert!(
        page.contains(">Opret en konto</h1>"),
        "the sign-up page:\n{page}"
    );
    assert!(
        page.contains("Formularen blev ikke sendt."),
        "the form says it was not sent"
    );
    assert!(
        page.contains("Det ligner ikke en e-mailadresse."),
        "the field says why"
    );
    assert!(
        page.contains("value=\"Freja Frivillig\""),
        "the name is kept"
    );
    assert!(
        page.contains("value=\"freja@\""),
        "the email is kept, to be corrected"
    );
    assert!(
        !page.contains("kort-hemmelig"),
        "the password is never sent back"
    );

    // Posted again from that answer (its address is the server function's): still the page.
    let again = post_sign_up(&app, &client, SignUp::PATH, &TYPED).await;
    assert_eq!(again.status(), 422);
    assert!(
        again
            .text()
            .await
            .unwrap()
            .contains("value=\"Freja Frivillig\"")
    );

    // Corrected, it goes through, and on to the next step.
    let fixed = [
        ("name", "Freja Frivillig"),
        ("email", "freja@frivillig.test"),
        ("password", "en rolig tirsdag i haven"),
        ("language", "da"),
    ];
    let accepted = post_sign_up(&app, &client, SignUp::PATH, &fixed).await;
    assert_eq!(accepted.status(), 302);
    assert_eq!(accepted.headers()[LOCATION], "/signup/check-email");
    app.stop().await;
}

#[tokio::test]
async fn of_several_forms_posting_to_one_function_only_the_refused_one_gets_the_values_back() {
    use app::{api::authoring::UpdateModule, domain::role::Role};
    use igang_tests::fixtures::{json, small_course, staff};
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let trainer = staff(&app, "trine@x.test", Role::Trainer, None).await;
    let (course, _) = small_course(&app, &trainer, "To moduler").await;
    let added = app
        .add_module(&trainer, &course, "Roller", "roles", "")
        .await;
    let second: i32 = json(added).await;
    let editor = format!("/authoring/courses/{course}");
    let refused = app
        .form_post(
            &trainer,
            UpdateModule::PATH,
            &editor,
            &[
                ("module", &second.to_string()),
                ("title", ""),
                ("topic", "roles"),
                ("summary", "Et resumé skrevet lige nu"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert_eq!(
        page.matches("Et resumé skrevet lige nu").count(),
        1,
        "only the refused module's form shows what was typed"
    );
    assert_eq!(
        page.matches("Formularen blev ikke sendt.").count(),
        1,
        "and only it shows the error"
    );
    app.stop().await;
}

/// The whole tag that starts with `start` in `page`.
fn tag<'a>(page: &'a str, start: &str) -> &'a str {
    let from = page
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in:\n{page}"));
    let to = page[from..].find('>').expect("a closed tag");
    &page[from..=from + to]
}

#[tokio::test]
async fn boxes_lists_and_numbers_come_back_as_they_were_posted() {
    use app::api::matching::SaveProfile;
    use igang_tests::fixtures::volunteer;
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let client = volunteer(&app, "vera@x.test").await;
    // No town chosen: refused.
    let posted = [
        ("travel_km", "7"),
        ("capacity", "3"),
        ("choices[topic-grief]", "on"),
        ("choices[lang-nb]", "on"),
        ("choices[slot-tue-evening]", "on"),
    ];
    let refused = app
        .form_post(&client, SaveProfile::PATH, "/profile", &posted)
        .await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(
        tag(&page, "<input type=\"number\" id=\"field-travel_km\"").contains("value=\"7\""),
        "the number typed"
    );
    assert!(tag(&page, "<option value=\"3\"").contains("selected"));
    assert!(!tag(&page, "<option value=\"1\"").contains("selected"));
    for ticked in ["topic-grief", "lang-nb", "slot-tue-evening"] {
        let input = tag(
            &page,
            &format!("<input type=\"checkbox\" id=\"choice-{ticked}\""),
        );
        assert!(input.contains("checked"), "{input}");
    }
    // Boxes left empty stay empty, even those ticked by default.
    for empty in ["topic-cancer", "lang-da", "field-available"] {
        let id = if empty.starts_with("field-") {
            empty.to_owned()
        } else {
            format!("choice-{empty}")
        };
        let input = tag(&page, &format!("<input type=\"checkbox\" id=\"{id}\""));
        assert!(!input.contains("checked"), "{input}");
    }
    app.stop().await;
}

//! The authorization matrix: every endpoint, called by every kind of person.

use crate::endpoints::{self, Access};
use app::{
    api::{
        auth::LogIn,
        two_factor::{BeginTotpEnrolment, ConfirmTotpEnrolment, TotpSetup},
    },
    domain::{
        email::EmailAddress,
        language::Language,
        role::{CentreKind, Country, Role},
    },
    errors::AppError,
    security::password::hash_password,
    store::{centres, people},
};
use igang_tests::{TestApp, TestOptions, backends, spawn_app};
use leptos::server_fn::ServerFn;
use totp_rs::{Algorithm, Secret, TOTP};

const PASSWORD: &str = "en rolig tirsdag i haven";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Visitor,
    Volunteer,
    Trainer,
    CoordinatorA,
    CoordinatorB,
    Admin,
}

fn allowed(access: Access, who: Who) -> bool {
    match access {
        Access::Public => true,
        Access::SignedIn => who != Who::Visitor,
        Access::NotEnrolled => who == Who::Volunteer,
        Access::HalfwaySignedIn => false,
        Access::Admin => who == Who::Admin,
        Access::CoordinatorOfA => matches!(who, Who::Admin | Who::CoordinatorA),
        Access::AdminOrCoordinator => {
            matches!(who, Who::Admin | Who::CoordinatorA | Who::CoordinatorB)
        }
    }
}

async fn centre(app: &TestApp, name: &str) -> centres::Centre {
    centres::create(
        &app.db,
        centres::NewCentre {
            name: name.into(),
            kind: CentreKind::VolunteerCentre,
            country: Country::Dk,
            municipality: "Aarhus".into(),
            contact_email: EmailAddress::parse("centre@x.test").unwrap(),
        },
        chrono::Utc::now(),
    )
    .await
    .unwrap()
}

/// A signed-in browser for a new account with `role`; staff also enrol an authenticator.
async fn person(
    app: &TestApp,
    hash: &str,
    email: &str,
    role: Role,
    centre: Option<i32>,
) -> reqwest::Client {
    let user = people::create_user(
        &app.db,
        people::NewUser {
            email: EmailAddress::parse(email).unwrap(),
            display_name: email.into(),
            language: Language::Da,
            password_hash: Some(hash.to_owned()),
            email_verified: true,
        },
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    people::grant_role(&app.db, user.id, Role::Volunteer, None)
        .await
        .unwrap();
    people::grant_role(&app.db, user.id, role, centre)
        .await
        .unwrap();
    let client = app.client();
    app.call(
        &client,
        LogIn::PATH,
        &[("email", email), ("password", PASSWORD)],
    )
    .await;
    if role != Role::Volunteer {
        let body = app
            .call(&client, BeginTotpEnrolment::PATH, &[])
            .await
            .text()
            .await
            .unwrap();
        let setup: TotpSetup = serde_json::from_str(&body).unwrap();
        let secret: String = setup.secret.split_whitespace().collect();
        let totp = TOTP::new(
            Algorithm::SHA1,
            6,
            1,
            30,
            Secret::Encoded(secret).to_bytes().unwrap(),
            None,
            String::new(),
        )
        .unwrap();
        let code = totp.generate(chrono::Utc::now().timestamp() as u64);
        let confirmed = app
            .call(&client, ConfirmTotpEnrolment::PATH, &[("code", &code)])
            .await;
        assert!(confirmed.status().is_success(), "{email} enrols");
    }
    client
}

#[tokio::test]
async fn every_endpoint_gives_each_kind_of_person_exactly_the_allowed_outcome() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (a, b) = (
            centre(&app, "Centre A").await,
            centre(&app, "Centre B").await,
        );
        let hash = hash_password(PASSWORD).unwrap();
        let people = [
            (Who::Visitor, app.client()),
            (
                Who::Volunteer,
                person(&app, &hash, "volunteer@x.test", Role::Volunteer, None).await,
            ),
            (
                Who::Trainer,
                person(&app, &hash, "trainer@x.test", Role::Trainer, None).await,
            ),
            (
                Who::CoordinatorA,
                person(&app, &hash, "coord.a@x.test", Role::Coordinator, Some(a.id)).await,
            ),
            (
                Who::CoordinatorB,
                person(&app, &hash, "coord.b@x.test", Role::Coordinator, Some(b.id)).await,
            ),
            (
                Who::Admin,
                person(&app, &hash, "admin@x.test", Role::Admin, None).await,
            ),
        ];
        let mut failures = Vec::new();
        for endpoint in endpoints::all(&a.public_id) {
            for (who, client) in &people {
                let form: Vec<(&str, &str)> = endpoint
                    .form
                    .iter()
                    .map(|(k, v)| (*k, v.as_str()))
                    .collect();
                let response = app.call(client, endpoint.path, &form).await;
                let status = response.status();
                let body = response.text().await.unwrap_or_default();
                let denied = matches!(
                    serde_json::from_str::<AppError>(&body),
                    Ok(AppError::Unauthenticated | AppError::Forbidden)
                );
                let expected = allowed(endpoint.access, *who);
                if denied == expected {
                    failures.push(format!(
                        "{} as {who:?}: expected {}, got {status} {}",
                        endpoint.path,
                        if expected { "access" } else { "refusal" },
                        &body[..body.len().min(120)]
                    ));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{}:\n{}",
            backend.name(),
            failures.join("\n")
        );
        app.stop().await;
    }
}

//! The authorization matrix: every endpoint, called by every kind of person.

use crate::endpoints::{self, Access};
use app::{domain::role::Role, errors::AppError};
use igang_tests::fixtures::{centre, staff, volunteer};
use igang_tests::{TestOptions, backends, spawn_app};

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
        Access::Author => matches!(who, Who::Admin | Who::Trainer),
        Access::Teaching => matches!(
            who,
            Who::Admin | Who::Trainer | Who::CoordinatorA | Who::CoordinatorB
        ),
        Access::AdminOrCoordinator => {
            matches!(who, Who::Admin | Who::CoordinatorA | Who::CoordinatorB)
        }
    }
}

#[tokio::test]
async fn every_endpoint_gives_each_kind_of_person_exactly_the_allowed_outcome() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let (a, b) = (
            centre(&app, "Centre A").await,
            centre(&app, "Centre B").await,
        );
        let people = [
            (Who::Visitor, app.client()),
            (Who::Volunteer, volunteer(&app, "volunteer@x.test").await),
            (
                Who::Trainer,
                staff(&app, "trainer@x.test", Role::Trainer, None).await,
            ),
            (
                Who::CoordinatorA,
                staff(&app, "coord.a@x.test", Role::Coordinator, Some(a.id)).await,
            ),
            (
                Who::CoordinatorB,
                staff(&app, "coord.b@x.test", Role::Coordinator, Some(b.id)).await,
            ),
            (
                Who::Admin,
                staff(&app, "admin@x.test", Role::Admin, None).await,
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

//! Administration: invitations, roles, the people search, the audit log and centres.

use app::{
    api::admin::{AuditRow, CentreRow, InvitationRow, Page, UserRow},
    domain::{email::EmailAddress, language::Language, role::Role},
    errors::{AppError, Problem},
    security::password::hash_password,
    store::{centres::Centre, people},
};
use igang_tests::{
    TestApp, TestOptions, backends,
    fixtures::{PASSWORD, app_error, centre, json, staff},
    smtp::SmtpServer,
    spawn_app, spawn_with_mail,
};
use reqwest::header::LOCATION;

/// The first page of the invitations `client` may see.
async fn invitations(app: &TestApp, client: &reqwest::Client) -> Page<InvitationRow> {
    json(app.list_invitations(client, 1).await).await
}

/// One page of the people matching `query`.
async fn users(app: &TestApp, client: &reqwest::Client, query: &str, page: u64) -> Page<UserRow> {
    json(app.list_users(client, query, page).await).await
}

/// Odense's coordinator's browser, after inviting Sofie to coordinate there too.
struct Invited {
    centre: Centre,
    coordinator: reqwest::Client,
    /// The token of the link in Sofie's invitation.
    token: String,
}

const SOFIE: &str = "sofie@odense.test";

/// Karsten, coordinator at Frivilligcenter Odense, invites Sofie as a coordinator there.
async fn invited(app: &TestApp, smtp: &SmtpServer) -> Invited {
    let centre = centre(app, "Frivilligcenter Odense").await;
    let coordinator = staff(
        app,
        "karsten@odense.test",
        Role::Coordinator,
        Some(centre.id),
    )
    .await;
    let sent = app
        .invite(&coordinator, SOFIE, "coordinator", Some(&centre.public_id))
        .await;
    assert_eq!(
        sent.headers()[LOCATION],
        "/admin/invitations?sent=1",
        "{}",
        app.backend.name()
    );
    let mail = smtp.wait_for_mail(SOFIE, "inviteret").await;
    assert!(
        mail.text.contains("koordinator for Frivilligcenter Odense"),
        "{}",
        mail.text
    );
    let token = mail.token("/invitation?token=");
    Invited {
        centre,
        coordinator,
        token,
    }
}

#[tokio::test]
async fn coordinators_invite_coordinators_to_their_own_centre() {
    for backend in backends() {
        let (app, smtp) = spawn_with_mail(&backend).await;
        let Invited { coordinator, .. } = invited(&app, &smtp).await;
        let no_centre = app.invite(&coordinator, SOFIE, "coordinator", None).await;
        assert_eq!(
            app_error(no_centre).await.problem_for("centre"),
            Some(Problem::Required),
            "{}",
            backend.name()
        );
        // Coordinators cannot make trainers.
        let trainer = app.invite(&coordinator, SOFIE, "trainer", None).await;
        assert_eq!(app_error(trainer).await, AppError::Forbidden);
        assert_eq!(
            invitations(&app, &coordinator).await.items.len(),
            1,
            "refused invitations are not kept"
        );
        app.stop().await;
    }
}

#[tokio::test]
async fn an_invited_colleague_joins_with_a_new_account() {
    for backend in backends() {
        let (app, smtp) = spawn_with_mail(&backend).await;
        let Invited {
            centre,
            coordinator,
            token,
        } = invited(&app, &smtp).await;
        let guest = app.client();
        let invitation = app.invitation_page(&guest, &token).await;
        let page = invitation.text().await.unwrap();
        assert!(
            page.contains("Vælg dit navn og en adgangskode"),
            "a new person is asked for name and password"
        );
        let weak = app.accept_invitation(&guest, &token, "Sofie", "kort").await;
        assert_eq!(
            app_error(weak).await.problem_for("password"),
            Some(Problem::PasswordTooShort)
        );
        let joined = app
            .accept_invitation(&guest, &token, "Sofie Sørensen", PASSWORD)
            .await;
        assert_eq!(joined.headers()[LOCATION], "/login?invited=1");
        let again = app
            .accept_invitation(&guest, &token, "Sofie", PASSWORD)
            .await;
        assert_eq!(app_error(again).await, AppError::LinkInvalid);

        let sofie = people::find_by_email(&app.db, &EmailAddress::parse(SOFIE).unwrap())
            .await
            .unwrap()
            .unwrap();
        let roles = people::roles_of(&app.db, sofie.id).await.unwrap();
        assert!(
            roles.contains(&(Role::Coordinator, Some(centre.id))),
            "{roles:?}"
        );
        // The coordinator sees the invitation as accepted; a coordinator elsewhere does not see it.
        let list = invitations(&app, &coordinator).await;
        assert_eq!(list.items.len(), 1);
        assert!(list.items[0].accepted);
        assert_eq!(
            list.items[0].centre.as_deref(),
            Some("Frivilligcenter Odense")
        );
        let other = igang_tests::fixtures::centre(&app, "Frivilligcenter Vejle").await;
        let elsewhere = staff(&app, "vera@vejle.test", Role::Coordinator, Some(other.id)).await;
        assert!(
            invitations(&app, &elsewhere).await.items.is_empty(),
            "{}: another centre's invitations stay hidden",
            backend.name()
        );

        // A staff member: the first sign-in leads to authenticator enrolment.
        let login = app.log_in(&guest, SOFIE, PASSWORD).await;
        assert_eq!(login.headers()[LOCATION], "/account/two-factor");
        app.stop().await;
    }
}

#[tokio::test]
async fn an_invitation_can_be_withdrawn_and_sending_them_is_limited() {
    for backend in backends() {
        let (app, smtp) = spawn_with_mail(&backend).await;
        let Invited {
            centre,
            coordinator,
            token,
        } = invited(&app, &smtp).await;
        let id = invitations(&app, &coordinator).await.items[0].id;

        // A coordinator elsewhere cannot touch it.
        let other = igang_tests::fixtures::centre(&app, "Frivilligcenter Vejle").await;
        let elsewhere = staff(&app, "vera@vejle.test", Role::Coordinator, Some(other.id)).await;
        let theirs = app.withdraw_invitation(&elsewhere, id).await;
        assert_eq!(
            app_error(theirs).await,
            AppError::NotFound,
            "{}",
            backend.name()
        );

        let withdrawn = app.withdraw_invitation(&coordinator, id).await;
        assert_eq!(
            withdrawn.headers()[LOCATION],
            "/admin/invitations?withdrawn=1"
        );
        assert!(invitations(&app, &coordinator).await.items.is_empty());
        // Its link no longer works, and withdrawing twice finds nothing.
        let guest = app.client();
        let accept = app
            .accept_invitation(&guest, &token, "Sofie", PASSWORD)
            .await;
        assert_eq!(app_error(accept).await, AppError::LinkInvalid);
        let again = app.withdraw_invitation(&coordinator, id).await;
        assert_eq!(app_error(again).await, AppError::NotFound);

        // One person sends one address at most three invitations a day, withdrawn ones too.
        for _ in 0..2 {
            let sent = app
                .invite(&coordinator, SOFIE, "coordinator", Some(&centre.public_id))
                .await;
            assert_eq!(sent.headers()[LOCATION], "/admin/invitations?sent=1");
        }
        let fourth = app
            .invite(&coordinator, SOFIE, "coordinator", Some(&centre.public_id))
            .await;
        assert!(matches!(
            app_error(fourth).await,
            AppError::RateLimited { .. }
        ));
        app.stop().await;
    }
}

/// Accounts "Frivillig 00" to "Frivillig 29", at frivillig00@x.test and so on.
async fn thirty_volunteers(app: &TestApp) {
    let hash = hash_password(PASSWORD).unwrap();
    for n in 0..30 {
        people::create_user(
            &app.db,
            people::NewUser {
                email: EmailAddress::parse(&format!("frivillig{n:02}@x.test")).unwrap(),
                display_name: format!("Frivillig {n:02}"),
                language: Language::Da,
                password_hash: Some(hash.clone()),
                email_verified: true,
            },
            chrono::Utc::now(),
        )
        .await
        .unwrap();
    }
}

#[tokio::test]
async fn admins_manage_roles_search_people_and_read_the_audit_log() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let admin = staff(&app, "ada@igang.test", Role::Admin, None).await;
        thirty_volunteers(&app).await;
        let first = users(&app, &admin, "FRIVILLIG", 1).await;
        assert_eq!(
            (first.total, first.pages, first.items.len()),
            (30, 2, 25),
            "{}",
            backend.name()
        );
        let second = users(&app, &admin, "frivillig", 2).await;
        assert_eq!(second.items.len(), 5);
        assert_eq!(
            second.items[0].name, "Frivillig 25",
            "sorted by name across pages"
        );
        let none = users(&app, &admin, "%", 1).await;
        assert_eq!(
            none.total, 31,
            "a lone wildcard matches like an empty search, not as a pattern"
        );

        let target = &first.items[0];
        let granted = app.set_role(&admin, &target.id, "trainer", true).await;
        assert!(granted.status().is_success());
        let after = users(&app, &admin, &target.email, 1).await;
        assert!(after.items[0].roles.contains(&Role::Trainer));
        let bad_role = app.set_role(&admin, &target.id, "coordinator", true).await;
        assert_eq!(
            app_error(bad_role).await.problem_for("role"),
            Some(Problem::Required)
        );

        // Nobody removes their own admin role.
        let me = users(&app, &admin, "ada@", 1).await;
        let own = app.set_role(&admin, &me.items[0].id, "admin", false).await;
        assert_eq!(app_error(own).await, AppError::Forbidden);

        let log: Page<AuditRow> = json(app.list_audit(&admin, 1).await).await;
        let newest = &log.items[0];
        assert_eq!(newest.event, "role_changed", "newest first");
        assert_eq!(newest.actor.as_deref(), Some("ada@igang.test"));
        assert_eq!(newest.subject.as_deref(), Some(target.email.as_str()));
        assert_eq!(newest.detail.as_deref(), Some("granted trainer"));
        app.stop().await;
    }
}

#[tokio::test]
async fn admins_create_centres_with_validated_fields() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let admin = staff(&app, "ada@igang.test", Role::Admin, None).await;
    let bad = app
        .create_centre(&admin, "", "bakery", "SE", "Aarhus", "nope")
        .await;
    let bad = app_error(bad).await;
    for field in ["name", "kind", "country", "contact_email"] {
        assert!(bad.problem_for(field).is_some(), "{field}: {bad:?}");
    }
    let ok = app
        .create_centre(
            &admin,
            "Kontaktpunkt Fredrikstad",
            "municipal_contact_point",
            "NO",
            "Fredrikstad",
            "selvhjelp@fredrikstad.test",
        )
        .await;
    assert_eq!(ok.headers()[LOCATION], "/admin/centres?created=1");
    let list: Page<CentreRow> = json(app.list_centres(&admin, 1).await).await;
    assert_eq!(list.items.len(), 1);
    assert_eq!(list.items[0].country, "NO");
    app.stop().await;
}

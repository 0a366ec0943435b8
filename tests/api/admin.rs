use app::{
    api::{
        admin::{
            AcceptInvitation, CreateCentre, InvitationRow, Invite, ListAudit, ListCentres,
            ListInvitations, ListUsers, Page, SetRole, UserRow,
        },
        auth::LogIn,
    },
    domain::{email::EmailAddress, language::Language, role::Role},
    errors::{AppError, Problem},
    security::password::hash_password,
    store::people,
};
use igang_tests::fixtures::{PASSWORD, app_error, centre, json, staff};
use igang_tests::{
    TestOptions, backends,
    smtp::{SmtpServer, free_port},
    spawn_app,
};
use leptos::server_fn::ServerFn;
use reqwest::header::LOCATION;

#[tokio::test]
async fn a_coordinator_invites_a_colleague_who_joins_with_a_new_account() {
    for backend in backends() {
        let smtp = SmtpServer::start(free_port()).await;
        let app = spawn_app(
            &backend,
            TestOptions {
                smtp_port: Some(smtp.port),
                ..Default::default()
            },
        )
        .await;
        let centre = centre(&app, "Frivilligcenter Odense").await;
        let coordinator = staff(
            &app,
            "karsten@odense.test",
            Role::Coordinator,
            Some(centre.id),
        )
        .await;

        let no_centre = app
            .call(
                &coordinator,
                Invite::PATH,
                &[("email", "sofie@odense.test"), ("role", "coordinator")],
            )
            .await;
        assert_eq!(
            app_error(no_centre).await.problem_for("centre"),
            Some(Problem::Required)
        );
        // Coordinators cannot make trainers.
        let trainer = app
            .call(
                &coordinator,
                Invite::PATH,
                &[("email", "sofie@odense.test"), ("role", "trainer")],
            )
            .await;
        assert_eq!(app_error(trainer).await, AppError::Forbidden);

        let sent = app
            .call(
                &coordinator,
                Invite::PATH,
                &[
                    ("email", "sofie@odense.test"),
                    ("role", "coordinator"),
                    ("centre", &centre.public_id),
                ],
            )
            .await;
        assert_eq!(
            sent.headers()[LOCATION],
            "/admin/invitations?sent=1",
            "{}",
            backend.name()
        );
        let mail = smtp.wait_for_mail("sofie@odense.test", "inviteret").await;
        assert!(
            mail.text.contains("koordinator for Frivilligcenter Odense"),
            "{}",
            mail.text
        );
        let token = mail
            .link("/invitation?token=")
            .split("token=")
            .nth(1)
            .unwrap()
            .to_owned();

        let guest = app.client();
        let page = app
            .page(&guest, &format!("/invitation?token={token}"))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            page.contains("Vælg dit navn og en adgangskode"),
            "a new person is asked for name and password"
        );
        let weak = app
            .call(
                &guest,
                AcceptInvitation::PATH,
                &[("token", &token), ("name", "Sofie"), ("password", "kort")],
            )
            .await;
        assert_eq!(
            app_error(weak).await.problem_for("password"),
            Some(Problem::PasswordTooShort)
        );
        let joined = app
            .call(
                &guest,
                AcceptInvitation::PATH,
                &[
                    ("token", &token),
                    ("name", "Sofie Sørensen"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(joined.headers()[LOCATION], "/login?invited=1");
        let again = app
            .call(
                &guest,
                AcceptInvitation::PATH,
                &[("token", &token), ("name", "Sofie"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(app_error(again).await, AppError::LinkInvalid);

        let sofie =
            people::find_by_email(&app.db, &EmailAddress::parse("sofie@odense.test").unwrap())
                .await
                .unwrap()
                .unwrap();
        let roles = people::roles_of(&app.db, sofie.id).await.unwrap();
        assert!(
            roles.contains(&(Role::Coordinator, Some(centre.id))),
            "{roles:?}"
        );
        // The coordinator sees the invitation as accepted; a coordinator elsewhere does not see it.
        let list: Page<InvitationRow> = json(
            app.call(&coordinator, ListInvitations::PATH, &[("page", "1")])
                .await,
        )
        .await;
        assert_eq!(list.items.len(), 1);
        assert!(list.items[0].accepted);
        assert_eq!(
            list.items[0].centre.as_deref(),
            Some("Frivilligcenter Odense")
        );
        let other = igang_tests::fixtures::centre(&app, "Frivilligcenter Vejle").await;
        let elsewhere = staff(&app, "vera@vejle.test", Role::Coordinator, Some(other.id)).await;
        let theirs: Page<InvitationRow> = json(
            app.call(&elsewhere, ListInvitations::PATH, &[("page", "1")])
                .await,
        )
        .await;
        assert!(
            theirs.items.is_empty(),
            "{}: another centre's invitations stay hidden",
            backend.name()
        );

        // A staff member: the first sign-in leads to authenticator enrolment.
        let login = app
            .call(
                &guest,
                LogIn::PATH,
                &[("email", "sofie@odense.test"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(login.headers()[LOCATION], "/account/two-factor");
        app.stop().await;
    }
}

#[tokio::test]
async fn admins_manage_roles_search_people_and_read_the_audit_log() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let admin = staff(&app, "ada@igang.test", Role::Admin, None).await;
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
        let first: Page<UserRow> = json(
            app.call(
                &admin,
                ListUsers::PATH,
                &[("query", "FRIVILLIG"), ("page", "1")],
            )
            .await,
        )
        .await;
        assert_eq!(
            (first.total, first.pages, first.items.len()),
            (30, 2, 25),
            "{}",
            backend.name()
        );
        let second: Page<UserRow> = json(
            app.call(
                &admin,
                ListUsers::PATH,
                &[("query", "frivillig"), ("page", "2")],
            )
            .await,
        )
        .await;
        assert_eq!(second.items.len(), 5);
        assert_eq!(
            second.items[0].name, "Frivillig 25",
            "sorted by name across pages"
        );
        let none: Page<UserRow> = json(
            app.call(&admin, ListUsers::PATH, &[("query", "%"), ("page", "1")])
                .await,
        )
        .await;
        assert_eq!(
            none.total, 31,
            "a lone wildcard matches like an empty search, not as a pattern"
        );

        let target = &first.items[0];
        let granted = app
            .call(
                &admin,
                SetRole::PATH,
                &[("user", &target.id), ("role", "trainer"), ("grant", "true")],
            )
            .await;
        assert!(granted.status().is_success());
        let after: Page<UserRow> = json(
            app.call(
                &admin,
                ListUsers::PATH,
                &[("query", &target.email), ("page", "1")],
            )
            .await,
        )
        .await;
        assert!(after.items[0].roles.contains(&Role::Trainer));
        let bad_role = app
            .call(
                &admin,
                SetRole::PATH,
                &[
                    ("user", &target.id),
                    ("role", "coordinator"),
                    ("grant", "true"),
                ],
            )
            .await;
        assert_eq!(
            app_error(bad_role).await.problem_for("role"),
            Some(Problem::Required)
        );

        // Nobody removes their own admin role.
        let me: Page<UserRow> = json(
            app.call(&admin, ListUsers::PATH, &[("query", "ada@"), ("page", "1")])
                .await,
        )
        .await;
        let own = app
            .call(
                &admin,
                SetRole::PATH,
                &[
                    ("user", &me.items[0].id),
                    ("role", "admin"),
                    ("grant", "false"),
                ],
            )
            .await;
        assert_eq!(app_error(own).await, AppError::Forbidden);

        let log: Page<app::api::admin::AuditRow> =
            json(app.call(&admin, ListAudit::PATH, &[("page", "1")]).await).await;
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
        .call(
            &admin,
            CreateCentre::PATH,
            &[
                ("name", ""),
                ("kind", "bakery"),
                ("country", "SE"),
                ("municipality", "Aarhus"),
                ("contact_email", "nope"),
            ],
        )
        .await;
    let bad = app_error(bad).await;
    for field in ["name", "kind", "country", "contact_email"] {
        assert!(bad.problem_for(field).is_some(), "{field}: {bad:?}");
    }
    let ok = app
        .call(
            &admin,
            CreateCentre::PATH,
            &[
                ("name", "Kontaktpunkt Fredrikstad"),
                ("kind", "municipal_contact_point"),
                ("country", "NO"),
                ("municipality", "Fredrikstad"),
                ("contact_email", "selvhjelp@fredrikstad.test"),
            ],
        )
        .await;
    assert_eq!(ok.headers()[LOCATION], "/admin/centres?created=1");
    let list: Page<app::api::admin::CentreRow> =
        json(app.call(&admin, ListCentres::PATH, &[("page", "1")]).await).await;
    assert_eq!(list.items.len(), 1);
    assert_eq!(list.items[0].country, "NO");
    app.stop().await;
}

use app::{
    api::auth::{
        ConfirmEmail, LogIn, LogOut, LogOutEverywhere, RequestPasswordReset, ResetPassword, SignUp,
    },
    domain::password_policy::Weakness,
    errors::{AppError, Problem},
    store::entities::{one_time_token, session, user},
};
use igang_tests::{
    TestApp, TestOptions, backends,
    smtp::{SmtpServer, free_port},
    spawn_app,
};
use leptos::server_fn::ServerFn;
use reqwest::{
    StatusCode,
    header::{LOCATION, SET_COOKIE},
};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, sea_query::Expr};

const PASSWORD: &str = "en rolig tirsdag i haven";

async fn error_of(response: reqwest::Response) -> AppError {
    let status = response.status();
    let body = response.text().await.unwrap();
    assert!(
        status.is_server_error() || status.is_client_error(),
        "{status}: {body}"
    );
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

/// Where a page request or a server function sends the browser next.
///
/// Pages answer with a 3xx status; server functions called by the page's script answer 200
/// with `Location` and `serverfnredirect`, which the script follows.
async fn redirect_of(response: reqwest::Response) -> (String, reqwest::header::HeaderMap) {
    let status = response.status();
    let server_fn = status == StatusCode::OK && response.headers().contains_key("serverfnredirect");
    let headers = response.headers().clone();
    if !(status.is_redirection() || server_fn) {
        let body = response.text().await.unwrap_or_default();
        panic!(
            "expected a redirect, got {status}: {}",
            &body[..body.len().min(600)]
        );
    }
    (headers[LOCATION].to_str().unwrap().to_owned(), headers)
}

async fn users(app: &TestApp) -> u64 {
    user::Entity::find().count(&app.db).await.unwrap()
}

async fn with_mail(backend: &igang_tests::Backend) -> (TestApp, SmtpServer) {
    let smtp = SmtpServer::start(free_port()).await;
    let app = spawn_app(
        backend,
        TestOptions {
            smtp_port: Some(smtp.port),
            ..Default::default()
        },
    )
    .await;
    (app, smtp)
}

async fn sign_up(
    app: &TestApp,
    client: &reqwest::Client,
    name: &str,
    email: &str,
) -> reqwest::Response {
    app.call(
        client,
        SignUp::PATH,
        &[
            ("name", name),
            ("email", email),
            ("password", PASSWORD),
            ("language", "da"),
        ],
    )
    .await
}

/// Signs up and confirms through the mailed link; returns the confirmed address.
async fn signed_up_and_confirmed(app: &TestApp, smtp: &SmtpServer, email: &str) {
    let client = app.client();
    let response = sign_up(app, &client, "Freja Frivillig", email).await;
    assert_eq!(redirect_of(response).await.0, "/signup/check-email");
    let mail = smtp.wait_for_mail(email, "Bekræft").await;
    let link = mail.link("/verify-email?token=");
    let token = link.split("token=").nth(1).unwrap();
    let confirmed = app
        .call(&client, ConfirmEmail::PATH, &[("token", token)])
        .await;
    assert_eq!(redirect_of(confirmed).await.0, "/login?verified=1");
}

async fn log_in(
    app: &TestApp,
    client: &reqwest::Client,
    email: &str,
    password: &str,
) -> reqwest::Response {
    app.call(
        client,
        LogIn::PATH,
        &[("email", email), ("password", password)],
    )
    .await
}

#[tokio::test]
async fn sign_up_confirm_sign_in_and_out() {
    for backend in backends() {
        let (app, smtp) = with_mail(&backend).await;
        let client = app.client();
        let response = sign_up(&app, &client, "Freja Frivillig", "freja@frivillig.test").await;
        assert_eq!(
            redirect_of(response).await.0,
            "/signup/check-email",
            "{}",
            backend.name()
        );

        // The mail arrives at the SMTP server, in Danish, with a working link.
        let mail = smtp
            .wait_for_mail("freja@frivillig.test", "Bekræft din e-mailadresse")
            .await;
        assert!(mail.text.contains("Hej Freja Frivillig"));
        let link = mail.link("/verify-email?token=");
        assert!(link.starts_with(&app.base_url), "{link}");

        // Signing in before confirming is refused, and a new link replaces the first.
        let early = log_in(&app, &client, "freja@frivillig.test", PASSWORD).await;
        assert_eq!(error_of(early).await, AppError::EmailNotVerified);
        let mails = smtp
            .wait_for_mails("freja@frivillig.test", "Bekræft", 2)
            .await;
        let first_token = link.split("token=").nth(1).unwrap().to_owned();
        let link = mails[1].link("/verify-email?token=");
        let stale = app
            .call(&client, ConfirmEmail::PATH, &[("token", &first_token)])
            .await;
        assert_eq!(error_of(stale).await, AppError::LinkInvalid);

        // Opening the link shows a confirmation button; it does not confirm by itself.
        let page = app
            .page(&client, link.strip_prefix(&app.base_url).unwrap())
            .await
            .text()
            .await
            .unwrap();
        assert!(page.contains("Bekræft adressen"));
        let token = link.split("token=").nth(1).unwrap();
        let confirmed = app
            .call(&client, ConfirmEmail::PATH, &[("token", token)])
            .await;
        assert_eq!(redirect_of(confirmed).await.0, "/login?verified=1");
        // The link works once.
        let again = app
            .call(&client, ConfirmEmail::PATH, &[("token", token)])
            .await;
        assert_eq!(error_of(again).await, AppError::LinkInvalid);

        let login = log_in(&app, &client, "Freja@Frivillig.test", PASSWORD).await;
        let (target, headers) = redirect_of(login).await;
        assert_eq!(target, "/account");
        let cookie = headers[SET_COOKIE].to_str().unwrap().to_owned();
        assert!(cookie.starts_with("igang_session="), "{cookie}");
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
        assert!(!cookie.contains("Secure"), "plain http");

        let account = app.page(&client, "/account").await;
        assert_eq!(account.status(), StatusCode::OK);
        let body = account.text().await.unwrap();
        assert!(
            body.contains("Freja Frivillig") && body.contains("Frivillig"),
            "{body}"
        );

        let out = app.call(&client, LogOut::PATH, &[]).await;
        let (target, headers) = redirect_of(out).await;
        assert_eq!(target, "/");
        assert!(headers[SET_COOKIE].to_str().unwrap().contains("Max-Age=0"));
        assert_eq!(session::Entity::find().count(&app.db).await.unwrap(), 0);
        let account = app.page(&client, "/account").await;
        assert_eq!(redirect_of(account).await.0, "/login?next=/account");
        app.stop().await;
    }
}

#[tokio::test]
async fn signing_up_with_a_taken_address_reveals_nothing() {
    for backend in backends() {
        let (app, smtp) = with_mail(&backend).await;
        signed_up_and_confirmed(&app, &smtp, "ole@frivillig.test").await;
        let before = users(&app).await;
        let client = app.client();
        let response = sign_up(&app, &client, "Someone Else", "OLE@frivillig.test").await;
        assert_eq!(
            redirect_of(response).await.0,
            "/signup/check-email",
            "same answer as a new address"
        );
        assert_eq!(
            users(&app).await,
            before,
            "{}: no second account",
            backend.name()
        );
        let mail = smtp
            .wait_for_mail("ole@frivillig.test", "allerede en konto")
            .await;
        assert!(mail.link("/forgot-password").starts_with(&app.base_url));
        app.stop().await;
    }
}

/// Form fields of one request.
type Form<'a> = &'a [(&'a str, &'a str)];

#[tokio::test]
async fn bad_sign_up_input_gets_field_errors_and_stores_nothing() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let client = app.client();
    let long_name = "å".repeat(121);
    let cases: [(Form, &str, Problem); 8] = [
        (
            &[
                ("name", " "),
                ("email", "a@b.dk"),
                ("password", PASSWORD),
                ("language", "da"),
            ],
            "name",
            Problem::Required,
        ),
        (
            &[
                ("name", &long_name),
                ("email", "a@b.dk"),
                ("password", PASSWORD),
                ("language", "da"),
            ],
            "name",
            Problem::TooLong,
        ),
        (
            &[
                ("name", "Ann"),
                ("email", "ann@"),
                ("password", PASSWORD),
                ("language", "da"),
            ],
            "email",
            Problem::InvalidEmail,
        ),
        (
            &[
                ("name", "Ann"),
                ("email", ""),
                ("password", PASSWORD),
                ("language", "da"),
            ],
            "email",
            Problem::Required,
        ),
        (
            &[
                ("name", "Ann"),
                ("email", "a@b.dk"),
                ("password", "kort"),
                ("language", "da"),
            ],
            "password",
            Problem::PasswordTooShort,
        ),
        (
            &[
                ("name", "Ann"),
                ("email", "a@b.dk"),
                ("password", "1qaz2wsx3edc"),
                ("language", "da"),
            ],
            "password",
            Problem::PasswordTooEasy(Weakness::CommonPassword),
        ),
        (
            &[
                ("name", "Ann"),
                ("email", "a@b.dk"),
                ("password", &"x1".repeat(70)),
                ("language", "da"),
            ],
            "password",
            Problem::PasswordTooLong,
        ),
        (
            &[
                ("name", "Ann"),
                ("email", "a@b.dk"),
                ("password", PASSWORD),
                ("language", "sv"),
            ],
            "language",
            Problem::UnknownLanguage,
        ),
    ];
    for (form, field, problem) in cases {
        let error = error_of(app.call(&client, SignUp::PATH, form).await).await;
        assert_eq!(
            error.problem_for(field),
            Some(problem),
            "{form:?}: {error:?}"
        );
    }
    // Known weak passwords of 12 characters or more, each with the reason the form shows.
    for (password, weakness) in [
        ("password1234", Weakness::CommonPassword),
        ("Password1234", Weakness::CommonWithChanges),
        ("qwertyuiop12", Weakness::CommonWithChanges),
        ("igangigangigang", Weakness::PersonalDetails),
        ("ann.berg@frivillig.dk1", Weakness::PersonalDetails),
        ("annberg19871987", Weakness::PersonalDetails),
    ] {
        let error = error_of(
            app.call(
                &client,
                SignUp::PATH,
                &[
                    ("name", "Ann Berg"),
                    ("email", "ann.berg@frivillig.dk"),
                    ("password", password),
                    ("language", "da"),
                ],
            )
            .await,
        )
        .await;
        assert_eq!(
            error.problem_for("password"),
            Some(Problem::PasswordTooEasy(weakness)),
            "{password}"
        );
    }
    // Several problems at once are all reported.
    let error = error_of(
        app.call(
            &client,
            SignUp::PATH,
            &[
                ("name", ""),
                ("email", "x"),
                ("password", "y"),
                ("language", "da"),
            ],
        )
        .await,
    )
    .await;
    assert!(
        error.problem_for("name").is_some()
            && error.problem_for("email").is_some()
            && error.problem_for("password").is_some()
    );
    // A missing field is a request error, not a crash.
    let missing = app.call(&client, SignUp::PATH, &[("name", "Ann")]).await;
    assert!(missing.status().is_client_error() || missing.status().is_server_error());
    assert_eq!(users(&app).await, 0);
    app.stop().await;
}

#[tokio::test]
async fn wrong_passwords_are_vague_and_rate_limited() {
    for backend in backends() {
        let (app, smtp) = with_mail(&backend).await;
        signed_up_and_confirmed(&app, &smtp, "karin@frivillig.test").await;
        let client = app.client();
        let unknown = log_in(&app, &client, "nobody@frivillig.test", PASSWORD).await;
        assert_eq!(error_of(unknown).await, AppError::InvalidCredentials);
        for _ in 0..5 {
            let wrong = log_in(
                &app,
                &client,
                "karin@frivillig.test",
                "forkert forkert forkert",
            )
            .await;
            assert_eq!(error_of(wrong).await, AppError::InvalidCredentials);
        }
        // Locked for a while, even with the right password.
        let locked = log_in(&app, &client, "karin@frivillig.test", PASSWORD).await;
        match error_of(locked).await {
            AppError::RateLimited { minutes } => assert!((1..=15).contains(&minutes), "{minutes}"),
            other => panic!("{}: expected a rate limit, got {other:?}", backend.name()),
        }
        app.stop().await;
    }
}

#[tokio::test]
async fn password_reset_ends_every_session_and_works_once() {
    for backend in backends() {
        let (app, smtp) = with_mail(&backend).await;
        signed_up_and_confirmed(&app, &smtp, "mette@frivillig.test").await;
        let phone = app.client();
        assert_eq!(
            redirect_of(log_in(&app, &phone, "mette@frivillig.test", PASSWORD).await)
                .await
                .0,
            "/account"
        );

        // Unknown addresses get the same answer and no mail.
        let stranger = app.client();
        let unknown = app
            .call(
                &stranger,
                RequestPasswordReset::PATH,
                &[("email", "nobody@frivillig.test")],
            )
            .await;
        assert_eq!(redirect_of(unknown).await.0, "/forgot-password/sent");

        let laptop = app.client();
        let asked = app
            .call(
                &laptop,
                RequestPasswordReset::PATH,
                &[("email", "mette@frivillig.test")],
            )
            .await;
        assert_eq!(redirect_of(asked).await.0, "/forgot-password/sent");
        let mail = smtp
            .wait_for_mail("mette@frivillig.test", "ny adgangskode")
            .await;
        let token = mail
            .link("/reset-password?token=")
            .split("token=")
            .nth(1)
            .unwrap()
            .to_owned();

        // A weak password is refused and the link stays usable.
        let weak = app
            .call(
                &laptop,
                ResetPassword::PATH,
                &[("token", &token), ("password", "123qweasdzxc")],
            )
            .await;
        assert_eq!(
            error_of(weak).await.problem_for("password"),
            Some(Problem::PasswordTooEasy(Weakness::CommonPassword))
        );

        let new_password = "et nyt og langt kodeord";
        let reset = app
            .call(
                &laptop,
                ResetPassword::PATH,
                &[("token", &token), ("password", new_password)],
            )
            .await;
        assert_eq!(redirect_of(reset).await.0, "/login?reset=1");
        let replay = app
            .call(
                &laptop,
                ResetPassword::PATH,
                &[("token", &token), ("password", "endnu et nyt kodeord")],
            )
            .await;
        assert_eq!(error_of(replay).await, AppError::LinkInvalid);

        // The phone's session is gone; the old password no longer works; the new one does.
        let account = app.page(&phone, "/account").await;
        assert!(
            account.status().is_redirection(),
            "{}: session survived the reset",
            backend.name()
        );
        let old = log_in(&app, &laptop, "mette@frivillig.test", PASSWORD).await;
        assert_eq!(error_of(old).await, AppError::InvalidCredentials);
        assert_eq!(
            redirect_of(log_in(&app, &laptop, "mette@frivillig.test", new_password).await)
                .await
                .0,
            "/account"
        );
        smtp.wait_for_mail("mette@frivillig.test", "ændret").await;
        app.stop().await;
    }
}

#[tokio::test]
async fn expired_reset_links_are_refused() {
    let (app, smtp) = with_mail(&backends()[0]).await;
    signed_up_and_confirmed(&app, &smtp, "aage@frivillig.test").await;
    let client = app.client();
    app.call(
        &client,
        RequestPasswordReset::PATH,
        &[("email", "aage@frivillig.test")],
    )
    .await;
    let mail = smtp
        .wait_for_mail("aage@frivillig.test", "ny adgangskode")
        .await;
    let token = mail
        .link("/reset-password?token=")
        .split("token=")
        .nth(1)
        .unwrap()
        .to_owned();
    one_time_token::Entity::update_many()
        .col_expr(
            one_time_token::Column::ExpiresAt,
            Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)),
        )
        .filter(one_time_token::Column::Purpose.eq("reset_password"))
        .exec(&app.db)
        .await
        .unwrap();
    let late = app
        .call(
            &client,
            ResetPassword::PATH,
            &[("token", &token), ("password", "et nyt og langt kodeord")],
        )
        .await;
    assert_eq!(error_of(late).await, AppError::LinkInvalid);
    let forged = app
        .call(
            &client,
            ResetPassword::PATH,
            &[
                ("token", "not-a-token"),
                ("password", "et nyt og langt kodeord"),
            ],
        )
        .await;
    assert_eq!(error_of(forged).await, AppError::LinkInvalid);
    app.stop().await;
}

#[tokio::test]
async fn signing_out_everywhere_ends_other_devices_too() {
    let (app, smtp) = with_mail(&backends()[0]).await;
    signed_up_and_confirmed(&app, &smtp, "lars@frivillig.test").await;
    let (phone, laptop) = (app.client(), app.client());
    for client in [&phone, &laptop] {
        assert_eq!(
            redirect_of(log_in(&app, client, "lars@frivillig.test", PASSWORD).await)
                .await
                .0,
            "/account"
        );
    }
    assert_eq!(session::Entity::find().count(&app.db).await.unwrap(), 2);
    let out = app.call(&phone, LogOutEverywhere::PATH, &[]).await;
    assert_eq!(redirect_of(out).await.0, "/login?signed_out=1");
    assert_eq!(session::Entity::find().count(&app.db).await.unwrap(), 0);
    assert!(
        app.page(&laptop, "/account")
            .await
            .status()
            .is_redirection()
    );
    // Without a session there is nothing to end.
    let anonymous = app.call(&app.client(), LogOutEverywhere::PATH, &[]).await;
    assert_eq!(error_of(anonymous).await, AppError::Unauthenticated);
    app.stop().await;
}

#[tokio::test]
async fn a_planted_session_cookie_is_replaced_at_sign_in() {
    let (app, smtp) = with_mail(&backends()[0]).await;
    signed_up_and_confirmed(&app, &smtp, "birgit@frivillig.test").await;
    let client = app.client();
    let first = log_in(&app, &client, "birgit@frivillig.test", PASSWORD).await;
    let first_cookie = first.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    let second = log_in(&app, &client, "birgit@frivillig.test", PASSWORD).await;
    let second_cookie = second.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    assert_ne!(
        first_cookie, second_cookie,
        "a new session id at each sign-in"
    );
    assert_eq!(
        session::Entity::find().count(&app.db).await.unwrap(),
        1,
        "the old session was ended"
    );
    app.stop().await;
}

#[tokio::test]
async fn errors_carry_fitting_statuses() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let client = app.client();
    let invalid = app
        .call(
            &client,
            SignUp::PATH,
            &[
                ("name", ""),
                ("email", "x"),
                ("password", "y"),
                ("language", "da"),
            ],
        )
        .await;
    assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let wrong = log_in(&app, &client, "nobody@frivillig.test", PASSWORD).await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    for _ in 0..4 {
        log_in(&app, &client, "nobody@frivillig.test", PASSWORD).await;
    }
    let limited = log_in(&app, &client, "nobody@frivillig.test", PASSWORD).await;
    assert_eq!(limited.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((60..=900).contains(&retry_after), "{retry_after}");
    app.stop().await;
}

#[tokio::test]
async fn idle_and_expired_sessions_end() {
    let (app, smtp) = with_mail(&backends()[0]).await;
    signed_up_and_confirmed(&app, &smtp, "ib@frivillig.test").await;
    let client = app.client();
    assert_eq!(
        redirect_of(log_in(&app, &client, "ib@frivillig.test", PASSWORD).await)
            .await
            .0,
        "/account"
    );
    assert_eq!(app.page(&client, "/account").await.status(), StatusCode::OK);
    // Five hours without a request: past the idle timeout.
    session::Entity::update_many()
        .col_expr(
            session::Column::LastSeenAt,
            Expr::value(chrono::Utc::now() - chrono::Duration::hours(5)),
        )
        .exec(&app.db)
        .await
        .unwrap();
    assert!(
        app.page(&client, "/account")
            .await
            .status()
            .is_redirection()
    );
    assert_eq!(
        session::Entity::find().count(&app.db).await.unwrap(),
        0,
        "the idle session was removed"
    );

    assert_eq!(
        redirect_of(log_in(&app, &client, "ib@frivillig.test", PASSWORD).await)
            .await
            .0,
        "/account"
    );
    session::Entity::update_many()
        .col_expr(
            session::Column::ExpiresAt,
            Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)),
        )
        .exec(&app.db)
        .await
        .unwrap();
    assert!(
        app.page(&client, "/account")
            .await
            .status()
            .is_redirection(),
        "past the absolute lifetime"
    );
    app.stop().await;
}

#[tokio::test]
async fn one_address_cannot_be_flooded_through_sign_up() {
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let client = app.client();
    for _ in 0..3 {
        let response = sign_up(&app, &client, "Someone", "target@frivillig.test").await;
        assert_eq!(redirect_of(response).await.0, "/signup/check-email");
    }
    let fourth = sign_up(&app, &client, "Someone", "target@frivillig.test").await;
    assert!(matches!(
        error_of(fourth).await,
        AppError::RateLimited { .. }
    ));
    // Another address is still fine.
    let other = sign_up(&app, &client, "Someone", "other@frivillig.test").await;
    assert_eq!(redirect_of(other).await.0, "/signup/check-email");
    app.stop().await;
}

#[tokio::test]
async fn staff_without_an_authenticator_are_sent_to_set_one_up() {
    use app::{
        domain::{email::EmailAddress, language::Language, role::Role},
        security::password::hash_password,
        store::people,
    };
    let app = spawn_app(&backends()[0], TestOptions::default()).await;
    let user = people::create_user(
        &app.db,
        people::NewUser {
            email: EmailAddress::parse("ada@igang.test").unwrap(),
            display_name: "Ada".into(),
            language: Language::Da,
            password_hash: Some(hash_password(PASSWORD).unwrap()),
            email_verified: true,
        },
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    people::grant_role(&app.db, user.id, Role::Admin, None)
        .await
        .unwrap();
    let client = app.client();
    log_in(&app, &client, "ada@igang.test", PASSWORD).await;
    for page in ["/admin", "/admin/users", "/admin/audit"] {
        let response = app.page(&client, page).await;
        assert_eq!(
            redirect_of(response).await.0,
            "/account/two-factor",
            "{page}"
        );
    }
    app.stop().await;
}

//! The benchmark data set: `server seed-bench` fills only an empty scratch database, with
//! every kind of row the benchmarks read, and the sessions it writes open the pages they load.

use igang_tests::{binary::server_command, eventually, smtp::free_port};
use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};
use std::{collections::HashMap, process::Stdio, time::Duration};

/// Rows in `table`.
async fn rows(db: &sea_orm::DatabaseConnection, table: &str) -> i64 {
    let row = db
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            format!("SELECT COUNT(*) AS n FROM {table}"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

#[tokio::test]
async fn the_benchmark_data_set_fills_a_scratch_database_and_its_sessions_open_the_pages() {
    let dir = tempfile::Builder::new()
        .prefix("igang-seed-")
        .tempdir()
        .unwrap();
    let sizes = [
        ("--people", "400"),
        ("--igangsaettere", "80"),
        ("--groups", "60"),
        ("--progress", "3000"),
        ("--attempts", "400"),
        ("--big-course", "150"),
    ];
    let mut args = vec!["seed-bench"];
    for (flag, value) in sizes {
        args.extend([flag, value]);
    }
    args.extend(["--out", "sessions.env"]);
    let output = server_command(dir.path())
        .args(&args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");

    let db = Database::connect(format!(
        "sqlite://{}/data/igang.db?mode=ro",
        dir.path().display()
    ))
    .await
    .unwrap();
    // 400 people, 100 coordinators and one administrator.
    assert_eq!(rows(&db, "users").await, 501);
    assert_eq!(rows(&db, "igangsaetter_profiles").await, 80);
    assert_eq!(rows(&db, "certificates").await, 80);
    assert_eq!(rows(&db, "groups").await, 60);
    assert_eq!(rows(&db, "lesson_completions").await, 3000);
    assert_eq!(rows(&db, "quiz_attempts").await, 400);
    let big = db
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT COUNT(*) AS n FROM enrolments e JOIN courses c ON c.id = e.course_id \
             WHERE c.slug = 'igangsaetteruddannelse'"
                .to_owned(),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap();
    assert!(big >= 150, "{big} in the large course");
    db.close().await.ok();

    // Seeding again, or seeding a database with people in it, is refused.
    let again = server_command(dir.path())
        .args(&args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("empty scratch database"));

    // The server on that data set opens each page for the session written for it.
    let written = std::fs::read_to_string(dir.path().join("sessions.env")).unwrap();
    let env: HashMap<&str, &str> = written
        .lines()
        .filter_map(|line| line.split_once('='))
        .collect();
    std::fs::create_dir_all(dir.path().join("site/pkg")).unwrap();
    let port = free_port();
    let mut server = tokio::process::Command::from(server_command(dir.path()))
        .env("LEPTOS_SITE_ROOT", dir.path().join("site"))
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    eventually(Duration::from_secs(30), "the server to answer", || async {
        reqwest::get(format!("{base}/readyz"))
            .await
            .ok()
            .filter(|r| r.status() == 200)
            .map(|_| ())
    })
    .await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for (page, cookie) in [
        ("BENCH_LESSON", "BENCH_VOLUNTEER_COOKIE"),
        ("BENCH_GROUP", "BENCH_COORDINATOR_COOKIE"),
        ("BENCH_CENTRE_DASHBOARD", "BENCH_COORDINATOR_COOKIE"),
        ("BENCH_LEARNERS", "BENCH_ADMIN_COOKIE"),
        ("BENCH_TRAINING_DASHBOARD", "BENCH_ADMIN_COOKIE"),
        ("BENCH_NATIONAL_DASHBOARD", "BENCH_ADMIN_COOKIE"),
    ] {
        let path = env[page];
        let answer = client
            .get(format!("{base}{path}"))
            .header("cookie", env[cookie].trim_start_matches('\''))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 200, "{page} {path} as {cookie}");
    }
    server.kill().await.ok();
}

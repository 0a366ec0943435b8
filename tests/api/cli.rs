use igang_tests::binary::server_command;
use std::{process::Stdio, time::Duration};

fn run(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let output = server_command(dir)
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .expect("run server binary");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn temp() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("igang-cli-")
        .tempdir()
        .unwrap()
}

#[test]
fn every_command_has_help() {
    let dir = temp();
    for command in [
        &["--help"][..],
        &["serve", "--help"],
        &["migrate", "--help"],
        &["create-admin", "--help"],
        &["seed-demo", "--help"],
        &["send-test-mail", "--help"],
        &["import-course", "--help"],
        &["export-course", "--help"],
        &["import-programme", "--help"],
        &["export-programme", "--help"],
        &["revoke-certificate", "--help"],
        &["rotate-signing-key", "--help"],
        &["bench-ranking", "--help"],
    ] {
        let (code, stdout, _) = run(dir.path(), command, &[]);
        assert_eq!(code, 0, "{command:?}");
        assert!(stdout.contains("Usage: server"), "{command:?}: {stdout}");
    }
    let (_, stdout, _) = run(dir.path(), &["create-admin", "--help"], &[]);
    assert!(stdout.contains("--email"));
}

/// Environment variables for one run.
type Env<'a> = &'a [(&'a str, &'a str)];

#[test]
fn bad_configuration_gives_one_line_and_no_panic() {
    let dir = temp();
    let cases: [(Env, i32, &str); 4] = [
        (
            &[("DATABASE_URL", "mysql://localhost/igang")],
            2,
            "error: invalid DATABASE_URL=",
        ),
        (
            &[("LEPTOS_SITE_ADDR", "everywhere")],
            2,
            "error: invalid LEPTOS_SITE_ADDR=",
        ),
        (
            &[("LEPTOS_SITE_ROOT", "/nonexistent/site")],
            1,
            "error: site root /nonexistent/site has no pkg/ folder",
        ),
        (
            &[
                ("DATABASE_URL", "postgres://nobody@127.0.0.1:1/igang"),
                ("LEPTOS_SITE_ROOT", "."),
            ],
            1,
            "error: cannot open database postgres://nobody@127.0.0.1:1/igang",
        ),
    ];
    for (env, expected_code, expected) in cases {
        let site = dir.path().join("pkg");
        std::fs::create_dir_all(site).unwrap();
        let (code, _, stderr) = run(dir.path(), &["serve"], env);
        assert_eq!(code, expected_code, "{env:?}: {stderr}");
        let last = stderr.lines().last().unwrap_or_default();
        assert!(last.starts_with(expected), "{env:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn migrate_then_seed_demo_twice_then_create_admin() {
    let dir = temp();
    let (code, stdout, stderr) = run(dir.path(), &["migrate"], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Database is up to date"));
    assert!(
        dir.path().join("data/igang.db").exists(),
        "SQLite file created with no configuration"
    );

    let (code, first, stderr) = run(dir.path(), &["seed-demo"], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        first.contains(
            "3 new centres, 10 new accounts, 2 new certificates, 2 new profiles, 6 new groups, a workshop"
        ),
        "{first}"
    );
    assert!(first.contains("igangsaetter.demo@example.org"));
    assert!(first.contains("admin.demo@example.org") && first.contains("igang-demo-2026"));
    let (code, second, _) = run(dir.path(), &["seed-demo"], &[]);
    assert_eq!(code, 0);
    assert!(
        second.contains(
            "0 new centres, 0 new accounts, 0 new certificates, 0 new profiles, 0 new groups ("
        ),
        "{second}"
    );

    // Revoking needs a code that exists.
    let (code, _, stderr) = run(
        dir.path(),
        &["revoke-certificate", "not-a-code", "--reason", "Fejl"],
        &[],
    );
    assert_ne!(code, 0);
    assert!(stderr.contains("is not a certificate code"), "{stderr}");
    let (code, _, stderr) = run(
        dir.path(),
        &[
            "revoke-certificate",
            "0000-0000-0000-0000",
            "--reason",
            "Fejl",
        ],
        &[],
    );
    assert_ne!(code, 0);
    assert!(stderr.contains("no certificate has the code"), "{stderr}");

    let (code, stdout, stderr) = run(
        dir.path(),
        &[
            "create-admin",
            "--email",
            "Leder@Frise.test",
            "--name",
            "Lise Leder",
        ],
        &[],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("Created administrator leder@frise.test"),
        "{stdout}"
    );
    let password = stdout
        .lines()
        .find_map(|l| l.strip_prefix("One-time password: "))
        .expect("password line");
    assert_eq!(password.len(), 20);
    // The welcome mail went to the mail folder, since no SMTP server is configured.
    assert_eq!(mails(dir.path()), 1, "one welcome mail");
    // The same address in other capitals is the same person.
    let (code, stdout, _) = run(
        dir.path(),
        &["create-admin", "--email", "leder@frise.test"],
        &[],
    );
    assert_eq!(code, 0);
    assert!(stdout.contains("already had an account"), "{stdout}");

    let (code, _, stderr) = run(
        dir.path(),
        &["create-admin", "--email", "not-an-address"],
        &[],
    );
    assert_eq!(code, 1);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("not a valid email address"));
}

/// Runs `send-test-mail` to drift@igang.test in `language`.
fn send_test_mail(dir: &std::path::Path, language: &str) -> (i32, String, String) {
    let args = [
        "send-test-mail",
        "--to",
        "drift@igang.test",
        "--language",
        language,
    ];
    run(dir, &args, &[])
}

/// How many messages are in the mail folder.
fn mails(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir.join("data/mail")).unwrap().count()
}

#[test]
fn send_test_mail_reports_delivery_to_the_mail_folder() {
    let dir = temp();
    let (code, stdout, stderr) = send_test_mail(dir.path(), "en");
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("Test message to drift@igang.test sent."),
        "{stdout}"
    );
    assert_eq!(mails(dir.path()), 1);
    let (code, _, stderr) = send_test_mail(dir.path(), "sv");
    assert_eq!(code, 1);
    assert!(stderr.contains("unsupported language"), "{stderr}");
}

#[tokio::test]
async fn sigterm_stops_the_server_gracefully() {
    let dir = temp();
    std::fs::create_dir_all(dir.path().join("site/pkg")).unwrap();
    let port = igang_tests::smtp::free_port();
    let mut child = tokio::process::Command::from(server_command(dir.path()))
        .env("LEPTOS_SITE_ROOT", dir.path().join("site"))
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let url = format!("http://127.0.0.1:{port}/healthz");
    igang_tests::eventually(Duration::from_secs(30), "the server to answer", || async {
        reqwest::get(&url)
            .await
            .ok()
            .filter(|r| r.status() == 200)
            .map(|_| ())
    })
    .await;
    let pid = child.id().unwrap() as i32;
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = tokio::time::timeout(Duration::from_secs(15), child.wait())
        .await
        .expect("exits in time")
        .unwrap();
    assert!(exit.success(), "{exit:?}");
    let mut stderr = String::new();
    tokio::io::AsyncReadExt::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr)
        .await
        .unwrap();
    assert!(
        stderr.contains("shutdown requested") && stderr.contains("stopped"),
        "{stderr}"
    );
}

#[test]
fn export_then_import_a_course_folder() {
    let dir = temp();
    let out = dir.path().join("bundle");
    let export = [
        "export-course",
        "igangsetteropplaering",
        "--out",
        out.to_str().unwrap(),
    ];
    let (code, stdout, stderr) = run(dir.path(), &export, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("Wrote 32 files"), "{stdout}");
    // Byte for byte the shipped Norwegian course.
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../app/curriculum/igangsetter-nb/04-roller-rundt-en-gruppe/module.md");
    assert_eq!(
        std::fs::read(&shipped).unwrap(),
        std::fs::read(out.join("04-roller-rundt-en-gruppe/module.md")).unwrap()
    );
    // Writing over a folder that holds files is refused.
    let (code, _, stderr) = run(dir.path(), &export, &[]);
    assert_eq!(code, 1);
    assert!(stderr.contains("is not empty"), "{stderr}");

    // An edited copy comes back as draft version 2.
    let course_md = out.join("course.md");
    let text = std::fs::read_to_string(&course_md).unwrap();
    std::fs::write(&course_md, text.replace("title: \"", "title: \"Ny: ")).unwrap();
    let (code, stdout, stderr) = run(dir.path(), &["import-course", out.to_str().unwrap()], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("as draft version 2 of /courses/igangsetteropplaering"),
        "{stdout}"
    );
    // A broken bundle gives one line naming the file.
    std::fs::write(&course_md, "no front matter").unwrap();
    let (code, _, stderr) = run(dir.path(), &["import-course", out.to_str().unwrap()], &[]);
    assert_eq!(code, 1);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("course.md: the file must start with front matter"),
        "{stderr}"
    );
    let (code, _, stderr) = run(
        dir.path(),
        &[
            "export-course",
            "no-such-course",
            "--out",
            dir.path().join("x").to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(code, 1);
    assert!(
        stderr.contains("no course has the short name no-such-course"),
        "{stderr}"
    );
}

#[test]
fn programmes_travel_as_files_and_the_signing_key_rotates() {
    let dir = temp();
    let (code, text, stderr) = run(
        dir.path(),
        &["export-programme", "certificeret-igangsaetter"],
        &[],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(text.contains("slug: certificeret-igangsaetter"), "{text}");

    // A copy under a new name is a new programme; the same file again changes it.
    let copy = dir.path().join("programme.yaml");
    let changed = text
        .replace(
            "slug: certificeret-igangsaetter",
            "slug: erfaren-igangsaetter",
        )
        .replace("workshops: 1", "workshops: 3");
    std::fs::write(&copy, &changed).unwrap();
    let path = copy.to_str().unwrap();
    let (code, stdout, stderr) = run(dir.path(), &["import-programme", path], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("Created the programme erfaren-igangsaetter"),
        "{stdout}"
    );
    let (code, stdout, _) = run(dir.path(), &["import-programme", path], &[]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("Changed the programme erfaren-igangsaetter"),
        "{stdout}"
    );
    let out = dir.path().join("exported.yaml");
    let (code, _, stderr) = run(
        dir.path(),
        &[
            "export-programme",
            "erfaren-igangsaetter",
            "--out",
            out.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), changed);

    // A flawed file is not saved, and says why.
    std::fs::write(
        &copy,
        changed.replace("course: igangsaetteruddannelse", "course: nope"),
    )
    .unwrap();
    let (code, _, stderr) = run(dir.path(), &["import-programme", path], &[]);
    assert_ne!(code, 0);
    assert!(
        stderr.contains("no course has the short name nope"),
        "{stderr}"
    );

    let (code, stdout, stderr) = run(dir.path(), &["rotate-signing-key"], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("Credentials are signed with key"),
        "{stdout}"
    );
}

#[test]
fn the_ranking_benchmark_fills_only_a_scratch_database() {
    let dir = temp();
    let (code, stdout, stderr) = run(
        dir.path(),
        &["bench-ranking", "--people", "60", "--runs", "2"],
        &[],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Ranking 60 igangsættere"), "{stdout}");
    for town in [
        "København",
        "Aarhus",
        "Oslo",
        "Bergen",
        "Trondheim",
        "Tromsø",
    ] {
        assert!(stdout.contains(&format!("| {town}")), "{stdout}");
    }
    assert!(stderr.contains("Wrote 60 made-up igangsættere"), "{stderr}");
    // A second run ranks the same people without writing more.
    let (code, _, stderr) = run(
        dir.path(),
        &["bench-ranking", "--people", "60", "--runs", "1"],
        &[],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("Wrote"), "{stderr}");

    let real = temp();
    let (code, _, _) = run(real.path(), &["seed-demo"], &[]);
    assert_eq!(code, 0);
    let (code, _, stderr) = run(real.path(), &["bench-ranking", "--people", "10"], &[]);
    assert_ne!(code, 0);
    assert!(stderr.contains("empty scratch database"), "{stderr}");
}

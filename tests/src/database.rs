//! A database of its own for each test: a SQLite file in a temporary folder, or a PostgreSQL
//! database removed when the test ends, whether it passed or panicked.

use crate::Backend;
use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};
use std::{
    path::{Path, PathBuf},
    time::Duration,
};
use tempfile::TempDir;
use tokio::sync::OnceCell;

/// A fresh, empty database on `backend`, with a temporary folder named from `prefix` that
/// holds the SQLite file (and whatever else the test keeps): the folder, the database URL,
/// and the PostgreSQL database to remove when there is one.
pub(crate) async fn fresh_database(
    backend: &Backend,
    prefix: &str,
) -> (TempDir, String, Option<TestDatabase>) {
    let dir = temp_dir(prefix);
    let (url, pg) = match backend {
        Backend::Sqlite => (sqlite_url(dir.path()), None),
        Backend::Postgres(admin_url) => {
            let database = TestDatabase::create(admin_url, None).await;
            (database.url(), Some(database))
        }
    };
    (dir, url, pg)
}

/// Like [`fresh_database`], but a copy of this process's template: migrated, with the
/// shipped curriculum and programme installed, as the application leaves a database at its
/// first start. Copying it is much faster than installing the curriculum for every test.
pub(crate) async fn prepared_database(
    backend: &Backend,
    prefix: &str,
) -> (TempDir, String, Option<TestDatabase>) {
    let dir = temp_dir(prefix);
    let (url, pg) = match backend {
        Backend::Sqlite => {
            let template = SQLITE_TEMPLATE.get_or_init(sqlite_template).await;
            std::fs::copy(template, dir.path().join("igang.db")).expect("copy the template");
            (sqlite_url(dir.path()), None)
        }
        Backend::Postgres(admin_url) => {
            let template = PG_TEMPLATE
                .get_or_init(|| postgres_template(admin_url))
                .await;
            let database = TestDatabase::create(admin_url, Some(template)).await;
            (database.url(), Some(database))
        }
    };
    (dir, url, pg)
}

fn temp_dir(prefix: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(prefix)
        .tempdir()
        .expect("temp dir")
}

fn sqlite_url(dir: &Path) -> String {
    format!("sqlite://{}/igang.db?mode=rwc", dir.display())
}

/// The SQLite template file of this process.
static SQLITE_TEMPLATE: OnceCell<PathBuf> = OnceCell::const_new();
/// The name of this process's PostgreSQL template database.
static PG_TEMPLATE: OnceCell<String> = OnceCell::const_new();

/// What every template's name starts with, then the process id.
const TEMPLATE_PREFIX: &str = "igang_test_template_";

/// Whether the test process that made the SQLite template folder `name` (on this machine)
/// has ended.
fn made_by_ended_process(name: &str) -> bool {
    name.strip_prefix(TEMPLATE_PREFIX)
        .and_then(|rest| rest.split('_').next())
        .and_then(|pid| pid.parse::<u32>().ok())
        .is_some_and(|pid| !Path::new(&format!("/proc/{pid}")).exists())
}

/// Prepares a database at `url` as the application does at its first start.
async fn prepare(dir: &Path, url: String) -> sea_orm::DatabaseConnection {
    let config = crate::test_config(dir, url, &crate::TestOptions::default());
    server::startup::open_database(&config)
        .await
        .expect("migrate and install the shipped curriculum")
}

/// Builds the SQLite template in a folder named after this process (folders of ended
/// processes are removed first).
async fn sqlite_template() -> PathBuf {
    let tmp = std::env::temp_dir();
    if let Ok(entries) = std::fs::read_dir(&tmp) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if made_by_ended_process(&name) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    let dir = tmp.join(format!("{TEMPLATE_PREFIX}{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("template folder");
    let db = prepare(&dir, sqlite_url(&dir)).await;
    let template = dir.join("template.db");
    // A consistent single file, whatever is still in the write-ahead log.
    db.execute_unprepared(&format!("VACUUM INTO '{}'", template.display()))
        .await
        .expect("write the template");
    db.close().await.ok();
    template
}

/// One connection to the admin database: advisory locks belong to a session.
async fn admin_session(admin_url: &str) -> sea_orm::DatabaseConnection {
    let mut options = sea_orm::ConnectOptions::new(admin_url.to_owned());
    options.max_connections(1).min_connections(1);
    Database::connect(options)
        .await
        .expect("connect to TEST_DATABASE_URL")
}

/// The advisory-lock key of template `name`.
fn lock_of(name: &str) -> String {
    format!("hashtext('{name}')")
}

/// Holds the advisory lock on template `name` for as long as this process lives, on a
/// thread and connection of its own (a test's runtime ends with the test): while it is
/// held, no other test run (on this machine or another sharing the server) drops it.
fn hold_template_lock(admin_url: &str, name: &str) {
    let (admin_url, name) = (admin_url.to_owned(), name.to_owned());
    let (locked, wait) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("template-lock".into())
        .spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime for the template lock");
            runtime.block_on(async move {
                let session = admin_session(&admin_url).await;
                session
                    .execute_unprepared(&format!("SELECT pg_advisory_lock({})", lock_of(&name)))
                    .await
                    .expect("lock the template");
                let _ = locked.send(());
                // The session, and with it the lock, lasts until the process ends.
                std::future::pending::<()>().await;
                drop(session);
            });
        })
        .expect("a thread for the template lock");
    wait.recv().expect("the template lock is held");
}

/// Drops the templates whose test run has ended: those nobody holds the lock of.
async fn drop_abandoned_templates(admin_url: &str) {
    let session = admin_session(admin_url).await;
    let rows = session
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            format!("SELECT datname FROM pg_database WHERE datname LIKE '{TEMPLATE_PREFIX}%'"),
        ))
        .await
        .expect("list templates");
    for row in rows {
        let Ok(name) = row.try_get::<String>("", "datname") else {
            continue;
        };
        let abandoned = session
            .query_one_raw(Statement::from_string(
                DbBackend::Postgres,
                format!("SELECT pg_try_advisory_lock({}) AS free", lock_of(&name)),
            ))
            .await
            .ok()
            .flatten()
            .and_then(|row| row.try_get::<bool>("", "free").ok())
            .unwrap_or(false);
        if abandoned {
            drop_database(admin_url, &name).await;
            let _ = session
                .execute_unprepared(&format!("SELECT pg_advisory_unlock({})", lock_of(&name)))
                .await;
        }
    }
    session.close().await.ok();
}

/// Builds the PostgreSQL template database (abandoned templates are dropped first).
async fn postgres_template(admin_url: &str) -> String {
    drop_abandoned_templates(admin_url).await;
    let name = format!(
        "{TEMPLATE_PREFIX}{}_{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    );
    hold_template_lock(admin_url, &name);
    create_database(admin_url, &name, None).await;
    let dir = temp_dir("igang-template-");
    let db = prepare(dir.path(), database_url(admin_url, &name)).await;
    db.close().await.ok();
    name
}

/// Creates database `name` on the server at `admin_url`, as a copy of `template` if given.
async fn create_database(admin_url: &str, name: &str, template: Option<&str>) {
    let admin = Database::connect(admin_url)
        .await
        .expect("connect to TEST_DATABASE_URL");
    let from = template
        .map(|t| format!(" TEMPLATE \"{t}\""))
        .unwrap_or_default();
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\"{from}"))
        .await
        .expect("create a test database");
    admin.close().await.ok();
}

/// The URL of database `name` on the server at `admin_url`.
fn database_url(admin_url: &str, name: &str) -> String {
    let mut url = url::Url::parse(admin_url).expect("TEST_DATABASE_URL is a URL");
    url.set_path(&format!("/{name}"));
    url.to_string()
}

/// A fresh database on the server at an admin URL, dropped again with this value.
pub(crate) struct TestDatabase {
    admin_url: String,
    name: String,
    removed: bool,
}

impl TestDatabase {
    /// Creates a database with a unique name that says `test`, so no harness ever touches a
    /// real database.
    /// With a `template`, it starts as a copy of that database.
    pub(crate) async fn create(admin_url: &str, template: Option<&str>) -> TestDatabase {
        let name = format!("igang_test_{}", uuid::Uuid::new_v4().simple());
        create_database(admin_url, &name, template).await;
        TestDatabase {
            admin_url: admin_url.to_owned(),
            name,
            removed: false,
        }
    }

    /// The URL of this database: the admin URL with its name.
    pub(crate) fn url(&self) -> String {
        database_url(&self.admin_url, &self.name)
    }

    /// Drops the database, closing whatever connections are still open to it.
    pub(crate) async fn remove(mut self) {
        drop_database(&self.admin_url, &self.name).await;
        self.removed = true;
    }
}

impl Drop for TestDatabase {
    /// A test that panicked never reaches [`TestDatabase::remove`]. Its runtime may be
    /// unwinding, so the database is dropped from a thread with a runtime of its own.
    fn drop(&mut self) {
        if self.removed {
            return;
        }
        let (admin_url, name) = (self.admin_url.clone(), self.name.clone());
        let cleanup = std::thread::Builder::new().spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                eprintln!("no runtime to drop test database {name}");
                return;
            };
            runtime.block_on(async {
                let dropped =
                    tokio::time::timeout(Duration::from_secs(30), drop_database(&admin_url, &name))
                        .await;
                if dropped.is_err() {
                    eprintln!("timed out dropping test database {name}");
                }
            });
        });
        match cleanup {
            Ok(cleanup) => {
                let _ = cleanup.join();
            }
            Err(error) => eprintln!("no thread to drop test database {}: {error}", self.name),
        }
    }
}

/// `DROP DATABASE … WITH (FORCE)`; errors are reported, never raised, as this also runs
/// while a failed test unwinds.
async fn drop_database(admin_url: &str, name: &str) {
    let dropped = match Database::connect(admin_url).await {
        Ok(admin) => {
            let dropped = admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .await;
            admin.close().await.ok();
            dropped.map(|_| ())
        }
        Err(error) => Err(error),
    };
    if let Err(error) = dropped {
        eprintln!("could not drop test database {name}: {error}");
    }
}

//! A database of its own for each test: a SQLite file in a temporary folder, or a PostgreSQL
//! database removed when the test ends, whether it passed or panicked.

use crate::Backend;
use sea_orm::{ConnectionTrait, Database};
use std::time::Duration;
use tempfile::TempDir;

/// A fresh, empty database on `backend`, with a temporary folder named from `prefix` that
/// holds the SQLite file (and whatever else the test keeps): the folder, the database URL,
/// and the PostgreSQL database to remove when there is one.
pub(crate) async fn fresh_database(
    backend: &Backend,
    prefix: &str,
) -> (TempDir, String, Option<TestDatabase>) {
    let dir = tempfile::Builder::new()
        .prefix(prefix)
        .tempdir()
        .expect("temp dir");
    let (url, pg) = match backend {
        Backend::Sqlite => (
            format!("sqlite://{}/igang.db?mode=rwc", dir.path().display()),
            None,
        ),
        Backend::Postgres(admin_url) => {
            let database = TestDatabase::create(admin_url).await;
            (database.url(), Some(database))
        }
    };
    (dir, url, pg)
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
    pub(crate) async fn create(admin_url: &str) -> TestDatabase {
        let name = format!("igang_test_{}", uuid::Uuid::new_v4().simple());
        let admin = Database::connect(admin_url)
            .await
            .expect("connect to TEST_DATABASE_URL");
        admin
            .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .expect("create test database");
        admin.close().await.ok();
        TestDatabase {
            admin_url: admin_url.to_owned(),
            name,
            removed: false,
        }
    }

    /// The URL of this database: the admin URL with its name.
    pub(crate) fn url(&self) -> String {
        let mut url = url::Url::parse(&self.admin_url).expect("TEST_DATABASE_URL is a URL");
        url.set_path(&format!("/{}", self.name));
        url.to_string()
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

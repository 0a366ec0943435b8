//! A migrated database with no server around it, for tests that call store functions directly.

use crate::{Backend, database::TestDatabase};
use migrations::{Migrator, MigratorTrait};
use sea_orm::DatabaseConnection;
use tempfile::TempDir;

/// A fresh database with every migration applied: a SQLite file in a temporary folder, or a
/// PostgreSQL database of its own that is dropped even when the test panics.
pub struct StoreDatabase {
    /// The connection.
    pub db: DatabaseConnection,
    _dir: TempDir,
    pg: Option<TestDatabase>,
}

/// Creates and migrates a database on `backend`.
pub async fn store_database(backend: &Backend) -> StoreDatabase {
    crate::init_logs();
    let dir = tempfile::Builder::new()
        .prefix("igang-store-")
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
    let db = app::store::db::connect(&url).await.expect("connect");
    Migrator::up(&db, None).await.expect("migrations apply");
    StoreDatabase { db, _dir: dir, pg }
}

impl StoreDatabase {
    /// Closes the connection and removes the database.
    pub async fn close(self) {
        self.db.close().await.ok();
        if let Some(database) = self.pg {
            database.remove().await;
        }
    }
}

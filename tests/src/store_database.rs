//! A migrated database with no server around it, for tests that call store functions directly.

use crate::{
    Backend,
    database::{TestDatabase, fresh_database},
};
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
    store_database_before(backend, None).await
}

/// Creates a database on `backend` with the first `steps` migrations applied (all of them for
/// `None`), so a test can put rows in place before a later migration runs.
pub async fn store_database_before(backend: &Backend, steps: Option<u32>) -> StoreDatabase {
    crate::init_logs();
    let (dir, url, pg) = fresh_database(backend, "igang-store-").await;
    let db = app::store::db::connect(&url).await.expect("connect");
    Migrator::up(&db, steps).await.expect("migrations apply");
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

//! Opening the database: SQLite by default, PostgreSQL when the URL says so.

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr};
use std::time::Duration;

/// Which engine a database URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

impl Engine {
    /// The engine for `url`, or `None` for an unsupported scheme.
    pub fn of_url(url: &str) -> Option<Engine> {
        if url.starts_with("sqlite:") {
            Some(Engine::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Engine::Postgres)
        } else {
            None
        }
    }
}

/// How many rows of one SQLite query wait for the request to take them.
const SQLITE_ROWS_IN_FLIGHT: usize = 512;

/// Each SQLite connection's page cache, in KiB (SQLite's own default is 2,000): every pooled
/// connection fills its cache in turn, and a read over the whole country fills it all.
const SQLITE_CACHE_KIB: u32 = 1024;

/// How many connections a pool holds unless configured. PostgreSQL serves each on its own
/// server process. SQLite runs each on a thread of this process with its own page cache, and
/// a pool hands its connections out in turn, so every one of them fills its cache: on the
/// national data set, 8 kept peak memory about 20 MB lower than 16 and served the lesson
/// page as fast or faster.
pub fn default_connections(engine: Engine) -> u32 {
    match engine {
        Engine::Sqlite => 8,
        Engine::Postgres => 16,
    }
}

/// Opens a connection pool of the engine's default size ([`default_connections`]).
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    connect_with(url, None).await
}

/// Opens a connection pool of `connections` (the engine's default when `None`) and applies
/// the per-connection settings the product relies on.
pub async fn connect_with(
    url: &str,
    connections: Option<u32>,
) -> Result<DatabaseConnection, DbErr> {
    let engine = Engine::of_url(url).unwrap_or(Engine::Sqlite);
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(connections.unwrap_or_else(|| default_connections(engine)))
        .min_connections(1)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        // SQLite: the connection's thread may run ahead of the request by this many rows
        // before it waits for the request to take them.
        .map_sqlx_sqlite_opts(|sqlite| {
            sqlite
                .row_buffer_size(SQLITE_ROWS_IN_FLIGHT)
                // A negative size is in KiB.
                .pragma("cache_size", format!("-{SQLITE_CACHE_KIB}"))
        });
    let db = Database::connect(options).await?;
    if db.get_database_backend() == DbBackend::Sqlite {
        // WAL lets readers proceed while the mail worker writes; it persists in the file.
        db.execute_unprepared("PRAGMA journal_mode = WAL").await?;
        db.execute_unprepared("PRAGMA foreign_keys = ON").await?;
    }
    Ok(db)
}

/// Starts a transaction that will write.
///
/// On SQLite it takes the write lock at `BEGIN` (`IMMEDIATE`): a transaction that reads
/// first and writes later could otherwise fail when another writer commits in between.
/// PostgreSQL ignores the mode.
pub async fn begin_write(db: &DatabaseConnection) -> Result<sea_orm::DatabaseTransaction, DbErr> {
    use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// Whether `error` means the database could not be reached (no connection, a connection
/// lost, the server shutting down), as opposed to a statement it refused: the first passes
/// when the database is back, so it is answered "try again shortly", not "something broke".
pub fn is_unreachable(error: &DbErr) -> bool {
    use sea_orm::{RuntimeErr, SqlxError};
    match error {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
        DbErr::Exec(RuntimeErr::SqlxError(error)) | DbErr::Query(RuntimeErr::SqlxError(error)) => {
            match &**error {
                SqlxError::Io(_)
                | SqlxError::Tls(_)
                | SqlxError::PoolTimedOut
                | SqlxError::PoolClosed
                | SqlxError::WorkerCrashed
                | SqlxError::BeginFailed => true,
                // Connection exceptions (08…) and the server going down (57P…).
                SqlxError::Database(database) => database
                    .code()
                    .is_some_and(|code| code.starts_with("08") || code.starts_with("57P")),
                _ => false,
            }
        }
        _ => false,
    }
}

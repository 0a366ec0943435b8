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

/// How many connections a pool holds unless configured. SQLite runs each on a thread of this
/// process with its own page cache, and a pool hands its connections out in turn, so every
/// one of them fills its cache: on the national data set, 8 kept peak memory about 20 MB
/// lower than 16 and served the lesson page as fast or faster. PostgreSQL serves each on a
/// process of its own: see [`postgres_connections`].
pub fn default_connections(engine: Engine) -> u32 {
    match engine {
        Engine::Sqlite => 8,
        Engine::Postgres => postgres_connections(
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
        ),
    }
}

/// PostgreSQL connections for a machine with `cores` processors: three per core, 4 to 64.
/// Each connection is a PostgreSQL process; more of them than the cores can run only take
/// turns, and a statement waiting for a free connection here is cheaper than one of 16
/// processes waiting for a core. On 2 cores with PostgreSQL beside the server, the lesson
/// page at 64 connections served about a fifth more pages with 4 or 6 connections than with
/// 16, at a lower 99th percentile; 8 was as slow as 16; matching was the same with any.
pub fn postgres_connections(cores: usize) -> u32 {
    u32::try_from(cores.saturating_mul(3)).map_or(64, |n| n.clamp(4, 64))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_gets_three_connections_a_core_within_bounds() {
        assert_eq!(postgres_connections(1), 4);
        assert_eq!(postgres_connections(2), 6);
        assert_eq!(postgres_connections(8), 24);
        assert_eq!(postgres_connections(64), 64);
        assert_eq!(postgres_connections(usize::MAX), 64);
    }

    #[test]
    fn sqlite_keeps_eight() {
        assert_eq!(default_connections(Engine::Sqlite), 8);
    }
}

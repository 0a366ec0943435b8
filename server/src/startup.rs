//! Building and running the application: database, router, mail worker, graceful shutdown.

use crate::{
    config::Config,
    mail::{MailWorker, Transport, transport::TransportError},
    routes::router,
    secret::{self, SecretKeyError},
};
use app::{
    state::{AppState, SiteSettings},
    store::db::Engine,
};
use axum::serve::ListenerExt;
use leptos::prelude::*;
use migrations::{Migrator, MigratorTrait};
use sea_orm::DatabaseConnection;
use std::{future::Future, net::SocketAddr, path::Path, sync::Arc};
use tokio::{
    net::TcpListener,
    sync::{Notify, watch},
};

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    /// `LEPTOS_SITE_ROOT` does not hold a built site.
    #[error(
        "site root {0} has no pkg/ folder; build the site with `cargo leptos build` or set LEPTOS_SITE_ROOT"
    )]
    SiteRootMissing(String),
    /// Stored course texts could not be brought in step with the renderer.
    #[error("cannot render the stored course texts again: {0}")]
    Render(sea_orm::DbErr),
    /// The database could not be opened.
    #[error("cannot open database {url}: {source}")]
    Database {
        /// The URL, password hidden.
        url: String,
        /// What went wrong.
        source: sea_orm::DbErr,
    },
    /// The folder for the SQLite file could not be created.
    #[error("cannot create folder {path} for the database: {source}")]
    DataDir {
        /// The folder.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A migration failed.
    #[error("database migration failed: {0}")]
    Migration(sea_orm::DbErr),
    /// The shipped curriculum could not be installed.
    #[error("cannot install the shipped curriculum: {0}")]
    Curriculum(#[from] app::curriculum::InstallError),
    /// The shipped certification programme could not be installed.
    #[error("cannot install the shipped certification programme: {0}")]
    Programme(app::store::StoreError),
    /// The listening socket could not be opened.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The secret key file is unusable.
    #[error(transparent)]
    SecretKey(#[from] SecretKeyError),
    /// The mail transport is misconfigured.
    #[error(transparent)]
    Mail(#[from] TransportError),
    /// The key that signs credentials could not be made.
    #[error("cannot make the credential signing key: {0}")]
    SigningKey(#[from] app::credentials::CredentialError),
}

/// Opens the database named in the configuration and applies pending migrations.
pub async fn open_database(config: &Config) -> Result<DatabaseConnection, StartupError> {
    let url = prepare_sqlite_url(&config.database_url)?;
    let db = app::store::db::connect_with(&url, config.db_connections)
        .await
        .map_err(|source| StartupError::Database {
            url: config.database_url_for_display(),
            source,
        })?;
    Migrator::up(&db, None)
        .await
        .map_err(StartupError::Migration)?;
    let (installed, shipped) = app::curriculum::install_missing(&db, chrono::Utc::now()).await?;
    let programme = app::store::certification::install_default(&db, chrono::Utc::now())
        .await
        .map_err(StartupError::Programme)?;
    if programme {
        tracing::info!("installed the shipped certification programme");
    }
    if installed > 0 {
        tracing::info!(courses = installed, "installed shipped courses");
    }
    if installed == shipped {
        // Just installed from this build's bundles with this build's renderer: nothing to
        // bring up to date.
        return Ok(db);
    }
    let updated = app::curriculum::update_untouched(&db, chrono::Utc::now()).await?;
    if updated > 0 {
        tracing::info!(
            courses = updated,
            "published the shipped curriculum's new text"
        );
    }
    let rendered = app::store::rendered::refresh(&db)
        .await
        .map_err(StartupError::Render)?;
    if rendered > 0 {
        tracing::info!(rows = rendered, "rendered stored course texts again");
    }
    Ok(db)
}

/// For SQLite: creates the file's folder and asks for the file to be created if missing.
fn prepare_sqlite_url(url: &str) -> Result<String, StartupError> {
    if Engine::of_url(url) != Some(Engine::Sqlite) {
        return Ok(url.to_owned());
    }
    let rest = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let folder = Path::new(path)
        .parent()
        .filter(|d| path != ":memory:" && !d.as_os_str().is_empty());
    if let Some(dir) = folder {
        std::fs::create_dir_all(dir).map_err(|source| StartupError::DataDir {
            path: dir.display().to_string(),
            source,
        })?;
    }
    Ok(if query.split('&').any(|p| p.starts_with("mode=")) {
        url.to_owned()
    } else if query.is_empty() {
        format!("{url}?mode=rwc")
    } else {
        format!("{url}&mode=rwc")
    })
}

/// Leptos options for the built site under `site_root`.
///
/// A site built with hashed file names has a `hash.txt` beside `pkg/` naming them; the
/// pages then link the hashed files, which browsers may keep for a year.
pub fn leptos_options(config: &Config, addr: SocketAddr) -> LeptosOptions {
    let hash_file = config.site_root.join("hash.txt");
    let hashed = hash_file.is_file();
    let hash_file = std::path::absolute(&hash_file).unwrap_or(hash_file);
    LeptosOptions::builder()
        .output_name("igang")
        .site_root(config.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .hash_files(hashed)
        .hash_file(hash_file.display().to_string().into())
        .build()
}

/// A built server, bound to its port and ready to run.
pub struct Application {
    listener: TcpListener,
    state: AppState,
    worker: MailWorker,
}

impl Application {
    /// Checks the site, opens and migrates the database, binds the port and sets up mail.
    ///
    /// A base URL whose port is 0 gets the port actually bound, so tests can listen on port 0.
    pub async fn build(config: Config) -> Result<Application, StartupError> {
        if !config.site_root.join("pkg").is_dir() {
            return Err(StartupError::SiteRootMissing(
                config.site_root.display().to_string(),
            ));
        }
        let secret_key = secret::load_or_create(&config.secret_key_file)?;
        let transport = Transport::from_config(&config.mail)?;
        let db = open_database(&config).await?;
        if app::credentials::ensure_signing_key(&db, &secret_key.0, chrono::Utc::now()).await? {
            tracing::info!("made the first key that signs credentials");
        }
        let listener =
            TcpListener::bind(config.bind)
                .await
                .map_err(|source| StartupError::Bind {
                    addr: config.bind,
                    source,
                })?;
        let addr = listener.local_addr().map_err(|source| StartupError::Bind {
            addr: config.bind,
            source,
        })?;
        let base_url = match config.base_url.strip_suffix(":0") {
            Some(prefix) => format!("{prefix}:{}", addr.port()),
            None => config.base_url.clone(),
        };
        let wakeup = Arc::new(Notify::new());
        let state = AppState {
            leptos_options: leptos_options(&config, addr),
            db: db.clone(),
            site: Arc::new(SiteSettings {
                base_url,
                trust_proxy: config.trust_proxy,
                secret_key: secret_key.0,
                media_dir: config.data_dir.join("media"),
                request_days: config.request_days,
                retention_years: config.retention_years,
            }),
            mail_wakeup: wakeup.clone(),
        };
        let worker = MailWorker::new(db, transport, config.mail.clone(), wakeup);
        Ok(Application {
            listener,
            state,
            worker,
        })
    }

    /// The address the server listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Shared state, for tests and commands that act beside the server.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes, then lets in-flight requests and the mail in hand finish.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let (stop_worker, worker_stopped) = watch::channel(false);
        let housekeeping = tokio::spawn(crate::maintenance::run(
            self.state.clone(),
            worker_stopped.clone(),
        ));
        let worker = tokio::spawn(self.worker.run(worker_stopped));
        tracing::info!(address = %self.listener.local_addr()?, base_url = %self.state.site.base_url, "Igang is listening");
        let app = router(self.state);
        // Headers and body leave as separate writes; with Nagle's algorithm on, the second
        // waits for the client's delayed ACK (about 40 ms on every kept-alive response).
        let listener = self.listener.tap_io(|stream| {
            if let Err(error) = stream.set_nodelay(true) {
                tracing::warn!(%error, "cannot set TCP_NODELAY on an accepted connection");
            }
        });
        let result = axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await;
        let _ = stop_worker.send(true);
        let _ = worker.await;
        let _ = housekeeping.await;
        tracing::info!("stopped");
        result
    }
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = terminate => {}
    }
    tracing::info!("shutdown requested; finishing requests in flight");
}

#[cfg(test)]
mod tests {
    use super::prepare_sqlite_url;

    #[test]
    fn sqlite_urls_get_create_mode() {
        let dir = std::env::temp_dir().join(format!("igang-url-{}", uuid::Uuid::new_v4()));
        let url = format!("sqlite://{}/x.db", dir.display());
        assert_eq!(prepare_sqlite_url(&url).unwrap(), format!("{url}?mode=rwc"));
        assert!(dir.is_dir());
        assert_eq!(
            prepare_sqlite_url("sqlite::memory:").unwrap(),
            "sqlite::memory:?mode=rwc"
        );
        assert_eq!(
            prepare_sqlite_url("sqlite://a.db?mode=ro").unwrap(),
            "sqlite://a.db?mode=ro"
        );
        assert_eq!(
            prepare_sqlite_url("postgres://h/db").unwrap(),
            "postgres://h/db"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}

//! The built server binary as a process of its own, on a prepared database: for tests of
//! what survives a crash (`kill -9`) and a restart.

use crate::{Backend, TestApp, binary::server_command, database, eventually, smtp::free_port};
use std::{path::Path, process::Stdio, time::Duration};
use tokio::process::Child;

/// A running server process and how to start it again on the same database.
pub struct ServerProcess {
    child: Child,
    /// Its database URL.
    database_url: String,
    /// Its port on 127.0.0.1.
    port: u16,
}

impl ServerProcess {
    /// Starts the binary in `dir` (site, data and log live there) on `database_url` and
    /// `port`; waits until it is ready.
    async fn start(dir: &Path, database_url: &str, port: u16) -> ServerProcess {
        std::fs::create_dir_all(dir.join("site/pkg")).expect("site folder");
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join("server.log"))
            .expect("log file");
        let child = tokio::process::Command::from(server_command(dir))
            .env("LEPTOS_SITE_ROOT", dir.join("site"))
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("DATABASE_URL", database_url)
            .env("IGANG_DATA_DIR", dir.join("data"))
            .env("IGANG_MAIL_DIR", dir.join("mail"))
            .stdout(Stdio::null())
            .stderr(log)
            .kill_on_drop(true)
            .spawn()
            .expect("the server binary starts");
        let ready = format!("http://127.0.0.1:{port}/readyz");
        eventually(
            Duration::from_secs(60),
            "the server to be ready",
            || async {
                reqwest::get(&ready)
                    .await
                    .ok()
                    .filter(|r| r.status() == 200)
                    .map(|_| ())
            },
        )
        .await;
        ServerProcess {
            child,
            database_url: database_url.to_owned(),
            port,
        }
    }
}

impl ServerProcess {
    /// Stops the process (`SIGTERM`, then `kill -9` if it has not ended in 15 seconds).
    pub(crate) async fn stop(&mut self) {
        if let Some(pid) = self.child.id() {
            let _ = std::process::Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status();
        }
        if tokio::time::timeout(Duration::from_secs(15), self.child.wait())
            .await
            .is_err()
        {
            let _ = self.child.kill().await;
        }
    }
}

/// Starts the server binary on `backend` with a database prepared as at a first start.
pub async fn spawn_process(backend: &Backend) -> TestApp {
    crate::init_logs();
    let (dir, database_url, pg) = database::prepared_database(backend, "igang-process-").await;
    let port = free_port();
    let process = ServerProcess::start(dir.path(), &database_url, port).await;
    let db = app::store::db::connect(&database_url)
        .await
        .expect("connect to the server's database");
    TestApp {
        base_url: format!("http://127.0.0.1:{port}"),
        addr: ([127, 0, 0, 1], port).into(),
        db,
        dir,
        backend: backend.clone(),
        stop: None,
        task: None,
        pg,
        process: Some(process),
        database_url,
    }
}

impl TestApp {
    /// Kills the server process at once (`kill -9`), if it still runs, and waits for it to
    /// be gone: nothing is flushed or closed.
    pub async fn kill_hard(&mut self) {
        let process = self.process.as_mut().expect("a server process");
        let _ = process.child.kill().await;
    }

    /// The server process's id (to signal it while requests are in flight).
    pub fn process_id(&self) -> u32 {
        self.process
            .as_ref()
            .and_then(|p| p.child.id())
            .expect("a running server process")
    }

    /// Starts the server process again on the same database and port.
    pub async fn restart(&mut self) {
        let old = self.process.take().expect("a server process");
        let process = ServerProcess::start(self.dir.path(), &old.database_url, old.port).await;
        self.process = Some(process);
    }

    /// What the server process wrote to its log.
    pub fn process_log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
    }
}

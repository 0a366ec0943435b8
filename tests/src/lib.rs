//! Test harness: the real application on port 0 against a fresh database, a real SMTP
//! server, and the built server binary for command-line tests.

pub mod binary;
pub mod client;
pub mod courses;
mod database;
pub mod fixtures;
pub mod process;
pub mod relay;
pub mod smtp;
mod store_database;

pub use store_database::{StoreDatabase, store_database, store_database_before};

use database::TestDatabase;
use sea_orm::DatabaseConnection;
use server::{
    config::{Config, MailConfig, SmtpConfig, SmtpTls},
    startup::Application,
};
use smtp::{SmtpServer, free_port};
use std::{net::SocketAddr, path::PathBuf, time::Duration};
use tempfile::TempDir;
use tokio::{sync::oneshot, task::JoinHandle};

/// Database engines a test runs against.
#[derive(Clone, Debug)]
pub enum Backend {
    /// A fresh SQLite file in a temporary folder.
    Sqlite,
    /// A fresh database on the PostgreSQL server at this admin URL.
    Postgres(String),
}

impl Backend {
    /// Short name for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }
}

/// SQLite always; PostgreSQL too when `TEST_DATABASE_URL` is set.
pub fn backends() -> Vec<Backend> {
    let mut all = vec![Backend::Sqlite];
    match std::env::var("TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => all.push(Backend::Postgres(url)),
        _ => eprintln!("TEST_DATABASE_URL is not set: running on SQLite only"),
    }
    all
}

/// Knobs for one test application.
#[derive(Clone, Debug)]
pub struct TestOptions {
    /// Port of an SMTP server on 127.0.0.1 (which may not be up yet); `None` writes mail to a folder.
    pub smtp_port: Option<u16>,
    /// First retry delay of the mail worker.
    pub retry_base: Duration,
    /// Built site to serve; `None` uses an empty placeholder (enough for HTTP tests).
    pub site_root: Option<PathBuf>,
}

impl Default for TestOptions {
    fn default() -> Self {
        TestOptions {
            smtp_port: None,
            retry_base: Duration::from_millis(200),
            site_root: None,
        }
    }
}

/// A running application.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
    /// Address it listens on.
    pub addr: SocketAddr,
    /// The application's database.
    pub db: DatabaseConnection,
    /// Folder holding the SQLite file, the secret key and the mail folder; removed when the
    /// app is dropped.
    pub dir: TempDir,
    /// The backend it runs on.
    pub backend: Backend,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
    /// The PostgreSQL database; dropped with the app even when the test panics.
    pg: Option<TestDatabase>,
    /// The server, when it runs as a process of its own ([`process::spawn_process`]).
    process: Option<process::ServerProcess>,
    /// Its database's URL.
    database_url: String,
}

/// A configuration for tests: loopback, port 0, fresh storage under `dir`.
pub fn test_config(dir: &std::path::Path, database_url: String, options: &TestOptions) -> Config {
    let site_root = options.site_root.clone().unwrap_or_else(|| {
        let root = dir.join("site");
        std::fs::create_dir_all(root.join("pkg")).expect("placeholder site");
        root
    });
    Config {
        bind: "127.0.0.1:0".parse().expect("loopback address"),
        site_root,
        database_url,
        base_url: "http://127.0.0.1:0".to_owned(),
        data_dir: dir.to_path_buf(),
        secret_key_file: dir.join("secret.key"),
        trust_proxy: false,
        request_days: 7,
        retention_years: None,
        db_connections: None,
        mail: MailConfig {
            from: "Igang <no-reply@igang.test>".parse().expect("sender"),
            smtp: options.smtp_port.map(|port| SmtpConfig {
                host: "127.0.0.1".to_owned(),
                port,
                tls: SmtpTls::None,
                credentials: None,
                timeout: Duration::from_secs(5),
            }),
            file_dir: dir.join("mail"),
            retry_base: options.retry_base,
            retry_cap: Duration::from_secs(2),
            max_attempts: 50,
            poll_interval: Duration::from_millis(100),
        },
    }
}

/// Sends the application's logs to the test output when `TEST_LOG` is set.
pub(crate) fn init_logs() {
    if std::env::var_os("TEST_LOG").is_some() {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("info,sqlx=warn"))
            .with_test_writer()
            .try_init();
    }
}

/// Starts the application on `backend` with a fresh database.
pub async fn spawn_app(backend: &Backend, options: TestOptions) -> TestApp {
    init_logs();
    let (dir, database_url, pg) = database::prepared_database(backend, "igang-test-").await;
    run_app(backend, dir, database_url, pg, &options).await
}

/// Starts the application on a PostgreSQL `backend` reaching its database through a
/// [`relay::Relay`] the test can cut, to see the database vanish and come back.
pub async fn spawn_behind_relay(backend: &Backend) -> (TestApp, relay::Relay) {
    init_logs();
    let (dir, database_url, pg) = database::prepared_database(backend, "igang-relay-").await;
    let mut url = url::Url::parse(&database_url).expect("a database URL");
    let host = url.host_str().unwrap_or("127.0.0.1").to_owned();
    let port = url.port().unwrap_or(5432);
    let target = tokio::net::lookup_host((host.as_str(), port))
        .await
        .ok()
        .and_then(|mut found| found.next())
        .expect("the database server's address");
    let relay = relay::Relay::start(target).await;
    url.set_host(Some("127.0.0.1")).expect("a host");
    url.set_port(Some(relay.port)).expect("a port");
    let app = run_app(backend, dir, url.to_string(), pg, &TestOptions::default()).await;
    (app, relay)
}

/// Builds and runs the application with its storage in `dir` on `database_url`.
async fn run_app(
    backend: &Backend,
    dir: TempDir,
    database_url: String,
    pg: Option<TestDatabase>,
    options: &TestOptions,
) -> TestApp {
    let config = test_config(dir.path(), database_url.clone(), options);
    let application = Application::build(config)
        .await
        .expect("application starts");
    let addr = application.local_addr();
    let db = application.state().db.clone();
    let base_url = application.state().site.base_url.clone();
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(application.run_until(async move {
        let _ = stopped.await;
    }));
    TestApp {
        base_url,
        addr,
        db,
        dir,
        backend: backend.clone(),
        stop: Some(stop),
        task: Some(task),
        pg,
        process: None,
        database_url,
    }
}

impl TestApp {
    /// A second server on the same database and secret key, as a second machine behind a
    /// load balancer would run: its own port, mail worker and folder. Stopping it leaves the
    /// database to this one.
    pub async fn second_server(&self, options: TestOptions) -> TestApp {
        let dir = tempfile::Builder::new()
            .prefix("igang-second-")
            .tempdir()
            .expect("temp dir");
        std::fs::copy(
            self.dir.path().join("secret.key"),
            dir.path().join("secret.key"),
        )
        .expect("the first server's key");
        run_app(
            &self.backend,
            dir,
            self.database_url.clone(),
            None,
            &options,
        )
        .await
    }
}

/// Starts a real SMTP server and the application on `backend`, sending its mail there.
pub async fn spawn_with_mail(backend: &Backend) -> (TestApp, SmtpServer) {
    let smtp = SmtpServer::start(free_port()).await;
    let app = spawn_app(
        backend,
        TestOptions {
            smtp_port: Some(smtp.port),
            ..Default::default()
        },
    )
    .await;
    (app, smtp)
}

impl TestApp {
    /// A client that keeps cookies and does not follow redirects, like a careful browser.
    pub fn client(&self) -> reqwest::Client {
        self.client_from(std::net::Ipv4Addr::LOCALHOST)
    }

    /// A client whose requests come from `ip`, a loopback address (127.x.y.z): the server
    /// sees another network address, as it would a person elsewhere.
    pub fn client_from(&self, ip: std::net::Ipv4Addr) -> reqwest::Client {
        reqwest::Client::builder()
            .local_address(std::net::IpAddr::V4(ip))
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            // A request the server never answers fails the test instead of holding up the run.
            .timeout(Duration::from_secs(120))
            .build()
            .expect("http client")
    }

    /// Calls a server function as the page's own script does (same origin, JSON answer).
    pub async fn call(
        &self,
        client: &reqwest::Client,
        path: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let request = self
            .same_origin_post(client, path)
            .header("sec-fetch-site", "same-origin")
            .header("accept", "application/json");
        answer(request.form(form)).await
    }

    /// Posts a form to a server function as a browser without JavaScript does, from `page`.
    pub async fn form_post(
        &self,
        client: &reqwest::Client,
        path: &str,
        page: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let request = self
            .same_origin_post(client, path)
            .header("accept", "text/html,application/xhtml+xml")
            .header("referer", self.url(page));
        answer(request.form(form)).await
    }

    /// A POST to `path` from one of the site's own pages.
    pub fn same_origin_post(
        &self,
        client: &reqwest::Client,
        path: &str,
    ) -> reqwest::RequestBuilder {
        client.post(self.url(path)).header("origin", &self.base_url)
    }

    /// Loads a page as a browser does (`Accept: text/html`).
    pub async fn page(&self, client: &reqwest::Client, path: &str) -> reqwest::Response {
        answer(
            client
                .get(self.url(path))
                .header("accept", "text/html,application/xhtml+xml"),
        )
        .await
    }

    /// `base_url` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// Shuts the server down gracefully and removes its PostgreSQL database (a test that
    /// panics before this still has the database removed when its app is dropped).
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            task.await
                .expect("server task")
                .expect("server stopped cleanly");
        }
        if let Some(mut process) = self.process.take() {
            process.stop().await;
        }
        self.db.clone().close().await.ok();
        if let Some(database) = self.pg.take() {
            database.remove().await;
        }
    }
}

/// Sends a request the application must answer (with any status).
pub async fn answer(request: reqwest::RequestBuilder) -> reqwest::Response {
    request.send().await.expect("the application answers")
}

/// Sends a request; returns the body of the answer (with any status).
pub async fn body_of(request: reqwest::RequestBuilder) -> String {
    answer(request).await.text().await.expect("a text body")
}

/// Polls `check` every 50 ms until it returns `Some`, or panics after `timeout` with `what`.
pub async fn eventually<T, F, Fut>(timeout: Duration, what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        if let Some(value) = check().await {
            return value;
        }
        if tokio::time::Instant::now() >= deadline {
            panic!("timed out after {timeout:?} waiting for {what}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

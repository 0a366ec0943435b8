//! The dashboards over HTTP, on SQLite and PostgreSQL, each with a fixed data set.

mod centre;
mod national;
mod training;

/// The status a download answers `client` with.
async fn download_status(
    app: &igang_tests::TestApp,
    client: &reqwest::Client,
    path: &str,
) -> reqwest::StatusCode {
    client.get(app.url(path)).send().await.unwrap().status()
}

//! Course authoring over HTTP: the shipped curriculum, drafts, versions, publishing, the
//! catalogue, bundles, images and the rules on who may change what.

mod bundles;
mod curriculum;
mod drafts;
mod editors;
mod images;
mod permissions;
mod publishing;

use app::api::{
    admin::Page,
    authoring::CourseEditor,
    catalogue::{CatalogueCard, CourseOverview},
};
use igang_tests::{TestApp, fixtures::json};

/// The first page of the catalogue in `language`.
async fn catalogue(app: &TestApp, client: &reqwest::Client, language: &str) -> Vec<CatalogueCard> {
    let page: Page<CatalogueCard> = json(app.list_catalogue(client, language, 1).await).await;
    page.items
}

/// Whether the Danish catalogue lists the course with `slug`.
async fn in_catalogue(app: &TestApp, client: &reqwest::Client, slug: &str) -> bool {
    catalogue(app, client, "da")
        .await
        .iter()
        .any(|c| c.slug == slug)
}

/// The course as its editor shows it.
async fn editor(app: &TestApp, client: &reqwest::Client, course: &str) -> CourseEditor {
    json(app.load_course_editor(client, course).await).await
}

/// The published course's page.
async fn overview(app: &TestApp, client: &reqwest::Client, slug: &str) -> CourseOverview {
    json(app.load_course_overview(client, slug).await).await
}

/// Where a plain form post sends the browser next.
fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

//! Stored course HTML follows the renderer: lists keep their list element, and HTML an older
//! renderer left behind is rendered again.

use app::{
    domain::markdown::render,
    store::{entities::lesson, rendered},
};
use igang_tests::{TestOptions, backends, spawn_app};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

#[tokio::test]
async fn stored_html_follows_the_renderer() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let with_list = lesson::Entity::find()
            .filter(lesson::Column::Body.contains("\n- "))
            .one(&app.db)
            .await
            .unwrap()
            .expect("a shipped lesson with a bullet list");
        assert!(with_list.body_html.contains("<ul>"), "{}", backend.name());
        assert_eq!(
            rendered::refresh(&app.db).await.unwrap(),
            0,
            "{}",
            backend.name()
        );

        lesson::Entity::update_many()
            .col_expr(lesson::Column::BodyHtml, Expr::value("<li>stale</li>"))
            .filter(lesson::Column::Id.eq(with_list.id))
            .exec(&app.db)
            .await
            .unwrap();
        assert_eq!(
            rendered::refresh(&app.db).await.unwrap(),
            1,
            "{}",
            backend.name()
        );
        let again = lesson::Entity::find_by_id(with_list.id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(again.body_html, render(&again.body), "{}", backend.name());
        app.stop().await;
    }
}

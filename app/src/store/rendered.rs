//! The HTML stored beside authored Markdown (courses, modules, lessons), kept in step with
//! the renderer: when the renderer or its list of allowed tags changes, stored HTML is
//! rendered again at start-up, so readers never get what an older renderer made.

use super::entities::{course_module, course_version, lesson};
use crate::domain::markdown::render;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, sea_query::Expr,
};

/// Renders every stored body again and writes the rows whose HTML differs; returns how many.
pub async fn refresh(db: &impl ConnectionTrait) -> Result<usize, DbErr> {
    Ok(refresh_table::<lesson::Entity>(
        db,
        lesson::Column::Id,
        lesson::Column::Body,
        lesson::Column::BodyHtml,
    )
    .await?
        + refresh_table::<course_module::Entity>(
            db,
            course_module::Column::Id,
            course_module::Column::Body,
            course_module::Column::BodyHtml,
        )
        .await?
        + refresh_table::<course_version::Entity>(
            db,
            course_version::Column::Id,
            course_version::Column::Body,
            course_version::Column::BodyHtml,
        )
        .await?)
}

async fn refresh_table<E: EntityTrait>(
    db: &impl ConnectionTrait,
    id: E::Column,
    body: E::Column,
    html: E::Column,
) -> Result<usize, DbErr> {
    let rows: Vec<(i32, String, String)> = E::find()
        .select_only()
        .column(id)
        .column(body)
        .column(html)
        .into_tuple()
        .all(db)
        .await?;
    let mut changed = 0;
    for (row, markdown, stored) in rows {
        let fresh = render(&markdown);
        if fresh != stored {
            E::update_many()
                .col_expr(html, Expr::value(fresh))
                .filter(id.eq(row))
                .exec(db)
                .await?;
            changed += 1;
        }
    }
    Ok(changed)
}

//! The courses someone follows learners of, with how many learners each has for them.

use crate::{api::admin::Page, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A course in the teaching list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaughtCourse {
    /// Public id.
    pub id: String,
    /// Title of the published (or working) version.
    pub title: String,
    /// Language code.
    pub language: String,
    /// Learners who started it.
    pub learners: i64,
}

/// The courses the signed-in person follows learners of.
#[server(endpoint = "teach/courses")]
pub async fn list_teaching(page: u64) -> Result<Page<TaughtCourse>, AppError> {
    use crate::{
        api::context::state,
        domain::authz::{Action, allows},
        store::{courses, entities::course, learning},
    };
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
    let auth = super::ssr::follower()?;
    let subject = auth.subject();
    let db = state()?.db;
    let admin = allows(Some(&subject), Action::ManageUsers);
    let taught = if allows(Some(&subject), Action::TeachCourse { teaches: true }) {
        learning::taught_by(&db, auth.user.id).await?
    } else {
        Vec::new()
    };
    // Coordinators see the courses their centres' learners take, with those learners only.
    let centres = crate::domain::authz::followed_centres(&subject);
    let mut query = course::Entity::find();
    if !admin {
        let with_centres = learning::courses_with_centres(&centres);
        query = query.filter(
            sea_orm::Condition::any()
                .add(course::Column::Id.is_in(taught.iter().copied()))
                .add(course::Column::Id.in_subquery(with_centres)),
        );
    }
    let page = page.clamp(1, 100_000);
    let paginator = query
        .order_by_asc(course::Column::Slug)
        .paginate(&db, super::PER_PAGE);
    let total = paginator.num_items().await?;
    let rows = paginator.fetch_page(page - 1).await?;
    let ids: Vec<_> = rows.iter().map(|c| c.id).collect();
    let (all_ids, centre_ids): (Vec<_>, Vec<_>) =
        ids.iter().partition(|id| admin || taught.contains(id));
    let mut counts = learning::learner_counts(&db, &all_ids, None).await?;
    counts.extend(learning::learner_counts(&db, &centre_ids, Some(&centres)).await?);
    let titles = courses::titles_of(&db, &rows).await?;
    Ok(Page {
        items: rows
            .into_iter()
            .map(|c| TaughtCourse {
                title: titles.get(&c.id).cloned().unwrap_or_else(|| c.slug.clone()),
                learners: counts.get(&c.id).copied().unwrap_or(0),
                language: c.language,
                id: c.public_id,
            })
            .collect(),
        page,
        pages: total.div_ceil(super::PER_PAGE).max(1),
        total,
    })
}

//! The retention pass: under a retention period, the owners of accounts unused for nearly
//! that long are warned by mail, and the accounts still unused a month later are removed
//! the way their owners would remove them (`store::erasure`). Each step happens once: its
//! mark is written in the transaction that queues the mail or removes the account.

use crate::{
    domain::{
        email::EmailAddress,
        retention::{Due, WARNING_DAYS, due, period},
        role::Role,
    },
    mail::{self, MailError, Template},
    store::{
        StoreError, audit,
        db::begin_write,
        entities::{user, user_role},
        erasure,
    },
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
    QuerySelect,
    sea_query::{Expr, Query},
};

/// Accounts looked at in one pass; the rest wait for the next.
const BATCH: u64 = 500;

/// What one pass did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Retained {
    /// Owners warned.
    pub warned: usize,
    /// Accounts removed.
    pub removed: usize,
}

/// Why a pass stopped.
#[derive(Debug, thiserror::Error)]
pub enum RetentionError {
    /// Reading or writing failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A warning could not be queued.
    #[error(transparent)]
    Mail(#[from] MailError),
    /// Seats at workshops to come could not be passed on.
    #[error(transparent)]
    Seats(#[from] crate::errors::AppError),
}

impl From<sea_orm::DbErr> for RetentionError {
    fn from(error: sea_orm::DbErr) -> Self {
        RetentionError::Store(error.into())
    }
}

/// Warns and removes what is due at `now` under a period of `years`; links point at
/// `base_url`.
pub async fn pass(
    db: &DatabaseConnection,
    base_url: &str,
    years: i64,
    now: DateTime<Utc>,
) -> Result<Retained, RetentionError> {
    let mut done = Retained::default();
    // Unused since before this moment: within a month of the period's end.
    let since = now - period(years) + Duration::days(WARNING_DAYS);
    let waited = now - Duration::days(WARNING_DAYS);
    let last_active =
        || Expr::col(user::Column::LastSignedInAt).if_null(Expr::col(user::Column::CreatedAt));
    let admins = Query::select()
        .column(user_role::Column::UserId)
        .from(user_role::Entity)
        .and_where(user_role::Column::Role.eq(Role::Admin))
        .to_owned();
    // Only accounts something may be due for: not yet warned, or warned a month ago or more.
    let unused = user::Entity::find()
        .filter(user::Column::DeletedAt.is_null())
        .filter(Condition::all().add(last_active().lt(since)))
        .filter(
            Condition::any()
                .add(user::Column::RetentionWarnedAt.is_null())
                .add(user::Column::RetentionWarnedAt.lte(waited)),
        )
        .filter(user::Column::Id.not_in_subquery(admins))
        .order_by_asc(user::Column::Id)
        .limit(BATCH)
        .all(db)
        .await?;
    for person in unused {
        let active = person.last_signed_in_at.unwrap_or(person.created_at);
        match due(active, person.retention_warned_at, years, now) {
            Due::Nothing => {}
            Due::Warn => {
                let txn = begin_write(db).await?;
                // Checked again under the row's lock: a sign-in meanwhile keeps it unwarned.
                let marked = user::Entity::update_many()
                    .col_expr(user::Column::RetentionWarnedAt, Expr::value(Some(now)))
                    .filter(user::Column::Id.eq(person.id))
                    .filter(user::Column::RetentionWarnedAt.is_null())
                    .filter(user::Column::DeletedAt.is_null())
                    .filter(Condition::all().add(last_active().lt(since)))
                    .exec(&txn)
                    .await?;
                if marked.rows_affected != 1 {
                    continue;
                }
                if let Ok(to) = EmailAddress::parse(&person.email) {
                    mail::queue(
                        &txn,
                        &to,
                        person.language.parse().unwrap_or_default(),
                        Template::AccountRetention,
                        serde_json::json!({
                            "name": person.display_name,
                            "days": WARNING_DAYS,
                            "years": years,
                            "link": format!("{base_url}/login"),
                        }),
                    )
                    .await?;
                }
                txn.commit().await?;
                done.warned += 1;
            }
            Due::Remove => {
                let txn = begin_write(db).await?;
                // Checked again under the row's lock: a sign-in meanwhile keeps the account.
                let still = user::Entity::update_many()
                    .col_expr(
                        user::Column::RetentionWarnedAt,
                        Expr::col(user::Column::RetentionWarnedAt),
                    )
                    .filter(user::Column::Id.eq(person.id))
                    .filter(user::Column::DeletedAt.is_null())
                    .filter(user::Column::RetentionWarnedAt.lte(waited))
                    .filter(Condition::all().add(last_active().lt(now - period(years))))
                    .exec(&txn)
                    .await?;
                if still.rows_affected != 1 {
                    continue;
                }
                audit::record(
                    &txn,
                    audit::Event::AccountDeleted,
                    None,
                    Some(person.id),
                    None,
                    now,
                )
                .await?;
                crate::api::workshops::ssr::give_up_places(&txn, base_url, person.id, now).await?;
                if erasure::erase(&txn, person.id, now).await? {
                    txn.commit().await?;
                    done.removed += 1;
                }
            }
        }
    }
    Ok(done)
}

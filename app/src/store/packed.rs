//! Many rows read as one value: the database packs them into a JSON array of arrays, so a
//! read of thousands of rows, or of a handful beside another row, crosses over once. SQLite
//! hands each row of a result over to the request on its own, and for a large read that
//! hand-over costs more than finding the rows.

use sea_orm::{
    DbBackend, DbErr,
    sea_query::{Alias, Expr, ExprTrait, Func},
};
use serde::de::DeserializeOwned;

/// An aggregate of `columns` over the rows of its query, as JSON text: an array holding an
/// array of the columns' values per row. Over no rows it is `[]` on SQLite and NULL on
/// PostgreSQL; [`unpack`] reads both as no rows.
pub fn rows_as_json(backend: DbBackend, columns: impl IntoIterator<Item = Expr>) -> Expr {
    let (array, aggregate) = match backend {
        DbBackend::Postgres => ("json_build_array", "json_agg"),
        _ => ("json_array", "json_group_array"),
    };
    let row = Func::cust(Alias::new(array)).args(columns);
    Expr::from(Func::cust(Alias::new(aggregate)).arg(row)).cast_as(Alias::new("text"))
}

/// The rows an aggregate of [`rows_as_json`] packed, each read as `T` (a tuple or a tuple
/// struct, in the columns' order); `what` names them in an error.
pub fn unpack<T: DeserializeOwned>(text: Option<&str>, what: &str) -> Result<Vec<T>, DbErr> {
    match text {
        Some(text) => serde_json::from_str(text).map_err(|e| DbErr::Json(format!("{what}: {e}"))),
        None => Ok(Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::sea_query::{Query, SqliteQueryBuilder};

    #[test]
    fn sqlite_packs_with_its_own_functions() {
        let sql = Query::select()
            .expr(rows_as_json(
                DbBackend::Sqlite,
                [Expr::col(Alias::new("a")), Expr::col(Alias::new("b"))],
            ))
            .from(Alias::new("t"))
            .to_string(SqliteQueryBuilder);
        assert_eq!(
            sql,
            r#"SELECT CAST(json_group_array(json_array("a", "b")) AS text) FROM "t""#
        );
    }

    #[test]
    fn no_rows_and_some_rows_unpack() {
        let none: Vec<(i32, String)> = unpack(None, "rows").unwrap();
        assert!(none.is_empty());
        let empty: Vec<(i32, String)> = unpack(Some("[]"), "rows").unwrap();
        assert!(empty.is_empty());
        let rows: Vec<(i32, Option<i32>)> = unpack(Some("[[1,null],[2,7]]"), "rows").unwrap();
        assert_eq!(rows, [(1, None), (2, Some(7))]);
        assert!(unpack::<(i32,)>(Some("[[\"x\"]]"), "rows").is_err());
    }
}

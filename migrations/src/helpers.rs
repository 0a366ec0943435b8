//! Small builders the migrations share: names, foreign keys to a table's `id`, and indexes.

use sea_orm_migration::prelude::*;

/// A table or column name.
pub(crate) fn a(name: &str) -> Alias {
    Alias::new(name)
}

/// A foreign key from `from.column` to `to.id`, with `action` on delete.
pub(crate) fn fk(
    from: &str,
    column: &str,
    to: &str,
    action: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(a(from), a(column))
        .to(a(to), a("id"))
        .on_delete(action)
        .to_owned()
}

/// An index named `name` on `table`'s `columns`, unique when `unique`.
pub(crate) fn index(
    name: &str,
    table: &str,
    columns: &[&str],
    unique: bool,
) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(a(table));
    if unique {
        index.unique();
    }
    for column in columns {
        index.col(a(column));
    }
    index.to_owned()
}

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

/// An index that another replaces: its table, its name and columns before and after.
pub(crate) struct Replaced {
    pub table: &'static str,
    pub old: (&'static str, &'static [&'static str]),
    pub new: (&'static str, &'static [&'static str]),
}

impl Replaced {
    /// Puts the new index in the old one's place.
    pub(crate) async fn up(&self, manager: &SchemaManager<'_>) -> Result<(), DbErr> {
        swap(manager, self.table, self.old.0, self.new).await
    }

    /// Puts the old index back.
    pub(crate) async fn down(&self, manager: &SchemaManager<'_>) -> Result<(), DbErr> {
        swap(manager, self.table, self.new.0, self.old).await
    }
}

/// Creates the index `name` on `table`'s `columns`, then drops `drop`: the table is never
/// without one of the two.
async fn swap(
    manager: &SchemaManager<'_>,
    table: &str,
    drop: &str,
    (name, columns): (&str, &[&str]),
) -> Result<(), DbErr> {
    manager
        .create_index(index(name, table, columns, false))
        .await?;
    manager
        .drop_index(Index::drop().name(drop).table(a(table)).to_owned())
        .await
}

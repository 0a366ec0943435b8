//! The product's enums as text columns and its typed ids as integer columns. An enum is stored
//! in its written form (`as_str`) and read back through its parser, so entities hold the enum
//! and no query compares loose strings; an unknown stored value is a read error, never a
//! silent default. An id is stored as its number.

use crate::domain::{
    certification::{CertificateCode, ReflectionRule},
    course::{CourseStatus, QuestionKind, ReviewMode, VersionState},
    ids::{
        CertificateId, CourseId, EnrolmentId, LessonId, ModuleId, OptionId, ProgrammeId,
        QuestionId, ReflectionId, VersionId, WorkshopId,
    },
    learning::ReflectionState,
    role::Role,
    workshops::Placement,
};

/// Maps `$name` to a text column, parsing with `$parse: fn(&str) -> Option<$name>`.
macro_rules! text_column {
    ($name:ty, $parse:expr) => {
        impl From<$name> for sea_orm::Value {
            fn from(value: $name) -> Self {
                value.as_str().into()
            }
        }

        impl sea_orm::TryGetable for $name {
            fn try_get_by<I: sea_orm::ColIdx>(
                res: &sea_orm::QueryResult,
                idx: I,
            ) -> Result<Self, sea_orm::TryGetError> {
                let text = String::try_get_by(res, idx)?;
                ($parse)(&text).ok_or_else(|| {
                    sea_orm::TryGetError::DbErr(sea_orm::DbErr::Type(format!(
                        "unknown {} {text:?}",
                        stringify!($name)
                    )))
                })
            }
        }

        impl sea_orm::sea_query::ValueType for $name {
            fn try_from(value: sea_orm::Value) -> Result<Self, sea_orm::sea_query::ValueTypeErr> {
                let text = <String as sea_orm::sea_query::ValueType>::try_from(value)?;
                ($parse)(&text).ok_or(sea_orm::sea_query::ValueTypeErr)
            }

            fn type_name() -> String {
                stringify!($name).to_owned()
            }

            fn array_type() -> sea_orm::sea_query::ArrayType {
                sea_orm::sea_query::ArrayType::String
            }

            fn column_type() -> sea_orm::sea_query::ColumnType {
                sea_orm::sea_query::ColumnType::String(sea_orm::sea_query::StringLen::None)
            }
        }

        impl sea_orm::sea_query::Nullable for $name {
            fn null() -> sea_orm::Value {
                sea_orm::Value::String(None)
            }
        }

        impl sea_orm::IntoActiveValue<$name> for $name {
            fn into_active_value(self) -> sea_orm::ActiveValue<$name> {
                sea_orm::ActiveValue::Set(self)
            }
        }
    };
}

text_column!(CourseStatus, |s: &str| s.parse::<CourseStatus>().ok());
text_column!(VersionState, |s: &str| s.parse::<VersionState>().ok());
text_column!(QuestionKind, |s: &str| s.parse::<QuestionKind>().ok());
text_column!(ReviewMode, |s: &str| s.parse::<ReviewMode>().ok());
text_column!(Role, |s: &str| s.parse::<Role>().ok());
text_column!(ReflectionState, ReflectionState::parse);
text_column!(ReflectionRule, ReflectionRule::parse);
text_column!(Placement, Placement::parse);
text_column!(CertificateCode, CertificateCode::parse);

/// Maps each id type to an integer column (and a primary key).
macro_rules! id_column {
    ($($name:ty),*) => {$(
        impl From<$name> for sea_orm::Value {
            fn from(id: $name) -> Self {
                id.get().into()
            }
        }

        impl sea_orm::TryGetable for $name {
            fn try_get_by<I: sea_orm::ColIdx>(
                res: &sea_orm::QueryResult,
                idx: I,
            ) -> Result<Self, sea_orm::TryGetError> {
                i32::try_get_by(res, idx).map(<$name>::new)
            }
        }

        impl sea_orm::sea_query::ValueType for $name {
            fn try_from(
                value: sea_orm::Value,
            ) -> Result<Self, sea_orm::sea_query::ValueTypeErr> {
                <i32 as sea_orm::sea_query::ValueType>::try_from(value).map(<$name>::new)
            }

            fn type_name() -> String {
                stringify!($name).to_owned()
            }

            fn array_type() -> sea_orm::sea_query::ArrayType {
                sea_orm::sea_query::ArrayType::Int
            }

            fn column_type() -> sea_orm::sea_query::ColumnType {
                sea_orm::sea_query::ColumnType::Integer
            }
        }

        impl sea_orm::sea_query::Nullable for $name {
            fn null() -> sea_orm::Value {
                sea_orm::Value::Int(None)
            }
        }

        impl sea_orm::IntoActiveValue<$name> for $name {
            fn into_active_value(self) -> sea_orm::ActiveValue<$name> {
                sea_orm::ActiveValue::Set(self)
            }
        }

        impl sea_orm::TryFromU64 for $name {
            fn try_from_u64(n: u64) -> Result<Self, sea_orm::DbErr> {
                i32::try_from_u64(n).map(<$name>::new)
            }
        }
    )*};
}

id_column!(
    CourseId,
    VersionId,
    ModuleId,
    LessonId,
    QuestionId,
    OptionId,
    EnrolmentId,
    ReflectionId,
    ProgrammeId,
    WorkshopId,
    CertificateId
);

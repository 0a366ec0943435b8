//! Visible results: the figures a centre shows the municipality and funders behind it, the
//! training figures a trainer improves their courses by, and the national figures.

mod centre;
mod national;
mod training;

#[cfg(feature = "ssr")]
pub use centre::centre_dashboard;
pub use centre::{CentreDashboard, EXPIRING_DAYS, LoadCentreDashboard, load_centre_dashboard};
pub use national::{LoadNationalDashboard, NationalDashboard, load_national_dashboard};
#[cfg(feature = "ssr")]
pub use national::{local_month, national_dashboard};
pub use training::{
    CourseFunnel, LoadTrainingDashboard, MissedQuestion, TrainingDashboard, WorkshopFill,
    load_training_dashboard,
};
#[cfg(feature = "ssr")]
pub use training::{TrainingScope, training_dashboard, training_scope};

//! The learner's pages: starting a course from its overview, the course player at
//! `/learn/lessons/:id`, and the dashboard at `/learn`.

mod dashboard;
mod outline;
mod player;
mod quiz;
mod standing;

pub use dashboard::DashboardPage;
pub use player::PlayerPage;
pub use standing::Standing;

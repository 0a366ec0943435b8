//! Following learners: the courses someone teaches, each course's learners with filters,
//! the queue of reflections to review, and a course's trainers.
//!
//! A course's trainers and administrators see all its learners; a centre's coordinators see
//! those who take it with their centre. Reviewing reflections is for trainers of the course.

mod courses;
mod learners;
mod reviews;
#[cfg(feature = "ssr")]
pub mod ssr;
mod trainers;

pub use courses::{ListTeaching, TaughtCourse, list_teaching};
pub use learners::{
    LearnerOverview, LearnerView, LoadLearners, ModuleCount, QuizCount, TrainerEntry, load_learners,
};
pub use reviews::{QueueEntry, ReviewQueue, ReviewReflection, review_queue, review_reflection};
pub use trainers::{
    AddCourseTrainer, RemoveCourseTrainer, add_course_trainer, remove_course_trainer,
};

/// Rows per page of learners and of the review queue.
pub const PER_PAGE: u64 = 25;

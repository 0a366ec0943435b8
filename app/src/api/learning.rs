//! Taking courses: starting one, the course player, quizzes, reflections and the learner's
//! own overview. Every function acts for the signed-in learner on their own enrolment only.

mod dashboard;
mod player;
#[cfg(feature = "ssr")]
pub(crate) mod ssr;
mod standing;

pub use dashboard::{
    Dashboard, LoadDashboard, MyCourseCard, OpenReflection, PER_PAGE, load_dashboard,
};
pub use player::{
    AttemptView, Done, LoadPlayer, MarkLessonDone, OptionFeedback, PlayerLesson, QuizState,
    ReflectionView, SaveReflection, SubmitQuiz, load_player, mark_lesson_done, save_reflection,
    submit_quiz,
};
pub use standing::{
    CentreChoice, Enrol, LessonState, LoadStanding, ModuleState, MyProgress, Standing, enrol,
    load_standing,
};

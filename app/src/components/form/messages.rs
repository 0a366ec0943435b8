//! The words shown for refused input: a field's problem, a password that is too easy to
//! guess, and an error that is not about one field.

use crate::{
    domain::{groups::AcceptRefused, password_policy::Weakness},
    errors::{AppError, Problem},
    i18n::*,
};
use leptos::prelude::*;

/// The sentence shown for a field problem.
pub fn problem_message(i18n: leptos_i18n::I18nContext<Locale>, problem: Problem) -> String {
    match problem {
        Problem::Required => t_string!(i18n, errors.required).to_string(),
        Problem::TooLong => t_string!(i18n, errors.too_long).to_string(),
        Problem::InvalidEmail => t_string!(i18n, errors.invalid_email).to_string(),
        Problem::PasswordTooShort => t_string!(i18n, errors.password_too_short).to_string(),
        Problem::PasswordTooLong => t_string!(i18n, errors.password_too_long).to_string(),
        Problem::PasswordTooEasy(weakness) => weakness_message(i18n, weakness),
        Problem::UnknownLanguage => t_string!(i18n, errors.unknown_language).to_string(),
        Problem::WrongCode => t_string!(i18n, errors.wrong_code).to_string(),
        Problem::WrongPassword => t_string!(i18n, errors.wrong_password).to_string(),
        Problem::MustConfirm => t_string!(i18n, errors.must_confirm).to_string(),
        Problem::OutOfRange => t_string!(i18n, errors.out_of_range).to_string(),
        Problem::NotAllowed => t_string!(i18n, errors.not_allowed).to_string(),
        Problem::HasQuestions => t_string!(i18n, errors.has_questions).to_string(),
        Problem::QuizFirst => t_string!(i18n, errors.quiz_first).to_string(),
    }
}

/// Why a password is refused as too easy to guess, in words a person can act on.
fn weakness_message(i18n: leptos_i18n::I18nContext<Locale>, weakness: Weakness) -> String {
    let reason = match weakness {
        Weakness::CommonPassword => t_string!(i18n, errors.weak.common),
        Weakness::CommonWithChanges => t_string!(i18n, errors.weak.common_with_changes),
        Weakness::PersonalDetails => t_string!(i18n, errors.weak.personal),
        Weakness::KeyboardPattern => t_string!(i18n, errors.weak.keyboard),
        Weakness::Repeats => t_string!(i18n, errors.weak.repeats),
        Weakness::Sequence => t_string!(i18n, errors.weak.sequence),
        Weakness::Dates => t_string!(i18n, errors.weak.dates),
        Weakness::Names => t_string!(i18n, errors.weak.names),
        Weakness::SingleWord => t_string!(i18n, errors.weak.single_word),
        Weakness::Other => t_string!(i18n, errors.weak.other),
    };
    format!("{} {}", reason, t_string!(i18n, errors.weak.advice))
}

/// The sentence shown for an error that is not about one field.
pub fn error_message(i18n: leptos_i18n::I18nContext<Locale>, error: &AppError) -> AnyView {
    match error {
        AppError::Invalid(_) => t!(i18n, errors.summary).into_any(),
        AppError::InvalidCredentials => t!(i18n, errors.invalid_credentials).into_any(),
        AppError::EmailNotVerified => t!(i18n, errors.email_not_verified).into_any(),
        AppError::RateLimited { minutes } => {
            let minutes = *minutes;
            t!(i18n, errors.rate_limited, minutes = move || minutes).into_any()
        }
        AppError::LinkInvalid => t!(i18n, errors.link_invalid).into_any(),
        AppError::Unauthenticated => t!(i18n, errors.unauthenticated).into_any(),
        AppError::Forbidden => t!(i18n, errors.forbidden).into_any(),
        AppError::NotFound => t!(i18n, errors.not_found).into_any(),
        AppError::Internal => t!(i18n, errors.internal).into_any(),
        AppError::NotEditable => t!(i18n, errors.not_editable).into_any(),
        AppError::NothingToPublish => t!(i18n, errors.nothing_to_publish).into_any(),
        AppError::CourseFlaws(_) => t!(i18n, errors.course_flaws).into_any(),
        AppError::ProgrammeFlaws(_) => t!(i18n, errors.programme_flaws).into_any(),
        AppError::SlugTaken => t!(i18n, errors.slug_taken).into_any(),
        AppError::Request(_) => t!(i18n, errors.request).into_any(),
        AppError::NotEnrolled => t!(i18n, errors.not_enrolled).into_any(),
        AppError::Locked => t!(i18n, errors.locked).into_any(),
        AppError::NoAttemptsLeft => t!(i18n, errors.no_attempts_left).into_any(),
        AppError::CoolingDown { minutes } => {
            let minutes = *minutes;
            t!(i18n, errors.cooling_down, minutes = move || minutes).into_any()
        }
        AppError::AlreadySent => t!(i18n, errors.already_sent).into_any(),
        AppError::Busy => t!(i18n, errors.busy).into_any(),
        AppError::AlreadyReviewed => t!(i18n, errors.already_reviewed).into_any(),
        AppError::WorkshopStarted => t!(i18n, errors.workshop_started).into_any(),
        AppError::AttendanceNotOpen => t!(i18n, errors.attendance_not_open).into_any(),
        AppError::CannotAsk => t!(i18n, errors.cannot_ask).into_any(),
        AppError::AnswerRefused(AcceptRefused::NotPending) => {
            t!(i18n, errors.answer_not_pending).into_any()
        }
        AppError::AnswerRefused(AcceptRefused::GroupTaken) => {
            t!(i18n, errors.answer_group_taken).into_any()
        }
        AppError::AnswerRefused(AcceptRefused::NoPlaceLeft) => {
            t!(i18n, errors.answer_no_place).into_any()
        }
        AppError::GroupMoved => t!(i18n, errors.group_moved).into_any(),
        AppError::SurveyClosed => t!(i18n, errors.survey_closed).into_any(),
        AppError::ConfirmPasswordFirst => t!(i18n, errors.confirm_password_first).into_any(),
        AppError::Unavailable => t!(i18n, errors.unavailable).into_any(),
    }
}

//! Form building blocks: labelled fields with hints and errors, and the error banner.

use crate::{
    domain::password_policy::Weakness,
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
    }
}

/// What a person typed into a form the server refused, for the page shown again with the
/// error. Passwords are never kept. The server puts it on the request it renders.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeptForm(Vec<(String, String)>);

impl KeptForm {
    /// The posted fields, less every password.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> KeptForm {
        KeptForm(
            pairs
                .into_iter()
                .filter(|(name, _)| !name.contains("password") && name != "code")
                .collect(),
        )
    }

    /// The value posted for field `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// The refused form this page is rendered for, if it is.
fn kept_form() -> Option<KeptForm> {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()?
            .extensions
            .get::<KeptForm>()
            .cloned()
    }
    #[cfg(not(feature = "ssr"))]
    None
}

/// What was typed into field `name` of a refused form, while `error` (that form's error)
/// is shown.
pub fn kept_value(error: ErrorSignal, name: &str) -> Option<String> {
    error.get_untracked()?;
    kept_form()?.get(name).map(str::to_owned)
}

/// `error`, only while it belongs to the form identified by `field` = `value`.
///
/// Several forms on one page can post to the same server function (one per question, module
/// or reflection). A refused plain post names only the function, so the posted id decides
/// which of them shows the error and gets the typed values back.
pub fn scoped(error: ErrorSignal, field: &'static str, value: impl ToString) -> ErrorSignal {
    let mine = value.to_string();
    let belongs = kept_form().is_none_or(|kept| kept.get(field) == Some(mine.as_str()));
    Signal::derive(move || error.get().filter(|_| belongs))
}

/// The latest error of a form's action, as a signal.
pub type ErrorSignal = Signal<Option<AppError>>;

/// A banner with the form-level message; announced to screen readers.
#[component]
pub fn FormError(error: ErrorSignal) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().map(|error| {
            view! {
                <div class="alert error" role="alert">
                    {error_message(i18n, &error)}
                </div>
            }
        })
    }
}

/// The `aria-describedby` of a field: its hint, and its error while there is one.
fn described_by(
    has_hint: bool,
    hint_id: String,
    error_id: String,
    problem: impl Fn() -> Option<Problem> + Send + Sync + 'static,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(hint_id.clone());
        }
        if problem().is_some() {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// A labelled input with an optional hint and the field's own error message.
#[component]
pub fn Field(
    /// The input's `name` (and, prefixed, its `id`).
    name: &'static str,
    /// Visible label.
    label: String,
    /// `type` attribute.
    #[prop(default = "text")]
    kind: &'static str,
    /// `autocomplete` attribute.
    #[prop(optional)]
    autocomplete: &'static str,
    /// Help text under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// Whether the field must be filled in.
    #[prop(default = true)]
    required: bool,
    /// `maxlength` attribute.
    #[prop(optional)]
    maxlength: Option<u32>,
    /// Starting value.
    #[prop(optional, into)]
    value: Option<String>,
    /// Prefix for the `id`, when one page has several forms with this field.
    #[prop(optional, into)]
    id_prefix: String,
    /// The form's latest error.
    error: ErrorSignal,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("field-{id_prefix}{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let problem = move || error.get().and_then(|e| e.problem_for(name));
    let described_by = described_by(hint.is_some(), hint_id.clone(), error_id.clone(), problem);
    let value = if kind == "password" {
        None
    } else {
        kept_value(error, name).or(value)
    };
    view! {
        <div class="field" class:has-error=move || problem().is_some()>
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            {move || {
                problem()
                    .map(|p| {
                        view! {
                            <p class="field-error" id=error_id.clone()>
                                {problem_message(i18n, p)}
                            </p>
                        }
                    })
            }}
            <input
                id=id.clone()
                name=name
                type=kind
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                required=required
                maxlength=maxlength
                value=value
                aria-invalid=move || problem().is_some().then_some("true")
                aria-describedby=described_by
            />
        </div>
    }
}

/// A labelled multi-line text field with an optional hint and the field's own error.
#[component]
pub fn TextArea(
    /// The textarea's `name`.
    name: &'static str,
    /// Visible label.
    label: String,
    /// Help text under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// Starting text.
    #[prop(optional, into)]
    value: String,
    /// Visible rows.
    #[prop(default = 4)]
    rows: u32,
    /// `maxlength` attribute.
    #[prop(optional)]
    maxlength: Option<u32>,
    /// Whether it must be filled in.
    #[prop(optional)]
    required: bool,
    /// Prefix for the `id`, when one page has several forms with this field.
    #[prop(optional, into)]
    id_prefix: String,
    /// The form's latest error.
    error: ErrorSignal,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("field-{id_prefix}{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let problem = move || error.get().and_then(|e| e.problem_for(name));
    let described_by = described_by(hint.is_some(), hint_id.clone(), error_id.clone(), problem);
    let value = kept_value(error, name).unwrap_or(value);
    view! {
        <div class="field" class:has-error=move || problem().is_some()>
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            {move || problem().map(|p| view! { <p class="field-error" id=error_id.clone()>{problem_message(i18n, p)}</p> })}
            <textarea
                id=id.clone()
                name=name
                rows=rows
                maxlength=maxlength
                required=required
                aria-invalid=move || problem().is_some().then_some("true")
                aria-describedby=described_by
            >
                {value}
            </textarea>
        </div>
    }
}

/// A labelled checkbox.
#[component]
pub fn CheckBox(
    /// The input's `name`.
    name: &'static str,
    /// Visible label.
    label: String,
    /// Whether it starts ticked.
    #[prop(optional)]
    checked: bool,
    /// Prefix for the `id`, when one page has several forms with this field.
    #[prop(optional, into)]
    id_prefix: String,
) -> impl IntoView {
    let id = format!("field-{id_prefix}{name}");
    view! {
        <div class="field checkbox">
            <input type="checkbox" id=id.clone() name=name checked=checked />
            <label for=id>{label}</label>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::KeptForm;

    #[test]
    fn a_kept_form_never_holds_a_password_or_a_code() {
        let kept = KeptForm::from_pairs([
            ("name".to_owned(), "Freja".to_owned()),
            ("password".to_owned(), "hemmelig".to_owned()),
            ("current_password".to_owned(), "gammel".to_owned()),
            ("code".to_owned(), "abcde-fghjk".to_owned()),
        ]);
        assert_eq!(kept.get("name"), Some("Freja"));
        assert_eq!(kept.get("password"), None);
        assert_eq!(kept.get("current_password"), None);
        assert_eq!(kept.get("code"), None);
    }
}

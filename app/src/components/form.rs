//! Form building blocks: forms that post to the server, labelled fields with hints and
//! errors, the language choice, and the error banner.

use crate::{
    domain::{language::Language, password_policy::Weakness},
    errors::{AppError, Problem},
    i18n::*,
};
use leptos::{
    prelude::*,
    server_fn::{
        Http, ServerFn, client::Client, codec::PostUrl, error::ServerFnUrlError, request::ClientReq,
    },
};
use leptos_router::hooks::use_query_map;
use serde::de::DeserializeOwned;

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

/// The latest error of a server action, for forms.
///
/// Without JavaScript a failed form post comes back to the page with the error in the
/// address (`__path`, `__err`); it is shown until the form is sent again.
pub fn action_error<F>(action: ServerAction<F>) -> ErrorSignal
where
    F: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    F::Output: Send + Sync + 'static,
{
    let query = use_query_map();
    let from_address = Memo::new(move |_| {
        let query = query.read();
        (query.get("__path").as_deref() == Some(F::PATH))
            .then(|| query.get("__err"))
            .flatten()
            .map(|err| ServerFnUrlError::<AppError>::decode_err(&err))
    });
    Signal::derive(move || {
        action.value().with(|value| match value {
            Some(result) => result.as_ref().err().cloned(),
            None => from_address.get(),
        })
    })
}

/// The fields of a [`PostForm`], made once the form's latest error is known so that each
/// field can show its own problem.
pub struct FormFields(Box<dyn FnOnce(ErrorSignal) -> AnyView + Send>);

impl<F, V> From<F> for FormFields
where
    F: FnOnce(ErrorSignal) -> V + Send + 'static,
    V: IntoView + 'static,
{
    fn from(fields: F) -> FormFields {
        FormFields(Box::new(move |error| fields(error).into_any()))
    }
}

/// A form that posts to a server function: the form-level error banner, the fields, and
/// the submit button. Works as a plain form post without JavaScript.
///
/// The fields are the children, given the form's latest error (`let:error`).
#[component]
pub fn PostForm<F, P>(
    /// The server function the form posts to.
    action: ServerAction<F>,
    /// The submit button's label.
    submit: impl IntoView + 'static,
    /// The submit button's classes.
    #[prop(default = "button primary")]
    button: &'static str,
    /// Whether the browser leaves checking the fields to the server, whose messages name
    /// the field and the problem.
    #[prop(default = true)]
    novalidate: bool,
    /// The token of the mailed link that opened the page, posted along.
    #[prop(optional, into)]
    token: Option<Signal<String>>,
    /// The fields, between the error banner and the button.
    #[prop(optional, into)]
    children: Option<FormFields>,
) -> impl IntoView
where
    F: DeserializeOwned
        + ServerFn<Protocol = Http<PostUrl, P>, Error = AppError>
        + Clone
        + Send
        + Sync
        + 'static,
    <<F::Client as Client<AppError>>::Request as ClientReq<AppError>>::FormData:
        From<leptos::web_sys::FormData>,
    F::Output: Send + Sync + 'static,
    F::Client: Client<AppError>,
{
    let error = action_error(action);
    view! {
        <ActionForm action attr:class="stack-form" attr:novalidate=novalidate>
            <FormError error />
            {token.map(|token| view! { <input type="hidden" name="token" value=token /> })}
            {children.map(|FormFields(fields)| fields(error))}
            <button type="submit" class=button disabled=move || action.pending().get()>
                {submit}
            </button>
        </ActionForm>
    }
}

/// One field's problem in its form's latest error.
#[derive(Clone, Copy)]
struct FieldProblem {
    name: &'static str,
    error: ErrorSignal,
}

impl FieldProblem {
    fn get(self) -> Option<Problem> {
        self.error.get().and_then(|e| e.problem_for(self.name))
    }
}

/// The ids and the problem a labelled field is wired up with.
struct FieldParts {
    id: String,
    hint_id: String,
    error_id: String,
    problem: FieldProblem,
}

impl FieldParts {
    fn new(id_prefix: &str, name: &'static str, error: ErrorSignal) -> FieldParts {
        let id = format!("field-{id_prefix}{name}");
        FieldParts {
            hint_id: format!("{id}-hint"),
            error_id: format!("{id}-error"),
            id,
            problem: FieldProblem { name, error },
        }
    }

    /// The control's `aria-invalid`: set while the field has a problem.
    fn invalid(&self) -> impl Fn() -> Option<&'static str> + Send + Sync + use<> {
        let problem = self.problem;
        move || problem.get().is_some().then_some("true")
    }

    /// The control's `aria-describedby`: its hint, and its error while there is one.
    fn described_by(&self, has_hint: bool) -> impl Fn() -> Option<String> + Send + Sync + use<> {
        let (hint_id, error_id, problem) =
            (self.hint_id.clone(), self.error_id.clone(), self.problem);
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if problem.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    }

    /// The box around `control`: the label, the hint if there is one, and the field's own
    /// error while there is one.
    fn frame(self, label: String, hint: Option<String>, control: impl IntoView) -> impl IntoView {
        let i18n = use_i18n();
        let FieldParts {
            id,
            hint_id,
            error_id,
            problem,
        } = self;
        view! {
            <div class="field" class:has-error=move || problem.get().is_some()>
                <label for=id>{label}</label>
                {hint.map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
                {move || {
                    problem
                        .get()
                        .map(|p| {
                            view! {
                                <p class="field-error" id=error_id.clone()>
                                    {problem_message(i18n, p)}
                                </p>
                            }
                        })
                }}
                {control}
            </div>
        }
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
    let parts = FieldParts::new(&id_prefix, name, error);
    let value = if kind == "password" {
        None
    } else {
        kept_value(error, name).or(value)
    };
    let input = view! {
        <input
            id=parts.id.clone()
            name=name
            type=kind
            autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
            required=required
            maxlength=maxlength
            value=value
            aria-invalid=parts.invalid()
            aria-describedby=parts.described_by(hint.is_some())
        />
    };
    parts.frame(label, hint, input)
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
    let parts = FieldParts::new(&id_prefix, name, error);
    let value = kept_value(error, name).unwrap_or(value);
    let textarea = view! {
        <textarea
            id=parts.id.clone()
            name=name
            rows=rows
            maxlength=maxlength
            required=required
            aria-invalid=parts.invalid()
            aria-describedby=parts.described_by(hint.is_some())
        >
            {value}
        </textarea>
    };
    parts.frame(label, hint, textarea)
}

/// The choice of language for the site and its mails, starting at `selected`.
#[component]
pub fn LanguageField(
    /// The language chosen at first.
    selected: Language,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for="field-language">{t!(i18n, auth.field_language)}</label>
            <select id="field-language" name="language">
                {Language::ALL
                    .into_iter()
                    .map(|language| {
                        view! {
                            <option value=language.code() selected=language == selected>
                                {language.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
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

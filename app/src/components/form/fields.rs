//! Labelled form fields: text inputs, text areas, the language choice and checkboxes, each
//! wired to its hint and to its own problem in the form's latest error.

use super::{ErrorSignal, kept_checked, kept_chosen, kept_value, problem_message};
use crate::{domain::language::Language, errors::Problem, i18n::*};
use leptos::prelude::*;

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
    /// The form's latest error: a refused form keeps the language chosen in it.
    #[prop(optional)]
    error: Option<ErrorSignal>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for="field-language">{t!(i18n, auth.field_language)}</label>
            <select id="field-language" name="language">
                {Language::ALL
                    .into_iter()
                    .map(|language| {
                        let selected = match error {
                            Some(error) => kept_chosen(error, "language", language.code(), language == selected),
                            None => language == selected,
                        };
                        view! {
                            <option value=language.code() selected=selected>
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
    /// The form's latest error: a refused form keeps the box as it was.
    #[prop(optional)]
    error: Option<ErrorSignal>,
) -> impl IntoView {
    let id = format!("field-{id_prefix}{name}");
    let checked = error.map_or(checked, |error| kept_checked(error, name, checked));
    view! {
        <div class="field checkbox">
            <input type="checkbox" id=id.clone() name=name checked=checked />
            <label for=id>{label}</label>
        </div>
    }
}

/// The box a person ticks to confirm something that cannot be undone (posted as
/// `confirm=yes`), marked while the form's latest error names it.
#[component]
pub fn ConfirmBox(
    /// What ticking it confirms.
    label: String,
    /// The form's latest error.
    error: ErrorSignal,
) -> impl IntoView {
    let problem = FieldProblem {
        name: "confirm",
        error,
    };
    view! {
        <div class="field checkbox" class:has-error=move || problem.get().is_some()>
            <label>
                <input type="checkbox" name="confirm" value="yes" />
                " "
                {label}
            </label>
        </div>
    }
}

//! What a person typed into a refused form, kept for the page shown again with the error,
//! and which of several forms on a page the error belongs to.

use super::ErrorSignal;
use leptos::prelude::*;

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
    refused_form(error)?.get(name).map(str::to_owned)
}

/// The value to put back into field `name`: what was typed into the refused form, or
/// `default` when the page is not shown for one.
pub fn kept_or(error: ErrorSignal, name: &str, default: impl Into<String>) -> String {
    kept_value(error, name).unwrap_or_else(|| default.into())
}

/// Whether the box `name` is ticked: as it was in the refused form (not posted means not
/// ticked), or `default` when the page is not shown for one.
pub fn kept_checked(error: ErrorSignal, name: &str, default: bool) -> bool {
    match refused_form(error) {
        Some(kept) => kept.get(name).is_some(),
        None => default,
    }
}

/// Whether `option` is the one chosen in the list or radio group `name`: as in the refused
/// form, or `default` when the page is not shown for one (or the field was not posted).
pub fn kept_chosen(error: ErrorSignal, name: &str, option: &str, default: bool) -> bool {
    match refused_form(error).as_ref().and_then(|kept| kept.get(name)) {
        Some(posted) => posted == option,
        None => default,
    }
}

/// The refused form, while its error is shown.
fn refused_form(error: ErrorSignal) -> Option<KeptForm> {
    error.get_untracked()?;
    kept_form()
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

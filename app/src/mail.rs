//! Outgoing email: templates per message and language, rendered and queued in the outbox.

use crate::{
    domain::{email::EmailAddress, language::Language},
    store::{self, outbox::NewMessage},
};
use chrono::Utc;
use minijinja::Environment;
use sea_orm::ConnectionTrait;
use serde::Serialize;
use std::sync::OnceLock;
use tokio::sync::Notify;

/// The messages Igang sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    /// A new account was created for someone.
    Welcome,
    /// An operator checks that mail delivery works.
    TestMessage,
}

impl Template {
    /// Every template, for checks that each renders in each language.
    pub const ALL: [Template; 2] = [Template::Welcome, Template::TestMessage];

    /// Folder name under `mail/templates/`.
    pub fn name(self) -> &'static str {
        match self {
            Template::Welcome => "welcome",
            Template::TestMessage => "test_message",
        }
    }
}

/// A message rendered for one recipient.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedMail {
    /// Subject line, one line.
    pub subject: String,
    /// Plain-text body.
    pub text: String,
    /// HTML body.
    pub html: String,
}

/// Rendering or queueing failed.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// A template is missing or did not render with the given values.
    #[error("mail template {template}/{language}: {source}")]
    Template {
        /// Template folder.
        template: &'static str,
        /// Language code.
        language: &'static str,
        /// What went wrong.
        source: minijinja::Error,
    },
    /// The outbox could not be written.
    #[error(transparent)]
    Store(#[from] store::StoreError),
}

macro_rules! embedded_templates {
    ($($path:literal),* $(,)?) => {
        [$(($path, include_str!(concat!("mail/templates/", $path)))),*]
    };
}

fn environment() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        for (name, source) in embedded_templates!(
            "layout.html",
            "welcome/da.subject",
            "welcome/da.txt",
            "welcome/da.html",
            "welcome/nb.subject",
            "welcome/nb.txt",
            "welcome/nb.html",
            "welcome/en.subject",
            "welcome/en.txt",
            "welcome/en.html",
            "test_message/da.subject",
            "test_message/da.txt",
            "test_message/da.html",
            "test_message/nb.subject",
            "test_message/nb.txt",
            "test_message/nb.html",
            "test_message/en.subject",
            "test_message/en.txt",
            "test_message/en.html",
        ) {
            env.add_template(name, source)
                .expect("embedded mail templates are valid");
        }
        env
    })
}

/// Renders `template` in `language` with `values` (any serialisable map).
pub fn render(
    template: Template,
    language: Language,
    values: impl Serialize,
) -> Result<RenderedMail, MailError> {
    let env = environment();
    let values = minijinja::Value::from_serialize(values);
    let render_part = |part: &str, subject: &str| {
        let name = format!("{}/{}.{part}", template.name(), language.code());
        env.get_template(&name)
            .and_then(|t| t.render(minijinja::context! { lang => language.code(), subject => subject, ..values.clone() }))
            .map_err(|source| MailError::Template {
                template: template.name(),
                language: language.code(),
                source,
            })
    };
    // A subject is one line, whatever the values held.
    let subject = render_part("subject", "")?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let text = render_part("txt", "")?;
    let html = render_part("html", &subject)?;
    Ok(RenderedMail {
        subject,
        text,
        html,
    })
}

/// Renders a message in the recipient's language and adds it to the outbox.
///
/// Pass the same connection or transaction as the change that causes the mail, so both
/// are kept or neither. Ring `wakeup` after the transaction commits.
pub async fn queue(
    db: &impl ConnectionTrait,
    to: &EmailAddress,
    language: Language,
    template: Template,
    values: impl Serialize,
) -> Result<i32, MailError> {
    let rendered = render(template, language, values)?;
    let id = store::outbox::enqueue(
        db,
        NewMessage {
            recipient: to.as_str().to_owned(),
            template: template.name().to_owned(),
            language: language.code().to_owned(),
            subject: rendered.subject,
            body_text: rendered.text,
            body_html: rendered.html,
        },
        Utc::now(),
    )
    .await?;
    tracing::info!(
        outbox_id = id,
        template = template.name(),
        language = language.code(),
        "mail queued"
    );
    Ok(id)
}

/// Tells the worker there is mail to send.
pub fn ring(wakeup: &Notify) {
    wakeup.notify_one();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_renders_in_every_language() {
        for template in Template::ALL {
            for language in Language::ALL {
                let mail = render(
                    template,
                    language,
                    minijinja::context! { name => "Åse", base_url => "https://igang.test", queued_at => "2026-11-23 10:00 UTC" },
                )
                .unwrap_or_else(|e| panic!("{e}"));
                assert!(!mail.subject.is_empty());
                assert!(!mail.subject.contains('\n'));
                assert!(
                    mail.text.contains("https://igang.test"),
                    "{template:?} {language:?}"
                );
                assert!(
                    mail.html
                        .contains(&format!("<html lang=\"{}\">", language.code()))
                );
            }
        }
    }

    #[test]
    fn languages_differ_and_values_are_escaped_in_html() {
        let values =
            minijinja::context! { name => "<script>x</script>", base_url => "https://igang.test" };
        let da = render(Template::Welcome, Language::Da, &values).unwrap();
        let en = render(Template::Welcome, Language::En, &values).unwrap();
        assert!(da.subject.starts_with("Velkommen"));
        assert!(en.subject.starts_with("Welcome"));
        assert!(!da.html.contains("<script>"));
        assert!(da.html.contains("&lt;script&gt;"));
    }

    #[test]
    fn a_missing_value_is_an_error_not_a_blank() {
        // Strict undefined values: a template never goes out with a hole in it.
        let result = render(Template::Welcome, Language::Da, minijinja::context! {});
        assert!(result.is_err());
    }
}

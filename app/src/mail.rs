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
    /// A new account was created for someone (by an administrator).
    Welcome,
    /// An operator checks that mail delivery works.
    TestMessage,
    /// Confirm the address given at sign-up.
    VerifyEmail,
    /// Someone tried to sign up with an address that already has an account.
    AccountExists,
    /// A link to choose a new password.
    PasswordReset,
    /// The password was changed.
    PasswordChanged,
    /// Someone was invited to be a coordinator or trainer.
    Invitation,
    /// A trainer has read a learner's reflection.
    ReflectionReviewed,
    /// A seat at a workshop came free for the first on its waiting list.
    WorkshopSeat,
    /// A certificate was issued.
    CertificateIssued,
    /// A workshop is tomorrow.
    WorkshopReminder,
    /// A certificate expires soon.
    CertificateExpiring,
    /// A coordinator asks an igangsætter to start a group.
    GroupRequest,
    /// A request to an igangsætter expired without an answer.
    RequestExpired,
    /// An unused account will be removed unless its owner signs in.
    AccountRetention,
    /// Sent to the old address when an account's address moved.
    EmailChanged,
}

impl Template {
    /// Every template, for checks that each renders in each language.
    pub const ALL: [Template; 16] = [
        Template::Welcome,
        Template::TestMessage,
        Template::VerifyEmail,
        Template::AccountExists,
        Template::PasswordReset,
        Template::PasswordChanged,
        Template::Invitation,
        Template::ReflectionReviewed,
        Template::WorkshopSeat,
        Template::CertificateIssued,
        Template::WorkshopReminder,
        Template::CertificateExpiring,
        Template::GroupRequest,
        Template::RequestExpired,
        Template::AccountRetention,
        Template::EmailChanged,
    ];

    /// Folder name under `mail/templates/`.
    pub fn name(self) -> &'static str {
        match self {
            Template::Welcome => "welcome",
            Template::TestMessage => "test_message",
            Template::VerifyEmail => "verify_email",
            Template::AccountExists => "account_exists",
            Template::PasswordReset => "password_reset",
            Template::PasswordChanged => "password_changed",
            Template::Invitation => "invitation",
            Template::ReflectionReviewed => "reflection_reviewed",
            Template::WorkshopSeat => "workshop_seat",
            Template::CertificateIssued => "certificate_issued",
            Template::WorkshopReminder => "workshop_reminder",
            Template::CertificateExpiring => "certificate_expiring",
            Template::GroupRequest => "group_request",
            Template::RequestExpired => "request_expired",
            Template::AccountRetention => "account_retention",
            Template::EmailChanged => "email_changed",
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
    /// HTML body, derived from the text so the two never disagree.
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
    ($($name:literal),* $(,)?) => {
        [$(
            (concat!($name, "/da.subject"), include_str!(concat!("mail/templates/", $name, "/da.subject"))),
            (concat!($name, "/da.txt"), include_str!(concat!("mail/templates/", $name, "/da.txt"))),
            (concat!($name, "/nb.subject"), include_str!(concat!("mail/templates/", $name, "/nb.subject"))),
            (concat!($name, "/nb.txt"), include_str!(concat!("mail/templates/", $name, "/nb.txt"))),
            (concat!($name, "/en.subject"), include_str!(concat!("mail/templates/", $name, "/en.subject"))),
            (concat!($name, "/en.txt"), include_str!(concat!("mail/templates/", $name, "/en.txt"))),
        )*]
    };
}

fn environment() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        // Text parts are plain text: no HTML escaping there.
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html") {
                minijinja::AutoEscape::Html
            } else {
                minijinja::AutoEscape::None
            }
        });
        env.add_template("layout.html", include_str!("mail/templates/layout.html"))
            .expect("embedded mail layout is valid");
        for (name, source) in [
            (
                "link_label/da.txt",
                include_str!("mail/templates/link_label/da.txt"),
            ),
            (
                "link_label/nb.txt",
                include_str!("mail/templates/link_label/nb.txt"),
            ),
            (
                "link_label/en.txt",
                include_str!("mail/templates/link_label/en.txt"),
            ),
        ] {
            env.add_template(name, source)
                .expect("embedded link labels are valid");
        }
        for (name, source) in embedded_templates!(
            "welcome",
            "test_message",
            "verify_email",
            "account_exists",
            "password_reset",
            "password_changed",
            "invitation",
            "reflection_reviewed",
            "workshop_seat",
            "certificate_issued",
            "workshop_reminder",
            "certificate_expiring",
            "group_request",
            "request_expired",
            "account_retention",
            "email_changed",
        ) {
            env.add_template(name, source)
                .expect("embedded mail templates are valid");
        }
        env
    })
}

/// One paragraph of the HTML part: lines of text, or a link shown as a button.
#[derive(Serialize)]
struct Block {
    lines: Vec<String>,
    link: Option<String>,
    link_label: String,
}

/// Paragraphs of the text part; a paragraph that is a lone URL becomes a button.
fn blocks(text: &str, link_label: &str) -> Vec<Block> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|paragraph| {
            let is_link = (paragraph.starts_with("https://") || paragraph.starts_with("http://"))
                && !paragraph.contains(char::is_whitespace);
            Block {
                lines: if is_link {
                    Vec::new()
                } else {
                    paragraph.lines().map(str::to_owned).collect()
                },
                link: is_link.then(|| paragraph.to_owned()),
                link_label: link_label.to_owned(),
            }
        })
        .collect()
}

/// Renders `template` in `language` with `values` (any serialisable map).
pub fn render(
    template: Template,
    language: Language,
    values: impl Serialize,
) -> Result<RenderedMail, MailError> {
    let env = environment();
    let values = minijinja::Value::from_serialize(values);
    let error = |source| MailError::Template {
        template: template.name(),
        language: language.code(),
        source,
    };
    let render_part = |name: String| {
        env.get_template(&name)
            .and_then(|t| {
                t.render(minijinja::context! { lang => language.code(), ..values.clone() })
            })
            .map_err(error)
    };
    // A subject is one line, whatever the values held.
    let subject = render_part(format!("{}/{}.subject", template.name(), language.code()))?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let text = render_part(format!("{}/{}.txt", template.name(), language.code()))?;
    let link_label = render_part(format!("link_label/{}.txt", language.code()))?;
    let html = env
        .get_template("layout.html")
        .and_then(|t| {
            t.render(minijinja::context! {
                lang => language.code(),
                subject => &subject,
                blocks => blocks(&text, link_label.trim()),
            })
        })
        .map_err(error)?;
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
    queue_about(db, to, language, template, values, None).await
}

/// Queues a message as [`queue`] does, noting `about`: the person it names who is not its
/// recipient, so removing that person's account removes the copy too.
pub async fn queue_about(
    db: &impl ConnectionTrait,
    to: &EmailAddress,
    language: Language,
    template: Template,
    values: impl Serialize,
    about: Option<i32>,
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
            about_user_id: about,
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
                    minijinja::context! { name => "Åse", base_url => "https://igang.test", link => "https://igang.test/x?token=abc", queued_at => "2026-11-23 10:00 UTC", inviter => "Ada", role => "coordinator", centre => "Frivilligcenter Aarhus", course => "Igangsætteruddannelse", lesson => "Tavshedspligt", accepted => true, workshop => "Workshop i Aarhus", when => "2026-12-10 17:00", place => "Frivilligcentret", programme => "Certificeret igangsætter", code => "7K3M-Q9XD-2B4F-H8JN", days => 30, expires => "2028-12-03", group => "Sorggruppe", weekday => "tue", time => "19:00", starts => "2027-01-05", meetings => 6, message => "Vi håber, du har lyst.", person => "Bo", years => 3, address => "o…@nyt.test" },
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
        let values = minijinja::context! {
            name => "<script>x</script>",
            link => "https://igang.test/?a=1&b=2",
        };
        let da = render(Template::Welcome, Language::Da, values.clone()).unwrap();
        let en = render(Template::Welcome, Language::En, values).unwrap();
        assert!(da.subject.starts_with("Velkommen"));
        assert!(en.subject.starts_with("Welcome"));
        assert!(!da.html.contains("<script>"));
        assert!(da.html.contains("&lt;script&gt;"));
        assert!(
            da.text.contains("<script>x</script>"),
            "plain text keeps the name as typed"
        );
        // The lone link paragraph became a button with the language's label.
        assert!(da.html.contains("Åbn i Igang"));
        assert!(en.html.contains("Open in Igang"));
        assert!(da.html.contains("?a=1&amp;b=2\""), "{}", da.html);
    }

    #[test]
    fn a_missing_value_is_an_error_not_a_blank() {
        // Strict undefined values: a template never goes out with a hole in it.
        let result = render(Template::Welcome, Language::Da, minijinja::context! {});
        assert!(result.is_err());
    }
}

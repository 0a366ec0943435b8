//! Configuration from environment variables, each with a documented default.

use lettre::message::Mailbox;
use std::{net::SocketAddr, path::PathBuf, time::Duration};

/// Everything the server needs to start.
#[derive(Clone, Debug)]
pub struct Config {
    /// Address to listen on (`LEPTOS_SITE_ADDR`).
    pub bind: SocketAddr,
    /// Folder with the built site: `pkg/` with the WebAssembly, script and styles (`LEPTOS_SITE_ROOT`).
    pub site_root: PathBuf,
    /// Database URL: `sqlite://...` or `postgres://...` (`DATABASE_URL`).
    pub database_url: String,
    /// Public base URL, without trailing slash (`IGANG_BASE_URL`).
    pub base_url: String,
    /// Folder for the SQLite file, the mail folder and the secret key (`IGANG_DATA_DIR`).
    pub data_dir: PathBuf,
    /// File holding the server's secret key, created on first start (`IGANG_SECRET_KEY_FILE`).
    pub secret_key_file: PathBuf,
    /// Whether a reverse proxy's `X-Forwarded-For` names the client (`IGANG_TRUST_PROXY`).
    pub trust_proxy: bool,
    /// Days a request to an igangsætter waits for an answer (`IGANG_REQUEST_DAYS`, 1 to 60).
    pub request_days: i64,
    /// Years an account may go unused before it is removed (`IGANG_RETENTION_YEARS`, 1 to
    /// 20); never when unset or `0`.
    pub retention_years: Option<i64>,
    /// Database connections in the pool (`IGANG_DB_CONNECTIONS`, 1 to 64); the engine's
    /// default when unset.
    pub db_connections: Option<u32>,
    /// Outgoing mail.
    pub mail: MailConfig,
}

/// How and when mail is sent.
#[derive(Clone, Debug)]
pub struct MailConfig {
    /// Sender (`IGANG_MAIL_FROM`).
    pub from: Mailbox,
    /// SMTP server; `None` writes messages to `file_dir` instead.
    pub smtp: Option<SmtpConfig>,
    /// Folder for messages when no SMTP server is configured (`IGANG_MAIL_DIR`).
    pub file_dir: PathBuf,
    /// Delay after the first failure; doubles with each further one (`IGANG_MAIL_RETRY_BASE_SECS`).
    pub retry_base: Duration,
    /// Longest delay between attempts.
    pub retry_cap: Duration,
    /// Attempts before a message is marked failed (`IGANG_MAIL_MAX_ATTEMPTS`).
    pub max_attempts: u32,
    /// How often the worker looks for due messages when nobody rings.
    pub poll_interval: Duration,
}

/// Connection security towards the SMTP server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain connection upgraded with STARTTLS (port 587).
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a relay on the same host or network.
    None,
}

/// An SMTP server.
#[derive(Clone)]
pub struct SmtpConfig {
    /// Host name (`IGANG_SMTP_HOST`).
    pub host: String,
    /// Port (`IGANG_SMTP_PORT`).
    pub port: u16,
    /// Connection security (`IGANG_SMTP_TLS`).
    pub tls: SmtpTls,
    /// User name and password (`IGANG_SMTP_USERNAME`, `IGANG_SMTP_PASSWORD`).
    pub credentials: Option<(String, String)>,
    /// Give up on a connection after this long.
    pub timeout: Duration,
}

impl std::fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("username", &self.credentials.as_ref().map(|(u, _)| u))
            .field("password", &self.credentials.as_ref().map(|_| "[redacted]"))
            .finish()
    }
}

/// A configuration value that cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("invalid {name}={value:?}: {reason}")]
pub struct ConfigError {
    /// Variable name.
    pub name: &'static str,
    /// The value given.
    pub value: String,
    /// What is expected instead.
    pub reason: String,
}

fn invalid(name: &'static str, value: &str, reason: impl Into<String>) -> ConfigError {
    ConfigError {
        name,
        value: value.to_owned(),
        reason: reason.into(),
    }
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }

    /// Reads configuration through `get`, which returns a variable's value if set.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let addr_text = get("LEPTOS_SITE_ADDR").unwrap_or_else(|| "127.0.0.1:3000".to_owned());
        let bind: SocketAddr = addr_text.parse().map_err(|_| {
            invalid(
                "LEPTOS_SITE_ADDR",
                &addr_text,
                "expected host:port, e.g. 127.0.0.1:3000",
            )
        })?;

        let data_dir = PathBuf::from(get("IGANG_DATA_DIR").unwrap_or_else(|| "data".to_owned()));
        let site_root =
            PathBuf::from(get("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".to_owned()));

        let database_url = get("DATABASE_URL").unwrap_or_else(|| {
            format!("sqlite://{}?mode=rwc", data_dir.join("igang.db").display())
        });
        if app::store::db::Engine::of_url(&database_url).is_none() {
            return Err(invalid(
                "DATABASE_URL",
                &redact_url(&database_url),
                "expected sqlite://PATH or postgres://USER@HOST/DB",
            ));
        }

        let base_url = get("IGANG_BASE_URL").unwrap_or_else(|| format!("http://{bind}"));
        let parsed = url::Url::parse(&base_url)
            .map_err(|e| invalid("IGANG_BASE_URL", &base_url, e.to_string()))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
            return Err(invalid(
                "IGANG_BASE_URL",
                &base_url,
                "expected http(s)://host[:port]",
            ));
        }
        let base_url = base_url.trim_end_matches('/').to_owned();

        let secret_key_file = get("IGANG_SECRET_KEY_FILE")
            .map(PathBuf::from)
            .unwrap_or_else(|| data_dir.join("secret.key"));

        let trust_proxy = match get("IGANG_TRUST_PROXY").as_deref() {
            None | Some("0") | Some("false") => false,
            Some("1") | Some("true") => true,
            Some(other) => {
                return Err(invalid(
                    "IGANG_TRUST_PROXY",
                    other,
                    "expected true or false",
                ));
            }
        };
        let request_days =
            number_within(&get, "IGANG_REQUEST_DAYS", 1..=60, "expected 1 to 60 days")?
                .unwrap_or(app::domain::groups::REQUEST_DAYS);
        let retention_years = match get("IGANG_RETENTION_YEARS") {
            None => None,
            Some(text) if text.trim().is_empty() || text.trim() == "0" => None,
            Some(text) => Some(
                text.trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|years| {
                        (app::domain::retention::MIN_YEARS..=app::domain::retention::MAX_YEARS)
                            .contains(years)
                    })
                    .ok_or_else(|| {
                        invalid(
                            "IGANG_RETENTION_YEARS",
                            &text,
                            "expected 1 to 20 years, or 0 for never",
                        )
                    })?,
            ),
        };
        let db_connections = number_within(
            &get,
            "IGANG_DB_CONNECTIONS",
            1..=64,
            "expected 1 to 64 connections",
        )?;
        let mail = MailConfig::from_lookup(&get, &data_dir)?;
        Ok(Config {
            bind,
            site_root,
            database_url,
            base_url,
            data_dir,
            secret_key_file,
            trust_proxy,
            request_days,
            retention_years,
            db_connections,
            mail,
        })
    }

    /// The database URL with any password hidden, for logs and error messages.
    pub fn database_url_for_display(&self) -> String {
        redact_url(&self.database_url)
    }
}

impl MailConfig {
    fn from_lookup(
        get: &impl Fn(&str) -> Option<String>,
        data_dir: &std::path::Path,
    ) -> Result<MailConfig, ConfigError> {
        let from_text =
            get("IGANG_MAIL_FROM").unwrap_or_else(|| "Igang <no-reply@localhost>".to_owned());
        let from: Mailbox = from_text.parse().map_err(|_| {
            invalid(
                "IGANG_MAIL_FROM",
                &from_text,
                "expected Name <address@host>",
            )
        })?;

        let smtp = match get("IGANG_SMTP_HOST") {
            None => None,
            Some(host) => {
                let tls = match get("IGANG_SMTP_TLS").as_deref() {
                    None | Some("starttls") => SmtpTls::StartTls,
                    Some("tls") => SmtpTls::Tls,
                    Some("none") => SmtpTls::None,
                    Some(other) => {
                        return Err(invalid(
                            "IGANG_SMTP_TLS",
                            other,
                            "expected starttls, tls or none",
                        ));
                    }
                };
                let default_port = match tls {
                    SmtpTls::StartTls => 587,
                    SmtpTls::Tls => 465,
                    SmtpTls::None => 25,
                };
                let port = parse_number(get, "IGANG_SMTP_PORT", default_port)?;
                let credentials = match (get("IGANG_SMTP_USERNAME"), get("IGANG_SMTP_PASSWORD")) {
                    (Some(user), Some(password)) => Some((user, password)),
                    (None, None) => None,
                    (Some(user), None) => {
                        return Err(invalid(
                            "IGANG_SMTP_PASSWORD",
                            "",
                            format!("required when IGANG_SMTP_USERNAME={user} is set"),
                        ));
                    }
                    (None, Some(_)) => {
                        return Err(invalid(
                            "IGANG_SMTP_USERNAME",
                            "",
                            "required when IGANG_SMTP_PASSWORD is set",
                        ));
                    }
                };
                Some(SmtpConfig {
                    host,
                    port,
                    tls,
                    credentials,
                    timeout: Duration::from_secs(20),
                })
            }
        };

        let retry_base_secs: u64 = parse_number(get, "IGANG_MAIL_RETRY_BASE_SECS", 30)?;
        let max_attempts: u32 = parse_number(get, "IGANG_MAIL_MAX_ATTEMPTS", 20)?;
        if max_attempts == 0 {
            return Err(invalid(
                "IGANG_MAIL_MAX_ATTEMPTS",
                "0",
                "must be at least 1",
            ));
        }
        Ok(MailConfig {
            from,
            smtp,
            file_dir: get("IGANG_MAIL_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| data_dir.join("mail")),
            retry_base: Duration::from_secs(retry_base_secs.max(1)),
            retry_cap: Duration::from_secs(3600),
            max_attempts,
            poll_interval: Duration::from_secs(5),
        })
    }
}

/// `name`'s whole number when it is set; refused with `expected` when it is not one or lies
/// outside `range`.
fn number_within<T: std::str::FromStr + PartialOrd>(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    range: std::ops::RangeInclusive<T>,
    expected: &str,
) -> Result<Option<T>, ConfigError> {
    match get(name) {
        None => Ok(None),
        Some(text) => text
            .trim()
            .parse::<T>()
            .ok()
            .filter(|number| range.contains(number))
            .map(Some)
            .ok_or_else(|| invalid(name, &text, expected)),
    }
}

fn parse_number<T: std::str::FromStr>(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: T,
) -> Result<T, ConfigError> {
    match get(name) {
        None => Ok(default),
        Some(text) => text
            .trim()
            .parse()
            .map_err(|_| invalid(name, &text, "expected a whole number")),
    }
}

/// Hides the password in `scheme://user:password@host/...`.
fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_need_no_configuration() {
        let c = config(&[]).unwrap();
        assert_eq!(c.bind.to_string(), "127.0.0.1:3000");
        assert_eq!(c.database_url, "sqlite://data/igang.db?mode=rwc");
        assert_eq!(c.base_url, "http://127.0.0.1:3000");
        assert!(c.mail.smtp.is_none());
        assert_eq!(c.mail.file_dir, PathBuf::from("data/mail"));
        assert_eq!(c.secret_key_file, PathBuf::from("data/secret.key"));
        assert_eq!(c.db_connections, None);
        assert_eq!(
            config(&[("IGANG_DB_CONNECTIONS", "6")])
                .unwrap()
                .db_connections,
            Some(6)
        );
    }

    #[test]
    fn bad_values_name_the_variable() {
        let cases = [
            (("LEPTOS_SITE_ADDR", "localhost"), "LEPTOS_SITE_ADDR"),
            (("DATABASE_URL", "mysql://x"), "DATABASE_URL"),
            (("IGANG_BASE_URL", "ftp://x"), "IGANG_BASE_URL"),
            (("IGANG_DB_CONNECTIONS", "0"), "IGANG_DB_CONNECTIONS"),
            (("IGANG_DB_CONNECTIONS", "many"), "IGANG_DB_CONNECTIONS"),
            (("IGANG_MAIL_FROM", "not an address"), "IGANG_MAIL_FROM"),
            (
                ("IGANG_MAIL_MAX_ATTEMPTS", "many"),
                "IGANG_MAIL_MAX_ATTEMPTS",
            ),
        ];
        for ((name, value), expected) in cases {
            let err = config(&[(name, value)]).unwrap_err();
            assert_eq!(err.name, expected);
            assert!(err.to_string().starts_with(&format!("invalid {expected}=")));
        }
    }

    #[test]
    fn smtp_settings_and_secrets() {
        let c = config(&[
            ("IGANG_SMTP_HOST", "smtp.example.org"),
            ("IGANG_SMTP_TLS", "tls"),
            ("IGANG_SMTP_USERNAME", "igang"),
            ("IGANG_SMTP_PASSWORD", "hemmelig"),
        ])
        .unwrap();
        let smtp = c.mail.smtp.unwrap();
        assert_eq!(smtp.port, 465);
        assert!(!format!("{smtp:?}").contains("hemmelig"));
        let err = config(&[("IGANG_SMTP_HOST", "h"), ("IGANG_SMTP_USERNAME", "u")]).unwrap_err();
        assert_eq!(err.name, "IGANG_SMTP_PASSWORD");
        let err = config(&[("IGANG_SMTP_HOST", "h"), ("IGANG_SMTP_TLS", "ssl")]).unwrap_err();
        assert_eq!(err.name, "IGANG_SMTP_TLS");
    }

    #[test]
    fn database_passwords_are_never_shown() {
        let c = config(&[("DATABASE_URL", "postgres://igang:hemmelig@db/igang")]).unwrap();
        assert!(!c.database_url_for_display().contains("hemmelig"));
    }
}

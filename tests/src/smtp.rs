//! A real SMTP server for tests: Python's aiosmtpd, storing messages in a Maildir.

use std::{
    net::TcpListener,
    path::PathBuf,
    process::{Child, Command, Stdio},
    time::Duration,
};

/// A port on 127.0.0.1 that was free a moment ago.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// An SMTP server process; stopped when dropped.
pub struct SmtpServer {
    child: Child,
    /// Its port on 127.0.0.1.
    pub port: u16,
    maildir: PathBuf,
    _dir: tempfile::TempDir,
}

impl SmtpServer {
    /// Starts aiosmtpd on `port` and waits until it accepts connections.
    pub async fn start(port: u16) -> SmtpServer {
        let dir = tempfile::Builder::new()
            .prefix("igang-smtp-")
            .tempdir()
            .expect("temp dir");
        let maildir = dir.path().join("maildir");
        let child = Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 with aiosmtpd (pip install aiosmtpd; `make test` installs it)");
        let server = SmtpServer {
            child,
            port,
            maildir,
            _dir: dir,
        };
        crate::eventually(
            Duration::from_secs(20),
            "the SMTP server to accept connections",
            || async {
                tokio::net::TcpStream::connect(("127.0.0.1", port))
                    .await
                    .ok()
                    .map(|_| ())
            },
        )
        .await;
        server
    }

    /// Every message received so far, raw.
    pub fn messages(&self) -> Vec<String> {
        let mut files: Vec<_> = std::fs::read_dir(self.maildir.join("new"))
            .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        // Oldest first: by modification time, then name.
        files.sort_by_key(|path| {
            let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
            (modified, path.clone())
        });
        files
            .into_iter()
            .filter_map(|path| std::fs::read_to_string(path).ok())
            .collect()
    }

    /// Waits until at least `count` messages have arrived.
    pub async fn wait_for(&self, count: usize, timeout: Duration) -> Vec<String> {
        crate::eventually(
            timeout,
            &format!("{count} message(s) at the SMTP server"),
            || async {
                let messages = self.messages();
                (messages.len() >= count).then_some(messages)
            },
        )
        .await
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A delivered message, decoded.
#[derive(Debug, Clone)]
pub struct Received {
    /// Recipient addresses.
    pub to: Vec<String>,
    /// Subject line.
    pub subject: String,
    /// Plain-text body, transfer encoding undone.
    pub text: String,
    /// HTML body, transfer encoding undone.
    pub html: String,
}

impl Received {
    /// Parses a raw message as stored by the SMTP server.
    pub fn parse(raw: &str) -> Received {
        let message = mail_parser::MessageParser::default()
            .parse(raw.as_bytes())
            .expect("a parsable message");
        let to = message
            .to()
            .map(|list| {
                list.iter()
                    .filter_map(|a| a.address().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        Received {
            to,
            subject: message.subject().unwrap_or_default().to_owned(),
            text: message
                .body_text(0)
                .map(|t| t.into_owned())
                .unwrap_or_default(),
            html: message
                .body_html(0)
                .map(|t| t.into_owned())
                .unwrap_or_default(),
        }
    }

    /// The first link in the text that contains `path`.
    pub fn link(&self, path: &str) -> String {
        self.text
            .split_whitespace()
            .find(|word| word.starts_with("http") && word.contains(path))
            .unwrap_or_else(|| panic!("no link with {path} in:\n{}", self.text))
            .to_owned()
    }

    /// The `token` of the first link in the text that contains `path`.
    pub fn token(&self, path: &str) -> String {
        let link = self.link(path);
        let (_, token) = link
            .split_once("token=")
            .unwrap_or_else(|| panic!("no token in {link}"));
        token.to_owned()
    }
}

impl SmtpServer {
    /// Every message received so far, decoded.
    pub fn received(&self) -> Vec<Received> {
        self.messages()
            .iter()
            .map(|raw| Received::parse(raw))
            .collect()
    }

    /// Waits until `count` messages to `address` about `subject` arrived; returns them oldest first.
    pub async fn wait_for_mails(
        &self,
        address: &str,
        subject: &str,
        count: usize,
    ) -> Vec<Received> {
        crate::eventually(
            Duration::from_secs(20),
            &format!("{count} mail(s) to {address} about {subject:?}"),
            || async {
                let found: Vec<_> = self
                    .received()
                    .into_iter()
                    .filter(|m| m.to.iter().any(|t| t == address) && m.subject.contains(subject))
                    .collect();
                (found.len() >= count).then_some(found)
            },
        )
        .await
    }

    /// Waits for the first message to `address` whose subject contains `subject`.
    pub async fn wait_for_mail(&self, address: &str, subject: &str) -> Received {
        let mut mails = self.wait_for_mails(address, subject, 1).await;
        mails.swap_remove(0)
    }
}

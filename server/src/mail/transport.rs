//! Where messages go: an SMTP server, or `.eml` files in a folder when none is configured.

use crate::config::{MailConfig, SmtpTls};
use lettre::{
    AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    transport::smtp::authentication::Credentials,
};

/// A configured mail transport.
#[derive(Clone)]
pub enum Transport {
    /// Sends through an SMTP server.
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// Writes each message as a file, for development without a mail server.
    File(AsyncFileTransport<Tokio1Executor>, std::path::PathBuf),
}

/// The transport could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    /// The SMTP relay settings were rejected.
    #[error("SMTP server {host}: {source}")]
    Smtp {
        /// Host name.
        host: String,
        /// What lettre reported.
        source: lettre::transport::smtp::Error,
    },
    /// The mail folder could not be created.
    #[error("mail folder {path}: {source}")]
    Folder {
        /// The folder.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl Transport {
    /// Builds the transport the configuration asks for.
    pub fn from_config(config: &MailConfig) -> Result<Transport, TransportError> {
        match &config.smtp {
            Some(smtp) => {
                let error = |source| TransportError::Smtp {
                    host: smtp.host.clone(),
                    source,
                };
                let builder = match smtp.tls {
                    SmtpTls::StartTls => {
                        AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host)
                            .map_err(error)?
                    }
                    SmtpTls::Tls => {
                        AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host).map_err(error)?
                    }
                    SmtpTls::None => {
                        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
                    }
                };
                let mut builder = builder.port(smtp.port).timeout(Some(smtp.timeout));
                if let Some((user, password)) = &smtp.credentials {
                    builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
                }
                Ok(Transport::Smtp(builder.build()))
            }
            None => {
                std::fs::create_dir_all(&config.file_dir).map_err(|source| {
                    TransportError::Folder {
                        path: config.file_dir.display().to_string(),
                        source,
                    }
                })?;
                Ok(Transport::File(
                    AsyncFileTransport::<Tokio1Executor>::new(&config.file_dir),
                    config.file_dir.clone(),
                ))
            }
        }
    }

    /// Hands one message over; the error text is kept on the outbox row.
    pub async fn send(&self, message: Message) -> Result<(), String> {
        match self {
            Transport::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string()),
            Transport::File(file, dir) => {
                let id = file.send(message).await.map_err(|e| e.to_string())?;
                tracing::info!(file = %dir.join(format!("{id}.eml")).display(), "mail written to folder (no SMTP server configured)");
                Ok(())
            }
        }
    }
}

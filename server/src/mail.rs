//! Delivering the outbox: the transport (SMTP or a folder) and the background worker.

pub mod transport;
pub mod worker;

pub use transport::Transport;
pub use worker::{DeliveryReport, MailWorker};

//! The Igang server: configuration, HTTP wiring, background mail delivery and operator commands.

pub mod cli;
pub mod config;
pub mod demo;
pub mod http;
pub mod mail;
pub mod maintenance;
pub mod routes;
pub mod secret;
pub mod startup;

//! The command line: `serve` (default), `migrate`, `create-admin`, `seed-demo`, `send-test-mail`,
//! course and programme files, certificates, and the ranking benchmark.

use crate::{
    config::Config,
    demo,
    mail::{MailWorker, Transport},
    startup::{self, Application},
};
use anyhow::Context;
use app::{
    domain::{email::EmailAddress, language::Language, role::Role},
    mail::{self, Template},
    security::password,
    store::{outbox, people},
};
use chrono::Utc;
use clap::{Parser, Subcommand};
use rand::seq::IndexedRandom;
use std::{process::ExitCode, sync::Arc};
use tokio::sync::Notify;

mod bench;
mod certificates;
mod files;
pub mod made_up;
mod seed;

/// Igang: training, certification and matching for the volunteers who start self-help groups.
///
/// Configuration comes from environment variables; see README.md.
#[derive(Parser, Debug)]
#[command(name = "server", version)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve the web application (the default when no command is given).
    Serve,
    /// Apply pending database migrations, then exit.
    Migrate,
    /// Create an administrator account, or give an existing account the admin role.
    CreateAdmin {
        /// The administrator's email address.
        #[arg(long)]
        email: String,
        /// Name shown in the product.
        #[arg(long, default_value = "Administrator")]
        name: String,
        /// Preferred language: da, nb or en.
        #[arg(long, default_value = "da")]
        language: String,
    },
    /// Load demo centres, trainers, coordinators and volunteers (safe to run again).
    SeedDemo,
    /// Import a course bundle (a folder or a .zip file): it becomes a new course, or a new
    /// draft of the course with the same short name.
    ImportCourse {
        /// The bundle folder (holding course.md) or .zip file.
        path: std::path::PathBuf,
    },
    /// Write a course as a bundle folder, to review in git or move to another installation.
    ExportCourse {
        /// The course's short name (slug).
        slug: String,
        /// The version to write; the one being worked on when left out.
        #[arg(long)]
        version: Option<i32>,
        /// The folder to write; must not exist yet, or be empty.
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Create or change a certification programme from its programme.yaml file (the one
    /// with the same short name is changed).
    ImportProgramme {
        /// The programme.yaml file.
        path: std::path::PathBuf,
    },
    /// Write a certification programme as its programme.yaml text.
    ExportProgramme {
        /// The programme's short name.
        slug: String,
        /// The file to write; standard output when left out.
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
    /// Revoke a certificate: its public page, PDF and status list say so from then on.
    RevokeCertificate {
        /// The certificate's code.
        code: String,
        /// Why it is revoked (kept in the audit log).
        #[arg(long)]
        reason: String,
    },
    /// Make a new key that signs credentials from now on; the old keys stay published, so
    /// credentials they signed still verify.
    RotateSigningKey,
    /// Fill an empty scratch database with made-up certified igangsættere and time how fast
    /// a group's candidates are ranked (a benchmark; `make bench` runs it).
    BenchRanking {
        /// How many igangsættere to rank.
        #[arg(long, default_value_t = 20_000)]
        people: usize,
        /// Rankings timed per group.
        #[arg(long, default_value_t = 100)]
        runs: usize,
    },
    /// Fill an empty scratch database with a made-up national data set for the benchmarks
    /// (`make bench` runs it), and write the addresses to load with a signed-in session for
    /// each kind of person to a file.
    SeedBench {
        #[command(flatten)]
        sizes: seed::Sizes,
        /// Where to write the addresses and sessions (shell `KEY=value` lines).
        #[arg(long, default_value = "bench-sessions.env")]
        out: std::path::PathBuf,
    },
    /// Queue a test email and try to deliver it at once, to check the mail settings.
    SendTestMail {
        /// Recipient address.
        #[arg(long)]
        to: String,
        /// Language of the message: da, nb or en.
        #[arg(long, default_value = "da")]
        language: String,
    },
}

/// Runs the command line and maps every failure to a one-line message and exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command.unwrap_or(Command::Serve), config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,sqlx=warn,sea_orm=warn,tower_http=info".into());
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    match command {
        Command::Serve => {
            let application = Application::build(config).await?;
            application.run_until(startup::shutdown_signal()).await?;
        }
        Command::Migrate => {
            startup::open_database(&config).await?;
            println!(
                "Database is up to date ({}).",
                config.database_url_for_display()
            );
        }
        Command::CreateAdmin {
            email,
            name,
            language,
        } => create_admin(&config, &email, &name, &language).await?,
        Command::SeedDemo => {
            let db = startup::open_database(&config).await?;
            let summary = demo::seed(&db).await?;
            println!("{summary}");
        }
        Command::SendTestMail { to, language } => send_test_mail(&config, &to, &language).await?,
        Command::RevokeCertificate { code, reason } => {
            certificates::revoke(&config, &code, &reason).await?
        }
        Command::RotateSigningKey => certificates::rotate_signing_key(&config).await?,
        Command::BenchRanking { people, runs } => bench::ranking(&config, people, runs).await?,
        Command::SeedBench { sizes, out } => seed::seed(&config, sizes, &out).await?,
        Command::ImportCourse { path } => files::import_course(&config, &path).await?,
        Command::ImportProgramme { path } => files::import_programme(&config, &path).await?,
        Command::ExportProgramme { slug, out } => {
            files::export_programme(&config, &slug, out.as_deref()).await?
        }
        Command::ExportCourse { slug, version, out } => {
            files::export_course(&config, &slug, version, &out).await?
        }
    }
    Ok(())
}

async fn create_admin(
    config: &Config,
    email: &str,
    name: &str,
    language: &str,
) -> anyhow::Result<()> {
    let email = EmailAddress::parse(email)?;
    let language: Language = language.parse()?;
    let name = name.trim();
    anyhow::ensure!(
        !name.is_empty() && name.chars().count() <= 120,
        "--name must be 1 to 120 characters"
    );
    let db = startup::open_database(config).await?;
    if let Some(user) = people::find_by_email(&db, &email).await? {
        people::grant_role(&db, user.id, Role::Admin, None).await?;
        println!(
            "{email} already had an account; it now has the admin role. Its password is unchanged."
        );
        return Ok(());
    }
    let one_time = generate_password();
    let to_hash = one_time.clone();
    let hash = tokio::task::spawn_blocking(move || password::hash_password(&to_hash)).await??;
    let user = people::create_user(
        &db,
        people::NewUser {
            email: email.clone(),
            display_name: name.to_owned(),
            language,
            password_hash: Some(hash),
            email_verified: true,
        },
        Utc::now(),
    )
    .await?;
    people::grant_role(&db, user.id, Role::Admin, None).await?;
    mail::queue(
        &db,
        &email,
        language,
        Template::Welcome,
        serde_json::json!({ "name": name, "link": format!("{}/login", config.base_url) }),
    )
    .await?;
    deliver_now(config, &db).await?;
    println!("Created administrator {email}.");
    println!("One-time password: {one_time}");
    println!("Sign in and change it; it is shown only this once.");
    Ok(())
}

/// Sends what is due now instead of leaving it for the running server's worker.
async fn deliver_now(config: &Config, db: &sea_orm::DatabaseConnection) -> anyhow::Result<()> {
    let transport = Transport::from_config(&config.mail)?;
    let worker = MailWorker::new(
        db.clone(),
        transport,
        config.mail.clone(),
        Arc::new(Notify::new()),
    );
    worker.deliver_due().await?;
    Ok(())
}

/// 20 characters from an alphabet without look-alikes (about 110 bits).
fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..20)
        .map(|_| *ALPHABET.choose(&mut rng).expect("non-empty alphabet") as char)
        .collect()
}

async fn send_test_mail(config: &Config, to: &str, language: &str) -> anyhow::Result<()> {
    let to = EmailAddress::parse(to)?;
    let language: Language = language.parse()?;
    let db = startup::open_database(config).await?;
    let id = mail::queue(
        &db,
        &to,
        language,
        Template::TestMessage,
        serde_json::json!({
            "base_url": config.base_url,
            "queued_at": Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
        }),
    )
    .await?;
    deliver_now(config, &db).await?;
    let row = outbox::find(&db, id)
        .await?
        .context("the queued message disappeared")?;
    match row.status.as_str() {
        outbox::SENT => println!("Test message to {to} sent."),
        _ => println!(
            "Test message to {to} is queued but not sent yet: {}. The server retries it automatically.",
            row.last_error.as_deref().unwrap_or("unknown error")
        ),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn generated_passwords_are_long_and_varied() {
        let a = generate_password();
        assert_eq!(a.len(), 20);
        assert_ne!(a, generate_password());
    }
}

//! The command line: `serve` (default), `migrate`, `create-admin`, `seed-demo`, `send-test-mail`.

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
    /// Revoke a certificate: its public page, PDF and status list say so from then on.
    RevokeCertificate {
        /// The certificate's code.
        code: String,
        /// Why it is revoked (kept in the audit log).
        #[arg(long)]
        reason: String,
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
            revoke_certificate(&config, &code, &reason).await?
        }
        Command::ImportCourse { path } => import_course(&config, &path).await?,
        Command::ExportCourse { slug, version, out } => {
            export_course(&config, &slug, version, &out).await?
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

async fn import_course(config: &Config, path: &std::path::Path) -> anyhow::Result<()> {
    use app::domain::bundle;
    let files = if path.is_dir() {
        read_folder(path)?
    } else {
        let file =
            std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        bundle::unzip(std::io::BufReader::new(file))?
    };
    let bundle = bundle::read(files)?;
    let db = startup::open_database(config).await?;
    let imported = app::store::bundles::import(
        &db,
        &config.data_dir.join("media"),
        &bundle,
        None,
        Utc::now(),
    )
    .await?;
    println!(
        "Imported \"{}\" as draft version {} of /courses/{}. Publish it from the course editor.",
        bundle.course.title, imported.version, imported.course.slug
    );
    Ok(())
}

/// Every file under `root`, by path relative to it, with `/` between parts.
fn read_folder(
    root: &std::path::Path,
) -> anyhow::Result<std::collections::BTreeMap<String, Vec<u8>>> {
    let mut files = std::collections::BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in
            std::fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path
                    .strip_prefix(root)?
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                anyhow::ensure!(
                    files.len() < app::domain::bundle::MAX_FILES,
                    "the folder holds too many files for a course bundle"
                );
                files.insert(relative, std::fs::read(&path)?);
            }
        }
    }
    Ok(files)
}

async fn export_course(
    config: &Config,
    slug: &str,
    version: Option<i32>,
    out: &std::path::Path,
) -> anyhow::Result<()> {
    let occupied = out.exists()
        && std::fs::read_dir(out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true);
    anyhow::ensure!(!occupied, "{} exists and is not empty", out.display());
    let db = startup::open_database(config).await?;
    let course = app::store::courses::find_by_slug(&db, slug)
        .await?
        .with_context(|| format!("no course has the short name {slug}"))?;
    let (_, files) =
        app::store::bundles::export(&db, &config.data_dir.join("media"), &course, version).await?;
    for (path, bytes) in &files {
        let target = out.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&target, bytes)?;
    }
    println!("Wrote {} files to {}.", files.len(), out.display());
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

async fn revoke_certificate(config: &Config, code: &str, reason: &str) -> anyhow::Result<()> {
    use app::domain::certification::CertificateCode;
    let code = CertificateCode::parse(code)
        .ok_or_else(|| anyhow::anyhow!("{code:?} is not a certificate code"))?;
    let reason = reason.trim();
    anyhow::ensure!(!reason.is_empty(), "give a reason with --reason");
    anyhow::ensure!(
        reason.chars().count() <= app::api::certification::MAX_REASON,
        "the reason is too long (at most {} characters)",
        app::api::certification::MAX_REASON
    );
    let db = startup::open_database(config).await?;
    match app::api::certification::ssr::revoke(&db, &code, reason, None, chrono::Utc::now()).await {
        Ok(true) => println!("Certificate {code} is revoked."),
        Ok(false) => println!("Certificate {code} was revoked already."),
        Err(app::errors::AppError::NotFound) => anyhow::bail!("no certificate has the code {code}"),
        Err(error) => anyhow::bail!("could not revoke {code}: {error}"),
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

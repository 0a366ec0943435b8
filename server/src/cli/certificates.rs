//! Certificates from the command line: revoking one, and rotating the key that signs
//! credentials.

use crate::{config::Config, startup};

pub(super) async fn revoke(config: &Config, code: &str, reason: &str) -> anyhow::Result<()> {
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

/// Makes a new key that signs credentials from now on; the old ones stay published.
pub(super) async fn rotate_signing_key(config: &Config) -> anyhow::Result<()> {
    let secret = crate::secret::load_or_create(&config.secret_key_file)?;
    let db = startup::open_database(config).await?;
    let key_id = app::credentials::rotate_signing_key(&db, &secret.0, chrono::Utc::now()).await?;
    println!("Credentials are signed with key {key_id} from now on.");
    Ok(())
}

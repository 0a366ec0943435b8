//! Course bundles and programme files in and out: the formats that travel between
//! installations and are reviewed like code.

use crate::{config::Config, startup};
use anyhow::Context;
use chrono::Utc;

pub(super) async fn import_course(config: &Config, path: &std::path::Path) -> anyhow::Result<()> {
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

pub(super) async fn export_course(
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

/// Creates or changes the programme a `programme.yaml` file describes.
pub(super) async fn import_programme(
    config: &Config,
    path: &std::path::Path,
) -> anyhow::Result<()> {
    use app::{domain::certification::file, errors::AppError, store::certification::editing};
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let slug = match file::read(&text) {
        Ok(parsed) => parsed.slug,
        Err(flaws) => anyhow::bail!(flaws_text(path, &flaws)),
    };
    let db = startup::open_database(config).await?;
    let existing = editing::find_by_slug(&db, &slug).await?.is_some();
    let original = existing.then_some(slug.as_str());
    match app::api::certification::ssr::save_programme(&db, original, &text, None, Utc::now()).await
    {
        Ok(slug) if existing => println!("Changed the programme {slug}."),
        Ok(slug) => println!("Created the programme {slug}."),
        Err(AppError::ProgrammeFlaws(flaws)) => anyhow::bail!(flaws_text(path, &flaws)),
        Err(error) => anyhow::bail!("could not save {}: {error}", path.display()),
    }
    Ok(())
}

fn flaws_text(
    path: &std::path::Path,
    flaws: &[app::domain::certification::file::ProgrammeFlaw],
) -> String {
    let lines: Vec<String> = flaws.iter().map(|f| format!("  - {f}")).collect();
    format!("{} was not saved:\n{}", path.display(), lines.join("\n"))
}

/// Writes a programme's `programme.yaml` text to `out`, or to standard output.
pub(super) async fn export_programme(
    config: &Config,
    slug: &str,
    out: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let db = startup::open_database(config).await?;
    let (_, text) = app::api::certification::ssr::programme_file(&db, slug)
        .await
        .map_err(|e| anyhow::anyhow!("could not read the programme: {e}"))?
        .with_context(|| format!("no programme has the short name {slug}"))?;
    match out {
        Some(out) => {
            anyhow::ensure!(!out.exists(), "{} exists already", out.display());
            std::fs::write(out, text)?;
            println!("Wrote {}.", out.display());
        }
        None => print!("{text}"),
    }
    Ok(())
}

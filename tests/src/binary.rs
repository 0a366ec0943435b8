//! The built `server` binary, for tests of the command line and of start-up errors.

use std::{path::PathBuf, process::Command};

/// Path of `target/<profile>/server`, next to this test executable's folder.
pub fn server_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/deps");
    let binary = profile_dir.join("server");
    assert!(
        binary.exists(),
        "{} is missing: build it first (`cargo build -p server`; `make test` does)",
        binary.display()
    );
    binary
}

/// A command for the server binary with a clean Igang environment rooted in `dir`.
pub fn server_command(dir: &std::path::Path) -> Command {
    let mut command = Command::new(server_binary());
    command.current_dir(dir);
    for (key, _) in std::env::vars() {
        if key.starts_with("IGANG_") || key.starts_with("LEPTOS_") || key == "DATABASE_URL" {
            command.env_remove(key);
        }
    }
    command.env("RUST_LOG", "info");
    command
}

//! The Igang server binary: `serve` (default), `migrate`, `create-admin`, `seed-demo`, `send-test-mail`.

fn main() -> std::process::ExitCode {
    server::cli::main()
}

//! The Igang server binary: `serve` (default), `migrate`, `create-admin`, `seed-demo`, `send-test-mail`.

/// Many short-lived allocations per request on two worker threads: mimalloc's per-thread
/// pages serve them without the lock and consolidation work of the system allocator, and
/// give memory back between bursts.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    server::cli::main()
}

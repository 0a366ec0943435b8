//! The Igang server binary: `serve` (default), `migrate`, `create-admin`, `seed-demo`, `send-test-mail`.

/// Many short-lived allocations per request on two worker threads: mimalloc's per-thread
/// pages serve them without the lock and consolidation work of the system allocator, and
/// give memory back between bursts. Built without transparent huge pages (`no_thp`): with
/// them, a few live objects kept whole 2 MB pages resident, and peak memory under load was
/// about half as much again.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    fewer_c_heaps();
    server::cli::main()
}

/// SQLite allocates through the C library, which gives each thread that allocates at once a
/// heap of its own and keeps what is freed there: one per SQLite connection's thread. Two
/// heaps serve them all: the national dashboard, read on each connection in turn, raised
/// peak memory by 67 MB without the limit and by 34 to 48 MB with it.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn fewer_c_heaps() {
    // SAFETY: called first thing in `main`, before any other thread exists; `mallopt` only
    // sets a limit the C library reads when it next makes a heap.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn fewer_c_heaps() {}

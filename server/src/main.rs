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
    prompt_purge();
    server::cli::main()
}

/// mimalloc's `mi_option_purge_delay`: its place in `mi_option_t` (mimalloc 3) and its default.
const PURGE_DELAY: std::ffi::c_int = 15;
const PURGE_DELAY_DEFAULT_MS: std::ffi::c_long = 1000;
/// How long freed memory stays with a thread before it goes back to the system.
const PURGE_DELAY_MS: std::ffi::c_long = 10;

unsafe extern "C" {
    fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// Freed memory goes back to the system after 10 ms instead of mimalloc's second: a request
/// that reads thousands of rows (the national dashboard) frees them on whichever thread it
/// ran, and each thread kept its share long enough for the next such request to need more.
/// After the lesson page's and matching's load and 40 national dashboards, the peak went from
/// 126 to 143 MB to 104 to 106 MB, the lesson page within the noise. Left alone when
/// `MIMALLOC_PURGE_DELAY` is set, or when the option does not hold mimalloc's default (another
/// mimalloc, where the option's place may differ).
fn prompt_purge() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // SAFETY: both are mimalloc's own functions, linked in with the allocator, taking an
    // option number and a value; an unknown number is ignored by mimalloc.
    unsafe {
        if mi_option_get(PURGE_DELAY) == PURGE_DELAY_DEFAULT_MS {
            mi_option_set(PURGE_DELAY, PURGE_DELAY_MS);
        }
    }
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

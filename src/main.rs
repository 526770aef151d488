//! The `kiosque` binary: parse arguments, dispatch, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;

mod cli;
mod cmd;

/// glibc gives threads that allocate at the same time heaps of their own and seldom hands
/// memory freed in them back: with analysis, indexing and merging threads all allocating,
/// ingest memory would grow with the corpus. Two heaps keep its peak flat.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_heaps() {
    // SAFETY: sets one allocator parameter, before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_heaps() {}

fn main() -> ExitCode {
    limit_heaps();
    cmd::quiet_broken_pipe();
    let args = cli::Cli::parse();
    match cmd::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("kiosque: {e:#}");
            ExitCode::from(cmd::exit_code(&e))
        }
    }
}

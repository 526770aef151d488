//! The `kiosque` binary: parse arguments, dispatch, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;

mod cli;
mod cmd;

fn main() -> ExitCode {
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

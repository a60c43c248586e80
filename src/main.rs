//! The `tolltrack` binary: parse the command line, run it, print any error
//! once, and exit with a named code.

mod cli;

use std::process::ExitCode;

use clap::Parser;

/// See the note on `mimalloc` in Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // A closed pipe (`| head`) is not a failure.
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::from(cli::exit::OK);
            }
            eprintln!("tolltrack: error: {err:#}");
            let usage = err.chain().any(|e| {
                matches!(
                    e.downcast_ref::<tolltrack::Error>(),
                    Some(tolltrack::Error::NoMatch(_) | tolltrack::Error::UnknownFormat { .. })
                )
            });
            ExitCode::from(if usage {
                cli::exit::USAGE
            } else {
                cli::exit::FAILURE
            })
        }
    }
}

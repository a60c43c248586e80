//! `tolltrack claims`: the facts behind the figures, with their sources.

use std::path::PathBuf;

use tolltrack::{claims, export};

use super::output;

/// List claims: figures from any number of documents that state the same
/// fact (same metric, place, value and bounds, dates a day apart at most),
/// with how many sources stand behind each, its first report and date span.
/// The table an analyst checks before publishing.
///
/// Example: tolltrack claims figures.csv -o claims.csv
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A figures table written by `tolltrack extract` (.csv, .jsonl or .parquet).
    #[arg(value_name = "FIGURES")]
    pub figures: PathBuf,

    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let mut figs = export::read(&args.figures)?;
    // Recompute, so that tables merged from several runs agree.
    claims::assign(&mut figs);
    let table = claims::table(&figs);
    output(&args.output, |w| Ok(claims::write_csv(&table, w)?))?;
    Ok(super::exit::OK)
}

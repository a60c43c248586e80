//! `tolltrack extract`: inputs → the figures table.

use std::path::PathBuf;

use anyhow::Context;
use tolltrack::export::{self, TableFormat};
use tolltrack::pipeline;

use super::{input_exit, output, report_notice, InputArgs};

/// Extract every stated count of people as one row: doc, published, date,
/// period_start, metric, value, low, high, qualifier, kind, who, where,
/// sentence, start, end, published_inferred, country, lat, lon, claim.
///
/// Example: tolltrack extract fixtures/docs -o figures.csv
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Write to this file instead of stdout (format from its extension unless --format).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Output format (default: from the file extension, else csv).
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,

    /// Neutralise cells a spreadsheet would run as formulas (=, +, -, @ at the start).
    #[arg(long)]
    pub spreadsheet_safe: bool,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(TableFormat::of))
        .unwrap_or(TableFormat::Csv);
    if format == TableFormat::Parquet && args.output.is_none() {
        anyhow::bail!("parquet output needs a file: use -o FILE.parquet");
    }
    let (mut figs, stats) = pipeline::collect(
        &args.input.inputs,
        &args.input.options(),
        args.input.order(),
        report_notice,
    )?;
    if args.spreadsheet_safe {
        export::spreadsheet_safe(&mut figs);
    }
    output(&args.output, |w| export::write(&figs, format, w)).with_context(|| {
        format!(
            "writing figures{}",
            args.output
                .as_ref()
                .map(|p| format!(" to {}", p.display()))
                .unwrap_or_default()
        )
    })?;
    eprintln!("tolltrack: {}", stats.summary());
    Ok(input_exit(args.input.strict, &stats))
}

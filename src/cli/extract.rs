//! `tolltrack extract`: inputs → the figures table, streamed.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use tolltrack::export::{self, TableFormat};
use tolltrack::{claims, pipeline, Figure};

use super::{input_exit, InputArgs};

/// Extract every stated count of people as one row: doc, published, date,
/// period_start, metric, value, low, high, qualifier, kind, who, where,
/// sentence, start, end, published_inferred, country, lat, lon, claim.
///
/// Rows are written as documents are read (CSV and JSON Lines), so memory
/// does not grow with the input. `claim` here joins figures of the same day;
/// `tolltrack claims`, `series` and `report` also join reports a day apart.
///
/// Example: tolltrack extract fixtures/docs -o figures.csv
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Write to this file instead of stdout (`-` is stdout; format from its extension unless --format).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Output format (default: from the file extension, else csv).
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,

    /// Neutralise cells a spreadsheet would run as formulas (=, +, -, @ at the start).
    #[arg(long)]
    pub spreadsheet_safe: bool,
}

pub fn run(mut args: Args) -> anyhow::Result<u8> {
    // "-o -" is stdout, as in most command-line tools.
    if args.output.as_deref().is_some_and(|p| p.as_os_str() == "-") {
        args.output = None;
    }
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(TableFormat::of))
        .unwrap_or(TableFormat::Csv);
    if format == TableFormat::Parquet && args.output.is_none() {
        anyhow::bail!("parquet output needs a file: use -o FILE.parquet");
    }
    let config = args.input.config();
    let safe = args.spreadsheet_safe;
    // Place keys are kept from one document to the next (see DayClaims).
    let mut day_claims = claims::DayClaims::default();
    let mut prepare = |figs: &mut Vec<Figure>| {
        day_claims.assign(figs);
        if safe {
            export::spreadsheet_safe(figs);
        }
    };
    let mut stats = None;
    let mut write = |w: &mut dyn Write| -> tolltrack::Result<()> {
        if format == TableFormat::Parquet {
            // Parquet is written whole: its footer indexes every row.
            let (mut figs, s) =
                pipeline::collect(&args.input.inputs, &config, args.input.notice())?;
            prepare(&mut figs);
            export::write(&figs, format, w)?;
            stats = Some(s);
            return Ok(());
        }
        // Each document's rows are written as they come (parts concatenate
        // to the bytes of one whole write): gathering them into larger parts
        // only copied every figure once more.
        let mut header = true;
        let s = pipeline::run(
            &args.input.inputs,
            &config,
            args.input.notice(),
            |_, mut figs| {
                if figs.is_empty() {
                    return Ok(());
                }
                prepare(&mut figs);
                export::write_part(&figs, format, header, w)?;
                header = false;
                Ok(())
            },
        )?;
        if header {
            // No figures at all: a CSV still gets its header.
            export::write_part(&[], format, header, w)?;
        }
        stats = Some(s);
        Ok(())
    };
    let target = args
        .output
        .as_ref()
        .map(|p| format!(" to {}", p.display()))
        .unwrap_or_default();
    match &args.output {
        Some(p) => {
            export::write_atomic(p, write).with_context(|| format!("writing figures{target}"))?
        }
        None => {
            let stdout = std::io::stdout();
            let mut lock = std::io::BufWriter::new(stdout.lock());
            write(&mut lock)?;
            lock.flush()?;
        }
    }
    let stats = stats.unwrap_or_default();
    eprintln!("tolltrack: {}", stats.summary());
    Ok(input_exit(args.input.strict, &stats))
}

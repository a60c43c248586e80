//! `tolltrack series`: a figures table → a time series (CSV).

use std::path::PathBuf;

use tolltrack::series::{self, By, Freq};
use tolltrack::{export, Metric};

use super::{output, parse_metric};

/// Turn figures into a long-format time series: date, metric, group, value,
/// low, high, figures, sources, kind. Running totals give the latest stated
/// total per period (the largest if several sources state one that day);
/// incident counts are summed per period.
///
/// Example: tolltrack series figures.csv --by where --freq week -o series.csv
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A figures table written by `tolltrack extract` (.csv, .jsonl or .parquet).
    #[arg(value_name = "FIGURES")]
    pub figures: PathBuf,

    /// Only this metric (killed, injured, displaced, troops, detained, abducted, missing).
    #[arg(long, value_parser = parse_metric)]
    pub metric: Option<Metric>,

    /// Group lines by place, country, who, or not at all.
    #[arg(long, value_enum, default_value = "where")]
    pub by: By,

    /// One point per day, week (Monday) or month.
    #[arg(long, value_enum, default_value = "day")]
    pub freq: Freq,

    /// Only figures dated on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    pub from: Option<chrono::NaiveDate>,

    /// Only figures dated on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    pub to: Option<chrono::NaiveDate>,

    /// Only the N groups with the largest values, per metric.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,

    /// One column per group instead of the long format.
    #[arg(long)]
    pub wide: bool,

    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let figs = export::read(&args.figures)?;
    let mut opts = series::Options::new(args.metric, args.by, args.freq);
    (opts.from, opts.to, opts.top) = (args.from, args.to, args.top);
    let (points, undated) = series::build(&figs, opts);
    if undated > 0 {
        eprintln!("tolltrack: warning: {undated} figure(s) have no date and are not in the series");
    }
    output(&args.output, |w| {
        if args.wide {
            series::write_wide_csv(&points, w)
        } else {
            series::write_csv(&points, w)
        }
    })?;
    Ok(super::exit::OK)
}

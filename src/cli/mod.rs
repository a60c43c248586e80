//! The command line: the only code that knows about clap. Each subcommand
//! lives in its own file with the same shape: `Args` and `run(args)`.

mod aggregate;
mod chart;
mod claims;
mod eval;
mod extract;
mod parse;
mod progress;
mod report;
mod schema;
mod series;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use tolltrack::extract::date::DateOrder;
use tolltrack::ingest;
use tolltrack::pipeline::{self, Notice};
use tolltrack::Metric;

/// Exit codes, by name.
pub mod exit {
    /// Everything worked.
    pub const OK: u8 = 0;
    /// A run failed (or, with --strict, an input was skipped).
    pub const FAILURE: u8 = 1;
    /// The command cannot start: bad usage, no input, an unknown format.
    pub const USAGE: u8 = 2;
}

/// Turn news articles into a sourced time series of casualty, displacement
/// and troop figures, with charts.
///
/// Typical use: `tolltrack report articles/ -o out/` writes figures.csv,
/// series.csv, one chart per metric (PNG and SVG) and index.md. Each step is
/// also a command of its own: extract → series → chart.
#[derive(Debug, Parser)]
#[command(
    name = "tolltrack",
    version,
    about,
    long_about,
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract the figures table (one row per stated count of people).
    ///
    /// Columns: doc, published, date, period_start, metric, value, low, high,
    /// qualifier, kind, who, where, sentence, start, end, published_inferred,
    /// country, lat, lon, claim. Rows stream out as documents are read.
    ///
    /// Example: tolltrack extract fixtures/docs -o figures.csv
    Extract(extract::Args),
    /// Turn a figures table into a time series per metric and group.
    ///
    /// Running totals give the latest stated total per period (the largest if
    /// several sources state one that day); incidents are summed per period,
    /// each claim once.
    ///
    /// Example: tolltrack series figures.csv --by where --freq week -o series.csv
    Series(series::Args),
    /// Draw a line chart (PNG or SVG) from a series or figures table.
    ///
    /// A line per group, a point per reported value (filled when several
    /// sources stand behind it), a band where sources give a low–high range.
    ///
    /// Example: tolltrack chart figures.csv --metric killed -o killed.png
    Chart(chart::Args),
    /// Run everything: figures, series, charts and an index.md report.
    ///
    /// Writes figures.csv (spreadsheet-safe), series.csv, <metric>.png and
    /// <metric>.svg for each metric present, and index.md.
    ///
    /// Example: tolltrack report fixtures/docs -o reports/fixtures
    Report(report::Args),
    /// List the facts behind the figures (claims) with their sources.
    ///
    /// Figures from any documents that state the same fact (metric, place,
    /// value, bounds, dates a day apart) are one claim.
    ///
    /// Example: tolltrack claims figures.csv -o claims.csv
    Claims(claims::Args),
    /// Score extraction against a gold file (precision, recall, F1).
    ///
    /// The numbers equal those of shared/spec/score.py on the same figures.
    ///
    /// Example: tolltrack eval --gold fixtures/gold.jsonl fixtures/docs --show 20
    Eval(eval::Args),
    /// Merge partial figure tables from sharded runs into figures, series and claims.
    ///
    /// The reduce step after `extract` ran as a map over shards (GNU parallel,
    /// Spark): rows are sorted, claims recomputed over the whole set.
    ///
    /// Example: tolltrack aggregate 'parts/*.csv' -o merged
    Aggregate(aggregate::Args),
    /// Print the figures table's columns, types and schema version (JSON).
    Schema(schema::Args),
    /// Show what the number and date grammars read (conformance format).
    #[command(subcommand)]
    Parse(parse::Command),
}

/// How to read inputs: shared by every command that reads articles.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Articles: files, directories (read recursively), globs, or `-` for JSON Lines on stdin.
    /// Formats: .txt, .md, .html, .htm, .jsonl, and any of them gzipped (.gz).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,

    /// Publication date (YYYY-MM-DD) for inputs that carry none; otherwise it is
    /// inferred from datelines, URLs and dates in the text, and flagged `published_inferred`.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub published: Option<NaiveDate>,

    /// Read all-numeric dates such as 8/1/2025 as month/day or day/month
    /// (by default only unambiguous ones are read).
    #[arg(long, value_enum, value_name = "ORDER")]
    pub date_order: Option<DateOrderArg>,

    /// Fail (exit 1) if any input is skipped or warned about.
    #[arg(long)]
    pub strict: bool,

    /// Skip documents larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    pub max_doc_bytes: usize,

    /// How to print skipped inputs and warnings on stderr: text, or one JSON
    /// object per line (for map-reduce jobs that collect them).
    #[arg(long, value_enum, default_value = "text")]
    pub messages: Messages,

    /// Worker threads for extraction (default: all cores). Output is the same for any number.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

/// How report-like commands group their series.
#[derive(Debug, Clone, Args)]
pub struct GroupArgs {
    /// Group series lines by place, country, who, or not at all.
    #[arg(long, value_enum, default_value = "where")]
    pub by: tolltrack::series::By,

    /// One series point per day, week or month.
    #[arg(long, value_enum, default_value = "day")]
    pub freq: tolltrack::series::Freq,
}

impl GroupArgs {
    /// Write `figures.csv` and `series.csv` into `dir` (the tables `report`
    /// and `aggregate` both give) and return the series points.
    pub fn write_tables(
        &self,
        dir: &std::path::Path,
        figs: &[tolltrack::Figure],
    ) -> tolltrack::Result<Vec<tolltrack::series::Point>> {
        use tolltrack::export::{self, write_atomic, TableFormat};
        use tolltrack::series;
        write_atomic(&dir.join("figures.csv"), |w| {
            export::write(figs, TableFormat::Csv, w)
        })?;
        let (points, _) = series::build(figs, series::Options::new(None, self.by, self.freq));
        write_atomic(&dir.join("series.csv"), |w| series::write_csv(&points, w))?;
        Ok(points)
    }
}

/// `--messages` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Messages {
    /// "tolltrack: skipped FILE: line 3: REASON".
    Text,
    /// {"level": "skipped", "origin": "FILE: line 3", "reason": "..."}.
    Json,
}

/// `--date-order` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DateOrderArg {
    /// Month first: 8/1/2025 is August 1.
    Mdy,
    /// Day first: 8/1/2025 is 8 January.
    Dmy,
}

impl InputArgs {
    pub fn order(&self) -> DateOrder {
        match self.date_order {
            None => DateOrder::Unambiguous,
            Some(DateOrderArg::Mdy) => DateOrder::Mdy,
            Some(DateOrderArg::Dmy) => DateOrder::Dmy,
        }
    }

    pub fn options(&self) -> ingest::Options {
        ingest::Options {
            published: self.published,
            date_order: self.order(),
            max_doc_bytes: self.max_doc_bytes,
        }
    }

    pub fn config(&self) -> pipeline::Config {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        pipeline::Config {
            options: self.options(),
            order: self.order(),
            threads: self.threads.unwrap_or(cores).max(1),
        }
    }
}

/// A notice as one JSON object (`--messages json`).
pub fn json_notice(n: Notice) -> Option<String> {
    let v = match n {
        Notice::Skipped { origin, reason } => {
            serde_json::json!({"level": "skipped", "origin": origin, "reason": reason})
        }
        Notice::Warning(w) => serde_json::json!({"level": "warning", "message": w}),
        Notice::Progress { .. } => return None,
    };
    Some(v.to_string())
}

impl InputArgs {
    /// The notice handler: messages as `--messages` asks, and a progress
    /// bar when stderr is a terminal and messages are text. The bar clears
    /// when the handler is dropped (when the pipeline returns).
    pub fn notice(&self) -> impl FnMut(Notice) {
        match self.messages {
            Messages::Text => progress::handler(progress::Progress::new(true), report_notice),
            Messages::Json => progress::handler(progress::Progress::new(false), json_notice),
        }
    }
}

/// A notice as a line of text.
pub fn report_notice(n: Notice) -> Option<String> {
    match n {
        Notice::Skipped { origin, reason } => {
            Some(format!("tolltrack: skipped {origin}: {reason}"))
        }
        Notice::Warning(w) => Some(format!("tolltrack: warning: {w}")),
        Notice::Progress { .. } => None,
    }
}

/// The exit code after reading inputs: with --strict, any skip or warning fails.
pub fn input_exit(strict: bool, stats: &tolltrack::pipeline::Stats) -> u8 {
    if strict && (stats.skipped > 0 || stats.warnings > 0) {
        eprintln!(
            "tolltrack: --strict: {} input(s) skipped, {} warning(s)",
            stats.skipped, stats.warnings
        );
        exit::FAILURE
    } else {
        exit::OK
    }
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date of the form YYYY-MM-DD"))
}

pub fn parse_metric(s: &str) -> Result<Metric, String> {
    Metric::parse(s).ok_or_else(|| {
        let all: Vec<&str> = Metric::ALL.iter().map(|m| m.as_str()).collect();
        format!("unknown metric {s:?} (one of: {})", all.join(", "))
    })
}

/// Run the parsed command line; returns the exit code.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Extract(a) => extract::run(a),
        Command::Series(a) => series::run(a),
        Command::Chart(a) => chart::run(a),
        Command::Report(a) => report::run(a),
        Command::Claims(a) => claims::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Parse(c) => parse::run(c),
        Command::Aggregate(a) => aggregate::run(a),
        Command::Schema(a) => schema::run(a),
    }
}

/// Where output goes: a file (written atomically) or stdout.
pub fn output(
    path: &Option<PathBuf>,
    fill: impl FnOnce(&mut dyn std::io::Write) -> tolltrack::Result<()>,
) -> anyhow::Result<()> {
    match path {
        Some(p) => tolltrack::export::write_atomic(p, fill)?,
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            fill(&mut lock)?;
            std::io::Write::flush(&mut lock)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}

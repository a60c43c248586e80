//! `tolltrack chart`: a series or figures table → a PNG or SVG line chart.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use tolltrack::render::{self, Annotation};
use tolltrack::series::{self, By, Freq, Point};
use tolltrack::{export, Metric};

use super::parse_metric;

/// Draw one metric as a line chart: a line per group over time, a point at
/// each reported value (filled when more than one source stands behind it),
/// a shaded band where sources give a low–high range, and a source note.
///
/// Example: tolltrack chart figures.csv --metric killed -o killed.png
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A series (from `tolltrack series`) or a figures table (from `tolltrack extract`).
    #[arg(value_name = "SERIES_OR_FIGURES")]
    pub input: PathBuf,

    /// The chart file: .png (1200×700) or .svg.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// The metric to draw (needed when the input holds several).
    #[arg(long, value_parser = parse_metric)]
    pub metric: Option<Metric>,

    /// Group lines by place, country, who, or not at all (figures input only).
    #[arg(long, value_enum, default_value = "where")]
    pub by: By,

    /// One point per day, week or month (figures input only).
    #[arg(long, value_enum, default_value = "day")]
    pub freq: Freq,

    /// Draw at most this many groups (the largest).
    #[arg(long, default_value_t = 6)]
    pub top: usize,

    /// Logarithmic y axis.
    #[arg(long)]
    pub log: bool,

    /// Mark a date with a note, drawn as a dashed vertical rule (repeatable).
    /// Example: --annotate 2023-10-07="War begins"
    #[arg(long, value_name = "DATE=TEXT")]
    pub annotate: Vec<Annotation>,

    /// Small multiples: one panel per group, on shared scales, so many groups
    /// stay readable.
    #[arg(long)]
    pub facet: bool,
}

/// Whether a CSV file is a series (has `group` and `figures` columns).
fn is_series(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut header = String::new();
    let _ = std::io::BufRead::read_line(&mut std::io::BufReader::new(file), &mut header);
    let cols: Vec<&str> = header.trim().split(',').collect();
    cols.contains(&"group") && cols.contains(&"figures")
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let series_input = args.input.extension().is_some_and(|e| e == "csv") && is_series(&args.input);
    let (points, figures, documents): (Vec<Point>, usize, usize) = if series_input {
        let points = series::read_csv(&args.input)?;
        let figures = points.iter().map(|p| p.figures).sum();
        let documents = points.iter().map(|p| p.sources).max().unwrap_or(0);
        (points, figures, documents)
    } else {
        let figs = export::read(&args.input)?;
        let (points, _) =
            series::build(&figs, series::Options::new(args.metric, args.by, args.freq));
        let used: Vec<_> = figs
            .iter()
            .filter(|f| args.metric.is_none_or(|m| m == f.metric) && f.date.is_some())
            .collect();
        let documents = used
            .iter()
            .map(|f| f.doc.as_str())
            .collect::<BTreeSet<_>>()
            .len();
        (points, used.len(), documents)
    };
    let present: BTreeSet<Metric> = points.iter().map(|p| p.metric).collect();
    let metric = match (args.metric, present.len()) {
        (Some(m), _) => m,
        (None, 1) => *present.iter().next().expect("one metric"),
        (None, 0) => bail!("{}: no dated figures to chart", args.input.display()),
        (None, _) => {
            let names: Vec<&str> = present.iter().map(|m| m.as_str()).collect();
            bail!(
                "{} holds several metrics ({}); choose one with --metric",
                args.input.display(),
                names.join(", ")
            )
        }
    };
    let mut chart = render::chart_of(&points, metric, args.top, figures, documents, args.log);
    chart.annotations = args.annotate;
    chart.facet = args.facet;
    render::by_extension(&args.output, &chart)
        .with_context(|| format!("drawing {}", args.output.display()))?;
    Ok(super::exit::OK)
}

//! `tolltrack report`: everything at once into one directory.

use std::collections::BTreeSet;
use std::path::PathBuf;

use anyhow::Context;
use tolltrack::export::{self, write_atomic};
use tolltrack::render;
use tolltrack::report::Report;
use tolltrack::{pipeline, Figure, Metric};

use super::InputArgs;

/// Run the whole pipeline into DIR: figures.csv (spreadsheet-safe),
/// series.csv, one chart per metric as PNG and SVG, index.md and a
/// self-contained index.html showing the charts, the series and a sortable
/// table of every figure with its quote and document.
///
/// Example: tolltrack report fixtures/docs -o reports/fixtures
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output directory (created if missing).
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,

    #[command(flatten)]
    pub group: super::GroupArgs,

    /// Draw at most this many groups per chart.
    #[arg(long, default_value_t = 6)]
    pub top: usize,

    /// Mark a date on every chart, drawn as a dashed vertical rule (repeatable).
    /// Example: --annotate 2023-10-07="War begins"
    #[arg(long, value_name = "DATE=TEXT")]
    pub annotate: Vec<render::Annotation>,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let dir = &args.output;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let (mut figs, stats) = pipeline::collect(
        &args.input.inputs,
        &args.input.config(),
        args.input.notice(),
    )?;
    export::spreadsheet_safe(&mut figs);
    let points = args.group.write_tables(dir, &figs)?;

    let metrics: BTreeSet<Metric> = figs
        .iter()
        .filter(|f| f.date.is_some())
        .map(|f| f.metric)
        .collect();
    let mut charts = Vec::new();
    for &m in &metrics {
        let used: Vec<&Figure> = figs
            .iter()
            .filter(|f| f.metric == m && f.date.is_some())
            .collect();
        let docs = used
            .iter()
            .map(|f| f.doc.as_str())
            .collect::<BTreeSet<_>>()
            .len();
        let mut chart = render::chart_of(&points, m, args.top, used.len(), docs, false);
        chart.annotations = args.annotate.clone();
        render::png(&dir.join(format!("{}.png", m.as_str())), &chart)?;
        let svg = render::svg_string(&chart)?;
        write_atomic(&dir.join(format!("{}.svg", m.as_str())), |w| {
            Ok(w.write_all(svg.as_bytes())?)
        })?;
        charts.push((m, svg));
    }
    let report = Report {
        figures: &figs,
        points: &points,
        charts: &charts,
        read: stats.read,
        skipped: stats.skipped,
    };
    write_atomic(&dir.join("index.md"), |w| {
        Ok(w.write_all(report.markdown().as_bytes())?)
    })?;
    write_atomic(&dir.join("index.html"), |w| {
        Ok(w.write_all(report.html().as_bytes())?)
    })?;
    eprintln!("tolltrack: {}", stats.summary());
    eprintln!(
        "tolltrack: wrote {} (figures.csv, series.csv, {} chart(s), index.md, index.html)",
        dir.display(),
        metrics.len()
    );
    Ok(super::input_exit(args.input.strict, &stats))
}

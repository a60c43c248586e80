//! `tolltrack report`: everything at once into one directory.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Context;
use tolltrack::export::{self, write_atomic, TableFormat};
use tolltrack::render::{self, thousands};
use tolltrack::series;
use tolltrack::{pipeline, Figure, Metric};

use super::InputArgs;

/// Run the whole pipeline into DIR: figures.csv (spreadsheet-safe),
/// series.csv, one chart per metric as PNG and SVG, and index.md showing the
/// charts and a table of every figure with its quote and document.
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
    write_atomic(&dir.join("figures.csv"), |w| {
        export::write(&figs, TableFormat::Csv, w)
    })?;
    let (points, _) = series::build(
        &figs,
        series::Options::new(None, args.group.by, args.group.freq),
    );
    write_atomic(&dir.join("series.csv"), |w| series::write_csv(&points, w))?;

    let metrics: BTreeSet<Metric> = figs
        .iter()
        .filter(|f| f.date.is_some())
        .map(|f| f.metric)
        .collect();
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
        let chart = render::chart_of(&points, m, args.top, used.len(), docs, false);
        render::png(&dir.join(format!("{}.png", m.as_str())), &chart)?;
        render::svg(&dir.join(format!("{}.svg", m.as_str())), &chart)?;
    }
    let index = index_md(&figs, &metrics, &stats);
    write_atomic(
        &dir.join("index.md"),
        |w| Ok(w.write_all(index.as_bytes())?),
    )?;
    eprintln!("tolltrack: {}", stats.summary());
    eprintln!(
        "tolltrack: wrote {} (figures.csv, series.csv, {} chart(s), index.md)",
        dir.display(),
        metrics.len()
    );
    Ok(super::input_exit(args.input.strict, &stats))
}

/// Escape text for a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn bounds(f: &Figure) -> String {
    match (f.low, f.high) {
        (Some(l), Some(h)) if l == h => "exact".to_string(),
        (Some(l), Some(h)) => format!("{}–{}", thousands(l), thousands(h)),
        (Some(l), None) => format!("≥ {}", thousands(l)),
        (None, Some(h)) => format!("≤ {}", thousands(h)),
        (None, None) => "approx.".to_string(),
    }
}

fn index_md(figs: &[Figure], metrics: &BTreeSet<Metric>, stats: &pipeline::Stats) -> String {
    let mut out = String::new();
    let docs = figs
        .iter()
        .map(|f| f.doc.as_str())
        .collect::<BTreeSet<_>>()
        .len();
    let _ = writeln!(out, "# tolltrack report\n");
    let _ = writeln!(
        out,
        "{} figures from {} documents ({} read, {} skipped). Files: [figures.csv](figures.csv), [series.csv](series.csv).\n",
        figs.len(), docs, stats.read, stats.skipped
    );
    for &m in metrics {
        let _ = writeln!(out, "## {}\n", render::metric_title(m));
        let _ = writeln!(out, "![{}]({}.png)\n", render::metric_title(m), m.as_str());
        let _ = writeln!(
            out,
            "| value | bounds | date | since | kind | where | who | quote | document |"
        );
        let _ = writeln!(out, "|---:|---|---|---|---|---|---|---|---|");
        let mut rows: Vec<&Figure> = figs.iter().filter(|f| f.metric == m).collect();
        rows.sort_by(|a, b| {
            a.date
                .cmp(&b.date)
                .then(a.doc.cmp(&b.doc))
                .then(a.start.cmp(&b.start))
        });
        for f in rows {
            let d = |x: Option<chrono::NaiveDate>| x.map_or(String::new(), |d| d.to_string());
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                thousands(f.value),
                bounds(f),
                d(f.date),
                d(f.period_start),
                f.kind.as_str(),
                cell(f.place.as_deref().unwrap_or("")),
                cell(f.who.as_deref().unwrap_or("")),
                cell(&f.sentence),
                cell(&f.doc)
            );
        }
        out.push('\n');
    }
    out
}

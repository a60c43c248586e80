//! Series: figures → a long-format time series per metric and group.
//!
//! Running totals (`cumulative`) give, per period, the latest stated total
//! (the largest when several sources state one on the same day); `event`
//! figures are summed per period. The two kinds are never mixed: a group
//! with both has one series of each, told apart by the `kind` column.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use polars::prelude::*;

use crate::error::{Error, Result};
use crate::extract::{Figure, Kind, Metric};

/// How figures are grouped into lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    /// By `where` as written.
    Where,
    /// By ISO country code of `where`.
    Country,
    /// By `who`, normalised: lower case and singular ("Palestinians" → "palestinian").
    Who,
    /// One line per metric.
    None,
}

/// The period a point stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Freq {
    Day,
    Week,
    Month,
}

impl Freq {
    /// The first day of the period holding `d` (weeks start on Monday).
    pub fn bucket(self, d: NaiveDate) -> NaiveDate {
        match self {
            Freq::Day => d,
            Freq::Week => d - chrono::Duration::days(d.weekday().num_days_from_monday() as i64),
            Freq::Month => d.with_day(1).unwrap_or(d),
        }
    }
}

/// One point of a series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub date: NaiveDate,
    pub metric: Metric,
    pub group: String,
    pub value: u64,
    pub low: Option<u64>,
    pub high: Option<u64>,
    /// Figures behind the point.
    pub figures: usize,
    /// Distinct documents behind the point.
    pub sources: usize,
    pub kind: Kind,
}

/// The series columns, in order.
pub const COLUMNS: [&str; 9] = [
    "date", "metric", "group", "value", "low", "high", "figures", "sources", "kind",
];

/// Options of [`build`].
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub metric: Option<Metric>,
    pub by: By,
    pub freq: Freq,
    /// Only figures dated on or after this day.
    pub from: Option<NaiveDate>,
    /// Only figures dated on or before this day.
    pub to: Option<NaiveDate>,
    /// Only the N groups with the largest values, per metric.
    pub top: Option<usize>,
}

impl Options {
    /// All figures, grouped `by`, one point per `freq`.
    pub fn new(metric: Option<Metric>, by: By, freq: Freq) -> Options {
        Options {
            metric,
            by,
            freq,
            from: None,
            to: None,
            top: None,
        }
    }
}

/// The group label of a figure.
pub fn group_of(f: &Figure, by: By) -> String {
    let unknown = |s: Option<&str>, none: &str| s.map_or_else(|| none.to_string(), str::to_string);
    match by {
        By::Where => unknown(f.place.as_deref(), "(unknown place)"),
        By::Country => unknown(f.country.as_deref(), "(unknown country)"),
        By::Who => crate::claims::normalise_who(f.who.as_deref())
            .unwrap_or_else(|| "(unspecified)".to_string()),
        By::None => "all".to_string(),
    }
}

/// Build the series. Figures without a date cannot be placed and are skipped
/// (the count is returned so callers can say so).
pub fn build(figs: &[Figure], opts: Options) -> (Vec<Point>, usize) {
    type Key = (Metric, String, u8);
    let mut buckets: BTreeMap<(Key, NaiveDate), Vec<&Figure>> = BTreeMap::new();
    let mut undated = 0;
    for f in figs {
        if opts.metric.is_some_and(|m| m != f.metric) {
            continue;
        }
        let Some(date) = f.date else {
            undated += 1;
            continue;
        };
        if opts.from.is_some_and(|d| date < d) || opts.to.is_some_and(|d| date > d) {
            continue;
        }
        // A part of another figure ("including 12 children") is not a total of its own.
        if f.subcount {
            continue;
        }
        let kind = u8::from(f.kind == Kind::Event);
        let key = (f.metric, group_of(f, opts.by), kind);
        buckets
            .entry((key, opts.freq.bucket(date)))
            .or_default()
            .push(f);
    }
    let points = buckets
        .into_iter()
        .map(|(((metric, group, kind), date), fs)| {
            let sources = fs
                .iter()
                .map(|f| f.doc.as_str())
                .collect::<BTreeSet<_>>()
                .len();
            let figures = fs.len();
            let (value, low, high, kind) = if kind == 0 {
                let (v, l, h) = latest_total(&fs);
                (v, l, h, Kind::Cumulative)
            } else {
                let (v, l, h) = sum(&fs);
                (v, l, h, Kind::Event)
            };
            Point {
                date,
                metric,
                group,
                value,
                low,
                high,
                figures,
                sources,
                kind,
            }
        })
        .collect();
    let points = match opts.top {
        Some(n) => top_groups(points, n),
        None => points,
    };
    (points, undated)
}

/// Keep, per metric, the `n` groups whose largest value is largest.
fn top_groups(points: Vec<Point>, n: usize) -> Vec<Point> {
    let mut peak: BTreeMap<(Metric, &str), u64> = BTreeMap::new();
    for p in &points {
        let e = peak.entry((p.metric, p.group.as_str())).or_default();
        *e = (*e).max(p.value);
    }
    let mut keep: BTreeSet<(Metric, String)> = BTreeSet::new();
    for m in Metric::ALL {
        let mut groups: Vec<(&str, u64)> = peak
            .iter()
            .filter(|((pm, _), _)| *pm == m)
            .map(|((_, g), v)| (*g, *v))
            .collect();
        groups.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        keep.extend(groups.into_iter().take(n).map(|(g, _)| (m, g.to_string())));
    }
    points
        .into_iter()
        .filter(|p| keep.contains(&(p.metric, p.group.clone())))
        .collect()
}

/// Write the series pivoted wide: one row per date, metric and kind, one column per group.
pub fn write_wide_csv(points: &[Point], w: &mut dyn std::io::Write) -> Result<()> {
    let groups: BTreeSet<&str> = points.iter().map(|p| p.group.as_str()).collect();
    let quote = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let header: Vec<String> = ["date", "metric", "kind"]
        .iter()
        .map(|s| s.to_string())
        .chain(groups.iter().map(|g| quote(g)))
        .collect();
    writeln!(w, "{}", header.join(","))?;
    let mut rows: BTreeMap<(NaiveDate, Metric, &str), BTreeMap<&str, u64>> = BTreeMap::new();
    for p in points {
        rows.entry((p.date, p.metric, p.kind.as_str()))
            .or_default()
            .insert(&p.group, p.value);
    }
    for ((date, metric, kind), values) in rows {
        let cells: Vec<String> = groups
            .iter()
            .map(|g| values.get(g).map_or(String::new(), |v| v.to_string()))
            .collect();
        writeln!(w, "{date},{},{kind},{}", metric.as_str(), cells.join(","))?;
    }
    Ok(())
}

/// The latest day's largest total. Its low/high span what other sources
/// said of the same total that day (values within a factor of two of it:
/// a smaller number in the same place is more likely another fact).
fn latest_total(fs: &[&Figure]) -> (u64, Option<u64>, Option<u64>) {
    let last = fs.iter().filter_map(|f| f.date).max();
    let value = fs
        .iter()
        .filter(|f| f.date == last)
        .map(|f| f.value)
        .max()
        .unwrap_or(0);
    let same: Vec<&&Figure> = fs
        .iter()
        .filter(|f| f.date == last && f.value * 2 >= value)
        .collect();
    let low = same
        .iter()
        .map(|f| f.low)
        .collect::<Option<Vec<u64>>>()
        .and_then(|v| v.into_iter().min());
    let high = same
        .iter()
        .map(|f| f.high)
        .collect::<Option<Vec<u64>>>()
        .and_then(|v| v.into_iter().max());
    (value, low, high)
}

/// The sum of a period's events, each claim counted once (thirty outlets
/// repeating one toll are one toll); low/high are sums when every figure has them.
fn sum(fs: &[&Figure]) -> (u64, Option<u64>, Option<u64>) {
    let mut seen = BTreeSet::new();
    let fs: Vec<&&Figure> = fs
        .iter()
        .filter(|f| f.claim.as_deref().is_none_or(|c| seen.insert(c)))
        .collect();
    let value = fs.iter().map(|f| f.value).sum();
    let low = fs.iter().map(|f| f.low).sum::<Option<u64>>();
    let high = fs.iter().map(|f| f.high).sum::<Option<u64>>();
    (value, low, high)
}

/// The series as a polars frame, columns as [`COLUMNS`].
/// For running totals, the change since the group's previous point (the
/// increment between reports, derived rather than stated) and whether the
/// total fell (a restated or restarted count, not a negative toll).
fn changes(points: &[Point]) -> Vec<(Option<i64>, bool)> {
    let mut out = Vec::with_capacity(points.len());
    for (i, p) in points.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| &points[j]);
        let same = prev.filter(|q| q.metric == p.metric && q.group == p.group && q.kind == p.kind);
        match (p.kind, same) {
            (Kind::Cumulative, Some(q)) => {
                let change = p.value as i64 - q.value as i64;
                out.push((Some(change), change < 0));
            }
            _ => out.push((None, false)),
        }
    }
    out
}

pub fn to_frame(points: &[Point]) -> Result<DataFrame> {
    let changes = changes(points);
    let days: Vec<i32> = points
        .iter()
        .map(|p| (p.date - NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch")).num_days() as i32)
        .collect();
    let cols = vec![
        Series::new("date".into(), days)
            .cast(&DataType::Date)?
            .into_column(),
        Column::new(
            "metric".into(),
            points.iter().map(|p| p.metric.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            "group".into(),
            points.iter().map(|p| p.group.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            "value".into(),
            points.iter().map(|p| p.value as i64).collect::<Vec<_>>(),
        ),
        Column::new(
            "low".into(),
            points
                .iter()
                .map(|p| p.low.map(|v| v as i64))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "high".into(),
            points
                .iter()
                .map(|p| p.high.map(|v| v as i64))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            "figures".into(),
            points.iter().map(|p| p.figures as i64).collect::<Vec<_>>(),
        ),
        Column::new(
            "sources".into(),
            points.iter().map(|p| p.sources as i64).collect::<Vec<_>>(),
        ),
        Column::new(
            "kind".into(),
            points.iter().map(|p| p.kind.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            "change".into(),
            changes.iter().map(|c| c.0).collect::<Vec<_>>(),
        ),
        Column::new(
            "drop".into(),
            changes.iter().map(|c| c.1).collect::<Vec<_>>(),
        ),
    ];
    Ok(DataFrame::new(points.len(), cols)?)
}

/// Write the series as CSV.
pub fn write_csv(points: &[Point], w: &mut dyn std::io::Write) -> Result<()> {
    let mut df = to_frame(points)?;
    CsvWriter::new(w).include_header(true).finish(&mut df)?;
    Ok(())
}

/// Read a series CSV written by [`write_csv`].
pub fn read_csv(path: &Path) -> Result<Vec<Point>> {
    let origin = path.display().to_string();
    let df = CsvReadOptions::default()
        .with_has_header(true)
        .with_infer_schema_length(Some(0))
        .try_into_reader_with_file_path(Some(path.to_path_buf()))?
        .finish()?;
    let col = |name: &str| -> Result<Vec<Option<String>>> {
        let c = df.column(name).map_err(|_| Error::Table {
            path: origin.clone(),
            line: 1,
            message: format!("missing column {name:?}"),
        })?;
        Ok(c.str()?
            .iter()
            .map(|v| v.filter(|s| !s.is_empty()).map(str::to_string))
            .collect())
    };
    let cols: Vec<Vec<Option<String>>> = COLUMNS.iter().map(|c| col(c)).collect::<Result<_>>()?;
    let mut out = Vec::with_capacity(df.height());
    // `row` indexes every column vector, not only one.
    #[allow(clippy::needless_range_loop)]
    for row in 0..df.height() {
        let bad = |what: &str| Error::Table {
            path: origin.clone(),
            line: row + 2,
            message: format!("invalid {what}"),
        };
        let get = |c: usize| cols[c][row].as_deref();
        let num = |c: usize| get(c).and_then(|s| s.parse::<u64>().ok());
        out.push(Point {
            date: get(0)
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
                .ok_or_else(|| bad("date"))?,
            metric: get(1)
                .and_then(Metric::parse)
                .ok_or_else(|| bad("metric"))?,
            group: get(2).unwrap_or("").to_string(),
            value: num(3).ok_or_else(|| bad("value"))?,
            low: num(4),
            high: num(5),
            figures: num(6).unwrap_or(1) as usize,
            sources: num(7).unwrap_or(1) as usize,
            kind: get(8).and_then(Kind::parse).unwrap_or(Kind::Cumulative),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Qualifier;

    fn fig(doc: &str, date: &str, value: u64, kind: Kind) -> Figure {
        Figure {
            doc: doc.into(),
            published: None,
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            period_start: None,
            metric: Metric::Killed,
            value,
            low: Some(value),
            high: Some(value),
            qualifier: Qualifier::Exact,
            kind,
            who: None,
            place: Some("Gaza".into()),
            sentence: String::new(),
            start: 0,
            end: 0,
            published_inferred: false,
            country: None,
            lat: None,
            lon: None,
            claim: None,
            subcount: false,
        }
    }

    #[test]
    fn totals_take_the_latest_largest_and_events_sum() {
        let figs = vec![
            fig("a", "2025-01-08", 45900, Kind::Cumulative),
            fig("b", "2025-01-09", 46000, Kind::Cumulative),
            fig("c", "2025-01-09", 46006, Kind::Cumulative),
            fig("a", "2025-01-06", 10, Kind::Event),
            fig("b", "2025-01-07", 5, Kind::Event),
        ];
        let opts = Options::new(None, By::Where, Freq::Week);
        let (points, undated) = build(&figs, opts);
        assert_eq!(undated, 0);
        let mut csv = Vec::new();
        write_csv(&points, &mut csv).unwrap();
        assert_eq!(
            String::from_utf8(csv).unwrap(),
            "date,metric,group,value,low,high,figures,sources,kind,change,drop\n\
             2025-01-06,killed,Gaza,46006,46000,46006,3,3,cumulative,,false\n\
             2025-01-06,killed,Gaza,15,15,15,2,2,event,,false\n"
        );
    }

    #[test]
    fn totals_show_increments_and_flag_drops() {
        let figs = vec![
            fig("a", "2025-01-01", 100, Kind::Cumulative),
            fig("b", "2025-01-02", 150, Kind::Cumulative),
            fig("c", "2025-01-03", 120, Kind::Cumulative),
        ];
        let (points, _) = build(&figs, Options::new(None, By::Where, Freq::Day));
        assert_eq!(
            changes(&points),
            vec![(None, false), (Some(50), false), (Some(-30), true)]
        );
    }
}

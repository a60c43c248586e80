//! The figures frame: `Vec<Figure>` ⇄ a polars `DataFrame` with the columns
//! of FIGURES.md §6, in that order and with those types.

use chrono::NaiveDate;
use polars::prelude::*;

use crate::error::{Error, Result};
use crate::extract::{Figure, Kind, Metric, Qualifier};

/// The output columns, in contract order (FIGURES.md §6).
pub const COLUMNS: [&str; 21] = [
    "doc",
    "published",
    "date",
    "period_start",
    "metric",
    "value",
    "low",
    "high",
    "qualifier",
    "kind",
    "who",
    "where",
    "sentence",
    "start",
    "end",
    "published_inferred",
    "country",
    "lat",
    "lon",
    "claim",
    "subcount",
];

fn days(d: Option<NaiveDate>) -> Option<i32> {
    d.map(|d| (d - NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch")).num_days() as i32)
}

fn from_days(n: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::Duration::days(n as i64))
}

/// A Date column built as such: casting an Int32 column instead makes
/// polars zero an 8 MiB buffer once per process, a third of a one-document run.
fn date_column(name: &str, figs: &[Figure], get: fn(&Figure) -> Option<NaiveDate>) -> Column {
    Int32Chunked::from_iter_options(name.into(), figs.iter().map(|f| days(get(f))))
        .into_date()
        .into_column()
}

fn str_column(name: &str, figs: &[Figure], get: fn(&Figure) -> Option<&str>) -> Column {
    let v: Vec<Option<&str>> = figs.iter().map(get).collect();
    Column::new(name.into(), v)
}

fn int_column(name: &str, figs: &[Figure], get: fn(&Figure) -> Option<u64>) -> Column {
    let v: Vec<Option<i64>> = figs.iter().map(|f| get(f).map(|x| x as i64)).collect();
    Column::new(name.into(), v)
}

fn float_column(name: &str, figs: &[Figure], get: fn(&Figure) -> Option<f64>) -> Column {
    let v: Vec<Option<f64>> = figs.iter().map(get).collect();
    Column::new(name.into(), v)
}

/// Build the figures frame.
pub fn from_figures(figs: &[Figure]) -> Result<DataFrame> {
    let columns = vec![
        str_column("doc", figs, |f| Some(&f.doc)),
        date_column("published", figs, |f| f.published),
        date_column("date", figs, |f| f.date),
        date_column("period_start", figs, |f| f.period_start),
        str_column("metric", figs, |f| Some(f.metric.as_str())),
        int_column("value", figs, |f| Some(f.value)),
        int_column("low", figs, |f| f.low),
        int_column("high", figs, |f| f.high),
        str_column("qualifier", figs, |f| Some(f.qualifier.as_str())),
        str_column("kind", figs, |f| Some(f.kind.as_str())),
        str_column("who", figs, |f| f.who.as_deref()),
        str_column("where", figs, |f| f.place.as_deref()),
        str_column("sentence", figs, |f| Some(&f.sentence)),
        int_column("start", figs, |f| Some(f.start as u64)),
        int_column("end", figs, |f| Some(f.end as u64)),
        Column::new(
            "published_inferred".into(),
            figs.iter()
                .map(|f| f.published_inferred)
                .collect::<Vec<bool>>(),
        ),
        str_column("country", figs, |f| f.country.as_deref()),
        float_column("lat", figs, |f| f.lat),
        float_column("lon", figs, |f| f.lon),
        str_column("claim", figs, |f| f.claim.as_deref()),
        Column::new(
            "subcount".into(),
            figs.iter().map(|f| f.subcount).collect::<Vec<bool>>(),
        ),
    ];
    Ok(DataFrame::new(figs.len(), columns)?)
}

/// Read figures back from a frame (as written by [`from_figures`], or read
/// from CSV with every column as text). `origin` names the source in errors.
pub fn to_figures(df: &DataFrame, origin: &str) -> Result<Vec<Figure>> {
    let missing: Vec<&str> = ["doc", "metric", "value"]
        .into_iter()
        .filter(|c| df.column(c).is_err())
        .collect();
    if !missing.is_empty() {
        return Err(Error::Table {
            path: origin.to_string(),
            line: 1,
            message: format!("missing column(s): {}", missing.join(", ")),
        });
    }
    let text = |name: &str| -> Result<Vec<Option<String>>> {
        match df.column(name) {
            Ok(c) => {
                let c = c.cast(&DataType::String)?;
                Ok(c.str()?
                    .iter()
                    .map(|v| v.map(str::to_string).filter(|s| !s.is_empty()))
                    .collect())
            }
            Err(_) => Ok(vec![None; df.height()]),
        }
    };
    let cols: Vec<Vec<Option<String>>> = COLUMNS.iter().map(|c| text(c)).collect::<Result<_>>()?;
    let get = |c: usize, row: usize| cols[c][row].as_deref();
    let mut out = Vec::with_capacity(df.height());
    for row in 0..df.height() {
        let line = row + 2;
        let bad = |what: &str, v: Option<&str>| Error::Table {
            path: origin.to_string(),
            line,
            message: format!("invalid {what} {:?}", v.unwrap_or("")),
        };
        let date = |c: usize| -> Result<Option<NaiveDate>> {
            match get(c, row) {
                None => Ok(None),
                Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map(Some)
                    .map_err(|_| bad(COLUMNS[c], Some(s))),
            }
        };
        let int = |c: usize| -> Result<Option<u64>> {
            match get(c, row) {
                None => Ok(None),
                Some(s) => s
                    .parse::<f64>()
                    .ok()
                    .filter(|v| *v >= 0.0)
                    .map(|v| Some(v as u64))
                    .ok_or_else(|| bad(COLUMNS[c], Some(s))),
            }
        };
        let float = |c: usize| get(c, row).and_then(|s| s.parse::<f64>().ok());
        let metric = get(4, row)
            .and_then(Metric::parse)
            .ok_or_else(|| bad("metric", get(4, row)))?;
        let value = int(5)?.ok_or_else(|| bad("value", None))?;
        out.push(Figure {
            doc: get(0, row).unwrap_or("").to_string(),
            published: date(1)?,
            date: date(2)?,
            period_start: date(3)?,
            metric,
            value,
            low: int(6)?,
            high: int(7)?,
            qualifier: get(8, row)
                .and_then(Qualifier::parse)
                .unwrap_or(Qualifier::Exact),
            kind: get(9, row).and_then(Kind::parse).unwrap_or(Kind::Event),
            who: get(10, row).map(str::to_string),
            place: get(11, row).map(str::to_string),
            sentence: get(12, row).unwrap_or("").to_string(),
            start: int(13)?.unwrap_or(0) as usize,
            end: int(14)?.unwrap_or(0) as usize,
            published_inferred: get(15, row).is_some_and(|s| s == "true"),
            country: get(16, row).map(str::to_string),
            lat: float(17),
            lon: float(18),
            claim: get(19, row).map(str::to_string),
            subcount: get(20, row).is_some_and(|s| s == "true"),
        });
    }
    Ok(out)
}

/// A date from days since 1970-01-01 (polars' Date physical type).
pub fn date_from_days(n: i32) -> Option<NaiveDate> {
    from_days(n)
}

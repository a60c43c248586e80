//! Export and read back figure tables: CSV (the default), JSON Lines and
//! Parquet. Files are written whole or not at all: to a temporary file beside
//! the target, then renamed over it.

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::Path;

use polars::prelude::*;
use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::extract::Figure;
use crate::frame::{self, COLUMNS};

/// A table format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableFormat {
    Csv,
    Jsonl,
    Parquet,
}

impl TableFormat {
    /// The format a file name implies, if any.
    pub fn of(path: &Path) -> Option<TableFormat> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".csv") {
            Some(TableFormat::Csv)
        } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
            Some(TableFormat::Jsonl)
        } else if name.ends_with(".parquet") {
            Some(TableFormat::Parquet)
        } else {
            None
        }
    }
}

/// Write `path` atomically: `fill` writes into a temporary file in the same
/// directory, which is renamed over `path` only if everything succeeded.
/// (No fsync: the rename is what keeps readers from half-written files, and a
/// flush to disk per output would dominate the run time of small jobs.)
pub fn write_atomic(path: &Path, fill: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let werr = |source: std::io::Error| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    // A device or a pipe (`-o /dev/null`, a FIFO) is written in place:
    // renaming a file over it would replace /dev/null itself.
    let mut tmp = None;
    let device;
    {
        let file: &File = if is_special(path) {
            device = File::options().write(true).open(path).map_err(werr)?;
            &device
        } else {
            tmp.insert(temp_in(dir, "").map_err(werr)?).as_file()
        };
        let mut w = BufWriter::new(file);
        fill(&mut w)?;
        w.flush().map_err(werr)?;
    }
    if let Some(tmp) = tmp {
        tmp.persist(path).map_err(|e| werr(e.error))?;
    }
    Ok(())
}

/// Whether `path` exists and is not a regular file or directory: a device,
/// a FIFO or a socket, which an output must be written into, never renamed over.
pub fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// A temporary file in `dir` that becomes an output by rename: created with
/// the usual mode (0666 less the umask), not the 0600 of a private temp file,
/// so outputs are readable like any file the user writes.
pub fn temp_in(dir: &Path, suffix: &str) -> std::io::Result<tempfile::NamedTempFile> {
    let mut b = tempfile::Builder::new();
    b.prefix(".tolltrack-").suffix(suffix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o666));
    }
    b.tempfile_in(dir)
}

/// Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Neutralise text cells a spreadsheet would run as formulas, by prefixing a quote.
pub fn spreadsheet_safe(figs: &mut [Figure]) {
    let fix = |s: &mut String| {
        if s.starts_with(FORMULA_START) {
            s.insert(0, '\'');
        }
    };
    for f in figs {
        fix(&mut f.doc);
        fix(&mut f.sentence);
        if let Some(w) = f.who.as_mut() {
            fix(w);
        }
        if let Some(p) = f.place.as_mut() {
            fix(p);
        }
    }
}

/// Write figures in `format` to any writer.
pub fn write(figs: &[Figure], format: TableFormat, w: &mut dyn Write) -> Result<()> {
    match format {
        TableFormat::Csv => write_csv(figs, true, w)?,
        TableFormat::Parquet => {
            let mut df = frame::from_figures(figs)?;
            ParquetWriter::new(w).finish(&mut df)?;
        }
        TableFormat::Jsonl => {
            for f in figs {
                serde_json::to_writer(&mut *w, &Value::Object(json_row(f)))
                    .map_err(|e| Error::Io(e.into()))?;
                w.write_all(b"\n")?;
            }
        }
    }
    Ok(())
}

/// Write one part of a streamed table: CSV with or without its header, or
/// JSON Lines. Parts concatenate to the same bytes as one whole write.
pub fn write_part(
    figs: &[Figure],
    format: TableFormat,
    header: bool,
    w: &mut dyn Write,
) -> Result<()> {
    match format {
        TableFormat::Csv => {
            write_csv(figs, header, w)?;
            Ok(())
        }
        _ => write(figs, format, w),
    }
}

/// Write figures as CSV straight from the rows, in the dialect polars
/// writes (and reads back): comma-separated, `\n` line ends, a field quoted
/// only when it holds a comma, quote or line break (quotes doubled), an empty
/// string as `""` and a missing value as nothing, floats in shortest
/// round-trip form. The figures frame is not needed for this: building it
/// cost as much as the writing, and polars zeroes an 8 MiB buffer for a CSV
/// header, a third of a one-document run.
fn write_csv(figs: &[Figure], header: bool, w: &mut dyn Write) -> std::io::Result<()> {
    let mut buf: Vec<u8> = Vec::with_capacity(256 * figs.len().min(4096) + 256);
    if header {
        buf.extend_from_slice(COLUMNS.join(",").as_bytes());
        buf.push(b'\n');
    }
    let mut floats = zmij::Buffer::new();
    // Integers are written without the formatter (five a row): itoa.
    let mut ints = itoa::Buffer::new();
    let mut int = |buf: &mut Vec<u8>, v: Option<u64>| {
        if let Some(v) = v {
            buf.extend_from_slice(ints.format(v).as_bytes());
        }
    };
    for f in figs {
        csv_text(&mut buf, Some(&f.doc));
        buf.push(b',');
        csv_date(&mut buf, f.published);
        buf.push(b',');
        csv_date(&mut buf, f.date);
        buf.push(b',');
        csv_date(&mut buf, f.period_start);
        buf.push(b',');
        buf.extend_from_slice(f.metric.as_str().as_bytes());
        buf.push(b',');
        int(&mut buf, Some(f.value));
        buf.push(b',');
        int(&mut buf, f.low);
        buf.push(b',');
        int(&mut buf, f.high);
        buf.push(b',');
        buf.extend_from_slice(f.qualifier.as_str().as_bytes());
        buf.push(b',');
        buf.extend_from_slice(f.kind.as_str().as_bytes());
        buf.push(b',');
        csv_text(&mut buf, f.who.as_deref());
        buf.push(b',');
        csv_text(&mut buf, f.place.as_deref());
        buf.push(b',');
        csv_text(&mut buf, Some(&f.sentence));
        buf.push(b',');
        int(&mut buf, Some(f.start as u64));
        buf.push(b',');
        int(&mut buf, Some(f.end as u64));
        buf.push(b',');
        buf.extend_from_slice(if f.published_inferred {
            b"true"
        } else {
            b"false"
        });
        buf.push(b',');
        csv_text(&mut buf, f.country.as_deref());
        for v in [f.lat, f.lon] {
            buf.push(b',');
            // NaN and infinities are not coordinates: written as missing.
            if let Some(v) = v.filter(|v| v.is_finite()) {
                buf.extend_from_slice(floats.format(v).as_bytes());
            }
        }
        buf.push(b',');
        csv_text(&mut buf, f.claim.as_deref());
        buf.push(b',');
        buf.extend_from_slice(if f.subcount { b"true" } else { b"false" });
        buf.push(b'\n');
        if buf.len() >= 1 << 16 {
            w.write_all(&buf)?;
            buf.clear();
        }
    }
    w.write_all(&buf)
}

/// A text cell: see [`write_csv`] for when it is quoted.
fn csv_text(buf: &mut Vec<u8>, s: Option<&str>) {
    let Some(s) = s else { return };
    if s.is_empty() {
        buf.extend_from_slice(b"\"\"");
        return;
    }
    let b = s.as_bytes();
    if !b.iter().any(|&c| matches!(c, b',' | b'"' | b'\n' | b'\r')) {
        buf.extend_from_slice(b);
        return;
    }
    buf.push(b'"');
    // Whole stretches between quotes at a time, each quote doubled. The
    // quotes are found by memchr, a vector of bytes a step: nine sentences
    // in ten hold a comma, so this search runs over most sentences whole.
    // (The check above stays a byte loop: it stops at the first comma, and
    // memchr's setup cost more than a loop over a short field.)
    let mut from = 0;
    for at in memchr::memchr_iter(b'"', b) {
        buf.extend_from_slice(&b[from..=at]);
        buf.push(b'"');
        from = at + 1;
    }
    buf.extend_from_slice(&b[from..]);
    buf.push(b'"');
}

fn csv_date(buf: &mut Vec<u8>, d: Option<chrono::NaiveDate>) {
    let Some(d) = d else { return };
    match iso_date(d) {
        Some(iso) => buf.extend_from_slice(&iso),
        None => {
            let _ = write!(buf, "{d}");
        }
    }
}

/// A date in ISO 8601 as chrono writes it ("2024-03-01"), without the
/// formatter, for the four-digit years; `None` for other years (chrono
/// writes those with a sign or more digits). Dates are written three a row
/// and hashed into every claim id.
pub(crate) fn iso_date(d: chrono::NaiveDate) -> Option<[u8; 10]> {
    use chrono::Datelike;
    let (y, m, day) = (d.year(), d.month(), d.day());
    let y = u32::try_from(y).ok().filter(|&y| y <= 9999)?;
    let digit = |v: u32| b'0' + (v % 10) as u8;
    Some([
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ])
}

/// One figure as a JSON object with the columns in contract order.
pub fn json_row(f: &Figure) -> Map<String, Value> {
    let date =
        |d: Option<chrono::NaiveDate>| d.map_or(Value::Null, |d| Value::String(d.to_string()));
    let text = |s: Option<&str>| s.map_or(Value::Null, |s| Value::String(s.to_string()));
    let int = |v: Option<u64>| v.map_or(Value::Null, Value::from);
    let float = |v: Option<f64>| {
        v.and_then(serde_json::Number::from_f64)
            .map_or(Value::Null, Value::Number)
    };
    let values = [
        Value::String(f.doc.clone()),
        date(f.published),
        date(f.date),
        date(f.period_start),
        Value::String(f.metric.as_str().into()),
        Value::from(f.value),
        int(f.low),
        int(f.high),
        Value::String(f.qualifier.as_str().into()),
        Value::String(f.kind.as_str().into()),
        text(f.who.as_deref()),
        text(f.place.as_deref()),
        Value::String(f.sentence.clone()),
        Value::from(f.start),
        Value::from(f.end),
        Value::Bool(f.published_inferred),
        text(f.country.as_deref()),
        float(f.lat),
        float(f.lon),
        text(f.claim.as_deref()),
        Value::Bool(f.subcount),
    ];
    COLUMNS.iter().map(|c| c.to_string()).zip(values).collect()
}

/// Read a figures table written by tolltrack (or any table with at least
/// `doc`, `metric` and `value`), by the file's extension.
pub fn read(path: &Path) -> Result<Vec<Figure>> {
    let origin = path.display().to_string();
    let rerr = |source: std::io::Error| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    match TableFormat::of(path) {
        Some(TableFormat::Csv) => {
            let df = CsvReadOptions::default()
                .with_has_header(true)
                .with_infer_schema_length(Some(0))
                .try_into_reader_with_file_path(Some(path.to_path_buf()))?
                .finish()?;
            frame::to_figures(&df, &origin)
        }
        Some(TableFormat::Parquet) => {
            let file = File::open(path).map_err(rerr)?;
            let df = ParquetReader::new(file).finish()?;
            frame::to_figures(&df, &origin)
        }
        Some(TableFormat::Jsonl) => {
            let file = File::open(path).map_err(rerr)?;
            read_jsonl(BufReader::new(file), &origin)
        }
        None => Err(Error::Table {
            path: origin,
            line: 0,
            message: "unknown table format (expected .csv, .jsonl or .parquet)".into(),
        }),
    }
}

fn read_jsonl(r: impl std::io::BufRead, origin: &str) -> Result<Vec<Figure>> {
    // Gather the rows as text columns and reuse the frame reader's checks.
    let mut cols: Vec<Vec<Option<String>>> = vec![Vec::new(); COLUMNS.len()];
    for (n, line) in r.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let obj: Map<String, Value> = serde_json::from_str(&line).map_err(|e| Error::Table {
            path: origin.to_string(),
            line: n + 1,
            message: format!("not a JSON object: {e}"),
        })?;
        for (c, name) in COLUMNS.iter().enumerate() {
            let v = match obj.get(*name) {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(other) => Some(other.to_string()),
            };
            cols[c].push(v);
        }
    }
    let height = cols[0].len();
    let columns: Vec<Column> = COLUMNS
        .iter()
        .zip(cols)
        .map(|(name, v)| Column::new((*name).into(), v))
        .collect();
    let df = DataFrame::new(height, columns)?;
    frame::to_figures(&df, origin)
}

#[cfg(test)]
mod mode_tests {
    /// Outputs get the mode any file the user writes gets, not 0600.
    #[cfg(unix)]
    #[test]
    fn outputs_have_the_usual_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain");
        std::fs::File::create(&plain).unwrap();
        let out = dir.path().join("out.csv");
        super::write_atomic(&out, |w| Ok(w.write_all(b"x")?)).unwrap();
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&out), mode(&plain));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// The hand-written ISO date is chrono's, byte for byte, across the
    /// four-digit years and outside them.
    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        for (y, m, d) in [
            (2024, 2, 29),
            (1999, 12, 31),
            (2025, 1, 5),
            (0, 1, 1),
            (7, 7, 7),
            (999, 10, 10),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 3, 4),
            (-2024, 11, 30),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
            let mut buf = Vec::new();
            csv_date(&mut buf, Some(date));
            assert_eq!(String::from_utf8(buf).expect("utf-8"), date.to_string());
        }
    }

    #[test]
    fn text_is_quoted_only_when_it_must_be() {
        let quoted = |s: &str| {
            let mut buf = Vec::new();
            csv_text(&mut buf, Some(s));
            String::from_utf8(buf).expect("utf-8")
        };
        assert_eq!(quoted("Jenin"), "Jenin");
        assert_eq!(quoted(""), "\"\"");
        assert_eq!(quoted("Gaza, Rafah"), "\"Gaza, Rafah\"");
        assert_eq!(
            quoted("\"at least 10\" killed, \"\"x\""),
            "\"\"\"at least 10\"\" killed, \"\"\"\"x\"\"\""
        );
        assert_eq!(quoted("a\"b"), "\"a\"\"b\"");
        assert_eq!(quoted("\""), "\"\"\"\"");
        assert_eq!(quoted("a\rb"), "\"a\rb\"");
        assert_eq!(quoted("a\nb\""), "\"a\nb\"\"\"");
    }
}

//! `tolltrack parse numbers|dates`: what the grammars read, one line at a
//! time, in the conformance suites' JSON Lines format.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;
use serde_json::{Map, Value};
use tolltrack::extract::{date, number};

use super::{parse_date, DateOrderArg};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Every cardinal number in each line, as integers: adds `values`.
    ///
    /// Input: JSON Lines with a `text` field, or plain lines of text.
    /// Example: echo 'at least twenty-one killed' | tolltrack parse numbers
    Numbers {
        /// File to read (default: stdin).
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// The date or period each line names, against a reference day: adds
    /// `date`, or `start` and `end` (inclusive).
    ///
    /// Input: JSON Lines with `text` and `reference`, or plain lines with --reference.
    /// Example: echo 'since Dec. 1' | tolltrack parse dates --reference 2025-01-09
    Dates {
        /// File to read (default: stdin).
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Reference (publication) day for lines that carry none.
        #[arg(long, value_parser = parse_date)]
        reference: Option<NaiveDate>,
        /// Read all-numeric dates as month/day or day/month.
        #[arg(long, value_enum)]
        date_order: Option<DateOrderArg>,
    },
}

fn lines(file: &Option<PathBuf>) -> anyhow::Result<Box<dyn BufRead>> {
    Ok(match file {
        Some(p) if p.as_os_str() != "-" => Box::new(std::io::BufReader::new(
            std::fs::File::open(p).with_context(|| format!("reading {}", p.display()))?,
        )),
        _ => Box::new(std::io::BufReader::new(std::io::stdin())),
    })
}

/// A line as a JSON object: JSON Lines as they are, plain text as `{"text": …}`.
fn object(line: &str) -> Map<String, Value> {
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(m)) if m.contains_key("text") => m,
        _ => {
            let mut m = Map::new();
            m.insert("text".into(), Value::String(line.to_string()));
            m
        }
    }
}

pub fn run(cmd: Command) -> anyhow::Result<u8> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cmd {
        Command::Numbers { file } => {
            for line in lines(&file)?.lines() {
                let line = line?;
                if line.trim().is_empty() {
                    continue;
                }
                let mut obj = object(&line);
                let text = obj
                    .get("text")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string();
                obj.insert("values".into(), Value::from(number::values(&text)));
                writeln!(out, "{}", Value::Object(obj))?;
            }
        }
        Command::Dates {
            file,
            reference,
            date_order,
        } => {
            let order = match date_order {
                None => date::DateOrder::Unambiguous,
                Some(DateOrderArg::Mdy) => date::DateOrder::Mdy,
                Some(DateOrderArg::Dmy) => date::DateOrder::Dmy,
            };
            for (n, line) in lines(&file)?.lines().enumerate() {
                let line = line?;
                if line.trim().is_empty() {
                    continue;
                }
                let mut obj = object(&line);
                let text = obj
                    .get("text")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string();
                let line_ref = obj
                    .get("reference")
                    .and_then(Value::as_str)
                    .and_then(|s| parse_date(s).ok());
                let Some(r) = line_ref.or(reference) else {
                    anyhow::bail!(
                        "line {}: no reference date (give --reference YYYY-MM-DD)",
                        n + 1
                    );
                };
                for k in ["date", "start", "end"] {
                    obj.remove(k);
                }
                if let Some((first, last)) = date::resolve(&text, r, order) {
                    if first == last {
                        obj.insert("date".into(), Value::String(first.to_string()));
                    } else {
                        obj.insert("start".into(), Value::String(first.to_string()));
                        obj.insert("end".into(), Value::String(last.to_string()));
                    }
                }
                writeln!(out, "{}", Value::Object(obj))?;
            }
        }
    }
    Ok(super::exit::OK)
}

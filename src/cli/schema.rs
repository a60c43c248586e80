//! `tolltrack schema`: the figures table's columns, for map-reduce jobs that
//! must agree on them.

use serde_json::json;

/// Version of the figures table's layout; bumped when a column is added.
pub const SCHEMA_VERSION: u32 = 2;

/// Print the output columns, their types and the schema version as JSON.
///
/// Example: tolltrack schema
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Column types, in the order of `tolltrack::frame::COLUMNS`.
const TYPES: [(&str, &str); 21] = [
    ("doc", "string"),
    ("published", "date"),
    ("date", "date"),
    ("period_start", "date"),
    ("metric", "string"),
    ("value", "int64"),
    ("low", "int64"),
    ("high", "int64"),
    ("qualifier", "string"),
    ("kind", "string"),
    ("who", "string"),
    ("where", "string"),
    ("sentence", "string"),
    ("start", "int64"),
    ("end", "int64"),
    ("published_inferred", "bool"),
    ("country", "string"),
    ("lat", "float64"),
    ("lon", "float64"),
    ("claim", "string"),
    ("subcount", "bool"),
];

pub fn run(_args: Args) -> anyhow::Result<u8> {
    let columns: Vec<_> = TYPES
        .iter()
        .map(|(n, t)| json!({"name": n, "type": t}))
        .collect();
    println!(
        "{}",
        json!({"schema_version": SCHEMA_VERSION, "columns": columns})
    );
    Ok(super::exit::OK)
}

#[cfg(test)]
mod tests {
    #[test]
    fn types_follow_the_frame_columns() {
        let names: Vec<&str> = super::TYPES.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, tolltrack::frame::COLUMNS);
    }
}

//! The library's error type. Messages are lowercase fragments so that a chain
//! reads as one line: `reading fixtures/a.jsonl: line 3: missing field "text"`.

use std::path::PathBuf;

/// Everything that can go wrong in the library outside the (infallible) grammars.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be read.
    #[error("reading {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An output could not be written.
    #[error("writing {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An input whose format tolltrack does not know.
    #[error("{path}: unknown input format (expected .txt, .md, .html, .htm, .jsonl or .jsonl.gz)")]
    UnknownFormat { path: PathBuf },
    /// A path or glob that matched nothing.
    #[error("{0}: no such file, directory or glob match")]
    NoMatch(String),
    /// A malformed value in a table being read back (figures CSV, gold file).
    #[error("{path}: line {line}: {message}")]
    Table {
        path: String,
        line: usize,
        message: String,
    },
    /// An error from polars while building or writing the figures frame.
    #[error(transparent)]
    #[cfg(feature = "frame")]
    Polars(#[from] polars::error::PolarsError),
    /// An error from the drawing backend.
    #[error("drawing chart: {0}")]
    Draw(String),
    /// Any other I/O error.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// The library's result alias.
pub type Result<T, E = Error> = std::result::Result<T, E>;

//! tolltrack turns news articles into a sourced time series of casualty,
//! displacement and troop figures.
//!
//! The pipeline: [`ingest`] reads text, HTML and JSON Lines into
//! [`Document`]s; [`extract`] finds each stated count of people (a
//! [`Figure`]: metric, value and bounds, date, who and where, and the quote);
//! [`frame`] puts the figures in a polars `DataFrame` with the columns of the
//! contract (`shared/spec/FIGURES.md`); [`series`] turns them into a time
//! series per metric and place; [`export`] writes CSV, JSON Lines or Parquet;
//! [`render`] draws PNG and SVG charts; [`eval`] scores against gold figures.
//!
//! ```
//! use chrono::NaiveDate;
//! use tolltrack::{extract, Document, Metric, Qualifier};
//!
//! let doc = Document::new("a", NaiveDate::from_ymd_opt(2025, 1, 9),
//!     "More than 46,000 Palestinians have been killed, the ministry said.");
//! let f = &extract::figures(&doc)[0];
//! assert_eq!((f.metric, f.value, f.qualifier), (Metric::Killed, 46000, Qualifier::MoreThan));
//! assert_eq!(f.low, Some(46000));
//! ```

#[cfg(feature = "frame")]
pub mod claims;
pub mod document;
pub mod error;
#[cfg(feature = "frame")]
pub mod eval;
#[cfg(feature = "frame")]
pub mod export;
pub mod extract;
#[cfg(feature = "frame")]
pub mod frame;
pub mod ingest;
#[cfg(feature = "frame")]
pub mod pipeline;
#[cfg(feature = "frame")]
pub mod render;
#[cfg(feature = "frame")]
pub mod report;
#[cfg(feature = "frame")]
pub mod series;

pub use document::Document;
pub use error::{Error, Result};
pub use extract::{Figure, Kind, Metric, Qualifier};

//! The pipeline from inputs to figures, with the accounting every command
//! reports: documents read, skipped (with reasons), figures found.

use crate::document::Document;
use crate::error::Result;
use crate::extract::{self, date::DateOrder, Figure};
use crate::ingest::{self, Item, Options};

/// What happened to the inputs.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stats {
    pub read: usize,
    pub skipped: usize,
    pub warnings: usize,
    pub figures: usize,
}

impl Stats {
    /// The closing line on stderr.
    pub fn summary(&self) -> String {
        format!(
            "{} document{} read, {} skipped, {} figure{} found",
            self.read,
            if self.read == 1 { "" } else { "s" },
            self.skipped,
            self.figures,
            if self.figures == 1 { "" } else { "s" }
        )
    }
}

/// Something the user should hear about (a skipped input or a warning).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Skipped { origin: String, reason: String },
    Warning(String),
}

/// Read every input and extract its figures, calling `notice` for each
/// skipped input and warning, and `each` for each document with its figures.
pub fn run(
    inputs: &[String],
    options: &Options,
    order: DateOrder,
    mut notice: impl FnMut(Notice),
    mut each: impl FnMut(&Document, Vec<Figure>),
) -> Result<Stats> {
    let sources = ingest::sources(inputs)?;
    let mut stats = Stats::default();
    for item in ingest::Reader::new(sources, options.clone()) {
        match item {
            Item::Doc(doc, warnings) => {
                stats.read += 1;
                for w in warnings {
                    stats.warnings += 1;
                    notice(Notice::Warning(w));
                }
                let figs = extract::figures_with(&doc, order);
                stats.figures += figs.len();
                each(&doc, figs);
            }
            Item::Skip { origin, reason } => {
                stats.skipped += 1;
                notice(Notice::Skipped { origin, reason });
            }
        }
    }
    Ok(stats)
}

/// All figures of the inputs, in input order.
pub fn collect(
    inputs: &[String],
    options: &Options,
    order: DateOrder,
    notice: impl FnMut(Notice),
) -> Result<(Vec<Figure>, Stats)> {
    let mut all = Vec::new();
    let stats = run(inputs, options, order, notice, |_, figs| all.extend(figs))?;
    Ok((all, stats))
}

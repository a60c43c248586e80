//! The pipeline from inputs to figures, with the accounting every command
//! reports: documents read, skipped (with reasons), figures found.
//!
//! Documents are read lazily in batches; each batch is extracted in parallel
//! (rayon) and handed on in input order, so output is the same bytes with
//! one thread or many, and memory holds one batch of texts at a time.

use rayon::prelude::*;

use crate::document::Document;
use crate::error::Result;
use crate::extract::{self, date::DateOrder, Figure};
use crate::ingest::{self, Item, Options};

/// Documents per parallel batch: large enough to keep every core busy,
/// small enough that a batch of texts stays a few megabytes.
const BATCH: usize = 512;

/// What happened to the inputs.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stats {
    pub read: usize,
    pub skipped: usize,
    pub warnings: usize,
    pub figures: usize,
    pub bytes: usize,
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
    Skipped {
        origin: String,
        reason: String,
    },
    Warning(String),
    /// After each batch: input bytes read so far (compressed bytes for
    /// `.gz`), of `total` (`None` when reading stdin), and documents so far.
    /// For progress displays; printers of messages ignore it.
    Progress {
        read: u64,
        total: Option<u64>,
        documents: usize,
    },
}

/// How to run the pipeline.
#[derive(Debug, Clone)]
pub struct Config {
    pub options: Options,
    pub order: DateOrder,
    /// Worker threads; 1 runs everything on the calling thread.
    pub threads: usize,
}

/// Read every input and extract its figures, calling `notice` for each
/// skipped input and warning, and `each` for each document with its figures,
/// in input order.
pub fn run(
    inputs: &[String],
    config: &Config,
    mut notice: impl FnMut(Notice),
    mut each: impl FnMut(&Document, Vec<Figure>) -> Result<()>,
) -> Result<Stats> {
    let sources = ingest::sources(inputs)?;
    // Load the gazetteer on another core while the first documents are read and parsed.
    std::thread::spawn(|| {
        crate::extract::bundled::gazetteer();
    });
    // The worker pool starts with the first batch worth sharing: a run of one
    // document (or one thread) never pays for starting threads.
    let mut pool: Option<rayon::ThreadPool> = None;
    let total = ingest::total_bytes(&sources);
    let mut stats = Stats::default();
    let mut reader = ingest::Reader::new(sources, config.options.clone());
    loop {
        let batch: Vec<Item> = reader.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let extract_one = |item: &Item| match item {
            Item::Doc(doc, _) => extract::figures_with(doc, config.order),
            Item::Skip { .. } => Vec::new(),
        };
        let figures: Vec<Vec<Figure>> = if config.threads > 1 && batch.len() > 1 {
            if pool.is_none() {
                let built = rayon::ThreadPoolBuilder::new()
                    .num_threads(config.threads)
                    .build()
                    .map_err(|e| crate::Error::Io(std::io::Error::other(e.to_string())))?;
                pool = Some(built);
            }
            let pool = pool.as_ref().expect("built above");
            pool.install(|| batch.par_iter().map(extract_one).collect())
        } else {
            batch.iter().map(extract_one).collect()
        };
        for (item, figs) in batch.into_iter().zip(figures) {
            match item {
                Item::Doc(doc, warnings) => {
                    stats.read += 1;
                    stats.bytes += doc.text.len();
                    for w in warnings {
                        stats.warnings += 1;
                        notice(Notice::Warning(w));
                    }
                    stats.figures += figs.len();
                    each(&doc, figs)?;
                }
                Item::Skip { origin, reason } => {
                    stats.skipped += 1;
                    notice(Notice::Skipped { origin, reason });
                }
            }
        }
        notice(Notice::Progress {
            read: reader.consumed(),
            total,
            documents: stats.read + stats.skipped,
        });
    }
    Ok(stats)
}

/// All figures of the inputs, in input order, with claims assigned.
pub fn collect(
    inputs: &[String],
    config: &Config,
    notice: impl FnMut(Notice),
) -> Result<(Vec<Figure>, Stats)> {
    let mut all = Vec::new();
    let stats = run(inputs, config, notice, |_, figs| {
        all.extend(figs);
        Ok(())
    })?;
    crate::claims::assign(&mut all);
    Ok((all, stats))
}

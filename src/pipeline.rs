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
///
/// With more than one thread the three stages overlap: a reader thread
/// parses the next batch, the worker pool extracts the current one, and the
/// calling thread hands the previous one to `each` (which writes output).
/// Reading and writing are then off the critical path; batches still reach
/// `each` in input order, so the output is the same bytes.
pub fn run(
    inputs: &[String],
    config: &Config,
    notice: impl FnMut(Notice),
    each: impl FnMut(&Document, Vec<Figure>) -> Result<()>,
) -> Result<Stats> {
    let sources = ingest::sources(inputs)?;
    // Load the gazetteer on another core while the first documents are read and parsed.
    std::thread::spawn(|| {
        crate::extract::bundled::gazetteer();
    });
    let total = ingest::total_bytes(&sources);
    let reader = ingest::Reader::new(sources, config.options.clone());
    let mut sink = Sink {
        notice,
        each,
        total,
        stats: Stats::default(),
    };
    if config.threads <= 1 {
        serial(reader, config.order, &mut sink)?;
    } else {
        overlapped(reader, config, &mut sink)?;
    }
    Ok(sink.stats)
}

/// A batch of inputs with their figures, and the input bytes read when it was complete.
type Extracted = (Vec<Item>, Vec<Vec<Figure>>, u64);

/// The figures of every item of a batch (none for a skipped input).
fn extract_batch(
    batch: &[Item],
    order: DateOrder,
    pool: Option<&rayon::ThreadPool>,
) -> Vec<Vec<Figure>> {
    let extract_one = |item: &Item| match item {
        Item::Doc(doc, _) => extract::figures_with(doc, order),
        Item::Skip { .. } => Vec::new(),
    };
    match pool {
        Some(pool) if batch.len() > 1 => {
            pool.install(|| batch.par_iter().map(extract_one).collect())
        }
        _ => batch.iter().map(extract_one).collect(),
    }
}

/// One thread does everything, batch after batch.
fn serial<N, E>(mut reader: ingest::Reader, order: DateOrder, sink: &mut Sink<N, E>) -> Result<()>
where
    N: FnMut(Notice),
    E: FnMut(&Document, Vec<Figure>) -> Result<()>,
{
    loop {
        let batch: Vec<Item> = reader.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            return Ok(());
        }
        let figures = extract_batch(&batch, order, None);
        sink.take((batch, figures, reader.consumed()))?;
    }
}

/// Reading, extraction and output overlap (see [`run`]).
fn overlapped<N, E>(
    mut reader: ingest::Reader,
    config: &Config,
    sink: &mut Sink<N, E>,
) -> Result<()>
where
    N: FnMut(Notice),
    E: FnMut(&Document, Vec<Figure>) -> Result<()>,
{
    // One batch queued between stages: enough to keep every stage busy, and
    // memory holds a handful of batches of texts at most.
    let (to_extract, batches) = std::sync::mpsc::sync_channel::<(Vec<Item>, u64)>(1);
    let (to_output, extracted) = std::sync::mpsc::sync_channel::<Extracted>(1);
    let order = config.order;
    let threads = config.threads;
    std::thread::scope(|scope| {
        scope.spawn(move || loop {
            let batch: Vec<Item> = reader.by_ref().take(BATCH).collect();
            // A closed channel means the consumer stopped on an error.
            if batch.is_empty() || to_extract.send((batch, reader.consumed())).is_err() {
                return;
            }
        });
        let worker = scope.spawn(move || -> Result<()> {
            // The pool starts with the first batch worth sharing: a run of
            // one document never pays for starting threads.
            let mut pool: Option<rayon::ThreadPool> = None;
            for (batch, consumed) in batches {
                if pool.is_none() && batch.len() > 1 {
                    let built = rayon::ThreadPoolBuilder::new()
                        .num_threads(threads)
                        .build()
                        .map_err(|e| crate::Error::Io(std::io::Error::other(e.to_string())))?;
                    pool = Some(built);
                }
                let figures = extract_batch(&batch, order, pool.as_ref());
                if to_output.send((batch, figures, consumed)).is_err() {
                    break;
                }
            }
            Ok(())
        });
        // Consume in order; on an error, dropping the receiver stops the
        // other stages at their next send.
        let consumed = extracted.into_iter().try_for_each(|e| sink.take(e));
        let worked = worker
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        consumed.and(worked)
    })
}

/// The consuming end: accounting, notices and the caller's `each`.
struct Sink<N, E> {
    notice: N,
    each: E,
    total: Option<u64>,
    stats: Stats,
}

impl<N, E> Sink<N, E>
where
    N: FnMut(Notice),
    E: FnMut(&Document, Vec<Figure>) -> Result<()>,
{
    fn take(&mut self, (batch, figures, consumed): Extracted) -> Result<()> {
        let stats = &mut self.stats;
        for (item, figs) in batch.into_iter().zip(figures) {
            match item {
                Item::Doc(doc, warnings) => {
                    stats.read += 1;
                    stats.bytes += doc.text.len();
                    for w in warnings {
                        stats.warnings += 1;
                        (self.notice)(Notice::Warning(w));
                    }
                    stats.figures += figs.len();
                    (self.each)(&doc, figs)?;
                }
                Item::Skip { origin, reason } => {
                    stats.skipped += 1;
                    (self.notice)(Notice::Skipped { origin, reason });
                }
            }
        }
        (self.notice)(Notice::Progress {
            read: consumed,
            total: self.total,
            documents: stats.read + stats.skipped,
        });
        Ok(())
    }
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

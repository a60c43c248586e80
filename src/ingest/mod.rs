//! Ingest: paths, directories, globs and stdin → a stream of [`Document`]s.
//!
//! Nothing is dropped silently: every input either becomes a document or an
//! [`Item::Skip`] with the reason, which the CLI reports and counts. Inputs are
//! read lazily, one file (and one JSONL line) at a time, so memory does not
//! grow with the corpus.

mod html;
mod jsonl;
mod text;

use std::collections::VecDeque;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::document::Document;
use crate::error::{Error, Result};
use crate::extract::date::{infer_published, DateOrder};

pub use html::to_text as html_to_text;

/// What ingest needs to know besides the paths.
#[derive(Debug, Clone)]
pub struct Options {
    /// Publication date for inputs that carry none (before inference).
    pub published: Option<NaiveDate>,
    /// How all-numeric dates are read when inferring `published`.
    pub date_order: DateOrder,
    /// Documents larger than this are skipped with a message.
    pub max_doc_bytes: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            published: None,
            date_order: DateOrder::default(),
            max_doc_bytes: 64 * 1024 * 1024,
        }
    }
}

/// One input format, chosen by file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown: the whole file is one document.
    Text,
    /// HTML: text extracted, scripts, styles and navigation dropped.
    Html,
    /// JSON Lines, one document a line (FIGURES.md §1 fields).
    Jsonl,
}

impl Format {
    /// The format of a path by its extension (a trailing `.gz` is looked through).
    pub fn of(path: &Path) -> Option<(Format, bool)> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let (name, gz) = match name.strip_suffix(".gz") {
            Some(stem) => (stem.to_string(), true),
            None => (name, false),
        };
        let ext = name.rsplit_once('.').map(|(_, e)| e)?;
        let format = match ext {
            "txt" | "md" | "text" | "markdown" => Format::Text,
            "html" | "htm" | "xhtml" => Format::Html,
            "jsonl" | "ndjson" => Format::Jsonl,
            _ => return None,
        };
        Some((format, gz))
    }
}

/// A place documents come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file of a known format.
    File {
        path: PathBuf,
        format: Format,
        gz: bool,
    },
    /// JSON Lines on standard input (`-`).
    Stdin,
    /// A file found while walking a directory whose format is unknown: reported, not read.
    Unknown(PathBuf),
    /// A file already listed (under this or another name): reported, not read again.
    Duplicate { path: PathBuf, first: PathBuf },
}

/// One step of the ingest stream.
#[derive(Debug)]
pub enum Item {
    /// A document ready for extraction, plus any warnings about it (it was still read).
    Doc(Document, Vec<String>),
    /// An input that was not processed, with where it was and why.
    Skip { origin: String, reason: String },
}

/// Expand the command line's inputs into sources: files as given, directories
/// walked recursively in name order, glob patterns expanded, `-` for stdin.
///
/// An input that matches nothing, or a file named explicitly whose format is
/// unknown, is an error: the user asked for something tolltrack cannot do.
pub fn sources(inputs: &[String]) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for input in inputs {
        if input == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let path = PathBuf::from(input);
        if path.is_dir() {
            walk(&path, &mut out)?;
        } else if path.exists() {
            out.push(file_source(&path)?);
        } else if input.contains(['*', '?', '[']) {
            let matches = glob::glob(input).map_err(|e| Error::NoMatch(format!("{input}: {e}")))?;
            let mut any = false;
            for entry in matches.flatten() {
                any = true;
                if entry.is_dir() {
                    walk(&entry, &mut out)?;
                } else {
                    out.push(file_source(&entry)?);
                }
            }
            if !any {
                return Err(Error::NoMatch(input.clone()));
            }
        } else {
            return Err(Error::NoMatch(input.clone()));
        }
    }
    Ok(read_once(out))
}

/// A file named twice (`a.txt ./a.txt`, or a file inside a directory also
/// given) is read once; the later mention becomes a skip that says so.
fn read_once(sources: Vec<Source>) -> Vec<Source> {
    let mut seen: std::collections::HashMap<PathBuf, PathBuf> = Default::default();
    sources
        .into_iter()
        .map(|s| match s {
            Source::File { ref path, .. } => match fs::canonicalize(path) {
                Ok(real) => match seen.get(&real) {
                    Some(first) => Source::Duplicate {
                        path: path.clone(),
                        first: first.clone(),
                    },
                    None => {
                        seen.insert(real, path.clone());
                        s
                    }
                },
                Err(_) => s,
            },
            other => other,
        })
        .collect()
}

fn file_source(path: &Path) -> Result<Source> {
    match Format::of(path) {
        Some((format, gz)) => Ok(Source::File {
            path: path.to_path_buf(),
            format,
            gz,
        }),
        None => Err(Error::UnknownFormat {
            path: path.to_path_buf(),
        }),
    }
}

/// Walk a directory in a stable (sorted) order, so that output order does not
/// depend on the file system. Symlinked directories are not followed, which
/// also makes symlink loops harmless.
fn walk(dir: &Path, out: &mut Vec<Source>) -> Result<()> {
    let read = fs::read_dir(dir).map_err(|source| Error::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut entries: Vec<PathBuf> = read.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let meta = match fs::symlink_metadata(&path) {
            Ok(m) => m,
            Err(_) => {
                out.push(Source::Unknown(path));
                continue;
            }
        };
        if meta.is_dir() {
            walk(&path, out)?;
        } else if meta.file_type().is_symlink() && path.is_dir() {
            // A link to a directory: not followed (loops), not silently dropped either.
            out.push(Source::Unknown(path));
        } else {
            match Format::of(&path) {
                Some((format, gz)) => out.push(Source::File { path, format, gz }),
                None => out.push(Source::Unknown(path)),
            }
        }
    }
    Ok(())
}

/// The size of every file among `sources`, or `None` if one is stdin.
pub fn total_bytes(sources: &[Source]) -> Option<u64> {
    let mut total = 0;
    for s in sources {
        match s {
            Source::Stdin => return None,
            Source::File { path, .. } => total += fs::metadata(path).map_or(0, |m| m.len()),
            Source::Unknown(_) | Source::Duplicate { .. } => {}
        }
    }
    Some(total)
}

/// A reader that counts the bytes it reads, for progress.
struct Counting<R> {
    inner: R,
    count: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count
            .fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

/// The lazy stream of documents over a list of sources.
pub struct Reader {
    sources: VecDeque<Source>,
    lines: Option<jsonl::Lines>,
    options: Options,
    /// Bytes read from input files so far (before decompression).
    consumed: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl Reader {
    /// A reader over `sources`, read in order.
    pub fn new(sources: Vec<Source>, options: Options) -> Reader {
        Reader {
            sources: sources.into(),
            lines: None,
            options,
            consumed: Default::default(),
        }
    }

    /// Bytes read from input files so far (compressed bytes for `.gz`).
    pub fn consumed(&self) -> u64 {
        self.consumed.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn open_source(&mut self, source: Source) -> Option<Item> {
        match source {
            Source::Stdin => {
                let reader: Box<dyn BufRead + Send> = Box::new(BufReader::new(std::io::stdin()));
                self.lines = Some(jsonl::Lines::new("<stdin>".into(), "stdin".into(), reader));
                None
            }
            Source::Unknown(path) => Some(Item::Skip {
                origin: path.display().to_string(),
                reason: unknown_reason(&path),
            }),
            Source::Duplicate { path, first } => Some(Item::Skip {
                origin: path.display().to_string(),
                reason: format!("the same file as {}, read once", first.display()),
            }),
            Source::File { path, format, gz } => {
                let origin = path.display().to_string();
                let file = match fs::File::open(&path) {
                    Ok(f) => f,
                    Err(e) => {
                        return Some(Item::Skip {
                            origin,
                            reason: format!("cannot read: {e}"),
                        })
                    }
                };
                let file = Counting {
                    inner: file,
                    count: self.consumed.clone(),
                };
                let reader: Box<dyn Read + Send> = if gz {
                    Box::new(flate2::read::MultiGzDecoder::new(file))
                } else {
                    Box::new(file)
                };
                let stem = doc_id(&path);
                match format {
                    Format::Jsonl => {
                        self.lines = Some(jsonl::Lines::new(
                            origin,
                            stem,
                            Box::new(BufReader::new(reader)),
                        ));
                        None
                    }
                    Format::Text | Format::Html => {
                        Some(read_whole(reader, origin, stem, format, &self.options))
                    }
                }
            }
        }
    }
}

fn unknown_reason(path: &Path) -> String {
    if fs::symlink_metadata(path)
        .map(|m| m.file_type().is_symlink())
        .unwrap_or(false)
    {
        "symbolic link to a directory, not followed".to_string()
    } else if fs::metadata(path).is_err() {
        "cannot read file".to_string()
    } else {
        "unknown format (expected .txt, .md, .html, .htm, .jsonl or .jsonl.gz)".to_string()
    }
}

/// A file's document id: its name without extension(s) (FIGURES.md §1).
pub fn doc_id(path: &Path) -> String {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("doc");
    let name = name.strip_suffix(".gz").unwrap_or(name);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => name.to_string(),
    }
}

fn read_whole(
    reader: Box<dyn Read + Send>,
    origin: String,
    id: String,
    format: Format,
    options: &Options,
) -> Item {
    let mut bytes = Vec::new();
    let limit = options.max_doc_bytes as u64 + 1;
    if let Err(e) = reader.take(limit).read_to_end(&mut bytes) {
        return Item::Skip {
            origin,
            reason: format!("cannot read: {e}"),
        };
    }
    if bytes.len() > options.max_doc_bytes {
        return Item::Skip {
            origin,
            reason: format!(
                "larger than --max-doc-bytes ({} bytes)",
                options.max_doc_bytes
            ),
        };
    }
    let mut warnings = Vec::new();
    let raw = match text::decode(&bytes) {
        Ok((s, lossy)) => {
            if lossy {
                warnings.push(format!("{origin}: invalid UTF-8 replaced with U+FFFD"));
            }
            s
        }
        Err(reason) => return Item::Skip { origin, reason },
    };
    let (body, title, published, url) = match format {
        Format::Html => {
            let page = html::to_text(&raw);
            (page.text, page.title, page.published, page.url)
        }
        _ => (text::normalise_newlines(raw), None, None, None),
    };
    if body.trim().is_empty() {
        return Item::Skip {
            origin,
            reason: "no text".to_string(),
        };
    }
    let doc = Document {
        id,
        published,
        published_inferred: false,
        text: body,
        title,
        url,
        origin,
    };
    Item::Doc(finish(doc, options, &mut warnings), warnings)
}

/// Fill `published` by the precedence of FIGURES.md §1 and issue #4: the
/// input's own date, then `--published`, then inference from the text.
pub fn finish(mut doc: Document, options: &Options, warnings: &mut Vec<String>) -> Document {
    if doc.published.is_none() {
        if let Some(date) = options.published {
            doc.published = Some(date);
        } else if let Some(date) = infer_published(&doc.text, doc.url.as_deref()) {
            doc.published = Some(date);
            doc.published_inferred = true;
        } else {
            warnings.push(format!(
                "{}: no publication date found; relative dates cannot be resolved (use --published)",
                doc.origin
            ));
        }
    }
    doc
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(lines) = self.lines.as_mut() {
                match lines.next_item(&self.options) {
                    Some(item) => return Some(item),
                    None => self.lines = None,
                }
            }
            let source = self.sources.pop_front()?;
            if let Some(item) = self.open_source(source) {
                return Some(item);
            }
        }
    }
}

/// Ingest one input held in memory, as if it were a file of `format` named
/// `name`: every item it yields, documents and skips alike.
///
/// For callers that get bytes from elsewhere (an archive, a queue, a fuzzer);
/// it runs the same decoding, HTML and JSON Lines code as files do.
pub fn read_bytes(name: &str, format: Format, bytes: Vec<u8>, options: &Options) -> Vec<Item> {
    let path = Path::new(name);
    let reader: Box<dyn Read + Send> = Box::new(std::io::Cursor::new(bytes));
    match format {
        Format::Jsonl => {
            let mut lines = jsonl::Lines::new(
                name.to_string(),
                doc_id(path),
                Box::new(BufReader::new(reader)),
            );
            std::iter::from_fn(|| lines.next_item(options)).collect()
        }
        Format::Text | Format::Html => vec![read_whole(
            reader,
            name.to_string(),
            doc_id(path),
            format,
            options,
        )],
    }
}

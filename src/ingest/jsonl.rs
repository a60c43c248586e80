//! JSON Lines documents (FIGURES.md §1): one object a line with `id`,
//! `published`, `title`, `url`, `text`. A bad line is reported with its file
//! and line number and the stream goes on.

use std::io::BufRead;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

use super::{finish, text, Item, Options};
use crate::document::Document;

#[derive(Deserialize)]
struct Line {
    id: Option<Value>,
    published: Option<Value>,
    title: Option<Value>,
    url: Option<Value>,
    text: Option<Value>,
}

/// A JSONL file being read line by line.
pub struct Lines {
    origin: String,
    stem: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl Lines {
    pub fn new(origin: String, stem: String, reader: Box<dyn BufRead + Send>) -> Lines {
        Lines {
            origin,
            stem,
            reader,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    /// The next document or skip, or `None` at the end of the file.
    pub fn next_item(&mut self, options: &Options) -> Option<Item> {
        loop {
            if self.done {
                return None;
            }
            self.buf.clear();
            let read = self.read_line(options.max_doc_bytes);
            self.line += 1;
            let origin = format!("{}: line {}", self.origin, self.line);
            match read {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    // A truncated gzip or an I/O error: the rest of the file is lost, say so.
                    self.done = true;
                    return Some(Item::Skip {
                        origin,
                        reason: format!("cannot read the rest of the file: {e}"),
                    });
                }
            }
            if self.buf.len() > options.max_doc_bytes {
                return Some(Item::Skip {
                    origin,
                    reason: format!(
                        "line longer than --max-doc-bytes ({} bytes)",
                        options.max_doc_bytes
                    ),
                });
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(self.parse(origin, options));
        }
    }

    /// Read one line, but keep at most `max + 1` bytes of it in memory.
    fn read_line(&mut self, max: usize) -> std::io::Result<usize> {
        let mut total = 0;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                return Ok(total);
            }
            let (used, end) = match memchr::memchr(b'\n', available) {
                Some(i) => (i + 1, true),
                None => (available.len(), false),
            };
            let room = (max + 1).saturating_sub(self.buf.len());
            self.buf.extend_from_slice(&available[..used.min(room)]);
            self.reader.consume(used);
            total += used;
            if end {
                return Ok(total);
            }
        }
    }

    fn parse(&self, origin: String, options: &Options) -> Item {
        let mut warnings = Vec::new();
        let (raw, lossy) = match text::decode(&self.buf) {
            Ok(x) => x,
            Err(reason) => return Item::Skip { origin, reason },
        };
        if lossy {
            warnings.push(format!("{origin}: invalid UTF-8 replaced with U+FFFD"));
        }
        let line: Line = match serde_json::from_str(raw.trim_start_matches('\u{feff}')) {
            Ok(l) => l,
            Err(e) => {
                return Item::Skip {
                    origin,
                    reason: format!("not a JSON object: {e}"),
                }
            }
        };
        let body = match line.text {
            Some(Value::String(s)) => s,
            Some(Value::Null) | None => {
                return Item::Skip {
                    origin,
                    reason: "missing field \"text\"".to_string(),
                }
            }
            Some(other) => {
                return Item::Skip {
                    origin,
                    reason: format!("field \"text\" is {}, not a string", kind(&other)),
                }
            }
        };
        // A feed's text field may hold an HTML fragment: its paragraphs are
        // read as a page's are, and no tag is quoted as text.
        let body = if is_markup(&body) {
            super::html::to_text(&body).text
        } else {
            body
        };
        if body.trim().is_empty() {
            return Item::Skip {
                origin,
                reason: "no text".to_string(),
            };
        }
        let id = match line.id {
            Some(Value::String(s)) if !s.is_empty() => s,
            Some(Value::Number(n)) => n.to_string(),
            _ => format!("{}-{}", self.stem, self.line),
        };
        let published = match line.published {
            Some(Value::String(s)) if !s.trim().is_empty() => match parse_published(&s) {
                Some(d) => Some(d),
                None => {
                    warnings.push(format!(
                        "{origin}: invalid \"published\" date {s:?}; inferring it from the text"
                    ));
                    None
                }
            },
            _ => None,
        };
        let doc = Document {
            id,
            published,
            published_inferred: false,
            text: text::normalise_newlines(body),
            title: string(line.title),
            url: string(line.url),
            origin,
        };
        Item::Doc(finish(doc, options, &mut warnings), warnings)
    }
}

/// Tags that say a text is an HTML fragment (a feed's `content:encoded`, a
/// news API's `content`): a paragraph, a line break or a block.
const MARKUP: &[&[u8]] = &[
    b"p>", b"p ", b"/p>", b"br>", b"br/", b"br ", b"div", b"/div",
];

/// Whether `s` holds paragraph or block markup. A lone '<' ("<3", "x < y")
/// is no tag.
fn is_markup(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'<', b).any(|i| {
        MARKUP.iter().any(|tag| {
            b.get(i + 1..i + 1 + tag.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(tag))
        })
    })
}

fn string(v: Option<Value>) -> Option<String> {
    match v {
        Some(Value::String(s)) if !s.is_empty() => Some(s),
        _ => None,
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// `YYYY-MM-DD`, or the date part of an ISO timestamp.
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let day = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::is_markup;

    #[test]
    fn markup_is_told_from_a_lone_angle_bracket() {
        assert!(is_markup("<p>At least 10 people were killed.</p>"));
        assert!(is_markup("Ten killed.<BR/>More later."));
        assert!(is_markup("<div class=\"body\">Ten killed.</div>"));
        assert!(!is_markup("Turnout was < 40% and 12 people <3 were hurt."));
        assert!(!is_markup("Ten people were killed."));
    }
}

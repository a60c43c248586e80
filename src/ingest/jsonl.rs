//! JSON Lines documents (FIGURES.md §1): one object a line with `id`,
//! `published`, `title`, `url`, `text`. A bad line is reported with its file
//! and line number and the stream goes on.

use std::borrow::Cow;
use std::io::BufRead;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

use super::{finish, text, Item, Options};
use crate::document::Document;

#[derive(Deserialize)]
#[cfg_attr(test, derive(Debug, PartialEq))]
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
        let json = raw.trim_start_matches('\u{feff}');
        let line: Line = match plain_line(json).map_or_else(|| serde_json::from_str(json), Ok) {
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

/// A line in the usual shape, read without serde: one object whose values
/// are strings or null, each of the five fields at most once. `None` for
/// anything else (numbers, nesting, an odd escape, a syntax error), which
/// serde_json then reads, and words the error of. Where this gives a line,
/// it is the line serde_json would give.
///
/// Why: serde_json tests every byte of a string for a quote, a backslash or
/// a control character (eight at a time); the text field is most of a line
/// and reading it was most of ingest. Here memchr finds the quotes and
/// backslashes, and a vectorised pass the control characters.
fn plain_line(s: &str) -> Option<Line> {
    const FIELDS: [&str; 5] = ["id", "published", "title", "url", "text"];
    // Each field as serde's derive keeps it: `None` until given, then its
    // value (`None` for null).
    let mut fields: [Option<Option<Value>>; 5] = Default::default();
    let b = s.as_bytes();
    // A raw control character is refused in a string and rare between
    // tokens (but for the line end): one pass over the line for all of them.
    if has_control(s.trim_end_matches(['\n', '\r']).as_bytes()) {
        return None;
    }
    let mut at = skip_space(b, 0);
    if b.get(at) != Some(&b'{') {
        return None;
    }
    at = skip_space(b, at + 1);
    if b.get(at) == Some(&b'}') {
        at += 1;
    } else {
        loop {
            let (key, next) = json_string(s, at)?;
            at = skip_space(b, next);
            if b.get(at) != Some(&b':') {
                return None;
            }
            at = skip_space(b, at + 1);
            let value = if b[at..].starts_with(b"null") {
                at += 4;
                None
            } else {
                let (v, next) = json_string(s, at)?;
                at = next;
                Some(Value::String(v.into_owned()))
            };
            // Other fields are ignored, as serde ignores them; serde refuses
            // one of the five given twice (a null counts).
            if let Some(k) = FIELDS.iter().position(|&f| f == key) {
                if fields[k].replace(value).is_some() {
                    return None;
                }
            }
            at = skip_space(b, at);
            match b.get(at) {
                Some(b',') => at = skip_space(b, at + 1),
                Some(b'}') => {
                    at += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    // Nothing but white space may follow the object.
    if skip_space(b, at) != b.len() {
        return None;
    }
    let [id, published, title, url, text] = fields.map(Option::flatten);
    Some(Line {
        id,
        published,
        title,
        url,
        text,
    })
}

/// The index of the first byte at or after `at` that is not JSON white space.
fn skip_space(b: &[u8], mut at: usize) -> usize {
    while matches!(b.get(at), Some(b' ' | b'\n' | b'\t' | b'\r')) {
        at += 1;
    }
    at
}

/// The JSON string whose opening quote is at `at`, decoded, and the index
/// after its closing quote; `None` if there is no string there, or it holds
/// an escape JSON does not have, or a surrogate. (Raw control characters
/// are looked for in [`plain_line`].)
fn json_string(s: &str, at: usize) -> Option<(Cow<'_, str>, usize)> {
    let b = s.as_bytes();
    if b.get(at) != Some(&b'"') {
        return None;
    }
    let mut start = at + 1;
    let mut decoded: Option<String> = None;
    loop {
        let end = start + memchr::memchr2(b'"', b'\\', &b[start..])?;
        // Both ends are ASCII bytes, so char boundaries.
        let piece = &s[start..end];
        if b[end] == b'"' {
            let text = match decoded {
                None => Cow::Borrowed(piece),
                Some(mut d) => {
                    d.push_str(piece);
                    Cow::Owned(d)
                }
            };
            return Some((text, end + 1));
        }
        let d = decoded.get_or_insert_with(String::new);
        d.push_str(piece);
        let c = match *b.get(end + 1)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hex = b.get(end + 2..end + 6)?;
                let mut unit = 0;
                for &h in hex {
                    unit = unit * 16 + char::from(h).to_digit(16)?;
                }
                // A surrogate (half of a pair, or lone): left to serde_json.
                start = end + 6;
                d.push(char::from_u32(unit)?);
                continue;
            }
            _ => return None,
        };
        d.push(c);
        start = end + 2;
    }
}

/// Whether `b` holds a byte below 0x20, which a JSON string may not hold
/// raw. The least byte of each chunk, without a branch a byte: the
/// compiler vectorises it.
fn has_control(b: &[u8]) -> bool {
    b.chunks(64)
        .any(|chunk| chunk.iter().fold(u8::MAX, |least, &c| least.min(c)) < 0x20)
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
    use super::*;

    /// Objects built from pieces of JSON, right and wrong: wherever the
    /// plain reader gives a line, serde_json gives the same line.
    #[test]
    fn plain_lines_are_the_lines_serde_reads() {
        const KEYS: [&str; 8] = [
            r#""id""#,
            r#""published""#,
            r#""title""#,
            r#""url""#,
            r#""text""#,
            r#""other""#,
            r#""te\u0078t""#,
            r#""""#,
        ];
        const VALUES: [&str; 15] = [
            "null",
            r#""""#,
            r#""2024-03-01""#,
            r#""ten killed""#,
            r#""a\nb\"c\\d\/e\tf\bg\fh\ri""#,
            r#""\u00e9\u0041\u0000 é""#,
            r#""\ud83d\ude00""#,
            r#""\ud800""#,
            r#""\x""#,
            r#""\u12g4""#,
            r#""\u+123""#,
            "\"raw \u{1} control\"",
            "\"del \u{7f}\"",
            "7",
            r#"["a"]"#,
        ];
        const JUNK: [&str; 8] = ["", "{", "}", ",", ":", "\"", "\\", "nul"];
        const SPACE: [&str; 7] = ["", " ", "", " ", "\t", "\r\n", "\u{a0}"];
        let mut next = crate::extract::test_walk(11);
        let mut plain = 0;
        for _ in 0..20_000 {
            let mut pieces = vec![SPACE[next(7)], "{"];
            for k in 0..next(5) {
                if k > 0 {
                    pieces.push(",");
                }
                pieces.extend([SPACE[next(7)], KEYS[next(8)], SPACE[next(7)], ":"]);
                pieces.extend([
                    SPACE[next(7)],
                    VALUES[next(15) / (1 + next(3))],
                    SPACE[next(7)],
                ]);
            }
            pieces.extend(["}", SPACE[next(7)]]);
            if next(3) == 0 {
                let at = next(pieces.len() + 1);
                pieces.insert(at, JUNK[next(8)]);
            }
            let line = pieces.concat();
            if let Some(got) = plain_line(&line) {
                plain += 1;
                let want: Line = serde_json::from_str(&line)
                    .unwrap_or_else(|e| panic!("{line:?}: serde_json refuses it: {e}"));
                assert_eq!(got, want, "{line:?}");
            }
        }
        // The walk reaches the plain reader's lines, not only its refusals.
        assert!(plain > 1_000, "{plain} plain lines");
    }
}

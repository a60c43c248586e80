//! HTML → plain text. HTML is data, never code: no script runs, no URL or
//! entity reference is fetched; tags are read only to find paragraph breaks,
//! the headline and the publication date. Scripts, styles, navigation,
//! headers, footers, forms and asides (but a story's fact box) are dropped
//! with their content.

use chrono::NaiveDate;

use super::jsonl::parse_published;

/// What a page yields.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// Body text, one paragraph per block element, paragraphs separated by a blank line.
    pub text: String,
    /// `<title>`, else the first `<h1>`.
    pub title: Option<String>,
    /// `article:published_time`, `datePublished`, `<meta name=date>` or `<time datetime>`.
    pub published: Option<NaiveDate>,
    /// `<link rel=canonical>` or `og:url`.
    pub url: Option<String>,
}

/// Elements whose whole content is dropped: code, furniture, and non-text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "nav",
    "header", "footer", "aside", "form", "button", "select", "head", "menu",
];

/// Elements that hold text verbatim until their closing tag (no tags inside).
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title"];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "article",
    "section",
    "main",
    "blockquote",
    "figure",
    "figcaption",
    "caption",
    "table",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "pre",
    "hr",
    "address",
    "body",
];

/// Extract a page's text and metadata.
pub fn to_text(html: &str) -> Page {
    let mut page = Page::default();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut dropped: Vec<String> = Vec::new();
    let mut in_h1 = false;
    let mut h1 = String::new();
    let mut rows = Rows::default();
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            let next = memchr_lt(bytes, i);
            if dropped.is_empty() {
                let chunk = decode_entities(&html[i..next]);
                // A headline is text a reader sees (its figures count) and the
                // title when the page has no <title>.
                if in_h1 {
                    h1.push_str(&chunk);
                }
                current.push_str(&chunk);
            }
            i = next;
            continue;
        }
        // Comments and doctypes.
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").map_or(bytes.len(), |j| i + j + 3);
            continue;
        }
        if html[i..].starts_with("<!") || html[i..].starts_with("<?") {
            i = html[i..].find('>').map_or(bytes.len(), |j| i + j + 1);
            continue;
        }
        let Some(tag) = parse_tag(&html[i..]) else {
            // A lone '<' in text.
            if dropped.is_empty() {
                current.push('<');
            }
            i += 1;
            continue;
        };
        i += tag.len;
        let name = tag.name.as_str();
        if tag.closing {
            if dropped.last().is_some_and(|d| d == name) {
                dropped.pop();
            }
            if name == "h1" && in_h1 {
                in_h1 = false;
            }
        } else {
            metadata(&tag, &mut page);
            if RAW_TEXT.contains(&name) && !tag.self_closing {
                let end = find_close(html, i, name);
                if name == "title" && page.title.is_none() {
                    let t = collapse(&decode_entities(&html[i..end]));
                    page.title = (!t.is_empty()).then_some(t);
                }
                i = html[end..].find('>').map_or(bytes.len(), |j| end + j + 1);
                if BLOCKS.contains(&name) || DROPPED.contains(&name) {
                    flush(&mut current, &mut paragraphs);
                }
                continue;
            }
            if DROPPED.contains(&name) && !tag.self_closing && !fact_box(&tag) {
                dropped.push(name.to_string());
            }
            if name == "h1" && dropped.is_empty() {
                in_h1 = true;
            }
        }
        if dropped.is_empty() && rows.tag(name, tag.closing, &mut current, &mut paragraphs) {
            continue;
        }
        if BLOCKS.contains(&name) {
            flush(&mut current, &mut paragraphs);
        }
    }
    rows.end(&mut current, &mut paragraphs);
    flush(&mut current, &mut paragraphs);
    if page.title.is_none() {
        let t = collapse(&h1);
        page.title = (!t.is_empty()).then_some(t);
    }
    page.text = paragraphs.join("\n\n");
    page
}

/// Words in the class or id of an aside that is the story's own box of
/// figures ("fact-box", "at-a-glance", "key-figures") or of background
/// written for it ("context", "explainer", "timeline"), not furniture.
const FACT_BOX: &[&str] = &[
    "fact",
    "glance",
    "key-fig",
    "keyfig",
    "infobox",
    "context",
    "background",
    "explainer",
    "timeline",
];

/// Whether `tag` is an `<aside>` holding the story's figures: kept, where
/// other asides (related links, promotions) are dropped.
fn fact_box(tag: &Tag) -> bool {
    tag.name == "aside"
        && ["class", "id"].iter().any(|k| {
            attr(tag, k).is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                FACT_BOX.iter().any(|w| v.contains(w))
            })
        })
}

/// The longest cell of a data table, in bytes: a longer one is prose laid
/// out in a table, and its row is read as paragraphs.
const MAX_CELL: usize = 200;

/// The table row being read. A row of short cells becomes one line of
/// cells split by " | ", the way the table reader ([`crate::extract::table`])
/// reads a pasted table ("Songkhla | 118 | 64"): a ministry's tally by
/// province keeps its header above its numbers, where a paragraph per cell
/// would leave each number without a cue.
#[derive(Default)]
struct Rows {
    cells: Option<Vec<String>>,
}

impl Rows {
    /// Read a tag for the table structure; whether it was taken. A block
    /// inside a cell (`<td><p>118</p></td>`) is a space in the cell.
    fn tag(
        &mut self,
        name: &str,
        closing: bool,
        current: &mut String,
        paragraphs: &mut Vec<String>,
    ) -> bool {
        match name {
            "tr" | "table" | "thead" | "tbody" | "tfoot" => {
                self.end(current, paragraphs);
                flush(current, paragraphs);
                if name == "tr" && !closing {
                    self.cells = Some(Vec::new());
                }
                true
            }
            "td" | "th" if self.cells.is_some() => {
                let text = collapse(current);
                current.clear();
                // An open tag ends a cell left open ("<td>1<td>2"); a close
                // tag ends its cell, empty or not.
                if closing || !text.is_empty() {
                    if let Some(cells) = self.cells.as_mut() {
                        cells.push(text.replace('|', "/"));
                    }
                }
                true
            }
            _ if self.cells.is_some() && BLOCKS.contains(&name) => {
                current.push(' ');
                true
            }
            _ => false,
        }
    }

    /// End the row being read, if any: a line of cells, or its cells as
    /// paragraphs when it is prose laid out in a table.
    fn end(&mut self, current: &mut String, paragraphs: &mut Vec<String>) {
        let Some(mut cells) = self.cells.take() else {
            return;
        };
        let stray = collapse(current);
        current.clear();
        if !stray.is_empty() {
            cells.push(stray);
        }
        let filled = cells.iter().filter(|c| !c.is_empty()).count();
        if filled >= 2 && cells.iter().all(|c| c.len() <= MAX_CELL) {
            paragraphs.push(cells.join(" | "));
        } else {
            paragraphs.extend(cells.into_iter().filter(|c| !c.is_empty()));
        }
    }
}

fn memchr_lt(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'<')
        .map_or(bytes.len(), |j| from + j)
}

fn find_close(html: &str, from: usize, name: &str) -> usize {
    let lower = html[from..].to_ascii_lowercase();
    let needle = format!("</{name}");
    lower.find(&needle).map_or(html.len(), |j| from + j)
}

fn flush(current: &mut String, paragraphs: &mut Vec<String>) {
    let p = collapse(current);
    if !p.is_empty() {
        paragraphs.push(p);
    }
    current.clear();
}

/// Runs of white space (including non-breaking spaces from `&nbsp;`) become one space.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: Vec<(String, String)>,
    len: usize,
}

/// Parse one tag at the start of `s` (which begins with '<').
fn parse_tag(s: &str) -> Option<Tag> {
    let b = s.as_bytes();
    let mut i = 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':') {
        i += 1;
    }
    if i == start || !b[start].is_ascii_alphabetic() {
        return None;
    }
    let name = s[start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        match b.get(i) {
            None => {
                return Some(Tag {
                    name,
                    closing,
                    self_closing,
                    attrs,
                    len: b.len(),
                })
            }
            Some(b'>') => {
                return Some(Tag {
                    name,
                    closing,
                    self_closing,
                    attrs,
                    len: i + 1,
                })
            }
            Some(b'/') => {
                self_closing = true;
                i += 1;
                continue;
            }
            _ => {}
        }
        let key_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let key = s[key_start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = s[i + 1..].find(q as char).map_or(b.len(), |j| i + 1 + j);
                    value = decode_entities(&s[i + 1..end]);
                    i = (end + 1).min(b.len());
                }
                _ => {
                    let vs = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = decode_entities(&s[vs..i]);
                }
            }
        }
        if key.is_empty() {
            i += 1;
        } else {
            attrs.push((key, value));
        }
    }
}

fn attr<'a>(tag: &'a Tag, key: &str) -> Option<&'a str> {
    tag.attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Publication date and canonical address from `<meta>`, `<time>` and `<link>`.
fn metadata(tag: &Tag, page: &mut Page) {
    match tag.name.as_str() {
        "meta" => {
            let key = attr(tag, "property")
                .or_else(|| attr(tag, "name"))
                .or_else(|| attr(tag, "itemprop"));
            let content = attr(tag, "content");
            if let (Some(key), Some(content)) = (key, content) {
                let key = key.to_ascii_lowercase();
                let date_keys = [
                    "article:published_time",
                    "og:published_time",
                    "datepublished",
                    "date",
                    "pubdate",
                    "dc.date",
                    "dc.date.issued",
                ];
                if page.published.is_none() && date_keys.contains(&key.as_str()) {
                    page.published = parse_published(content);
                }
                if page.url.is_none() && key == "og:url" {
                    page.url = Some(content.to_string());
                }
            }
        }
        "time" if page.published.is_none() && attr(tag, "pubdate").is_some() => {
            page.published = attr(tag, "datetime").and_then(parse_published);
        }
        "link" if attr(tag, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
            page.url = attr(tag, "href").map(str::to_string);
        }
        _ => {}
    }
}

/// Named entities common in news pages; anything else is kept as written.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("rsquo", '\u{2019}'),
    ("lsquo", '\u{2018}'),
    ("rdquo", '\u{201d}'),
    ("ldquo", '\u{201c}'),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("hellip", '\u{2026}'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("aacute", 'á'),
    ("oacute", 'ó'),
    ("iacute", 'í'),
    ("uacute", 'ú'),
    ("ccedil", 'ç'),
    ("uuml", 'ü'),
    ("ouml", 'ö'),
    ("auml", 'ä'),
    ("thinsp", '\u{2009}'),
    ("euro", '€'),
    ("pound", '£'),
    ("deg", '°'),
    ("middot", '·'),
    ("laquo", '«'),
    ("raquo", '»'),
];

/// Decode `&name;`, `&#123;` and `&#x1F;` references.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|j| j + 1);
        let decoded = end
            .filter(|&e| rest[e..].starts_with(';') && e > 1)
            .and_then(|e| {
                let name = &rest[1..e];
                let c = if let Some(num) =
                    name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
                {
                    u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
                } else if let Some(num) = name.strip_prefix('#') {
                    num.parse::<u32>().ok().and_then(char::from_u32)
                } else {
                    ENTITIES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
                };
                c.map(|c| (c, e + 1))
            });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head><title>Toll rises</title>
<meta property="article:published_time" content="2024-05-12T09:30:00Z">
<style>p { color: red } /* 99 killed */</style>
<script>var s = "killed 99 people";</script></head>
<body><nav><a href="/">Home</a> <a href="/w">World</a></nav>
<header><p>Site header 12 killed</p></header>
<article><h1>Toll rises in the north</h1>
<p>At least 10&nbsp;people were killed, officials&#8217; said &amp; confirmed.</p>
<p>Another   paragraph<br>second line.</p></article>
<footer>(c) 2024</footer></body></html>"#;

    #[test]
    fn page_text_drops_code_and_furniture() {
        let page = to_text(PAGE);
        assert_eq!(
            page.text,
            "Toll rises in the north\n\nAt least 10 people were killed, officials\u{2019} said & confirmed.\n\nAnother paragraph\n\nsecond line."
        );
        assert_eq!(page.title.as_deref(), Some("Toll rises"));
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2024, 5, 12));
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let html = "<div>".repeat(1000) + "5 killed" + &"</div>".repeat(1000);
        assert_eq!(to_text(&html).text, "5 killed");
    }

    /// A data table's rows are lines of cells split by " | ", its caption a
    /// paragraph above them; a cell left open ends at the next, a block in
    /// a cell is a space; a table laying out prose keeps its paragraphs.
    #[test]
    fn table_rows_are_lines_of_cells() {
        let html = "<p>Floods.</p><table><caption>Casualties by province (as of Friday)</caption>\
            <thead><tr><th>Province</th><th>Deaths</th><th>Injured</th></tr></thead>\
            <tbody><tr><td>Songkhla</td><td><p>118</p></td><td>64</td></tr>\
            <tr><td>Narathiwat<td>6<td></td></tr></tbody></table><p>After.</p>";
        assert_eq!(
            to_text(html).text,
            "Floods.\n\nCasualties by province (as of Friday)\n\nProvince | Deaths | Injured\n\n\
             Songkhla | 118 | 64\n\nNarathiwat | 6 | \n\nAfter."
        );
        let prose = "x".repeat(MAX_CELL + 1);
        let layout = format!("<table><tr><td>Menu</td><td>{prose}</td></tr></table>");
        assert_eq!(to_text(&layout).text, format!("Menu\n\n{prose}"));
    }

    /// A fact box or a background box is the story's; other asides are furniture.
    #[test]
    fn a_fact_box_aside_is_kept() {
        let html = "<p>Curfew.</p><aside class=\"fact-box\"><ul><li>Killed nationwide: 197</li></ul></aside>\
                    <aside class=\"related\"><p>Read more: 12 things</p></aside>";
        assert_eq!(to_text(html).text, "Curfew.\n\nKilled nationwide: 197");
        let background =
            "<p>Protests.</p><aside class=\"context\"><p>Police arrested 301.</p></aside>";
        assert_eq!(
            to_text(background).text,
            "Protests.\n\nPolice arrested 301."
        );
    }

    #[test]
    fn unknown_entities_are_kept() {
        assert_eq!(decode_entities("a &bogus; b &#65;"), "a &bogus; b A");
    }
}

//! One news article as the pipeline sees it, whatever form it came in.

use chrono::NaiveDate;

/// A news article (FIGURES.md §1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Stable identifier: a file's name without extension, or a JSONL `id`.
    pub id: String,
    /// Publication date, from the input, `--published`, or inferred from the text.
    pub published: Option<NaiveDate>,
    /// True when `published` was inferred from the text (dateline, URL, latest date).
    pub published_inferred: bool,
    /// The body text; figure offsets are byte offsets into it.
    pub text: String,
    /// Optional headline.
    pub title: Option<String>,
    /// Optional source address.
    pub url: Option<String>,
    /// Where the document came from (`path` or `path:line`), for messages.
    pub origin: String,
}

impl Document {
    /// A document from plain text with no metadata; handy in tests and doctests.
    pub fn new(id: &str, published: Option<NaiveDate>, text: &str) -> Document {
        Document {
            id: id.to_string(),
            published,
            published_inferred: false,
            text: text.to_string(),
            title: None,
            url: None,
            origin: id.to_string(),
        }
    }
}

//! Sentence spans: byte ranges of the document text. A sentence ends at a
//! paragraph break, or at `.`, `!` or `?` followed by space and an upper-case
//! letter, digit or quote — unless the word before the stop is an
//! abbreviation ("Oct.", "Gen.", "U.N.") or an initial.

use std::ops::Range;

/// Abbreviations that end with a full stop but do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "cpl", "pvt", "adm", "gov", "sen",
    "rep", "rev", "st", "mt", "ft", "no", "nos", "vs", "etc", "inc", "co", "corp", "ltd", "jr",
    "sr", "prof", "pres", "approx", "est", "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m",
];

/// Split `text` into sentence spans, trimmed of surrounding white space.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let end_here = match b {
            b'\n' => true,
            b'.' | b'!' | b'?' => is_stop(text, i),
            _ => false,
        };
        if end_here {
            let end = if b == b'\n' {
                i
            } else {
                close_quote(bytes, i + 1)
            };
            push(text, start..end, &mut out);
            start = end;
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    push(text, start..text.len(), &mut out);
    out
}

/// Include a closing quote or bracket right after the stop.
fn close_quote(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && matches!(bytes[i], b'"' | b'\'' | b')') {
        i += 1;
    }
    // Curly closing quotes are three bytes: E2 80 9D / E2 80 99.
    while i + 2 < bytes.len()
        && bytes[i] == 0xE2
        && bytes[i + 1] == 0x80
        && matches!(bytes[i + 2], 0x9D | 0x99)
    {
        i += 3;
    }
    i
}

fn push(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// Whether the stop at byte `i` ends a sentence.
fn is_stop(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    // What follows: white space, then an upper-case letter, digit or opening quote.
    let after = close_quote(bytes, i + 1);
    if after >= bytes.len() {
        return true;
    }
    if !(bytes[after] as char).is_ascii_whitespace() {
        return false;
    }
    let rest = text[after..].trim_start();
    let Some(next) = rest.chars().next() else {
        return true;
    };
    if !(next.is_uppercase() || next.is_ascii_digit() || "\"'\u{201c}\u{2018}(".contains(next)) {
        return false;
    }
    if bytes[i] != b'.' {
        return true;
    }
    // The word before the full stop.
    let word_start = text[..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |(j, c)| j + c.len_utf8());
    let word = &text[word_start..i];
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return false; // an initial: "J. Smith"
    }
    let lower = word.to_ascii_lowercase();
    !ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Since Oct. 7, 2023, the U.N. said 10 died. Gen. J. Smith agreed.\n\nNew para"
            ),
            vec![
                "Since Oct. 7, 2023, the U.N. said 10 died.",
                "Gen. J. Smith agreed.",
                "New para"
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("He said \"10 were killed.\" Then he left."),
            vec!["He said \"10 were killed.\"", "Then he left."]
        );
    }

    #[test]
    fn decimals_and_lower_case_continuations_do_not_split() {
        assert_eq!(
            sentences("About 2.3 million people. e.g. this"),
            vec!["About 2.3 million people. e.g. this"]
        );
    }
}

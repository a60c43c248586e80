//! Sentence spans: byte ranges of the document text. A sentence ends at a
//! paragraph break, or at `.`, `!` or `?` followed by space and an upper-case
//! letter, digit or quote — unless the word before the stop is an
//! abbreviation ("Oct.", "Gen.", "U.N.") or an initial.

use std::ops::Range;
use std::sync::LazyLock;

use super::token::Sieve;

/// Abbreviations that end with a full stop but do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "cpl", "pvt", "adm", "gov", "sen",
    "rep", "rev", "st", "mt", "ft", "no", "nos", "vs", "etc", "inc", "co", "corp", "ltd", "jr",
    "sr", "prof", "pres", "approx", "est", "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m",
];

/// The shapes of [`ABBREVIATIONS`] (length, first and last letter): most
/// words before a full stop fail this test and skip the scan of the table.
static ABBREVIATION_SIEVE: LazyLock<Sieve> = LazyLock::new(|| {
    let mut sieve = Sieve::new();
    for a in ABBREVIATIONS {
        sieve.add(a.as_bytes());
    }
    sieve
});

/// Split `text` into sentence spans, trimmed of surrounding white space.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    // Room for sentences of 64 bytes on average, so that news text (about
    // 140) never grows the list.
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let mut start = 0;
    // Only stops and line breaks can end a sentence: jump between them
    // (memchr scans many bytes a step) instead of visiting every byte. The
    // next of each kind is kept until passed, so no stretch of text is
    // searched twice, however many lines lie before the next stop.
    let find_stop = |from: usize| {
        memchr::memchr3(b'.', b'!', b'?', &bytes[from..]).map_or(bytes.len(), |k| from + k)
    };
    let find_line =
        |from: usize| memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |k| from + k);
    let mut stop = find_stop(0);
    let mut line = find_line(0);
    let mut next = |from: usize| -> usize {
        if stop < from {
            stop = find_stop(from);
        }
        if line < from {
            line = find_line(from);
        }
        stop.min(line)
    };
    let mut i = next(0);
    while i < bytes.len() {
        let b = bytes[i];
        let end_here = match b {
            b'\n' => !wrapped(bytes, i),
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
            i = next(end.max(i + 1));
            continue;
        }
        i = next(i + 1);
    }
    push(text, start..text.len(), &mut out);
    out
}

/// Whether the line break at byte `i` only wraps a line mid-sentence (plain
/// text hard-wrapped at 72 columns: "At least 7 people\nwere killed"): the
/// line before ends without a stop, colon or quote, and the next line goes
/// on in lower case. A blank line, a headline followed by a capitalised
/// line, or a list item always ends the sentence.
fn wrapped(bytes: &[u8], i: usize) -> bool {
    let before = bytes[..i]
        .iter()
        .rev()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\r'));
    let ends_clause = match before {
        None => return false,
        Some(b) => matches!(b, b'.' | b'!' | b'?' | b':' | b';' | b'"' | b'\n'),
    };
    // Curly closing quote: E2 80 9D.
    let curly = i >= 3 && bytes[..i].ends_with(&[0xE2, 0x80, 0x9D]);
    if ends_clause || curly {
        return false;
    }
    let next = bytes[i + 1..]
        .iter()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\r'));
    if next.is_some_and(|b| b.is_ascii_lowercase()) {
        return true;
    }
    // No sentence or headline ends on an article, preposition or
    // conjunction: "Across the\nKordofan region", "on\nJuly 6".
    let line = &bytes[..i];
    let last = line
        .trim_ascii_end()
        .rsplit(|b| b.is_ascii_whitespace())
        .next();
    next.is_some()
        && last.is_some_and(|w| {
            DANGLING
                .iter()
                .any(|d| d.as_bytes().eq_ignore_ascii_case(w))
        })
}

/// Words a line cannot end a sentence or a headline with: articles,
/// prepositions, conjunctions, and the words that open a number phrase
/// ("killed between\n200 and 400", "at least\n12").
const DANGLING: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "from",
    "by",
    "with",
    "for",
    "near",
    "and",
    "or",
    "than",
    "into",
    "across",
    "about",
    "around",
    "some",
    "its",
    "their",
    "his",
    "her",
    "between",
    "least",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "including",
];

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
    // ASCII white space first, without decoding; then any other, which
    // starts with a byte past ASCII: most sentences need no decoding at all.
    let t = s.trim_ascii_start();
    let t = if t.as_bytes().first().is_some_and(|&b| b >= 0x80) {
        t.trim_start()
    } else {
        t
    };
    let lead = s.len() - t.len();
    let t = s.trim_ascii_end();
    let t = if t.as_bytes().last().is_some_and(|&b| b >= 0x80) {
        t.trim_end()
    } else {
        t
    };
    let trail = s.len() - t.len();
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
    // ASCII white space first, without decoding; the general trim only
    // where a byte past ASCII or a vertical tab (white space to
    // `char::is_whitespace` but not to `u8::is_ascii_whitespace`) follows.
    let rest = text[after..].trim_ascii_start();
    let rest = if rest
        .as_bytes()
        .first()
        .is_some_and(|&b| b >= 0x80 || b == 0x0b)
    {
        rest.trim_start()
    } else {
        rest
    };
    let Some(next) = rest.chars().next() else {
        return true;
    };
    if !(next.is_uppercase() || next.is_ascii_digit() || "\"'\u{201c}\u{2018}(".contains(next)) {
        return false;
    }
    if bytes[i] != b'.' {
        return true;
    }
    // The word before the full stop: back over ASCII bytes without
    // decoding, until a boundary; a byte past ASCII (which may be Unicode
    // white space) leaves it to the general search by characters.
    let mut j = i;
    while j > 0 && bytes[j - 1] < 0x80 && !is_word_boundary(bytes[j - 1]) {
        j -= 1;
    }
    let word_start = if j > 0 && bytes[j - 1] >= 0x80 {
        text[..i]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
            .map_or(0, |(j, c)| j + c.len_utf8())
    } else {
        j
    };
    let word = &text[word_start..i];
    // One character, upper case (read without counting the word's characters).
    let mut chars = word.chars();
    if matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase()) {
        return false; // an initial: "J. Smith"
    }
    // The table is lower case: a case-blind comparison needs no copy.
    !(ABBREVIATION_SIEVE.may_hold(word.as_bytes())
        && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)))
}

/// An ASCII byte that ends the word before a stop, as [`is_stop`]'s search
/// by characters decides: white space (`char::is_whitespace` on ASCII), an
/// opening bracket or a straight quote.
fn is_word_boundary(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b'(' | b'"')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    /// Abbreviations are compared case-blind against a lower-case table.
    #[test]
    fn the_abbreviation_table_is_lower_case() {
        for a in ABBREVIATIONS {
            assert_eq!(*a, a.to_ascii_lowercase());
        }
        assert_eq!(
            sentences("The U.S. Army said. Then"),
            vec!["The U.S. Army said.", "Then"]
        );
    }

    /// The byte test agrees with the character test it stands in for.
    #[test]
    fn word_boundary_bytes_are_the_ascii_boundary_chars() {
        for b in 0u8..0x80 {
            let c = char::from(b);
            assert_eq!(
                is_word_boundary(b),
                c.is_whitespace() || c == '(' || c == '"',
                "{b:#x}"
            );
        }
        assert_eq!(
            sentences("Sent by Mr.\u{a0}X. Smith.\u{2003}Gen. Ray came. Then"),
            vec!["Sent by Mr.\u{a0}X. Smith.\u{2003}Gen. Ray came.", "Then"]
        );
    }

    /// White space after a stop is trimmed as `str::trim_start` would,
    /// ASCII first: a vertical tab or Unicode space after it still counts.
    #[test]
    fn any_white_space_after_a_stop_is_read_past() {
        assert_eq!(
            sentences("Ten died. \u{b}Then more. \u{2003}Gen. Ray came. \u{2003}x"),
            vec!["Ten died.", "\u{b}Then more.", "Gen. Ray came. \u{2003}x"]
        );
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

    #[test]
    fn wrapped_lines_join_and_real_breaks_do_not() {
        // A hard-wrapped line goes on; CRLF the same.
        assert_eq!(
            sentences("At least 7 people\nwere killed.\r\nOfficials said"),
            vec!["At least 7 people\nwere killed.", "Officials said"]
        );
        assert_eq!(
            sentences("7 people\r\nwere killed"),
            vec!["7 people\r\nwere killed"]
        );
        // A headline, a list, a stop, a colon or a blank line ends it.
        assert_eq!(
            sentences("Toll rises\nAt least 7 killed"),
            vec!["Toll rises", "At least 7 killed"]
        );
        assert_eq!(
            sentences("Killed: 7\n- injured 9"),
            vec!["Killed: 7", "- injured 9"]
        );
        assert_eq!(
            sentences("The toll:\nseven dead"),
            vec!["The toll:", "seven dead"]
        );
        assert_eq!(
            sentences("Seven people\n\nwere killed"),
            vec!["Seven people", "were killed"]
        );
        // A line ending on an article or preposition goes on before a capital.
        assert_eq!(
            sentences("Shelling across the\nDonbas region killed 4 on\nMonday."),
            vec!["Shelling across the\nDonbas region killed 4 on\nMonday."]
        );
        assert_eq!(
            sentences("Floods hit the north\nDozens feared dead"),
            vec!["Floods hit the north", "Dozens feared dead"]
        );
        assert_eq!(
            sentences("Gunmen killed between\n200 and 400 people. At least\n12 died"),
            vec![
                "Gunmen killed between\n200 and 400 people.",
                "At least\n12 died"
            ]
        );
    }
}

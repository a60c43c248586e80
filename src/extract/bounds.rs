//! Bounds: the qualifier around a number and the low/high it implies (§3).
//! "at least 10" → low 10; "up to 50" → high 50; "between 10 and 15" →
//! low 10, high 15; "dozens" → low 24. The qualifier may also be a verb
//! ("surpassed 40,000") or follow the number ("300 or more").

use super::number::Form;
use std::sync::LazyLock;

use super::lexicon::{Indexed, List, PhraseIndex};
use super::token::{Tok, Token};
use super::Qualifier;

/// Qualifiers before a number, as lower-case word sequences. The longest
/// sequence that ends right before the number wins.
pub const BEFORE: &[(&str, Qualifier)] = &[
    ("at least", Qualifier::AtLeast),
    ("at the very least", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("not fewer than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("at minimum", Qualifier::AtLeast),
    ("more than", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("well over", Qualifier::MoreThan),
    ("just over", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("upward of", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("greater than", Qualifier::MoreThan),
    ("exceeding", Qualifier::MoreThan),
    ("exceeded", Qualifier::MoreThan),
    ("exceeds", Qualifier::MoreThan),
    ("surpassed", Qualifier::MoreThan),
    ("surpassing", Qualifier::MoreThan),
    ("surpasses", Qualifier::MoreThan),
    ("topped", Qualifier::MoreThan),
    ("topping", Qualifier::MoreThan),
    ("tops", Qualifier::MoreThan),
    // Headline present: "Heatwave deaths in Portugal pass 1,000".
    ("pass", Qualifier::MoreThan),
    ("exceed", Qualifier::MoreThan),
    ("surpass", Qualifier::MoreThan),
    ("passed", Qualifier::MoreThan),
    ("passing", Qualifier::MoreThan),
    ("passes", Qualifier::MoreThan),
    ("crossed", Qualifier::MoreThan),
    ("up to", Qualifier::UpTo),
    ("as many as", Qualifier::UpTo),
    ("as much as", Qualifier::UpTo),
    ("nearly", Qualifier::UpTo),
    ("almost", Qualifier::UpTo),
    ("close to", Qualifier::UpTo),
    ("closer to", Qualifier::UpTo),
    ("just under", Qualifier::UpTo),
    ("just below", Qualifier::UpTo),
    ("just shy of", Qualifier::UpTo),
    ("shy of", Qualifier::UpTo),
    ("nearing", Qualifier::UpTo),
    ("approaching", Qualifier::UpTo),
    ("at most", Qualifier::UpTo),
    ("no more than", Qualifier::UpTo),
    ("not more than", Qualifier::UpTo),
    ("fewer than", Qualifier::UpTo),
    ("less than", Qualifier::UpTo),
    ("a maximum of", Qualifier::UpTo),
    ("about", Qualifier::Approx),
    ("around", Qualifier::Approx),
    ("some", Qualifier::Approx),
    ("roughly", Qualifier::Approx),
    ("approximately", Qualifier::Approx),
    ("approx", Qualifier::Approx),
    ("an estimated", Qualifier::Approx),
    ("estimated", Qualifier::Approx),
    ("circa", Qualifier::Approx),
    ("more or less", Qualifier::Approx),
    ("in the region of", Qualifier::Approx),
    ("in the order of", Qualifier::Approx),
    ("on the order of", Qualifier::Approx),
    ("an approximate", Qualifier::Approx),
    ("a reported", Qualifier::Exact),
    ("a total of", Qualifier::Exact),
];

/// Qualifiers after a number: "300 or more", "300-plus", "300 or so".
pub const AFTER: &[(&str, Qualifier)] = &[
    ("or more", Qualifier::AtLeast),
    ("or over", Qualifier::AtLeast),
    ("plus", Qualifier::MoreThan),
    ("or so", Qualifier::Approx),
    ("odd", Qualifier::Approx),
];

/// Verbs of a changing count that make "from X to Y" a change, not a range
/// ("rose from 40 to 56", "revised the toll down from 61 to 52"); the
/// figure grammar reads both values as figures of the subject.
pub const CHANGE: &[&str] = &[
    "rose",
    "risen",
    "rising",
    "rises",
    "climbed",
    "jumped",
    "increased",
    "grew",
    "soared",
    "went",
    "up",
    "down",
    "fell",
    "fallen",
    "dropped",
    "declined",
    "revised",
    "revising",
    "revises",
    "revise",
    "lowered",
    "lowering",
    "raised",
    "raising",
    "adjusted",
    "corrected",
    "reduced",
];

/// A number with its bounds, as token indices into the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    pub value: u64,
    pub low: Option<u64>,
    pub high: Option<u64>,
    pub qualifier: Qualifier,
    /// First and last token of the phrase ("at least 10", "between 10 and 15").
    pub first: usize,
    pub last: usize,
    /// Token index of the number whose noun and cue the phrase takes (the last one of a range).
    pub number: usize,
}

/// Match a table phrase ending right before token `i`; returns (qualifier, first token).
/// The qualifiers before a number, indexed by their last word.
pub(super) static BEFORE_INDEX: LazyLock<PhraseIndex> = LazyLock::new(|| {
    let phrases: Vec<&'static str> = BEFORE.iter().map(|(p, _)| *p).collect();
    PhraseIndex::new(phrases.iter(), Indexed::Qualifiers)
});

/// The longest qualifier ending right before token `i`: (qualifier, first token).
fn phrase_before(tokens: &[Token], i: usize) -> Option<(Qualifier, usize)> {
    if i == 0 || !BEFORE_INDEX.may_end_at(tokens, i - 1) {
        return None;
    }
    BEFORE_INDEX
        .ending_at(tokens, i - 1)
        .max_by_key(|&(_, n)| n)
        .map(|(p, n)| (BEFORE[p].1, i - n))
}

fn phrase_after(tokens: &[Token], i: usize) -> Option<(Qualifier, usize)> {
    // A fact box's "2,500+": a plus sign glued on.
    if tokens
        .get(i + 1)
        .is_some_and(|t| t.is_punct('+') && t.start == tokens[i].end)
    {
        return Some((Qualifier::MoreThan, i + 1));
    }
    // "300-plus": a hyphen may glue the qualifier on.
    let j = if tokens.get(i + 1).is_some_and(|t| t.is_punct('-')) {
        i + 2
    } else {
        i + 1
    };
    AFTER_WORDS.iter().find_map(|(words, q)| {
        let n = words.len();
        let at = tokens.get(j..j + n)?;
        words
            .iter()
            .zip(at)
            .all(|(w, t)| t.is(w))
            .then_some((*q, j + n - 1))
    })
}

/// [`AFTER`] split into their words, once: every number asks.
static AFTER_WORDS: LazyLock<Vec<(Vec<&'static str>, Qualifier)>> = LazyLock::new(|| {
    AFTER
        .iter()
        .map(|&(phrase, q)| (phrase.split_ascii_whitespace().collect(), q))
        .collect()
});

fn value(t: &Token) -> Option<(u64, Form)> {
    match t.kind {
        Tok::Num(v, f) => Some((v, f)),
        _ => None,
    }
}

/// Read the bounds of the number at token `i`.
pub fn read(tokens: &[Token], i: usize) -> Bound {
    let (v, form) = value(&tokens[i]).unwrap_or((0, Form::Digits));
    let mut b = Bound {
        value: v,
        low: Some(v),
        high: Some(v),
        qualifier: Qualifier::Exact,
        first: i,
        last: i,
        number: i,
    };
    // A range: "between 10 and 15", "10-15", "10 to 15", "from 10 to 15", "two or three".
    if let (Some(sep), Some(next)) = (tokens.get(i + 1), tokens.get(i + 2)) {
        if let Some((w, _)) = value(next) {
            let between = i > 0 && tokens[i - 1].is("between");
            let from = i > 0 && tokens[i - 1].is("from");
            // The verb may stand a few words back: "raised the toll from 40 to 56".
            let rising =
                from && (i.saturating_sub(5)..i - 1).any(|j| tokens[j].is_in(List::Change));
            let joins =
                sep.is_punct('-') || sep.is("to") || sep.is("or") || (between && sep.is("and"));
            let adjacent = sep.is_punct('-') && sep.start == tokens[i].end && next.start == sep.end;
            if joins && w > v && !rising && (sep.is_punct('-') && adjacent || !sep.is_punct('-')) {
                b.value = v;
                b.low = Some(v);
                b.high = Some(w);
                b.qualifier = Qualifier::Range;
                b.first = if between || from { i - 1 } else { i };
                b.last = i + 2;
                b.number = i + 2;
                return b;
            }
        }
    }
    if form == Form::Vague {
        b.qualifier = Qualifier::Vague;
        b.high = None;
        return b;
    }
    let before = phrase_before(tokens, i);
    if let Some((q, first)) = before {
        b.qualifier = q;
        b.first = first;
    }
    // A qualifier after the number is part of the phrase even after one
    // before it ("some 2,000-odd people"), which then says the qualifier.
    if let Some((q, last)) = phrase_after(tokens, i) {
        if before.is_none() {
            b.qualifier = q;
        }
        b.last = last;
    }
    (b.low, b.high) = bounds(b.qualifier, v);
    b
}

/// low/high for a single-number qualifier (§3).
pub fn bounds(q: Qualifier, v: u64) -> (Option<u64>, Option<u64>) {
    match q {
        Qualifier::Exact => (Some(v), Some(v)),
        Qualifier::AtLeast | Qualifier::MoreThan | Qualifier::Vague => (Some(v), None),
        Qualifier::UpTo => (None, Some(v)),
        Qualifier::Approx | Qualifier::Range => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokens;
    use super::*;

    /// (sentence, number phrase, value, low, high, qualifier)
    type Case = (
        &'static str,
        &'static str,
        u64,
        Option<u64>,
        Option<u64>,
        Qualifier,
    );
    const CASES: &[Case] = &[
        (
            "detained: 2,500+",
            "2,500+",
            2500,
            Some(2500),
            None,
            Qualifier::MoreThan,
        ),
        (
            "some 2,000-odd people fled",
            "some 2,000-odd",
            2000,
            None,
            None,
            Qualifier::Approx,
        ),
        (
            "at least 10 died",
            "at least 10",
            10,
            Some(10),
            None,
            Qualifier::AtLeast,
        ),
        (
            "no fewer than 12 died",
            "no fewer than 12",
            12,
            Some(12),
            None,
            Qualifier::AtLeast,
        ),
        (
            "a minimum of 7 died",
            "a minimum of 7",
            7,
            Some(7),
            None,
            Qualifier::AtLeast,
        ),
        (
            "more than 40,000 fled",
            "more than 40,000",
            40000,
            Some(40000),
            None,
            Qualifier::MoreThan,
        ),
        (
            "over 17,000 militants",
            "over 17,000",
            17000,
            Some(17000),
            None,
            Qualifier::MoreThan,
        ),
        (
            "upwards of 300 people",
            "upwards of 300",
            300,
            Some(300),
            None,
            Qualifier::MoreThan,
        ),
        (
            "in excess of 500 people",
            "in excess of 500",
            500,
            Some(500),
            None,
            Qualifier::MoreThan,
        ),
        (
            "the toll surpassed 46,000",
            "surpassed 46,000",
            46000,
            Some(46000),
            None,
            Qualifier::MoreThan,
        ),
        (
            "the toll topped 1,000",
            "topped 1,000",
            1000,
            Some(1000),
            None,
            Qualifier::MoreThan,
        ),
        (
            "up to 50 people",
            "up to 50",
            50,
            None,
            Some(50),
            Qualifier::UpTo,
        ),
        (
            "as many as 50 people",
            "as many as 50",
            50,
            None,
            Some(50),
            Qualifier::UpTo,
        ),
        (
            "nearly 900 people",
            "nearly 900",
            900,
            None,
            Some(900),
            Qualifier::UpTo,
        ),
        (
            "just under 900 people",
            "just under 900",
            900,
            None,
            Some(900),
            Qualifier::UpTo,
        ),
        (
            "close to 900 people",
            "close to 900",
            900,
            None,
            Some(900),
            Qualifier::UpTo,
        ),
        (
            "about 15,000 people",
            "about 15,000",
            15000,
            None,
            None,
            Qualifier::Approx,
        ),
        (
            "an estimated 15,000 people",
            "an estimated 15,000",
            15000,
            None,
            None,
            Qualifier::Approx,
        ),
        (
            "some 1,200 people",
            "some 1,200",
            1200,
            None,
            None,
            Qualifier::Approx,
        ),
        (
            "roughly 70 people",
            "roughly 70",
            70,
            None,
            None,
            Qualifier::Approx,
        ),
        (
            "between 10 and 15 people",
            "between 10 and 15",
            10,
            Some(10),
            Some(15),
            Qualifier::Range,
        ),
        (
            "10-15 people",
            "10-15",
            10,
            Some(10),
            Some(15),
            Qualifier::Range,
        ),
        (
            "10 to 15 people",
            "10 to 15",
            10,
            Some(10),
            Some(15),
            Qualifier::Range,
        ),
        (
            "from 10 to 15 people",
            "from 10 to 15",
            10,
            Some(10),
            Some(15),
            Qualifier::Range,
        ),
        (
            "300 or more people",
            "300 or more",
            300,
            Some(300),
            None,
            Qualifier::AtLeast,
        ),
        (
            "46,006 killed",
            "46,006",
            46006,
            Some(46006),
            Some(46006),
            Qualifier::Exact,
        ),
    ];

    #[test]
    fn qualifier_table() {
        for &(text, phrase, value, low, high, q) in CASES {
            let toks = tokens(text);
            let i = toks.iter().position(|t| t.is_num()).unwrap();
            let b = read(&toks, i);
            assert_eq!(
                &text[toks[b.first].start..toks[b.last].end],
                phrase,
                "{text}"
            );
            assert_eq!(
                (b.value, b.low, b.high, b.qualifier),
                (value, low, high, q),
                "{text}"
            );
        }
    }

    #[test]
    fn rising_from_to_is_not_a_range() {
        let toks = tokens("the toll rose from 200 to 300");
        let i = toks.iter().position(|t| t.is_num()).unwrap();
        assert_eq!(read(&toks, i).qualifier, Qualifier::Exact);
    }
}

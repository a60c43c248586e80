//! The number grammar: every cardinal number an English text states, with its
//! value and byte span.
//!
//! The text is first cut into tokens: letter words, digit literals ("46,006",
//! "2,70,000", "40 000", "2.3") and "stops" (anything glued to letters: "M4",
//! "F-16", "16th", "180ml"), each remembering what separated it from the token
//! before (spaces, a hyphen, nothing, or other punctuation, which ends any
//! number). A small state machine then reads number phrases off the tokens,
//! left to right, longest first:
//!
//! ```text
//! number   := vague | fraction | compound
//! vague    := PLURAL ("of" PLURAL)?          dozens, tens of thousands ... (value 2 x unit)
//! fraction := COUNT? (half|quarter) "of"? "a"? SCALE        half a million, quarter million
//! compound := group (SCALE group)* tail?     scales strictly falling, unless a larger
//!                                            scale multiplies everything before it
//!                                            ("a thousand million", "three lakh crore")
//! group    := (low "hundred")? ("and"? low)?  | LITERAL
//! low      := UNIT | TEEN | TENS ("-"? UNIT)?
//! tail     := "and" "a" (half|quarter)       3 million and a half
//!           | "dozen"                        three hundred and two dozens
//! ```
//!
//! The word tables ([`NUMBER_WORDS`], [`SCALE_WORDS`], [`ORDINAL_WORDS`]) are the
//! only place words are spelt; the grammar refers to values and classes.
//!
//! Conventions (shared with the conformance suite in `shared/conformance`):
//! years, money, percentages and parts of dates are plain numbers here (the caller
//! rejects them by context); ordinals, fractions and decimals that are not whole
//! are not numbers; "one" as a pronoun ("the one", "no one", "one may") is not a
//! number; values of a quadrillion or more are skipped.

use foldhash::HashMap;

use super::token::{
    any_word, char_at, is_letter, word_key, Sieve, ASCII_ALNUM, ASCII_ALPHA, WORD_KEY_LEN,
};
use std::cell::Cell;
use std::sync::LazyLock;

/// How the number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Digits,
    Words,
    Mixed,
    Vague,
}

/// One cardinal number found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// Byte offsets into the text (on char boundaries); `&text[start..end]` is the number phrase,
    /// e.g. "46,006", "2.3 million", "twenty-one", "a dozen", "tens of thousands".
    pub start: usize,
    pub end: usize,
    pub value: u64,
    pub form: Form,
}

/// Every number in `text`, left to right, non-overlapping, including vague plurals (Form::Vague).
pub fn numbers(text: &str) -> Vec<Number> {
    if !may_hold_number(text) {
        return Vec::new();
    }
    numbers_in(text)
}

/// [`numbers`] of a text that [`may_hold_number`] has already passed: the
/// extractor asks that first, before its cue gate, and need not ask twice.
pub(crate) fn numbers_in(text: &str) -> Vec<Number> {
    let mut out = Vec::new();
    numbers_into(text, &mut out);
    out
}

/// [`numbers_in`] into `out` (emptied first): the extractor keeps one
/// buffer for a document's sentences.
pub(crate) fn numbers_into(text: &str, out: &mut Vec<Number>) {
    out.clear();
    // The token buffer is kept from one sentence to the next (taken out
    // for the call: a nested call would start from an empty one).
    let mut toks = TOKENS.with(Cell::take);
    tokenize(text, &mut toks);
    let parser = Parser { text, toks: &toks };
    let mut i = 0;
    while i < toks.len() {
        // Most tokens are words no phrase starts with, of which
        // [`Parser::parse_at`] says `Nothing` at once: asked only of the others.
        if matches!(
            toks[i].cls,
            Cls::Word | Cls::Stop | Cls::And | Cls::Of | Cls::Point
        ) {
            i += 1;
            continue;
        }
        match parser.parse_at(i) {
            Step::Found(n, next) => {
                out.push(n);
                i = next.max(i + 1);
            }
            Step::Skip(next) => i = next.max(i + 1),
            Step::Nothing => i += 1,
        }
    }
    TOKENS.with(|t| t.set(toks));
}

thread_local! {
    /// [`numbers`]' token buffer, so that a sentence costs no allocation for it.
    static TOKENS: Cell<Vec<Tok>> = const { Cell::new(Vec::new()) };
}

/// Whether `text` has what a number starts with (see [`Parser::parse_at`]):
/// a digit, or a word of a class that starts one (a cardinal, a fraction,
/// a scale, "tens", a collective after "a"). A cheap pass over the bytes
/// that spares the tokenizer the many sentences with no number at all; a
/// run of ASCII letters inside a longer non-ASCII word may say yes where
/// the tokenizer says no, never the other way round.
pub fn may_hold_number(text: &str) -> bool {
    let b = text.as_bytes();
    // Most sentences with a number have a digit: one quick pass first, in
    // blocks without an early exit inside, which the compiler vectorises.
    let digit = |block: &[u8]| block.iter().fold(false, |d, c| d | c.is_ascii_digit());
    if b.chunks(64).any(digit) {
        return true;
    }
    // No digit: only a number word can start one. Its own sieve turns away
    // the commonest words, "a", "and" and "of", which the lexicon holds.
    // The words are runs of ASCII letters, read in blocks ([`any_word`]).
    let lexicon = &*LEXICON;
    any_word(b, is_letter, |start, end| {
        let w = &b[start..end];
        lexicon.starters.may_hold(w) && starts_number(lexicon.class(w))
    })
}

/// Whether a word of class `cls` can start a number on its own: a cardinal,
/// a fraction, a scale, "tens", a collective. ("a" starts one only before
/// such a word.)
fn starts_number(cls: Cls) -> bool {
    matches!(
        cls,
        Cls::Small(_) | Cls::Fraction(_) | Cls::Scale { .. } | Cls::Tens | Cls::Collective(_)
    )
}

/// The values `tolltrack parse numbers` prints for one line: every cardinal number, in order,
/// EXCLUDING vague plurals. This is what the conformance suite checks.
pub fn values(text: &str) -> Vec<u64> {
    numbers(text)
        .into_iter()
        .filter(|n| n.form != Form::Vague)
        .map(|n| n.value)
        .collect()
}

// ---------------------------------------------------------------------------
// Lexicon
// ---------------------------------------------------------------------------

/// Cardinal words below one hundred. Everything larger is built from these and
/// [`SCALE_WORDS`] by the grammar; tens and unit run together ("twentyone") are
/// split by [`small_number`].
pub const NUMBER_WORDS: [(&str, u64); 30] = [
    ("zero", 0),
    ("nought", 0),
    ("naught", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// How a scale word may be written, which decides where it may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spelling {
    /// A full word. It may follow a number ("two million") or stand for one of
    /// itself ("a million", "hundred"); its plural alone is a vague quantity
    /// ("millions").
    Word,
    /// An abbreviation: only after a number, spaced or glued to digits
    /// ("10 bln", "1.2bn", "20k", "3 dzs"). Alone it is just letters.
    Abbrev,
    /// A one-letter abbreviation that is also a unit ("100m" is usually
    /// metres): only glued to digits, and only with a decimal point, a
    /// currency sign, in capitals, or before a noun for people, which no
    /// unit counts ("1.5m", "$5m", "3M", "4m people").
    Letter,
    /// Only in a vague plural ("scores of"): "a score of 3" is not twenty.
    VagueOnly,
}

/// Scale words: each multiplies the number before it. Plurals ("thousands",
/// "lakhs", "dozs") are read by stripping an "s", except from one-letter forms.
const SCALE_WORDS: [(&str, u64, Spelling); 28] = [
    ("dozen", 12, Spelling::Word),
    ("doz", 12, Spelling::Abbrev),
    ("dz", 12, Spelling::Abbrev),
    ("score", 20, Spelling::VagueOnly),
    ("hundred", 100, Spelling::Word),
    ("thousand", 1_000, Spelling::Word),
    ("k", 1_000, Spelling::Abbrev),
    ("lakh", 100_000, Spelling::Word),
    ("lac", 100_000, Spelling::Word),
    ("lkh", 100_000, Spelling::Abbrev),
    ("million", 1_000_000, Spelling::Word),
    ("mn", 1_000_000, Spelling::Abbrev),
    ("mln", 1_000_000, Spelling::Abbrev),
    ("mil", 1_000_000, Spelling::Abbrev),
    ("m", 1_000_000, Spelling::Letter),
    ("crore", 10_000_000, Spelling::Word),
    ("krore", 10_000_000, Spelling::Word),
    ("koti", 10_000_000, Spelling::Word),
    ("cr", 10_000_000, Spelling::Abbrev),
    ("kr", 10_000_000, Spelling::Abbrev),
    ("billion", 1_000_000_000, Spelling::Word),
    ("bn", 1_000_000_000, Spelling::Abbrev),
    ("bln", 1_000_000_000, Spelling::Abbrev),
    ("b", 1_000_000_000, Spelling::Letter),
    ("trillion", 1_000_000_000_000, Spelling::Word),
    ("tn", 1_000_000_000_000, Spelling::Abbrev),
    ("tln", 1_000_000_000_000, Spelling::Abbrev),
    ("trn", 1_000_000_000_000, Spelling::Abbrev),
];

/// Ordinal words with the cardinal they stand for. A number followed by one of
/// these is part of an ordinal ("twenty-first", "one hundredth") or the
/// numerator of a fraction ("two thirds"), and is not a cardinal. Plurals
/// ("fifths") count from "thirds" up: "twenty seconds" is a duration.
pub const ORDINAL_WORDS: [(&str, u64); 31] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
    ("thousandth", 1_000),
    ("millionth", 1_000_000),
    ("billionth", 1_000_000_000),
];

/// Fractions that make whole numbers of a scale ("half a million", "a quarter
/// of a million", "3 million and a half"), with their denominators.
const FRACTION_WORDS: [(&str, u64); 4] =
    [("half", 2), ("halves", 2), ("quarter", 4), ("quarters", 4)];

/// Nouns that count like a number after "a": "a couple of", "a pair".
const COLLECTIVE_WORDS: [(&str, u64); 2] = [("couple", 2), ("pair", 2)];

/// A bare "one" after these is a pronoun: "the one I want", "no one", "another one".
const PRONOUN_BEFORE: [&str; 10] = [
    "the", "this", "that", "no", "any", "every", "each", "which", "another", "such",
];

/// A bare "one" before these is a pronoun or a set phrase, not a count:
/// "one another", "one may count", "one moment please".
const PRONOUN_AFTER: [&str; 14] = [
    "another", "may", "might", "must", "can", "cannot", "could", "should", "would", "will",
    "shall", "moment", "second", "self",
];

/// A bare scale word after these is vague, not one of it: "several hundred",
/// "a few thousand", "many dozen".
const QUANTIFIERS: [&str; 7] = [
    "several", "few", "many", "some", "numerous", "multiple", "various",
];

/// Currency signs: before a number they make "m" and "b" read as million and billion.
const CURRENCY: [char; 12] = ['$', '£', '€', '¥', '₹', '₦', '₽', '₩', '₪', '₺', '₴', '₱'];

/// Values from here on are skipped (a quadrillion): they are never counts of people.
const LIMIT: u128 = 1_000_000_000_000_000;

/// Whether `word` (any case) equals the lower-case table entry `entry`.
fn is(word: &str, entry: &str) -> bool {
    word.len() == entry.len() && word.eq_ignore_ascii_case(entry)
}

fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| is(word, w)).map(|&(_, v)| v)
}

/// A number word below one hundred, including tens and unit run together
/// ("twentyone", as some writers and speech-to-text produce).
fn small_number(word: &str) -> Option<u64> {
    if let Some(v) = lookup(&NUMBER_WORDS, word) {
        return Some(v);
    }
    NUMBER_WORDS
        .iter()
        .filter(|(_, v)| *v >= 20)
        .find_map(|&(tens, tv)| {
            let head = word.get(..tens.len())?;
            if !is(head, tens) {
                return None;
            }
            let unit = lookup(&NUMBER_WORDS, word.get(tens.len()..)?)?;
            (1..=9).contains(&unit).then_some(tv + unit)
        })
}

/// A scale word: (value, spelling, plural).
fn scale_word(word: &str) -> Option<(u64, Spelling, bool)> {
    let find = |w: &str| SCALE_WORDS.iter().find(|(s, _, _)| is(w, s));
    if let Some(&(_, v, sp)) = find(word) {
        return Some((v, sp, false));
    }
    let stem = word.strip_suffix(['s', 'S'])?;
    match find(stem) {
        Some(&(s, v, sp)) if s.len() > 1 => Some((v, sp, true)),
        _ => None,
    }
}

/// An ordinal word (or a plural used as a fraction: "thirds", "fifths"): its cardinal.
fn ordinal_word(word: &str) -> Option<u64> {
    lookup(&ORDINAL_WORDS, word)
        .or_else(|| lookup(&ORDINAL_WORDS, word.strip_suffix(['s', 'S'])?).filter(|&v| v >= 3))
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    /// Only white space.
    Space,
    /// A hyphen, perhaps with spaces around it ("twenty-one", "fifty - two").
    Hyphen,
    /// Nothing: letters glued to digits ("20k").
    Glued,
    /// Any other punctuation, or the start of the text: numbers never cross it.
    Break,
}

/// A digit literal: `int + frac / 10^frac_len`.
#[derive(Debug, Clone, Copy)]
struct Lit {
    int: u128,
    frac: u128,
    frac_len: u32,
    /// False when the digits do not fit: such a literal is never a number.
    ok: bool,
}

impl Lit {
    fn whole(&self) -> Option<u128> {
        (self.ok && self.frac_len == 0).then_some(self.int)
    }

    /// `self × scale`, if that is a whole number.
    fn scaled(&self, scale: u64) -> Option<u128> {
        if !self.ok {
            return None;
        }
        let den = 10u128.checked_pow(self.frac_len)?;
        let num = self
            .int
            .checked_mul(den)?
            .checked_add(self.frac)?
            .checked_mul(scale as u128)?;
        num.is_multiple_of(den).then(|| num / den)
    }
}

/// The class of a token, looked up once.
#[derive(Debug, Clone, Copy)]
enum Cls {
    /// A digit literal, read by [`Parser::lit`] when the parser reaches it:
    /// a [`Lit`] held here would make every token twice as large.
    Lit,
    Small(u64),
    Scale {
        value: u64,
        spelling: Spelling,
        plural: bool,
    },
    Ordinal(u64),
    Fraction(u64),
    Collective(u64),
    /// "tens", only in "tens of thousands".
    Tens,
    And,
    A,
    Of,
    Point,
    /// Any other word.
    Word,
    /// Digits glued to letters ("M4", "COVID-19", "16th", "180ml"): never a number.
    Stop,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    link: Link,
    cls: Cls,
}

/// The length of the digit literal that `rest` starts with (a digit, or a
/// point and a digit; 1 for anything else). Grouping by commas must be
/// regular: Western groups of three ("1,234,567") or Indian groups of two
/// before the last three ("2,70,000", "12,34,567"); grouping by a (thin,
/// no-break) space only in threes ("46 006"). A decimal part may follow;
/// ".5" stands alone. The readings are tried in that order and the first
/// that fits is taken, each with as many groups as it can; when a grouped
/// reading runs into more digits ("1,2345" is not 1,234 followed by 5) the
/// digits are read plain. The same reading as the pattern kept in the tests
/// (`tests::LITERAL`), without an automaton to build and run for each
/// number.
fn literal_len(rest: &str) -> usize {
    let b = rest.as_bytes();
    if b.first() == Some(&b'.') {
        // ".5"; a point without digits is 1 byte long anyway.
        return digits_end(b, 1);
    }
    let run = digits_end(b, 0);
    if run == 0 {
        return 1;
    }
    let grouped = western(b, run)
        .or_else(|| indian(b, run))
        .or_else(|| spaced(b, run))
        .unwrap_or(run);
    let end = decimal_end(b, grouped);
    if b.get(end).is_some_and(u8::is_ascii_digit) {
        decimal_end(b, run)
    } else {
        end
    }
}

/// The end of the run of ASCII digits from `i`.
fn digits_end(b: &[u8], i: usize) -> usize {
    i + b[i..].iter().take_while(|d| d.is_ascii_digit()).count()
}

/// The end of an optional decimal part (a point and digits) at `i`.
fn decimal_end(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'.') if b.get(i + 1).is_some_and(u8::is_ascii_digit) => digits_end(b, i + 1),
        _ => i,
    }
}

/// The end of a group at `i`: the separator `sep`, then exactly `n` digits
/// (more may follow).
fn group_end(b: &[u8], i: usize, sep: &[u8], n: usize) -> Option<usize> {
    let d = i + sep.len();
    let ok = b[i..].starts_with(sep) && b.get(d..d + n)?.iter().all(u8::is_ascii_digit);
    ok.then_some(d + n)
}

/// The end of as many groups as follow `i` one after another (`next` reads
/// one), if at least one does.
fn groups_end(b: &[u8], i: usize, next: impl Fn(&[u8], usize) -> Option<usize>) -> Option<usize> {
    let mut end = i;
    while let Some(e) = next(b, end) {
        end = e;
    }
    (end > i).then_some(end)
}

/// "1,234,567": one to three digits, then groups of a comma and three.
fn western(b: &[u8], run: usize) -> Option<usize> {
    if run > 3 {
        return None;
    }
    groups_end(b, run, |b, i| group_end(b, i, b",", 3))
}

/// "12,34,567": one or two digits, groups of a comma and two, then a comma
/// and three, with as many groups of two as leave room for the three.
fn indian(b: &[u8], run: usize) -> Option<usize> {
    if run > 2 {
        return None;
    }
    // Each group of two is three bytes: the k-th ends at `run + 3 * k`.
    let mut twos = 0;
    while group_end(b, run + 3 * twos, b",", 2).is_some() {
        twos += 1;
    }
    (1..=twos)
        .rev()
        .find_map(|k| group_end(b, run + 3 * k, b",", 3))
}

/// The spaces that group digits in threes: space, no-break space, thin
/// space, narrow no-break space.
const DIGIT_SPACES: [&str; 4] = [" ", "\u{A0}", "\u{2009}", "\u{202F}"];

/// "46 006": one to three digits, then groups of a space and three.
fn spaced(b: &[u8], run: usize) -> Option<usize> {
    if run > 3 {
        return None;
    }
    groups_end(b, run, |b, i| {
        DIGIT_SPACES
            .iter()
            .find_map(|sp| group_end(b, i, sp.as_bytes(), 3))
    })
}

/// Every spelling that [`classify_slow`] gives a class (table words, their
/// plurals, tens and unit run together), lower case and keyed by its bytes:
/// built once from the tables so that each word of a text costs at most one
/// hash lookup, without building a string.
static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut spellings: Vec<String> = ["and", "a", "of", "point", "tens"]
        .map(String::from)
        .to_vec();
    let words = NUMBER_WORDS.iter().map(|e| e.0);
    let words = words.chain(SCALE_WORDS.iter().map(|e| e.0));
    let words = words.chain(ORDINAL_WORDS.iter().map(|e| e.0));
    let words = words.chain(FRACTION_WORDS.iter().chain(&COLLECTIVE_WORDS).map(|e| e.0));
    for w in words {
        spellings.push(w.to_string());
        spellings.push(format!("{w}s"));
    }
    for (tens, _) in NUMBER_WORDS.iter().filter(|e| e.1 >= 20) {
        for (unit, _) in NUMBER_WORDS.iter().filter(|e| (1..=9).contains(&e.1)) {
            spellings.push(format!("{tens}{unit}"));
        }
    }
    let mut words: HashMap<u128, Cls> = HashMap::default();
    let mut sieve = Sieve::new();
    let mut starters = Sieve::new();
    for w in spellings.iter().filter(|w| w.len() <= LEXICON_MAX_LEN) {
        let cls = classify_slow(w);
        if matches!(cls, Cls::Word) {
            continue;
        }
        let b = w.as_bytes();
        words.insert(word_key(b), cls);
        sieve.add(b);
        if starts_number(cls) {
            starters.add(b);
        }
    }
    Lexicon {
        words,
        sieve,
        starters,
    }
});

/// The longest spelling [`LEXICON`] may hold (a longer word is no number).
const LEXICON_MAX_LEN: usize = WORD_KEY_LEN;

/// The number grammar's spellings, and a sieve in front of them.
struct Lexicon {
    /// Keyed by [`word_key`].
    words: HashMap<u128, Cls>,
    sieve: Sieve,
    /// The spellings that [`starts_number`]: [`may_hold_number`] asks only that.
    starters: Sieve,
}

fn classify_word(w: &str) -> Cls {
    LEXICON.class(w.as_bytes())
}

impl Lexicon {
    /// [`classify_word`], for the scanning loops: they hold the lexicon
    /// once, and most words end at the sieve without a call.
    #[inline]
    fn class(&self, b: &[u8]) -> Cls {
        // A word with a non-ASCII letter needs no test of its own: its key
        // equals no spelling's.
        if b.len() > LEXICON_MAX_LEN || !self.sieve.may_hold(b) {
            return Cls::Word;
        }
        self.words.get(&word_key(b)).copied().unwrap_or(Cls::Word)
    }
}

/// The class of a word, straight from the tables (any case).
fn classify_slow(w: &str) -> Cls {
    if is(w, "and") {
        Cls::And
    } else if is(w, "a") {
        Cls::A
    } else if is(w, "of") {
        Cls::Of
    } else if is(w, "point") {
        Cls::Point
    } else if is(w, "tens") {
        Cls::Tens
    } else if let Some(v) = small_number(w) {
        Cls::Small(v)
    } else if let Some((value, spelling, plural)) = scale_word(w) {
        Cls::Scale {
            value,
            spelling,
            plural,
        }
    } else if let Some(v) = ordinal_word(w) {
        Cls::Ordinal(v)
    } else if let Some(d) = lookup(&FRACTION_WORDS, w) {
        Cls::Fraction(d)
    } else if let Some(v) = lookup(&COLLECTIVE_WORDS, w) {
        Cls::Collective(v)
    } else {
        Cls::Word
    }
}

fn parse_lit(s: &str) -> Lit {
    let (int_s, frac_s) = s.split_once('.').unwrap_or((s, ""));
    let frac_s = frac_s.trim_end_matches('0');
    let mut ok = frac_s.len() <= 30;
    let mut digits = |part: &str| {
        let mut v: u128 = 0;
        for b in part.bytes().filter(u8::is_ascii_digit) {
            match v
                .checked_mul(10)
                .and_then(|x| x.checked_add(u128::from(b - b'0')))
            {
                Some(x) => v = x,
                None => {
                    ok = false;
                    break;
                }
            }
        }
        v
    };
    let int = digits(int_s);
    let frac = if frac_s.len() <= 30 {
        digits(frac_s)
    } else {
        0
    };
    Lit {
        int,
        frac,
        frac_len: frac_s.len() as u32,
        ok,
    }
}

/// Hyphen-like characters that join words ("twenty-one"); dashes do not.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Cut `text` into `toks` (cleared first).
fn tokenize(text: &str, toks: &mut Vec<Tok>) {
    let lexicon = &*LEXICON;
    toks.clear();
    toks.reserve(text.len() / 4);
    let mut link = Link::Break;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        // Fast paths for the two commonest cases, ASCII words and spaces;
        // they decide as the general code below does.
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            let mut j = i + 1;
            while j < bytes.len() && ASCII_ALPHA[usize::from(bytes[j])] {
                j += 1;
            }
            // Most words are letters only: digits are looked for after them.
            let digits = j < bytes.len() && bytes[j].is_ascii_digit();
            while j < bytes.len() && ASCII_ALNUM[usize::from(bytes[j])] {
                j += 1;
            }
            // A word that goes on in another script takes the general path.
            if j == bytes.len() || bytes[j] < 0x80 {
                let cls = if digits {
                    Cls::Stop
                } else {
                    lexicon.class(&bytes[i..j])
                };
                toks.push(Tok {
                    start: i,
                    end: j,
                    link,
                    cls,
                });
                link = Link::Glued;
                i = j;
                continue;
            }
        } else if matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            if link == Link::Glued {
                link = Link::Space;
            }
            i += 1;
            continue;
        }
        let c = char_at(text, i);
        let starts_literal = c.is_ascii_digit()
            || (c == '.'
                && text[i + 1..].starts_with(|d: char| d.is_ascii_digit())
                && !text[..i].ends_with(|p: char| p.is_alphanumeric() || p == '.'));
        if starts_literal {
            i = lex_literal(text, i, link, toks);
            link = Link::Glued;
        } else if c.is_alphanumeric() {
            let end = run_end(text, i);
            let w = &text[i..end];
            let numeric = if w.is_ascii() {
                w.bytes().any(|b| b.is_ascii_digit())
            } else {
                w.chars().any(char::is_numeric)
            };
            let cls = if numeric { Cls::Stop } else { classify_word(w) };
            toks.push(Tok {
                start: i,
                end,
                link,
                cls,
            });
            link = Link::Glued;
            i = end;
        } else {
            link = match (link, c) {
                (Link::Glued, c) if c.is_whitespace() => Link::Space,
                (Link::Glued | Link::Space, c) if is_hyphen(c) => Link::Hyphen,
                (l, c) if c.is_whitespace() => l,
                _ => Link::Break,
            };
            i += c.len_utf8();
        }
    }
}

/// End of the run of letters and digits starting at `i`.
fn run_end(text: &str, i: usize) -> usize {
    // ASCII letters and digits without decoding; any other character by
    // the general test.
    let b = text.as_bytes();
    let mut j = i;
    while j < b.len() && ASCII_ALNUM[usize::from(b[j])] {
        j += 1;
    }
    while j < text.len() {
        let c = char_at(text, j);
        if !c.is_alphanumeric() {
            break;
        }
        j += c.len_utf8();
    }
    j
}

/// Reads the digit literal at `i` (and a scale abbreviation glued to it),
/// pushes its tokens and returns where reading goes on.
fn lex_literal(text: &str, i: usize, link: Link, toks: &mut Vec<Tok>) -> usize {
    let rest = &text[i..];
    let mut back = text[..i].chars().rev();
    let prev = back.next();
    let prev2 = back.next();
    let mut len = literal_len(rest);
    // Dotted sequences (IP addresses, "22.01.2025", "1.2.3") are read part by
    // part, not as decimals.
    if let Some(dot) = rest[..len].find('.').filter(|&d| d > 0) {
        let dotted_before = prev == Some('.') && prev2.is_some_and(|p| p.is_ascii_digit());
        let dotted_after = rest[len..].starts_with('.')
            && rest[len + 1..].starts_with(|d: char| d.is_ascii_digit());
        if dotted_before || dotted_after {
            len = dot;
        }
    }
    let lit_end = i + len;
    // Digits glued to letters directly or by a hyphen, underscore, dot or
    // slash are part of a name: "F-16", "COVID-19", "Su-30", "v2.5".
    let identifier = match prev {
        Some(p) if p.is_alphanumeric() => true,
        Some(p) if is_hyphen(p) || matches!(p, '_' | '.' | '/') => {
            prev2.is_some_and(char::is_alphabetic)
                || toks
                    .last()
                    .is_some_and(|t| matches!(t.cls, Cls::Stop) && t.end + p.len_utf8() == i)
        }
        _ => false,
    };
    let glued = text[lit_end..].starts_with(char::is_alphanumeric);
    let end = if glued {
        run_end(text, lit_end)
    } else {
        lit_end
    };
    if identifier {
        toks.push(Tok {
            start: i,
            end,
            link,
            cls: Cls::Stop,
        });
        return end;
    }
    if glued {
        // Only a scale abbreviation may be glued to digits ("20k", "1.2bn");
        // anything else is a unit or an ordinal ("180ml", "16th", "1990s").
        let suffix = &text[lit_end..end];
        let money = prev.is_some_and(|p| CURRENCY.contains(&p)) || rest[..len].contains('.');
        let scale = suffix
            .bytes()
            .all(|b| b.is_ascii_alphabetic())
            .then(|| scale_word(suffix))
            .flatten()
            .filter(|&(_, sp, _)| match sp {
                Spelling::Word | Spelling::Abbrev => true,
                Spelling::Letter => {
                    money
                        || suffix.bytes().all(|b| b.is_ascii_uppercase())
                        || counts_people(&text[end..])
                }
                Spelling::VagueOnly => false,
            });
        match scale {
            Some((value, spelling, plural)) => {
                toks.push(Tok {
                    start: i,
                    end: lit_end,
                    link,
                    cls: Cls::Lit,
                });
                toks.push(Tok {
                    start: lit_end,
                    end,
                    link: Link::Glued,
                    cls: Cls::Scale {
                        value,
                        spelling,
                        plural,
                    },
                });
            }
            None => toks.push(Tok {
                start: i,
                end,
                link,
                cls: Cls::Stop,
            }),
        }
        return end;
    }
    toks.push(Tok {
        start: i,
        end: lit_end,
        link,
        cls: Cls::Lit,
    });
    lit_end
}

/// Whether `rest` goes on with a noun for people or forces, or a cue of a
/// figure ("4m people", "2m refugees", "forced 4m from their homes"): a
/// one-letter scale there is a scale, not a unit. The words are the figure
/// grammar's own tables.
fn counts_people(rest: &str) -> bool {
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let end = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let word = &rest[..end];
    if word.is_empty() {
        return false;
    }
    let people = super::lexicon::PEOPLE
        .iter()
        .chain(super::lexicon::FORCES)
        .any(|p| is(word, p));
    // A cue phrase, whole words: "from their homes", "displaced".
    let cue = || {
        super::lexicon::CUES.iter().any(|c| {
            c.metric.is_some()
                && rest.len() >= c.phrase.len()
                && rest.is_char_boundary(c.phrase.len())
                && rest[..c.phrase.len()].eq_ignore_ascii_case(c.phrase)
                && !rest[c.phrase.len()..].starts_with(|ch: char| ch.is_alphanumeric())
        })
    };
    people || cue()
}

// ---------------------------------------------------------------------------
// Grammar
// ---------------------------------------------------------------------------

/// The lowest part of a group (below the hundreds), by what was read last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Low {
    Empty,
    /// "zero": a number on its own, never combined.
    Zero,
    Unit,
    Teen,
    Tens,
    TensUnit,
    Lit,
    /// "a", a bare scale's implicit one, or "a couple": only a multiplier may follow.
    Closed,
}

/// The value read so far: `total` (finished scale groups) plus the current
/// group `hund + low`.
#[derive(Debug, Clone, Copy)]
struct State {
    total: u128,
    /// The last scale applied (0: none yet). A later group must stay below it.
    last_scale: u128,
    hund: u128,
    has_hund: bool,
    low: u128,
    low_kind: Low,
    /// The value when "and" was read in this group: "three hundred and two
    /// dozens" multiplies only what follows the "and".
    and_base: Option<u128>,
    digits: bool,
    words: bool,
    /// Nothing may follow (after "dozen", a glued abbreviation, a fraction tail).
    done: bool,
}

impl State {
    fn new() -> Self {
        State {
            total: 0,
            last_scale: 0,
            hund: 0,
            has_hund: false,
            low: 0,
            low_kind: Low::Empty,
            and_base: None,
            digits: false,
            words: false,
            done: false,
        }
    }

    fn group(&self) -> u128 {
        self.hund + self.low
    }

    fn value(&self) -> u128 {
        self.total.saturating_add(self.group())
    }

    fn group_empty(&self) -> bool {
        !self.has_hund && self.low_kind == Low::Empty
    }

    fn started(&self) -> bool {
        self.last_scale > 0 || !self.group_empty()
    }

    /// A group after a scale must be smaller than it ("two million three
    /// thousand", not "two thousand three thousand").
    fn group_fits(&self) -> bool {
        self.last_scale == 0 || self.group() < self.last_scale
    }

    fn reset_group(&mut self) {
        self.hund = 0;
        self.has_hund = false;
        self.low = 0;
        self.low_kind = Low::Empty;
        self.and_base = None;
    }

    /// Sets the whole value (after a fraction or a decimal with a scale).
    fn set_total(&mut self, v: u128, scale: u128) {
        self.total = v;
        self.last_scale = scale;
        self.reset_group();
    }

    /// A number word below a hundred. Tens take one unit ("forty-two"); units,
    /// teens and compounds take nothing ("one two" is two numbers).
    fn small(&mut self, v: u64) -> bool {
        let v = u128::from(v);
        let kind = match v {
            0 => Low::Zero,
            1..=9 => Low::Unit,
            10..=19 => Low::Teen,
            _ if v.is_multiple_of(10) => Low::Tens,
            _ => Low::TensUnit,
        };
        self.low_kind = match (self.low_kind, kind) {
            (Low::Empty, Low::Zero) if self.started() => return false,
            (Low::Empty, k) => k,
            (Low::Tens, Low::Unit) => Low::TensUnit,
            _ => return false,
        };
        self.low += v;
        self.words = true;
        self.group_fits()
    }

    /// A whole digit literal: starts a number, or fills a group after a scale or
    /// a hundred when the number began in digits ("4 thousand 3 hundred and 21"),
    /// but never follows another number directly ("4000 3 hundred" is two).
    fn lit(&mut self, n: u128) -> bool {
        if self.low_kind != Low::Empty
            || (self.started() && !self.digits)
            || (self.has_hund && n >= 100)
            || (self.started() && !self.has_hund && self.last_scale == 0)
        {
            return false;
        }
        self.low = n;
        self.low_kind = Low::Lit;
        self.digits = true;
        self.group_fits()
    }

    /// "hundred" multiplies the group's low part ("nineteen hundred", "322
    /// hundred"), once per group; bare after a scale it is one hundred.
    fn hundred(&mut self) -> bool {
        if self.has_hund {
            return false;
        }
        let m = match self.low_kind {
            Low::Zero => return false,
            Low::Empty if self.last_scale > 0 => 1,
            Low::Empty => return false,
            _ => self.low,
        };
        self.hund = m.saturating_mul(100);
        self.has_hund = true;
        self.low = 0;
        self.low_kind = Low::Empty;
        self.words = true;
        self.group_fits()
    }

    /// A scale of a thousand or more.
    fn scale(&mut self, s: u64) -> bool {
        let s = u128::from(s);
        if self.low_kind == Low::Zero {
            return false;
        }
        let g = self.group();
        let empty = self.group_empty();
        if !empty && (self.last_scale == 0 || g.saturating_mul(s) < self.last_scale) {
            // The usual falling order: "two million three hundred thousand".
            self.total = self.total.saturating_add(g.saturating_mul(s));
        } else if self.last_scale != 0
            && s > self.last_scale
            && self.and_base.is_none()
            && self.value() < s
        {
            // A larger scale multiplies everything before it: "a thousand
            // million", "three lakh crore", "two thousand two million".
            self.total = self.value().saturating_mul(s);
        } else if empty && self.last_scale != 0 && s < self.last_scale {
            // A bare smaller scale adds one of it: "million thousand hundred".
            self.total = self.total.saturating_add(s);
        } else {
            return false;
        }
        self.last_scale = s;
        self.reset_group();
        self.words = true;
        self.total < LIMIT
    }

    /// "dozen" multiplies the number before it (or only the part after its
    /// "and") and ends it.
    fn dozen(&mut self) -> bool {
        if self.low_kind == Low::Zero || self.group_empty() {
            return false;
        }
        let v = self.value();
        let new = match self.and_base {
            Some(b) => b.saturating_add((v - b).saturating_mul(12)),
            None => v.saturating_mul(12),
        };
        self.set_total(new, 12);
        self.words = true;
        self.done = true;
        new < LIMIT
    }

    fn multiply(&mut self, value: u64) -> bool {
        match value {
            12 => self.dozen(),
            100 => self.hundred(),
            v if v >= 1000 => self.scale(v),
            _ => false,
        }
    }

    /// Whether the cardinal `c` could continue this number (used to tell
    /// "twenty-first" from "twenty seconds").
    fn accepts(&self, c: u64) -> bool {
        let mut s = *self;
        !s.done
            && match c {
                0..=99 => s.small(c),
                _ => s.multiply(c),
            }
    }

    fn form(&self) -> Form {
        match (self.digits, self.words) {
            (true, true) => Form::Mixed,
            (true, false) => Form::Digits,
            _ => Form::Words,
        }
    }
}

enum Step {
    /// A number, and the token to go on from.
    Found(Number, usize),
    /// Tokens that are not a number (an ordinal, a fraction) up to here.
    Skip(usize),
    Nothing,
}

struct Parser<'a> {
    text: &'a str,
    toks: &'a [Tok],
}

impl Parser<'_> {
    fn word(&self, k: usize) -> &str {
        let t = &self.toks[k];
        &self.text[t.start..t.end]
    }

    /// The value of the digit literal at token `k`.
    fn lit(&self, k: usize) -> Lit {
        parse_lit(self.word(k))
    }

    /// Whether token `k` continues a phrase that reached token `k - 1`: spaces
    /// always, a hyphen between words, nothing only for an abbreviation glued
    /// to digits.
    fn joins(&self, k: usize) -> bool {
        let (Some(t), Some(p)) = (
            self.toks.get(k),
            k.checked_sub(1).and_then(|p| self.toks.get(p)),
        ) else {
            return false;
        };
        match t.link {
            Link::Space => true,
            Link::Hyphen => !matches!(t.cls, Cls::Lit) && !matches!(p.cls, Cls::Lit),
            Link::Glued => matches!(p.cls, Cls::Lit) && matches!(t.cls, Cls::Scale { .. }),
            Link::Break => false,
        }
    }

    /// The class of token `k` if it continues the phrase.
    fn next(&self, k: usize) -> Option<Cls> {
        self.joins(k).then(|| self.toks[k].cls)
    }

    fn is_of(&self, k: usize) -> bool {
        matches!(self.next(k), Some(Cls::Of))
    }

    /// The word before token `k`, if only spaces separate them.
    fn word_before(&self, k: usize) -> Option<&str> {
        (k > 0
            && self.toks[k].link == Link::Space
            && matches!(self.toks[k - 1].cls, Cls::Word | Cls::A))
        .then(|| self.word(k - 1))
    }

    fn parse_at(&self, i: usize) -> Step {
        let mut st = State::new();
        match self.toks[i].cls {
            Cls::Lit => {
                let lit = self.lit(i);
                match lit.whole() {
                    Some(n) => {
                        st.lit(n);
                        self.run(i, st, i + 1, false)
                    }
                    None => self.decimal(i, lit),
                }
            }
            Cls::Small(v) => {
                st.small(v);
                self.run(i, st, i + 1, false)
            }
            Cls::A => self.article(i),
            Cls::Fraction(_) => match self.frac_scale(i, 1) {
                Some((end, v)) => {
                    st.words = true;
                    st.set_total(v, 0);
                    self.finish(i, end, end, st)
                }
                None => Step::Nothing,
            },
            Cls::Scale {
                spelling: Spelling::Word,
                plural: false,
                ..
            } => {
                // A bare scale is one of it ("hundred", "thousand nine hundred
                // twenty"), unless a quantifier makes it vague ("several hundred").
                if self
                    .word_before(i)
                    .is_some_and(|w| QUANTIFIERS.iter().any(|q| is(w, q)))
                {
                    return Step::Nothing;
                }
                st.low = 1;
                st.low_kind = Low::Closed;
                self.run(i, st, i, true)
            }
            Cls::Scale {
                spelling: Spelling::Word | Spelling::VagueOnly,
                plural: true,
                value,
            } => self.vague(i, value),
            Cls::Tens => self.vague(i, 10),
            _ => Step::Nothing,
        }
    }

    /// A decimal is a number only when a scale makes it whole: "2.3 million",
    /// "1,674.5 million", "1.2bn". "2.5" alone is not returned.
    fn decimal(&self, i: usize, lit: Lit) -> Step {
        let k = i + 1;
        if let Some(Cls::Scale {
            value,
            spelling,
            plural,
        }) = self.next(k)
        {
            let allowed = match spelling {
                Spelling::Letter => self.toks[k].link == Link::Glued,
                Spelling::VagueOnly => false,
                _ => true,
            };
            if allowed && !(plural && self.is_of(k + 1)) {
                return match lit.scaled(value) {
                    Some(v) if v < LIMIT => {
                        let mut st = State::new();
                        st.digits = true;
                        st.words = true;
                        st.set_total(v, u128::from(value));
                        self.finish(i, k + 1, k + 1, st)
                    }
                    _ => Step::Skip(k + 1),
                };
            }
        }
        Step::Skip(i + 1)
    }

    /// "a" counts only before a scale word ("a hundred", "a dozen"), "couple"
    /// or "pair", or a fraction of a scale ("a quarter of a million").
    fn article(&self, i: usize) -> Step {
        let k = i + 1;
        if !self.joins(k) || self.toks[k].link != Link::Space {
            return Step::Nothing;
        }
        let mut st = State::new();
        st.words = true;
        match self.toks[k].cls {
            Cls::Scale {
                spelling: Spelling::Word,
                plural: false,
                ..
            } => {
                st.low = 1;
                st.low_kind = Low::Closed;
                self.run(i, st, k, true)
            }
            Cls::Collective(v) => {
                st.low = u128::from(v);
                st.low_kind = Low::Closed;
                self.run(i, st, k + 1, false)
            }
            Cls::Fraction(_) => match self.frac_scale(k, 1) {
                Some((end, v)) => {
                    st.set_total(v, 0);
                    self.finish(i, end, end, st)
                }
                None => Step::Nothing,
            },
            _ => Step::Nothing,
        }
    }

    /// A vague plural: "dozens", "hundreds", "thousands", "millions", "scores
    /// of", "tens of thousands", "hundreds of thousands". The value is twice
    /// the unit (the project's convention: "thousands" = 2000).
    fn vague(&self, i: usize, unit: u64) -> Step {
        let mut value = 2 * u128::from(unit);
        let mut end = i + 1;
        let needs_of = unit == 10 || unit == 20;
        if self.is_of(i + 1) {
            if let Some(Cls::Scale {
                value: s2,
                spelling: Spelling::Word,
                plural: true,
            }) = self.next(i + 2)
            {
                if s2 > unit {
                    value *= u128::from(s2);
                    end = i + 3;
                }
            }
            if unit == 10 && end == i + 1 {
                return Step::Nothing;
            }
        } else if needs_of {
            return Step::Nothing;
        }
        if value >= LIMIT {
            return Step::Skip(end);
        }
        let n = Number {
            start: self.toks[i].start,
            end: self.toks[end - 1].end,
            value: value as u64,
            form: Form::Vague,
        };
        Step::Found(n, end)
    }

    /// `count` (half|quarter) "of"? "a"? SCALE, starting at the fraction word
    /// `j`: the end and the value, if whole.
    fn frac_scale(&self, j: usize, count: u128) -> Option<(usize, u128)> {
        let Cls::Fraction(den) = self.toks[j].cls else {
            return None;
        };
        let mut k = j + 1;
        if self.is_of(k) {
            k += 1;
        }
        if matches!(self.next(k), Some(Cls::A)) {
            k += 1;
        }
        match self.next(k)? {
            Cls::Scale {
                value,
                spelling: Spelling::Word | Spelling::Abbrev,
                plural: false,
            } => {
                let v = count.checked_mul(u128::from(value))?;
                (v.is_multiple_of(u128::from(den)) && v > 0).then(|| (k + 1, v / u128::from(den)))
            }
            _ => None,
        }
    }

    /// The compound-number machine, from token `j` with state `st` (`pending`:
    /// the state so far is not a number by itself, as after "a").
    fn run(&self, i: usize, mut st: State, mut j: usize, pending: bool) -> Step {
        let mut best: Option<(usize, State)> = (!pending).then_some((j, st));
        // Where to fall back when a multiplier does not fit: the words since the
        // last group boundary (a scale, a hundred or an "and") belong to it.
        // (end of the number, token to go on from, state)
        let mut snap: Option<(usize, usize, State)> = None;
        let mut pending = pending;
        while j < self.toks.len() && !st.done {
            if j > i && !self.joins(j) {
                break;
            }
            let t = self.toks[j];
            let mut s = st;
            let mut now_pending = false;
            match t.cls {
                Cls::Small(v) => {
                    if !s.small(v) {
                        break;
                    }
                }
                Cls::Lit => match self.lit(j).whole() {
                    Some(v) if s.lit(v) => {}
                    _ => break,
                },
                Cls::Scale {
                    value,
                    spelling,
                    plural,
                } => {
                    let glued = t.link == Link::Glued;
                    let allowed = match spelling {
                        Spelling::Word => true,
                        Spelling::Abbrev => j > i,
                        Spelling::Letter => glued,
                        Spelling::VagueOnly => false,
                    };
                    // "2019 thousands of people": a plural before "of" is vague, not a multiplier.
                    if !allowed || (plural && self.is_of(j + 1)) {
                        break;
                    }
                    if !s.multiply(value) {
                        if let Some((end, resume, s0)) = snap {
                            return self.finish(i, end, resume, s0);
                        }
                        break;
                    }
                    if glued {
                        s.done = true;
                    }
                    snap = Some((j + 1, j + 1, s));
                }
                Cls::And => {
                    if pending {
                        break;
                    }
                    if let Some(step) = self.and_fraction(i, j, s) {
                        return step;
                    }
                    let after_scale = s.group_empty() && s.last_scale > 0;
                    let after_hundred = s.has_hund && s.low_kind == Low::Empty;
                    if !(after_scale || after_hundred) {
                        break;
                    }
                    snap = Some((j, j + 1, s));
                    s.and_base = Some(s.value());
                    now_pending = true;
                }
                Cls::Point => {
                    if pending || s.last_scale > 0 || s.group_empty() || s.low_kind == Low::Closed {
                        break;
                    }
                    match self.point(i, j, s) {
                        Some(step) => return step,
                        None => break,
                    }
                }
                Cls::Fraction(_) => {
                    // "three quarters of a million"
                    if !pending
                        && s.last_scale == 0
                        && !s.group_empty()
                        && !matches!(s.low_kind, Low::Zero | Low::Closed)
                    {
                        if let Some((end, v)) = self.frac_scale(j, s.group()) {
                            s.set_total(v, 0);
                            return self.finish(i, end, end, s);
                        }
                    }
                    break;
                }
                Cls::Of => {
                    // "a couple of hundred"
                    let scale_next = matches!(
                        self.next(j + 1),
                        Some(Cls::Scale {
                            spelling: Spelling::Word,
                            ..
                        })
                    );
                    if pending || s.low_kind != Low::Closed || !scale_next {
                        break;
                    }
                    now_pending = true;
                }
                _ => break,
            }
            st = s;
            j += 1;
            pending = now_pending;
            if !pending {
                best = Some((j, st));
            }
        }
        match best {
            Some((end, s)) => self.finish(i, end, end, s),
            None => Step::Nothing,
        }
    }

    /// "and a half" / "and a quarter" at token `j` (the "and"): a fraction of
    /// the last scale ("3 million and a half"), a fraction of a smaller scale
    /// ("one billion and a quarter million"), or of the group before a scale
    /// ("one and a half million"). Without a scale ("two and a half") the
    /// number is not whole and is skipped.
    fn and_fraction(&self, i: usize, j: usize, mut s: State) -> Option<Step> {
        if !matches!(self.next(j + 1), Some(Cls::A)) {
            return None;
        }
        let Some(Cls::Fraction(den)) = self.next(j + 2) else {
            return None;
        };
        if matches!(self.word(j + 2).as_bytes().last(), Some(b's' | b'S')) {
            return None;
        }
        let k = j + 2;
        let den = u128::from(den);
        let after_scale = s.group_empty() && s.last_scale > 0;
        if after_scale {
            if let Some((end, v)) = self.frac_scale(k, 1) {
                if v < s.last_scale {
                    s.set_total(s.total + v, s.last_scale);
                    s.done = true;
                    return Some(self.finish(i, end, end, s));
                }
            }
            if s.last_scale.is_multiple_of(den) && s.last_scale >= 1000 {
                s.set_total(s.total + s.last_scale / den, s.last_scale);
                s.done = true;
                return Some(self.finish(i, k + 1, k + 1, s));
            }
            return None;
        }
        if s.last_scale == 0 && !s.group_empty() && !matches!(s.low_kind, Low::Zero | Low::Closed) {
            if let Some(Cls::Scale {
                value,
                spelling: Spelling::Word | Spelling::Abbrev,
                plural: false,
            }) = self.next(k + 1)
            {
                let v = (s.group() * den + 1).saturating_mul(u128::from(value));
                if v.is_multiple_of(den) && v / den < LIMIT {
                    s.set_total(v / den, u128::from(value));
                    s.words = true;
                    s.done = true;
                    return Some(self.finish(i, k + 2, k + 2, s));
                }
            }
        }
        Some(Step::Skip(k + 1))
    }

    /// "point" and the digits after it at token `j`: "two point two million"
    /// is a number; "twelve point nine nine" and "twelve point ninety-nine" are
    /// not whole and are skipped. Only a scale of a thousand or more makes a
    /// spoken decimal whole ("one point two hundred" is not 120).
    fn point(&self, i: usize, j: usize, mut s: State) -> Option<Step> {
        let mut k = j + 1;
        let (mut frac, mut len) = (0u128, 0u32);
        while len < 30 {
            let Some(Cls::Small(d)) = self.next(k) else {
                break;
            };
            // A tens word takes its unit: "point ninety-nine" is .99.
            let (d, used) = match self.next(k + 1) {
                Some(Cls::Small(u @ 1..=9)) if d >= 20 && d.is_multiple_of(10) => (d + u, 2),
                _ => (d, 1),
            };
            let width = if d >= 10 { 2 } else { 1 };
            frac = frac * 10u128.pow(width) + u128::from(d);
            len += width;
            k += used;
        }
        if len == 0 {
            return None;
        }
        let lit = Lit {
            int: s.group(),
            frac,
            frac_len: len,
            ok: true,
        };
        if let Some(Cls::Scale {
            value,
            spelling: Spelling::Word | Spelling::Abbrev,
            ..
        }) = self.next(k)
        {
            // "one point two hundred": not a decimal of a large scale.
            if value < 1000 {
                return Some(Step::Skip(k + 1));
            }
            {
                return Some(match lit.scaled(value) {
                    Some(v) if v < LIMIT => {
                        s.set_total(v, u128::from(value));
                        s.done = true;
                        self.finish(i, k + 1, k + 1, s)
                    }
                    _ => Step::Skip(k + 1),
                });
            }
        }
        Some(Step::Skip(k))
    }

    /// Builds the number for tokens `i..end` and checks what may undo it: a
    /// pronoun "one", or an ordinal or fraction word right after it.
    fn finish(&self, i: usize, end: usize, resume: usize, st: State) -> Step {
        let value = st.value();
        if value >= LIMIT {
            return Step::Skip(resume);
        }
        if end == i + 1 && self.is_pronoun_one(i) {
            return Step::Nothing;
        }
        if resume == end {
            match self.next(end) {
                // "twenty-first", "one hundredth", "two thirds", "one-third"
                Some(Cls::Ordinal(c)) if c >= 3 || st.accepts(c) => return Step::Skip(end + 1),
                Some(Cls::Fraction(_)) => return Step::Skip(end + 1),
                // A mixed fraction is not whole: "twenty and three fifths",
                // "one hundred and three and two thirds".
                Some(Cls::And) => {
                    let numerator = matches!(self.next(end + 1), Some(Cls::A | Cls::Small(_)));
                    let denominator = match self.next(end + 2) {
                        Some(Cls::Fraction(_)) => true,
                        Some(Cls::Ordinal(c)) => c >= 3,
                        _ => false,
                    };
                    if numerator && denominator {
                        return Step::Skip(end + 3);
                    }
                }
                _ => {}
            }
        }
        let n = Number {
            start: self.toks[i].start,
            end: self.toks[end - 1].end,
            value: value as u64,
            form: st.form(),
        };
        Step::Found(n, resume)
    }

    /// "one" standing alone as a pronoun or in a set phrase: "the one I want",
    /// "no one", "another one", "one may", "one another", "one's".
    fn is_pronoun_one(&self, i: usize) -> bool {
        if !is(self.word(i), "one") {
            return false;
        }
        if self
            .word_before(i)
            .is_some_and(|w| PRONOUN_BEFORE.iter().any(|p| is(w, p)))
        {
            return true;
        }
        let after = &self.text[self.toks[i].end..];
        if after.starts_with("'s") || after.starts_with("\u{2019}s") {
            return true;
        }
        let k = i + 1;
        k < self.toks.len()
            && self.toks[k].link == Link::Space
            && matches!(self.toks[k].cls, Cls::Word | Cls::Ordinal(_))
            && PRONOUN_AFTER.iter().any(|p| is(self.word(k), p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;
    use std::sync::LazyLock;

    /// The definition of a digit literal that [`literal_len`] reads
    /// (leftmost-first alternation, greedy repetition).
    static LITERAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"^(?:(?:[0-9]{1,3}(?:,[0-9]{3})+",
            r"|[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}",
            r"|[0-9]{1,3}(?:[ \x{A0}\x{2009}\x{202F}][0-9]{3})+",
            r"|[0-9]+)(?:\.[0-9]+)?",
            r"|\.[0-9]+)"
        ))
        .expect("literal regex")
    });

    /// A plain literal, for when a grouped reading runs into more digits.
    static PLAIN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[0-9]+(?:\.[0-9]+)?").expect("plain regex"));

    /// The length the patterns give, as the tokenizer read them.
    fn pattern_len(rest: &str) -> usize {
        let mut len = LITERAL.find(rest).map_or(1, |m| m.end());
        if rest[len..].starts_with(|d: char| d.is_ascii_digit()) {
            len = PLAIN.find(rest).map_or(1, |m| m.end());
        }
        len
    }

    #[test]
    fn literals_read_as_their_pattern() {
        for s in [
            "1,234,567",
            "2,70,000",
            "12,34,567",
            "12,34,5678",
            "46 006",
            "46\u{a0}006",
            "1\u{2009}234\u{202f}567.5",
            "1,2345",
            "1,234.5",
            ".5",
            ".",
            "1.",
            "2.3.4",
            "1,23,45",
            "12,34",
            "1234,567",
            "123 4567",
            "0",
            "7,000,00",
            "1,00,00,000.25",
        ] {
            assert_eq!(literal_len(s), pattern_len(s), "{s:?}");
        }
        // A fixed pseudo-random walk over the bytes that matter, so a failure repeats.
        let pieces = [
            "1", "2", "34", "567", ",", ".", " ", "\u{a0}", "\u{2009}", "\u{202f}", "a", "-",
        ];
        let mut next = crate::extract::test_walk(0x2545_F491_4F6C_DD1D);
        for _ in 0..50_000 {
            let mut s = String::from(["1", "12", "123", "1234", ".", "."][next(6)]);
            for _ in 0..next(12) {
                s.push_str(pieces[next(pieces.len())]);
            }
            assert_eq!(literal_len(&s), pattern_len(&s), "{s:?}");
        }
    }

    /// (input, expected numbers as (span text, value, form)).
    type Case = (&'static str, &'static [(&'static str, u64, Form)]);

    use Form::{Digits as D, Mixed as M, Vague as V, Words as W};

    const CASES: &[Case] = &[
        // digits and grouping
        ("46006 people", &[("46006", 46006, D)]),
        ("46,006 dead", &[("46,006", 46006, D)]),
        ("1,234,567", &[("1,234,567", 1234567, D)]),
        ("46 006 fled", &[("46 006", 46006, D)]),
        ("about 40\u{202f}000 troops", &[("40\u{202f}000", 40000, D)]),
        ("40\u{a0}000 troops", &[("40\u{a0}000", 40000, D)]),
        ("2,70,000 displaced", &[("2,70,000", 270000, D)]),
        ("1,00,000", &[("1,00,000", 100000, D)]),
        ("12,34,567", &[("12,34,567", 1234567, D)]),
        ("1,2345", &[("1", 1, D), ("2345", 2345, D)]),
        ("0033", &[("0033", 33, D)]),
        ("100,000.0", &[("100,000.0", 100000, D)]),
        ("12341252352314", &[("12341252352314", 12341252352314, D)]),
        // decimals and abbreviations
        ("2.3 million", &[("2.3 million", 2300000, M)]),
        ("1.2bn", &[("1.2bn", 1200000000, M)]),
        ("1.2 billion", &[("1.2 billion", 1200000000, M)]),
        ("1.5m", &[("1.5m", 1500000, M)]),
        ("$5m aid", &[("5m", 5000000, M)]),
        ("ran 100m", &[]),
        ("a 4m wall", &[]),
        ("4m people", &[("4m", 4000000, M)]),
        ("over 2m Refugees", &[("2m", 2000000, M)]),
        ("4m. People", &[]),
        ("forced 4m from their homes", &[("4m", 4000000, M)]),
        ("jumped 4m from the roof", &[]),
        ("3M", &[("3M", 3000000, M)]),
        ("20k", &[("20k", 20000, M)]),
        ("3000K", &[("3000K", 3000000, M)]),
        ("2.33 k", &[("2.33 k", 2330, M)]),
        ("1,674.5 million", &[("1,674.5 million", 1674500000, M)]),
        ("12 thousand", &[("12 thousand", 12000, M)]),
        ("3 hundred", &[("3 hundred", 300, M)]),
        ("322 hundred", &[("322 hundred", 32200, M)]),
        (
            "4 thousand 3 hundred and 21",
            &[("4 thousand 3 hundred and 21", 4321, M)],
        ),
        ("2.5 people", &[]),
        ("grew 1.2345 thousand", &[]),
        (
            "either 10 bln or 10 tln",
            &[("10 bln", 10000000000, M), ("10 tln", 10000000000000, M)],
        ),
        ("12 lakhs", &[("12 lakhs", 1200000, M)]),
        ("13 lakh", &[("13 lakh", 1300000, M)]),
        ("three hundred Cr", &[("three hundred Cr", 3000000000, W)]),
        ("3 dzs", &[("3 dzs", 36, M)]),
        // words
        (
            "three hundred and forty-two",
            &[("three hundred and forty-two", 342, W)],
        ),
        ("twenty one thousand", &[("twenty one thousand", 21000, W)]),
        (
            "one hundred and sixteen",
            &[("one hundred and sixteen", 116, W)],
        ),
        (
            "twenty-one trillion three hundred",
            &[("twenty-one trillion three hundred", 21000000000300, W)],
        ),
        (
            "two hundred and two thousand",
            &[("two hundred and two thousand", 202000, W)],
        ),
        ("FIFTY - TWO", &[("FIFTY - TWO", 52, W)]),
        (
            "nineteen hundred seventy-three",
            &[("nineteen hundred seventy-three", 1973, W)],
        ),
        ("sixty hundreds", &[("sixty hundreds", 6000, W)]),
        (
            "twentyone-thousand-four-hundred-and-seventy-three",
            &[(
                "twentyone-thousand-four-hundred-and-seventy-three",
                21473,
                W,
            )],
        ),
        ("hundred fifteen", &[("hundred fifteen", 115, W)]),
        ("zero", &[("zero", 0, W)]),
        ("a hundred", &[("a hundred", 100, W)]),
        ("a thousand people", &[("a thousand", 1000, W)]),
        ("a million", &[("a million", 1000000, W)]),
        ("a dozen", &[("a dozen", 12, W)]),
        ("one dozen", &[("one dozen", 12, W)]),
        ("two dozen eggs", &[("two dozen", 24, W)]),
        ("3 dozens", &[("3 dozens", 36, M)]),
        (
            "three hundred and two dozens",
            &[("three hundred and two dozens", 324, W)],
        ),
        ("half a dozen", &[("half a dozen", 6, W)]),
        ("half a million", &[("half a million", 500000, W)]),
        (
            "a quarter of a million",
            &[("a quarter of a million", 250000, W)],
        ),
        ("quarter million", &[("quarter million", 250000, W)]),
        (
            "three quarters of a million",
            &[("three quarters of a million", 750000, W)],
        ),
        (
            "3 million and a half",
            &[("3 million and a half", 3500000, M)],
        ),
        (
            "one and a half million",
            &[("one and a half million", 1500000, W)],
        ),
        (
            "one billion and a quarter million",
            &[("one billion and a quarter million", 1000250000, W)],
        ),
        ("two and a half years", &[]),
        (
            "two point two million",
            &[("two point two million", 2200000, W)],
        ),
        ("twelve point nine nine", &[]),
        ("twelve point ninety-nine", &[]),
        ("one point two hundred", &[]),
        ("twenty and three fifths", &[]),
        ("one hundred and three and two thirds", &[]),
        ("one hundred and three quarters", &[]),
        (
            "three lakh crore",
            &[("three lakh crore", 3000000000000, W)],
        ),
        (
            "three crore twelve lakh fifty-six thousand",
            &[("three crore twelve lakh fifty-six thousand", 31256000, W)],
        ),
        (
            "a thousand million",
            &[("a thousand million", 1000000000, W)],
        ),
        (
            "two thousand two million",
            &[("two thousand two million", 2002000000, W)],
        ),
        ("a couple of", &[("a couple", 2, W)]),
        ("a couple hundred", &[("a couple hundred", 200, W)]),
        // vague plurals
        ("dozens were hurt", &[("dozens", 24, V)]),
        ("scores of people", &[("scores", 40, V)]),
        ("hundreds fled", &[("hundreds", 200, V)]),
        ("Thousands fled", &[("Thousands", 2000, V)]),
        ("tens of thousands", &[("tens of thousands", 20000, V)]),
        (
            "hundreds of thousands of",
            &[("hundreds of thousands", 200000, V)],
        ),
        ("millions", &[("millions", 2000000, V)]),
        (
            "In 2019 thousands of people",
            &[("2019", 2019, D), ("thousands", 2000, V)],
        ),
        ("several dozen", &[]),
        ("a few", &[]),
        ("several hundred", &[]),
        ("many", &[]),
        ("a score of 3", &[("3", 3, D)]),
        // not numbers
        ("the 16th", &[]),
        ("first", &[]),
        ("the second day", &[]),
        ("a first class seat", &[]),
        ("the one on the left", &[]),
        ("no one came", &[]),
        ("One may count", &[]),
        ("one of them", &[("one", 1, W)]),
        ("a", &[]),
        ("the M4 and the F-16", &[]),
        ("Su-30 jets", &[]),
        ("COVID-19 cases", &[]),
        ("mid-2020", &[]),
        ("someone", &[]),
        ("180ml", &[]),
        ("twenty-first century", &[]),
        ("two thirds", &[]),
        ("one-third of them", &[]),
        ("one hundredth", &[]),
        ("Twenty seconds", &[("Twenty", 20, W)]),
        ("twice", &[]),
        // years, money, percentages, dates: plain numbers
        ("in 2024", &[("2024", 2024, D)]),
        ("$300", &[("300", 300, D)]),
        ("45%", &[("45", 45, D)]),
        (
            "2025-01-22",
            &[("2025", 2025, D), ("01", 1, D), ("22", 22, D)],
        ),
        ("8/1/2025", &[("8", 8, D), ("1", 1, D), ("2025", 2025, D)]),
        (
            "192.168.1.2",
            &[("192", 192, D), ("168", 168, D), ("1", 1, D), ("2", 2, D)],
        ),
        // adjacent numbers stay separate
        (
            "4000 3 hundred and 21 are two valid numbers.",
            &[
                ("4000", 4000, D),
                ("3 hundred and 21", 321, M),
                ("two", 2, W),
            ],
        ),
        (
            "3 hundred and 2 hundred",
            &[("3 hundred", 300, M), ("2 hundred", 200, M)],
        ),
        (
            "40 000 is the same as 40 000",
            &[("40 000", 40000, D), ("40 000", 40000, D)],
        ),
        ("20 through 100", &[("20", 20, D), ("100", 100, D)]),
        ("10-15", &[("10", 10, D), ("15", 15, D)]),
        ("between 20 and 30", &[("20", 20, D), ("30", 30, D)]),
        (
            "thirty two and forty one thousand",
            &[("thirty two", 32, W), ("forty one thousand", 41000, W)],
        ),
        (
            "one two three",
            &[("one", 1, W), ("two", 2, W), ("three", 3, W)],
        ),
        (
            "two thousand thousand",
            &[("two thousand", 2000, W), ("thousand", 1000, W)],
        ),
        (
            "two hundred hundred",
            &[("two hundred", 200, W), ("hundred", 100, W)],
        ),
        (
            "two thousand, two million",
            &[("two thousand", 2000, W), ("two million", 2000000, W)],
        ),
        ("twenty 5", &[("twenty", 20, W), ("5", 5, D)]),
    ];

    #[test]
    fn lexicon_matches_tables() {
        for w in [
            "Twenty",
            "TWENTYONE",
            "fortytwo",
            "Hundreds",
            "lakhs",
            "dozs",
            "ks",
            "ms",
            "seconds",
            "Thirds",
            "tens",
            "And",
            "x",
            "people",
        ] {
            assert_eq!(
                format!("{:?}", classify_word(w)),
                format!("{:?}", classify_slow(w)),
                "{w}"
            );
        }
    }

    #[test]
    fn case_inputs_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for (input, _) in CASES {
            assert!(seen.insert(*input), "duplicate case input {input:?}");
        }
    }

    #[test]
    fn cases() {
        let mut bad = Vec::new();
        for (input, expected) in CASES {
            let got: Vec<(&str, u64, Form)> = numbers(input)
                .iter()
                .map(|n| (&input[n.start..n.end], n.value, n.form))
                .collect();
            if got != *expected {
                bad.push(format!("{input:?}\n   want {expected:?}\n   got  {got:?}"));
            }
        }
        assert!(
            bad.is_empty(),
            "{} case(s) failed:\n{}",
            bad.len(),
            bad.join("\n")
        );
    }

    #[test]
    fn conformance() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/conformance/numbers.jsonl"
        );
        let data = std::fs::read_to_string(path).expect("numbers.jsonl");
        let (mut total, mut pass) = (0usize, 0usize);
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let case: serde_json::Value = serde_json::from_str(line).expect("json line");
            let text = case["text"].as_str().expect("text");
            let want: Vec<u64> = case["values"]
                .as_array()
                .expect("values")
                .iter()
                .map(|v| v.as_u64().expect("u64"))
                .collect();
            let got = values(text);
            total += 1;
            if got == want {
                pass += 1;
            } else {
                println!("FAIL {text:?}: want {want:?}, got {got:?}");
            }
        }
        let rate = pass as f64 / total as f64;
        println!("numbers.jsonl: {pass}/{total} = {rate:.4}");
        assert!(total > 0);
        assert!(rate >= 0.99, "pass rate {rate:.4} < 0.99");
    }

    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];

    /// English words for `n`; `variant` picks British "and"s, hyphens and capitals.
    fn to_words(n: u64, variant: u32) -> String {
        let (and, hyphen) = (variant & 1 == 1, variant & 2 == 2);
        fn below_100(n: u64, hyphen: bool) -> String {
            match n {
                0..=19 => ONES[n as usize].to_string(),
                _ if n.is_multiple_of(10) => TENS[(n / 10) as usize].to_string(),
                _ => format!(
                    "{}{}{}",
                    TENS[(n / 10) as usize],
                    if hyphen { "-" } else { " " },
                    ONES[(n % 10) as usize]
                ),
            }
        }
        let below_1000 = |n: u64| -> String {
            let (h, r) = (n / 100, n % 100);
            match (h, r) {
                (0, r) => below_100(r, hyphen),
                (h, 0) => format!("{} hundred", ONES[h as usize]),
                (h, r) => format!(
                    "{} hundred {}{}",
                    ONES[h as usize],
                    if and { "and " } else { "" },
                    below_100(r, hyphen)
                ),
            }
        };
        if n == 0 {
            return "zero".into();
        }
        let scales = [
            (1_000_000_000_000u64, "trillion"),
            (1_000_000_000, "billion"),
            (1_000_000, "million"),
            (1_000, "thousand"),
        ];
        let mut parts = Vec::new();
        let mut rest = n;
        for (s, name) in scales {
            if rest >= s {
                parts.push(format!("{} {name}", below_1000(rest / s)));
                rest %= s;
            }
        }
        if rest > 0 {
            if and && !parts.is_empty() && rest < 100 {
                parts.push(format!("and {}", below_100(rest, hyphen)));
            } else {
                parts.push(below_1000(rest));
            }
        }
        let s = parts.join(" ");
        if variant & 4 == 4 {
            s.to_uppercase()
        } else {
            s
        }
    }

    /// Western, Indian and space grouping of `n`.
    fn grouped(n: u64, sep: &str, indian: bool) -> String {
        let digits = n.to_string();
        let mut groups: Vec<&str> = Vec::new();
        let mut end = digits.len();
        let mut size = 3;
        while end > size {
            groups.push(&digits[end - size..end]);
            end -= size;
            if indian {
                size = 2;
            }
        }
        groups.push(&digits[..end]);
        groups.reverse();
        groups.join(sep)
    }

    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        *seed >> 33
    }

    #[test]
    fn words_round_trip() {
        let mut ns: Vec<u64> = vec![
            0, 1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 999, 1000, 1001, 1010, 1100, 9999,
            10_000, 100_000,
        ];
        ns.extend([
            999_999,
            1_000_000,
            1_000_001,
            999_999_999,
            1_000_000_000,
            999_999_999_999_999,
        ]);
        let mut seed = 42;
        for _ in 0..20_000 {
            ns.push(lcg(&mut seed) % 1_000_000_000);
        }
        let mut bad = Vec::new();
        for (k, &n) in ns.iter().enumerate() {
            let text = to_words(n, k as u32 % 8);
            if values(&text) != vec![n] {
                bad.push(format!("{text:?} -> {:?}", values(&text)));
            }
            let sentence = format!("Officials said {text} people were displaced.");
            if values(&sentence) != vec![n] {
                bad.push(format!("{sentence:?} -> {:?}", values(&sentence)));
            }
        }
        assert!(
            bad.is_empty(),
            "{} failures, e.g.:\n{}",
            bad.len(),
            bad.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
        );
    }

    #[test]
    fn digits_round_trip() {
        let mut seed = 7;
        let mut bad = Vec::new();
        for k in 0..20_000u64 {
            let n = match k {
                0..=99 => k * 1013,
                _ => lcg(&mut seed) % 10u64.pow(1 + (k % 12) as u32),
            };
            let forms = [
                n.to_string(),
                grouped(n, ",", false),
                grouped(n, " ", false),
                grouped(n, "\u{202f}", false),
                grouped(n, "\u{a0}", false),
                grouped(n, ",", true),
            ];
            for f in forms {
                let text = format!("({f}) killed");
                if values(&text) != vec![n] {
                    bad.push(format!("{text:?} -> {:?}", values(&text)));
                }
            }
        }
        assert!(
            bad.is_empty(),
            "{} failures, e.g.:\n{}",
            bad.len(),
            bad.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
        );
    }

    #[test]
    fn never_panics() {
        let nasty = [
            "",
            " ",
            "\u{feff}½ ⅓ ٣ ๓ 𝟘 ₹5m 5₹",
            "99999999999999999999999999999999999999999999999999",
            "9999999999999999999999999999999999999999.99999999999999999999999999999999999999 million",
            "9,999,999,999,999,999,999,999 trillion trillion",
            "nine hundred trillion trillion",
            "a a a a hundred and and and",
            "and a half",
            ".",
            ".5",
            "5.",
            "-",
            "“One”—two…three’s 4’s",
            "tens of of of",
            "point five",
            "one point",
            "half of",
            "a quarter of a",
            "ÉCOLE thirty-deux 40 000é",
        ];
        for s in nasty {
            let _ = numbers(s);
            for cut in 0..s.len() {
                if s.is_char_boundary(cut) {
                    let _ = numbers(&s[..cut]);
                    let _ = numbers(&s[cut..]);
                }
            }
        }
        // Random sequences of number-ish fragments: no panic, and spans are in
        // order, non-overlapping and on char boundaries.
        let pieces = [
            "one",
            "Hundred",
            "and",
            "a",
            "half",
            "quarter",
            ",",
            " ",
            "  ",
            "-",
            "\u{2013}",
            "1",
            "2,",
            "000",
            ".",
            "k",
            "m",
            "bn",
            "é",
            "\u{2019}",
            "\u{202f}",
            "thousand",
            "point",
            "of",
            "dozen",
            "s",
            "tens",
            "$",
            "99999999999999999999",
            "twenty",
            "first",
            "thirds",
            "lakh",
            "crore",
            "million",
            "the",
            "no",
            "zero",
        ];
        let mut seed = 3;
        for _ in 0..20_000 {
            let len = lcg(&mut seed) % 12;
            let text: String = (0..len)
                .map(|_| pieces[(lcg(&mut seed) % pieces.len() as u64) as usize])
                .collect();
            let mut last = 0;
            for n in numbers(&text) {
                assert!(n.start >= last && n.end > n.start, "{text:?}");
                assert!(
                    text.is_char_boundary(n.start) && text.is_char_boundary(n.end),
                    "{text:?}"
                );
                last = n.end;
            }
        }
        // Spans are in order, non-overlapping and on char boundaries.
        let text = "Some 1,200 people — “twenty-one” of them children — and tens of thousands more; 3 million and a half.";
        let ns = numbers(text);
        let mut last = 0;
        for n in &ns {
            assert!(
                n.start >= last
                    && n.end > n.start
                    && text.is_char_boundary(n.start)
                    && text.is_char_boundary(n.end)
            );
            last = n.end;
        }
        assert_eq!(values(text), vec![1200, 21, 3500000]);
    }

    #[test]
    fn fast_enough() {
        let sentence = "On Tuesday, the ministry said at least 1,234 people – including “forty-two” children – were killed and tens of thousands displaced since 7 October 2023. ";
        let text = sentence.repeat(2_000);
        let t = std::time::Instant::now();
        let n = numbers(&text).len();
        assert_eq!(n, 2_000 * 5);
        assert!(t.elapsed().as_secs_f64() < 2.0, "took {:?}", t.elapsed());
    }
}

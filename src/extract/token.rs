//! Tokens of one sentence: words, numbers (whole number phrases from the
//! [`number`](super::number) grammar, so "tens of thousands" is one token)
//! and punctuation, each with its byte span. The link grammar walks these.

use std::cell::Cell;

use super::lexicon::{self, List};
use super::number::{self, Form};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// A word of letters (with inner hyphens and apostrophes).
    Word,
    /// A number phrase with its value and form.
    Num(u64, Form),
    /// One punctuation character.
    Punct(char),
}

/// A token and where it stands in the sentence.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub kind: Tok,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// The word tables ([`List`]) holding the word, as bits, or
    /// [`NOT_LOOKED_UP`]: the rules ask about a few tokens again and again
    /// and about most never, so a word is looked up when first asked about.
    lists: Cell<u64>,
    /// Whether the word is a noun for people ([`is_people`](super::who::is_people)),
    /// once asked.
    people: Cell<Option<bool>>,
}

/// [`Token::lists`] of a word not yet looked up.
const NOT_LOOKED_UP: u64 = u64::MAX;

impl<'a> Token<'a> {
    fn new(kind: Tok, s: &'a str, start: usize, end: usize) -> Token<'a> {
        Token {
            kind,
            text: &s[start..end],
            start,
            end,
            lists: Cell::new(if kind == Tok::Word { NOT_LOOKED_UP } else { 0 }),
            people: Cell::new(None),
        }
    }
}

impl Token<'_> {
    /// Case-insensitive comparison with a lower-case table word.
    pub fn is(&self, word: &str) -> bool {
        matches!(self.kind, Tok::Word) && self.text.eq_ignore_ascii_case(word)
    }

    /// Whether the token is one of the lower-case words given.
    pub fn is_any(&self, words: &[&str]) -> bool {
        matches!(self.kind, Tok::Word) && words.iter().any(|w| self.text.eq_ignore_ascii_case(w))
    }

    /// Whether the token is a word of the table `list`.
    pub fn is_in(&self, list: List) -> bool {
        self.lists() & list.bit() != 0
    }

    /// The tables and indexes holding the word, as bits of
    /// [`lexicon::lists_of`] (none for a number or a mark), looked up once.
    pub(crate) fn lists(&self) -> u64 {
        if self.lists.get() == NOT_LOOKED_UP {
            self.lists.set(lexicon::lists_of(self.text));
        }
        self.lists.get()
    }

    /// The answer `people` gives about this token, kept after the first call.
    pub(super) fn people(&self, people: impl FnOnce() -> bool) -> bool {
        if let Some(known) = self.people.get() {
            return known;
        }
        let known = people();
        self.people.set(Some(known));
        known
    }

    /// A word starting with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        matches!(self.kind, Tok::Word) && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_word(&self) -> bool {
        matches!(self.kind, Tok::Word)
    }

    pub fn is_num(&self) -> bool {
        matches!(self.kind, Tok::Num(..))
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Tok::Punct(c)
    }
}

/// Tokenise a sentence.
pub fn tokens(s: &str) -> Vec<Token<'_>> {
    tokens_with(s, &number::numbers(s))
}

/// Tokenise a sentence whose number phrases `nums` are already found.
pub fn tokens_with<'a>(s: &'a str, nums: &[number::Number]) -> Vec<Token<'a>> {
    let mut out = Vec::with_capacity(s.len() / 5);
    tokens_into(s, nums, &mut out);
    out
}

/// [`tokens_with`] into `out` (emptied first): a document's sentences
/// borrow the same text, so one buffer serves them all.
pub fn tokens_into<'a>(s: &'a str, nums: &[number::Number], out: &mut Vec<Token<'a>>) {
    out.clear();
    out.reserve(s.len() / 5);
    let bytes = s.as_bytes();
    let mut next_num = 0;
    // Where the next number phrase starts (the sentence's end after the last).
    let mut next_start = nums.first().map_or(s.len(), |n| n.start);
    let mut i = 0;
    while i < s.len() {
        if i == next_start {
            let n = &nums[next_num];
            out.push(Token::new(Tok::Num(n.value, n.form), s, n.start, n.end));
            i = n.end;
            next_num += 1;
            next_start = nums.get(next_num).map_or(s.len(), |n| n.start);
            continue;
        }
        // Most of what lies between words is one space: skip it undecoded.
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        // An ASCII letter or digit starts a word without decoding (any
        // letter stands for it: a word's first character matters no further).
        let (c, len) = if ASCII_ALNUM[usize::from(bytes[i])] {
            ('a', 1)
        } else {
            let c = char_at(s, i);
            (c, c.len_utf8())
        };
        if c.is_alphabetic() || c.is_ascii_digit() {
            let stop = next_start;
            let mut j = i + len;
            loop {
                // ASCII letters and digits without decoding.
                while j < stop && ASCII_ALNUM[usize::from(bytes[j])] {
                    j += 1;
                }
                if j >= stop {
                    break;
                }
                // Any other ASCII byte but a joiner ends the word: no need to decode it.
                if bytes[j] < 0x80 && bytes[j] != b'-' && bytes[j] != b'\'' {
                    break;
                }
                let d = char_at(s, j);
                let joins = (d == '-' || d == '\'' || d == '\u{2019}')
                    && j + d.len_utf8() < s.len()
                    && char_at(s, j + d.len_utf8()).is_alphanumeric();
                if d.is_alphanumeric() || joins {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            // Initials with their stops are one word ("U.S.", "U.N."): a
            // stop inside a noun phrase ("1,100 U.S. troops") ends no clause.
            let j = initials_end(bytes, i, j);
            out.push(Token::new(Tok::Word, s, i, j));
            i = j;
        } else if c.is_whitespace() {
            i += len;
        } else {
            out.push(Token::new(Tok::Punct(normalise_punct(c)), s, i, i + len));
            i += len;
        }
    }
}

/// The end of the initials that start with the one-letter word
/// `bytes[i..j]`: past "U.S." when capitals and stops alternate at least
/// twice, else `j`.
fn initials_end(bytes: &[u8], i: usize, j: usize) -> usize {
    if j != i + 1 || !bytes[i].is_ascii_uppercase() {
        return j;
    }
    let mut end = i;
    while bytes.get(end).is_some_and(u8::is_ascii_uppercase) && bytes.get(end + 1) == Some(&b'.') {
        end += 2;
    }
    // One initial ("J. Smith") is a name's, not an abbreviation; a capital
    // right after the last stop would make the run a longer word.
    if end - i >= 4 && !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        end
    } else {
        j
    }
}

/// Which bytes are ASCII letters or digits, and which ASCII letters: one
/// load a byte in the word loops, where a test of ranges takes several
/// instructions.
pub(crate) const ASCII_ALNUM: [bool; 256] = ascii_class(true);
pub(crate) const ASCII_ALPHA: [bool; 256] = ascii_class(false);

const fn ascii_class(digits: bool) -> [bool; 256] {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphabetic() || (digits && c.is_ascii_digit());
        b += 1;
    }
    table
}

/// The bytes [`any_word`] classifies at a time: one bit each in a `u64`.
const BLOCK: usize = 64;

/// An ASCII letter, as two range tests that the compiler can run on a
/// whole block at once ([`any_word`]; `u8::is_ascii_alphabetic` there
/// compiles to three times the instructions).
pub(crate) fn is_letter(b: u8) -> bool {
    (b.wrapping_sub(b'A') < 26) | (b.wrapping_sub(b'a') < 26)
}

/// Bit `k` set when byte `k` of `block` is of the class `is_in`. The fixed
/// size lets the compiler test the block in a few vector instructions
/// instead of branching at every byte (`is_in` should be range tests, not
/// a table, for that).
#[inline(always)]
fn block_bits(block: &[u8; BLOCK], is_in: impl Fn(u8) -> bool) -> u64 {
    let mut flags = [0u8; BLOCK];
    for (f, &b) in flags.iter_mut().zip(block) {
        *f = u8::from(is_in(b));
    }
    // Eight flags (bytes of 0 or 1) to eight bits: the product adds flag k
    // times 2^k into its top byte, and no lower byte carries into it.
    let (eights, _) = flags.as_chunks::<8>();
    eights.iter().enumerate().fold(0, |bits, (k, eight)| {
        let packed = u64::from_le_bytes(*eight).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        bits | packed << (8 * k)
    })
}

/// Whether `word` says yes to some word of `b`: a maximal run of bytes of
/// the class `is_in`, given as its start and end. The gates run this on
/// every sentence: the bytes are read in blocks of [`BLOCK`], each reduced
/// to a bit per byte ([`block_bits`]), and the edges between bits are
/// where words start and end, so no loop runs byte by byte.
#[inline(always)]
pub(crate) fn any_word(
    b: &[u8],
    is_in: impl Fn(u8) -> bool + Copy,
    mut word: impl FnMut(usize, usize) -> bool,
) -> bool {
    debug_assert!(!is_in(0), "the padding must end a word");
    let (blocks, rest) = b.as_chunks::<BLOCK>();
    // The last bytes, padded with zeros: not of the class, they end a last word.
    let mut last = [0u8; BLOCK];
    last[..rest.len()].copy_from_slice(rest);
    let mut in_word = false;
    let mut start = 0;
    for (n, block) in blocks.iter().chain([&last]).enumerate() {
        let bits = block_bits(block, is_in);
        // Whether the byte before each is of the class.
        let before = bits << 1 | u64::from(in_word);
        // A bit where a word starts, and one just past where a word ends:
        // one pass of the loop a word. Starts and ends alternate, so each
        // end's start is the lowest start left, but for a word that came
        // from the block before (its start is kept).
        let mut starts = bits & !before;
        let mut ends = !bits & before;
        let mut carried = in_word;
        while ends != 0 {
            let end = ends.trailing_zeros();
            ends &= ends - 1;
            if carried {
                carried = false;
            } else {
                start = n * BLOCK + starts.trailing_zeros() as usize;
                starts &= starts - 1;
            }
            if word(start, n * BLOCK + end as usize) {
                return true;
            }
        }
        // A word running into the next block starts at the start left
        // here, or before this block if none.
        in_word = bits >> (BLOCK - 1) != 0;
        if starts != 0 {
            start = n * BLOCK + starts.trailing_zeros() as usize;
        }
    }
    false
}

/// The high bit of each byte of a `u64`, and the low bit.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
pub(crate) const LOW_BITS: u64 = 0x0101_0101_0101_0101;

/// Which of the eight bytes of `x` lie in `lo..=hi` (ASCII bounds): the
/// high bit of each such byte is set, of no other. Per byte, the high bit of
/// `low7 + (0x80 - c)` says `low7 >= c` (seven bits plus at most 0x7f never
/// carry into the next byte), and a byte past ASCII is in no range. The
/// word scans of the date and place stages test eight bytes at once with it.
pub(crate) fn ascii_in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let low7 = x & !HIGH_BITS;
    let from_lo = low7 + LOW_BITS * (0x80 - u64::from(lo));
    let past_hi = low7 + LOW_BITS * (0x80 - u64::from(hi) - 1);
    from_lo & !past_hi & !x & HIGH_BITS
}

/// English letters from the most to the least frequent, for [`find_any_case`].
const LETTERS_BY_FREQUENCY: &[u8] = b"etaoinshrdlcumwfgypbvkjxqz";

/// Where `word` occurs in `hay` in any ASCII case (as `eq_ignore_ascii_case`
/// compares), left to right, without a lower-case copy; nothing for an
/// empty `word`. The search stops only at the rarest letter of `word` ("c"
/// of "since", not "s"), where it stops less often on letters that begin
/// no match.
pub(crate) fn find_any_case<'h>(hay: &'h [u8], word: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
    let rank = |c: u8| {
        LETTERS_BY_FREQUENCY
            .iter()
            .position(|&l| l == c.to_ascii_lowercase())
            .unwrap_or(LETTERS_BY_FREQUENCY.len())
    };
    // The offset in `word` of its rarest letter (the first of equals).
    let key = (0..word.len()).rev().max_by_key(|&k| rank(word[k]));
    key.into_iter().flat_map(move |key| {
        let c = word[key].to_ascii_lowercase();
        // A find at `i` of `hay[key..]` puts the word's start at `i`.
        memchr::memchr2_iter(c, c.to_ascii_uppercase(), &hay[key.min(hay.len())..])
            .take_while(move |&at| at + word.len() <= hay.len())
            .filter(move |&at| hay[at..at + word.len()].eq_ignore_ascii_case(word))
    })
}

/// Whether `text` starts with the lower-case `prefix` in any case, without
/// a lower-case copy of it.
pub(crate) fn starts_with_any_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `text` ends with the lower-case `suffix` in any case.
pub(crate) fn ends_with_any_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.as_bytes()[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// The character at byte `i` (a char boundary), ASCII without decoding:
/// the scanners of every stage read text with it, most of it being ASCII.
pub(crate) fn char_at(s: &str, i: usize) -> char {
    match s.as_bytes()[i] {
        b if b < 0x80 => char::from(b),
        _ => s[i..].chars().next().unwrap_or(' '),
    }
}

/// The longest word [`word_key`] packs.
pub(crate) const WORD_KEY_LEN: usize = 16;

/// A word of at most [`WORD_KEY_LEN`] bytes in ASCII lower case, packed into
/// one integer (zero bytes pad it; no word holds one): tables of words are
/// probed with a number, not a string.
pub(crate) fn word_key(w: &[u8]) -> u128 {
    let mut buf = [0u8; WORD_KEY_LEN];
    buf[..w.len()].copy_from_slice(w);
    buf.make_ascii_lowercase();
    u128::from_le_bytes(buf)
}

/// The slot of a byte's letter, either case, in a [`Sieve`] (any other byte
/// shares a slot with some letter: the sieve may let it through, never turn
/// a word away).
fn letter(b: u8) -> usize {
    usize::from(b.to_ascii_lowercase().wrapping_sub(b'a') & 31)
}

/// The shapes of the words of a table, in front of it: by length and first
/// letter, a bit for each last letter some word of that length and first
/// letter has. Most words of a text fail this test and are never
/// lower-cased and hashed.
pub(crate) struct Sieve([[u32; 32]; WORD_KEY_LEN + 1]);

impl Sieve {
    pub(crate) fn new() -> Sieve {
        Sieve([[0; 32]; WORD_KEY_LEN + 1])
    }

    /// Let `w` (at most [`WORD_KEY_LEN`] bytes) through.
    pub(crate) fn add(&mut self, w: &[u8]) {
        self.0[w.len()][letter(w[0])] |= 1 << letter(w[w.len() - 1]);
    }

    /// Whether `w` may be a word of the table (any case).
    pub(crate) fn may_hold(&self, w: &[u8]) -> bool {
        match (w.first(), w.last(), self.0.get(w.len())) {
            (Some(&a), Some(&z), Some(slots)) => slots[letter(a)] & 1 << letter(z) != 0,
            _ => false,
        }
    }
}

/// Dashes and curly quotes become their ASCII forms so rules name one.
fn normalise_punct(c: char) -> char {
    match c {
        '\u{2013}' | '\u{2014}' | '\u{2012}' | '\u{2015}' | '\u{2212}' => '-',
        '\u{201c}' | '\u{201d}' | '\u{201e}' => '"',
        '\u{2018}' | '\u{2019}' => '\'',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Initials are one word with their stops; one initial is not.
    #[test]
    fn initials_are_one_word() {
        let texts = |s| tokens(s).iter().map(|t| t.text).collect::<Vec<_>>();
        assert_eq!(
            texts("1,100 U.S. troops, U.N.-run"),
            vec!["1,100", "U.S.", "troops", ",", "U.N.", "-", "run"]
        );
        assert_eq!(texts("J. Smith"), vec!["J", ".", "Smith"]);
        assert_eq!(texts("A.Bc"), vec!["A", ".", "Bc"]);
    }

    #[test]
    fn words_numbers_and_punctuation() {
        let t = tokens("Al-Hasakah: 1,200 people—killed.");
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            vec!["Al-Hasakah", ":", "1,200", "people", "—", "killed", "."]
        );
        assert_eq!(t[2].kind, Tok::Num(1200, Form::Digits));
        assert_eq!(t[4].kind, Tok::Punct('-'));
    }

    #[test]
    fn letters_are_the_ascii_letters() {
        for b in 0..=255u8 {
            assert_eq!(is_letter(b), b.is_ascii_alphabetic(), "{b}");
        }
    }

    #[test]
    fn any_word_reads_every_run() {
        let mut next = crate::extract::test_walk(7);
        // Short words, and words that run through whole blocks.
        let alphabets: [&[u8]; 2] = [b"ab Z_9-\xc3\xa9.\n", b"abcdefghijklmnopqrstuvwxyzABCDE "];
        for (len, alphabet) in (0..200).flat_map(|len| alphabets.map(|a| (len, a))) {
            let text: Vec<u8> = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            let mut expected = Vec::new();
            let mut i = 0;
            while i < text.len() {
                if !text[i].is_ascii_alphabetic() {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < text.len() && text[i].is_ascii_alphabetic() {
                    i += 1;
                }
                expected.push((start, i));
            }
            let mut found = Vec::new();
            any_word(&text, is_letter, |start, end| {
                found.push((start, end));
                false
            });
            assert_eq!(found, expected);
        }
    }
}

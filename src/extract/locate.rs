//! Locate: a figure's `where` (§5) — the place its sentence ties it to,
//! else the place the story is about (its dateline, then its most mentioned
//! place) — with the gazetteer's country and coordinates.
//!
//! Within a sentence every place is scored: a locative preposition before it
//! ("in Jenin", "near Kuriga") counts most, then how specific it is (a town
//! over a province over a country) and how near it stands to the number; a
//! place that is the speaker ("Ankara said", "Turkey's defence ministry") or
//! the dateline counts against. A capitalised name after a locative
//! preposition that the gazetteer lacks (a village) is a candidate too.

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem;

use foldhash::{HashMap, HashMapExt};

use super::bundled::gazetteer;
use super::date::{MONTHS, WEEKDAYS};
use super::lexicon::FUNCTION;
use super::link::Found;
use super::place::{Mention, Place, PlaceKind};
use super::token::{ascii_in_range, char_at, find_any_case};
use super::Metric;

/// A resolved place.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    /// As the text names it ("Aleppo province", "Jenin").
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// Prepositions that put an event in a place, with their weight.
const LOCATIVE: &[(&str, f64)] = &[
    ("in", 3.0),
    ("at", 3.0),
    ("near", 3.0),
    ("outside", 3.0),
    ("across", 3.0),
    ("inside", 3.0),
    ("into", 3.0),
    ("around", 2.5),
    ("throughout", 3.0),
    ("on", 2.0),
    ("to", 2.0),
    ("from", 0.5),
    ("of", 1.0),
    ("off", 2.0),
    ("for", 1.5),
    ("reached", 2.0),
    ("within", 2.5),
    ("along", 2.5),
    ("fled", 2.5),
];

/// Nouns that, before "of", introduce a place by name: "the town of Maungdaw"
/// (and every administrative unit, [`ADMIN_UNITS`]: "the province of Idlib").
const SETTLEMENTS: &[&str] = &[
    "city",
    "town",
    "village",
    "villages",
    "camp",
    "hamlet",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "port",
    "island",
];

/// Words between a preposition and a place: "in the northern city of Idlib".
const FILLERS: &[&str] = &[
    "the",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northwest",
    "northeast",
    "southwest",
    "southeast",
    "northwestern",
    "northeastern",
    "southwestern",
    "southeastern",
    "city",
    "town",
    "village",
    "villages",
    "district",
    "province",
    "region",
    "state",
    "camp",
    "hamlet",
    "of",
    "besieged",
    "nearby",
    "neighbouring",
    "neighboring",
    "capital",
    "coastal",
    "border",
    "occupied",
    "remote",
    "rural",
    "port",
    "provincial",
    "regional",
    "island",
    "areas",
    "parts",
    "part",
    "town's",
    "city's",
    // "in Malawi's commercial capital Blantyre".
    "commercial",
    "economic",
    "historic",
    "main",
    "largest",
    "biggest",
    "industrial",
    "new",
];

/// Verbs after a place that make it a speaker, not a scene: "Kigali denied".
const SPEAKER: &[&str] = &[
    "said",
    "says",
    "has",
    "have",
    "had",
    "denied",
    "denies",
    "told",
    "announced",
    "claimed",
    "accused",
    "reported",
    "sent",
    "deployed",
    "will",
    "would",
    "is",
    "was",
    // An attacker, not the scene: "Israel pounds Lebanon". (Only forms
    // that are not also plural nouns: "Gaza strikes" is a scene.)
    "pounds",
    "pounded",
    "shelled",
    "bombed",
    "invaded",
    "invades",
    "attacked",
    "struck",
];

/// Capitalised words that follow "in" but are not places.
const NOT_PLACES: &[&str] = &[
    // Words of a headline in title case: "At Least 62 Migrants Dead".
    "least",
    // A sea's head without its name: "the Gulf of Aden" is blocked whole.
    "gulf",
    // Holidays: "on New Year's Day", "Christmas Eve".
    "day",
    "eve",
    "year",
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "this",
    "that",
    "god",
    "parliament",
    "congress",
    "government",
    "state",
    "ministry",
    "army",
    "police",
    "court",
    "english",
    "arabic",
    "french",
    "islam",
    "christianity",
    "christian",
    "muslim",
    "islamic",
    "total",
    "all",
    "addition",
    "response",
    "particular",
    "general",
    "practice",
    "fact",
    "part",
    "recent",
    "one",
    "two",
    "three",
    "many",
    "some",
    "most",
    "late",
    "early",
    "mid",
    "spring",
    "summer",
    "autumn",
    "winter",
    "fall",
    "un",
    "u.n",
    "nato",
    "february",
    // A page's time stamps, no dateline: "Updated - July 02, 2025 09:40 IST".
    "updated",
    "update",
    "published",
    "posted",
    "modified",
    // Named storms: "Severe Tropical Storm Kristine", "Hurricane Beryl".
    "storm",
    "typhoon",
    "hurricane",
    "cyclone",
];

fn specificity(kind: PlaceKind) -> f64 {
    match kind {
        PlaceKind::City => 1.0,
        PlaceKind::Admin1 => 0.6,
        PlaceKind::Region => 0.4,
        PlaceKind::Country => 0.0,
    }
}

/// The weight of the strongest locative preposition governing the place at
/// byte `at`: words are read backwards through fillers ("in the northern
/// city of", "outside of the Syrian town of") up to the first other word.
fn preposition_weight(s: &str, at: usize) -> f64 {
    let head = &s[..at];
    // Nearly always ASCII: its words are then split by byte, where the
    // split by character decoded every character from the end.
    if head.is_ascii() {
        let b = head.as_bytes();
        // `char::is_whitespace` on ASCII (with U+000B), or a comma.
        let sep = |c: u8| c.is_ascii_whitespace() || c == 0x0b || c == b',';
        let mut end = b.len();
        let words = std::iter::from_fn(move || {
            while end > 0 && sep(b[end - 1]) {
                end -= 1;
            }
            if end == 0 {
                return None;
            }
            let mut start = end;
            while start > 0 && !sep(b[start - 1]) {
                start -= 1;
            }
            let w = &head[start..end];
            end = start;
            Some(w)
        });
        weight_of(words)
    } else {
        let words = head
            .split(|c: char| c.is_whitespace() || c == ',')
            .rev()
            .filter(|w| !w.is_empty());
        weight_of(words)
    }
}

/// [`preposition_weight`] over the words before the place, nearest first.
fn weight_of<'a>(words: impl Iterator<Item = &'a str>) -> f64 {
    let mut best: f64 = 0.0;
    let mut after_of = false;
    let mut words = words.take(9).peekable();
    for _ in 0..8 {
        let Some(w) = words.next() else {
            break;
        };
        // Lower case in a stack buffer: this runs for every word before
        // every place considered.
        let mut buf = [0u8; 32];
        let long;
        let lower: &[u8] = match buf.get_mut(..w.len()) {
            Some(b) => {
                for (o, c) in b.iter_mut().zip(w.bytes()) {
                    *o = c.to_ascii_lowercase();
                }
                b
            }
            None => {
                long = w.to_ascii_lowercase();
                long.as_bytes()
            }
        };
        let bits = key_tables(lower);
        // "according to the White House", "due to": a source or a cause, not a place.
        if lower == b"to"
            && words.peek().is_some_and(|p| {
                ["according", "due", "thanks", "owing"]
                    .iter()
                    .any(|c| p.eq_ignore_ascii_case(c))
            })
        {
            return best;
        }
        let locative = (bits & table::LOCATIVE != 0)
            .then(|| LOCATIVE.iter().find(|(p, _)| p.as_bytes() == lower))
            .flatten();
        if let Some((_, weight)) = locative {
            best = best.max(*weight);
            if lower != b"of" {
                return best;
            }
            after_of = true;
            continue;
        }
        // "the village of Borova", "the Black Sea city of Batumi": the
        // settlement noun names what follows "of" as the place itself.
        if after_of && bits & (table::SETTLEMENTS | table::ADMIN_UNITS) != 0 {
            best = best.max(3.0);
        }
        after_of = false;
        // "in Syrian Idlib", "in Sagaing's Myinmu township": a demonym or a
        // possessive place between the preposition and the place.
        let demonym = w.chars().next().is_some_and(char::is_uppercase)
            && ["ian", "ean", "ese", "ish", "i", "an", "'s", "\u{2019}s"]
                .iter()
                .any(|e| lower.ends_with(e.as_bytes()));
        if !(bits & table::FILLERS != 0 || demonym) {
            return best;
        }
    }
    best
}

/// Nouns that make a possessive place a speaker: "Turkey's defence ministry".
const INSTITUTIONS: &[&str] = &[
    "ministry",
    "government",
    "army",
    "military",
    "president",
    "foreign",
    "defence",
    "defense",
    "health",
    "officials",
    "police",
    "agency",
    "authorities",
    "forces",
    "leader",
    "prime",
    "national",
    "interior",
    "disaster",
    "state",
    "top",
    "chief",
    "civil",
    "emergency",
    "prosecutor",
    "ambassador",
    "envoy",
    "embassy",
    "spokesman",
    "spokeswoman",
];

/// Whether the place is a speaker: "Ankara said", "Turkey's defence ministry"
/// (but "Malawi's outbreak" and "Turkey's death toll" are scenes).
fn is_speaker(s: &str, end: usize) -> bool {
    let rest = &s[end..];
    // The next word, compared without a lower-case copy (the tables are in
    // lower case).
    fn word(r: &str) -> &str {
        r.split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphabetic())
    }
    if let Some(after) = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("\u{2019}s"))
    {
        return in_table(INSTITUTIONS, word(after));
    }
    // "Kigali now has", "Moscow also denied".
    let mut rest = rest;
    for _ in 0..2 {
        if !in_table(SPEAKER_ADVERBS, word(rest)) {
            break;
        }
        let skip = rest.trim_start();
        rest = skip.find(char::is_whitespace).map_or("", |i| &skip[i..]);
    }
    in_table(SPEAKER, word(rest))
}

/// Adverbs between a speaker and its verb: "Kigali now has".
const SPEAKER_ADVERBS: &[&str] = &[
    "now",
    "also",
    "still",
    "already",
    "reportedly",
    "later",
    "then",
];

/// Words of organisations' names: "the Red Cross", "Operation Barkhane", "Human Rights".
const ORGANISATIONS: &[&str] = &[
    "bureau",
    "corps",
    "directorate",
    "authority",
    "army",
    "forces",
    "cross",
    "crescent",
    "rights",
    "ministry",
    "council",
    "committee",
    "agency",
    "organization",
    "organisation",
    "programme",
    "program",
    "party",
    "front",
    "movement",
    "union",
    "nations",
    "court",
    "office",
    "service",
    "services",
    "group",
    "guard",
    "police",
    "operation",
    "fund",
    "bank",
    "news",
    "times",
    "post",
    "press",
    "wire",
    "desk",
    "international",
    "watch",
    "ministries",
    "foundation",
    "institute",
    "university",
    "school",
    "hospital",
    "church",
    "mosque",
    "airlines",
    "company",
    "corporation",
    "brigade",
    "battalion",
    "division",
    "command",
    "centre",
    "center",
    "network",
    "commission",
    "federation",
];

/// Nouns after a name that make it a place: "the Balukhali camp", "Gidan
/// Bakuso village" (and every administrative unit, [`ADMIN_UNITS`]).
const PLACE_NOUNS: &[&str] = &[
    "camp",
    "village",
    "town",
    "border",
    "crossing",
    "settlement",
    "hamlet",
    "area",
    "island",
    "valley",
    "mine",
    "neighbourhood",
    "neighborhood",
    "canyon",
    "airbase",
    "complex",
    "site",
    // Land the name covers: "the Cal Miskaad mountains", "the Howeid desert".
    "mountains",
    "hills",
    "desert",
    "forest",
];

/// Adverbs that can follow a place without making it a modifier: "killed
/// in Carrefour-Feuilles overnight".
const ADVERBS: &[&str] = &[
    "overnight",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "again",
    "itself",
    "late",
    "early",
    "last",
    "this",
    "once",
    "too",
];

/// Words between a name and its place noun: "the Nur Shams refugee camp".
const PLACE_MODIFIERS: &[&str] = &[
    "refugee",
    "displacement",
    "idp",
    "displaced",
    "transit",
    "border",
    "mining",
    "gold",
    "fishing",
    "farming",
    "market",
    "health",
];

/// Nouns after a name kept in `where`: "Micay canyon", "Saint Martin's Island"
/// (and every administrative unit: "Est region", "Loi Mamund tehsil").
const KEPT_SUFFIXES: &[&str] = &["canyon", "island", "hospital"];

/// Words that make a capitalised name a building people are held, treated
/// or killed in, which is a place although its name reads like an
/// organisation's: "Kenyatta National Hospital", "the Hospital Escuela",
/// "the Jinnah Postgraduate Medical Centre" ("medical" for the centres and
/// colleges that are hospitals).
const FACILITIES: &[&str] = &[
    "hospital",
    "clinic",
    "infirmary",
    "medical",
    "hotel",
    "prison",
    "penitentiary",
    "morgue",
];

/// Words of a facility's name that name no one facility: "the General
/// Hospital", "the Central Hospital".
const GENERIC_FACILITY: &[&str] = &[
    "central",
    "district",
    "referral",
    "teaching",
    "military",
    "civil",
    "national",
    "public",
    "postgraduate",
    "university",
];

/// Irregular past tenses that can follow a place as its verb: "the toll in
/// Tamara rose", where a lower-case word after a name otherwise reads as
/// the noun it modifies ("the Telegram messaging app"; regular verbs end
/// in "-ed").
const PAST_VERBS: &[&str] = &[
    "rose", "fell", "grew", "stood", "came", "went", "hit", "left", "took", "began", "broke",
    "held", "kept", "saw", "lay", "ran", "spread", "struck", "sank", "swept", "shot", "fled",
];

/// Nouns a place name can modify without being the scene: "the Israel-Hamas war", "the Astana agreement".
const MODIFIED: &[&str] = &[
    "agreement",
    "talks",
    "process",
    "accord",
    "accords",
    "deal",
    "war",
    "government",
    "forces",
    "army",
    "military",
    "troops",
    "officials",
    "authorities",
    "ministry",
    "president",
    "leader",
    "regime",
    "embassy",
    "summit",
    "format",
    "declaration",
    "memorandum",
    "border",
    // A clock's zone: "as of 10:00 Moscow time".
    "time",
];

/// Whether the place modifies what follows: "Israel-Hamas war", "Astana agreement".
fn is_modifier(s: &str, end: usize) -> bool {
    let rest = &s[end..];
    if rest.starts_with('-') && rest[1..].chars().next().is_some_and(char::is_alphabetic) {
        return true;
    }
    let next = rest
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphabetic());
    MODIFIED.contains(&next)
}

/// A gazetteer place named as the text has it.
fn at_place(name: String, p: &Place) -> Located {
    Located {
        name,
        country: Some(p.country.clone()),
        lat: Some(p.lat),
        lon: Some(p.lon),
    }
}

fn located(text: &str, m: &Mention) -> Located {
    let g = gazetteer();
    let p = g.place(m.place);
    let surface = text[m.start..m.end].trim();
    let surface = surface.strip_prefix("the ").unwrap_or(surface);
    // A dateline in capitals ("EL FASHER") reads better in title case;
    // initials ("U.S.") are written so.
    let shouting = surface
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && surface.len() > 3
        && !surface.contains('.');
    let name = if shouting {
        title_case(surface)
    } else {
        surface.to_string()
    };
    at_place(name, p)
}

/// A place named on its own, as a table row names it ("Lao Cai"): the
/// gazetteer's place if it knows the whole name, else the name as written.
pub fn name_place(name: &str) -> Located {
    let name = name.trim();
    let g = gazetteer();
    match g.mentions(name).first() {
        Some(m) if m.start == 0 && m.end == name.len() && !m.demonym => located(name, m),
        _ => Located {
            name: name.to_string(),
            country: None,
            lat: None,
            lon: None,
        },
    }
}

/// A dateline in one of the first lines: "KRYVYI RIH, Ukraine, 6 April 2025 (Wire) —".
/// Returns (start of the line, start of the dash): the place words lie between.
pub fn dateline(text: &str) -> Option<(usize, usize)> {
    let mut start = 0;
    // Below a headline, a byline and a date line: the first ten lines with
    // text (blank lines between paragraphs do not count), up to 1,000 bytes.
    let mut lines = 0;
    // The lines as `split('\n')` gives them, found by `memchr` (the
    // standard library's search for a character cost a third of this).
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    for end in ends {
        if start > 1000 || lines == 10 {
            break;
        }
        let line = &text[start..end];
        if !line.trim().is_empty() {
            lines += 1;
        }
        let head = &line[..line.floor_char_boundary(line.len().min(200))];
        let first = head.split([',', ' ', '(']).next().unwrap_or("");
        let letters = first.chars().any(char::is_alphabetic);
        let caps = first.len() >= 3
            && letters
            && first
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_uppercase());
        // "Nuseirat (Palestinian Territories) (AFP) –": a capitalised place, then an agency in brackets.
        // "Quito, Ecuador, Mar 28 (EFE).- ": the agency's bracket closes
        // on a full stop and a hyphen, the Spanish-language wires' dash.
        let open = memchr::memchr(b'(', head.as_bytes()).unwrap_or(head.len());
        let stop_dash = memchr::memchr(b')', head.as_bytes()).and_then(|_| head.find(").- "));
        let agency = open < head.len()
            && first.chars().next().is_some_and(char::is_uppercase)
            && head
                .find(") ")
                .or(stop_dash)
                .is_some_and(|i| i < 80 && i > open)
            && !head[..open].contains(". ");
        // "Sawla - The death toll ...": a name of up to three capitalised
        // words, a spaced hyphen or dash, and the story's first sentence
        // (but not "Update - ", "Reuters - ": no word of the name may be a
        // known non-place).
        let titled = || {
            // The dash stands within 40 bytes: only they are searched.
            let near = &head[..head.floor_char_boundary(46)];
            // Most lines have no capital then dash there: two byte tests first.
            if !near.starts_with(char::is_uppercase)
                || memchr::memchr2(b'-', 0xE2, near.as_bytes()).is_none()
            {
                return false;
            }
            let d = [" - ", " \u{2014} ", " \u{2013} "]
                .iter()
                .filter_map(|p| near.find(p))
                .min()
                .filter(|&d| d > 0 && d <= 40);
            d.is_some_and(|d| {
                let name = &head[..d];
                let n = name.split_whitespace().count();
                let after = head[d + 1..].trim_start_matches(['-', '\u{2014}', '\u{2013}', ' ']);
                (1..=3).contains(&n)
                    && name.split_whitespace().all(|w| {
                        w.starts_with(char::is_uppercase)
                            && w.chars()
                                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                            && !in_tables(
                                w,
                                table::NOT_PLACES | table::ORGANISATIONS | table::DATE_WORDS,
                            )
                    })
                    && after.starts_with(char::is_uppercase)
            })
        };
        // "July 1, 2025 (00:20) — Sudan Tribune": a time stamp with its
        // outlet, not a place with its agency.
        let dated = || in_tables(first, table::DATE_WORDS);
        if (caps || agency || titled()) && !dated() {
            let dash = head
                .find(['\u{2014}', '\u{2013}'])
                .or_else(|| head.find(" - "))
                .or(stop_dash.map(|i| i + 2));
            // A dateline is names, a date and an agency; a caption in
            // capitals runs on in prose ("FLOODED CITY Rescuers in rubber
            // boats ferry residents ... —PHOTO COURTESY").
            let prose = |d: usize| {
                head[..d]
                    .split_whitespace()
                    .filter(|w| w.starts_with(char::is_lowercase))
                    .count()
                    > 2
            };
            // "UNHCR Regional Flash Update #7: Lebanon–Syria": a title, its
            // dash inside a compound name.
            let titled_line = |d: usize| head[..d].contains([':', '#']);
            if let Some(dash) = dash.filter(|&d| !prose(d) && !titled_line(d)) {
                return Some((start, start + dash));
            }
        }
        start = end + 1;
    }
    None
}

/// Title case for a dateline written in capitals: "EL FASHER" → "El Fasher".
fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// How much of a story's start is read for its place: the lead says what a story
/// is about, and reading only it keeps long documents cheap.
const LEAD_BYTES: usize = 2500;

/// The place a story is about (§5): the place its headline puts it in,
/// unless that place holds the dateline's ("Benin" over "COTONOU", "Gaza"
/// over "NUSEIRAT": the dateline is the more specific); else its dateline's
/// place; else its most mentioned place. A headline's town beats a filing
/// town elsewhere: "Bahía Blanca flood toll rises" under "BUENOS AIRES" is
/// about Bahía Blanca.
/// `dateline` is [`dateline`]`(text)`, which the caller has already found.
pub fn story_place(
    text: &str,
    title: Option<&str>,
    sentences: &Sentences,
    dateline: Option<(usize, usize)>,
) -> Option<Located> {
    // A headline's place is its topic even as an owner ("Gaza's Health Ministry says …").
    let headline = title
        .and_then(|t| in_sentence(t, &Found::at(0), None, 0, false))
        .filter(|(v, _)| *v > -3.0)
        .map(|(_, l)| l);
    let filed = dateline.and_then(|d| dateline_place(text, sentences, d));
    match (headline, filed) {
        (Some(h), Some(d)) if !holds(&h, &d) => Some(h),
        (_, Some(d)) => Some(d),
        (Some(h), None) => Some(h),
        (None, None) => {
            let lead: Vec<Mention> = sentences.lead(LEAD_BYTES).filter(|m| !m.demonym).collect();
            most_mentioned(&lead, 0).map(|(_, m)| located(text, m))
        }
    }
}

/// Whether the place `outer` (a headline's) holds `inner` (a dateline's):
/// the same name, or a country, first-level unit or region of the same
/// country. A headline's town holds no other.
fn holds(outer: &Located, inner: &Located) -> bool {
    if outer.name.eq_ignore_ascii_case(&inner.name) {
        return true;
    }
    let Some(kind) = gazetteer().lookup(&outer.name).map(|p| p.kind) else {
        return true;
    };
    kind != PlaceKind::City && outer.country.is_some() && outer.country == inner.country
}

/// The story's place by its dateline `(line, dash)`: the dateline's town
/// when the story names it again, else the lead's most mentioned place;
/// none when the dateline has no words.
fn dateline_place(
    text: &str,
    sentences: &Sentences,
    (line, dash): (usize, usize),
) -> Option<Located> {
    let g = gazetteer();
    // The lead's places: the dateline's town is checked against them.
    let mentions: Vec<Mention> = sentences.lead(LEAD_BYTES).filter(|m| !m.demonym).collect();
    let words_end = text[line..dash].find([',', '(']).map_or(dash, |i| line + i);
    let words = text[line..words_end].trim();
    let most = most_mentioned(&mentions, dash);
    if let Some(m) = mentions.iter().find(|m| m.start >= line && m.end <= dash) {
        // "BENI, Congo": the country the dateline names picks the town.
        let named_country = mentions.iter().find(|o| {
            o.start > m.end && o.end <= dash && g.place(o.place).kind == PlaceKind::Country
        });
        let mut m = *m;
        if let Some(c) = named_country.map(|o| &g.place(o.place).country) {
            if g.place(m.place).country != *c {
                if let Some(i) = g.lookup_index_in(&text[m.start..m.end], c) {
                    m.place = i;
                }
            }
        }
        let m = &m;
        // A filing town the story never names again ("DUBAI" over a story on Zamzam) is not its place.
        let name = &text[m.start..m.end];
        let again = mentions.iter().any(|o| {
            o.start > dash
                && (o.place == m.place || text[o.start..o.end].eq_ignore_ascii_case(name))
        });
        if m.start == line && (again || most.is_none_or(|(n, _)| n < 2)) {
            return Some(located(text, m));
        }
        if m.start == line {
            if let Some((_, o)) = most {
                return Some(located(text, o));
            }
        }
        // The dateline's town is unknown to the gazetteer; its country is the next name.
        let p = g.place(m.place);
        return Some(Located {
            name: title_case(words),
            country: Some(p.country.clone()),
            lat: None,
            lon: None,
        });
    }
    if !words.is_empty() {
        return Some(Located {
            name: title_case(words),
            country: None,
            lat: None,
            lon: None,
        });
    }
    None
}

/// The most mentioned place after byte `from`, with its count (ties: the first).
fn most_mentioned(mentions: &[Mention], from: usize) -> Option<(usize, &Mention)> {
    let mut counts: HashMap<usize, (usize, usize)> = HashMap::new();
    for (k, m) in mentions.iter().enumerate().filter(|(_, m)| m.start >= from) {
        counts.entry(m.place).or_insert((0, k)).0 += 1;
    }
    let best = counts
        .values()
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))?;
    Some((best.0, &mentions[best.1]))
}

/// Capitalised names the gazetteer does not know (villages, camps) that the
/// sentence uses as places: after a locative preposition ("near Kuriga",
/// "the town of Maungdaw") or before a place noun ("the Balukhali camp").
fn unknown_places(
    s: &str,
    lower: &str,
    known: &[Mention],
    scratch: &mut WordScratch,
) -> Vec<(usize, usize)> {
    let WordScratch { words, looked, .. } = scratch;
    word_spans(s, words);
    let words = &*words;
    // The word without its possessive (`strip_suffix` in loops: a `&str`
    // pattern in `trim_end_matches` builds a searcher on every call).
    let text = |w: (usize, usize)| {
        let mut t = &s[w.0..w.1];
        // Most words do not end in "s": nothing to strip.
        if !t.ends_with('s') {
            return t;
        }
        while let Some(r) = t.strip_suffix("'s") {
            t = r;
        }
        while let Some(r) = t.strip_suffix("\u{2019}s") {
            t = r;
        }
        t
    };
    // A capitalised word: three letters at least alone, two inside a longer
    // name ("Lin Ta Lu", "El Plateado").
    // (Stripping possessives leaves the first character, or nothing of a
    // word that starts with an apostrophe: the word's own first character
    // answers.)
    let initial = |w: (usize, usize)| match s.as_bytes()[w.0] {
        b if b < 0x80 => b.is_ascii_uppercase(),
        _ => s[w.0..].chars().next().is_some_and(char::is_uppercase),
    };
    let capital = |w: (usize, usize)| initial(w) && text(w).len() >= 3;
    let possessive = |w: (usize, usize)| {
        let t = &s[w.0..w.1];
        t.ends_with("'s") || t.ends_with("\u{2019}s")
    };
    // Words are looked up in `lower` (`s` in ASCII lower case) without an
    // allocation per word.
    let ltext = |w: (usize, usize)| {
        let t = text(w);
        &lower[w.0..w.0 + t.len()]
    };
    // The tables holding each word (without its possessive), looked up
    // once: the rules below ask about the same words many times.
    looked.clear();
    looked.resize(words.len(), std::cell::Cell::new(u32::MAX));
    let looked = &*looked;
    let tables = |j: usize| {
        let c = &looked[j];
        if c.get() == u32::MAX {
            c.set(tables_of(ltext(words[j])));
        }
        c.get()
    };
    let in_word = |j: usize, mask: u32| tables(j) & mask != 0;
    let excluded = |j: usize| {
        in_word(
            j,
            table::NOT_PLACES | table::ORGANISATIONS | table::DATE_WORDS,
        )
    };
    let mut out = Vec::new();
    let mut k = 1; // never the sentence's first word
    while k < words.len() {
        // Most words start in lower case or with a digit: no name starts there.
        let lead = s.as_bytes()[words[k].0];
        if lead.is_ascii_lowercase() || lead.is_ascii_digit() {
            k += 1;
            continue;
        }
        let two_letter_lead = initial(words[k])
            && text(words[k]).len() == 2
            && words.get(k + 1).is_some_and(|&w| capital(w))
            && s[words[k].1..words[k + 1].0].trim().is_empty();
        // "Union Island": a place noun after an organisation's word makes a place.
        let before_noun = || {
            words.get(k + 1).is_some_and(|&w| {
                initial(w) && in_word(k + 1, table::PLACE_NOUNS | table::ADMIN_UNITS)
            })
        };
        // "the Hospital Escuela": a facility's noun heads its name.
        let facility_head = || {
            in_word(k, table::FACILITIES)
                && words
                    .get(k + 1)
                    .is_some_and(|&w| capital(w) && s[words[k].1..w.0].trim().is_empty())
        };
        if !(capital(words[k]) || two_letter_lead)
            || (excluded(k) && !before_noun() && !facility_head())
        {
            k += 1;
            continue;
        }
        // "Myanmar's Sagaing Region", "Sagaing's Myinmu township": the place
        // is what the possessive owns.
        if possessive(words[k])
            && words.get(k + 1).is_some_and(|&w| initial(w))
            && s[words[k].1..words[k + 1].0].trim().is_empty()
        {
            k += 1;
            continue;
        }
        let mut last = k;
        let joined = |a: usize, b: usize| s[words[a].1..words[b].0].trim().is_empty();
        loop {
            if last + 1 >= words.len() || last - k >= 3 || possessive(words[last]) {
                break;
            }
            if initial(words[last + 1])
                && text(words[last + 1]).len() >= 2
                && joined(last, last + 1)
            {
                last += 1;
                continue;
            }
            // A particle inside a name: "Steccato di Cutro", "Mocimboa da Praia"
            // (looked up only before a capitalised word).
            if words.get(last + 2).is_some_and(|&w| capital(w))
                && in_word(last + 1, table::NAME_PARTICLES)
                && joined(last, last + 1)
                && joined(last + 1, last + 2)
            {
                last += 2;
                continue;
            }
            break;
        }
        let run = (words[k].0, words[last].0 + text(words[last]).len());
        // Each test below rules the run out and is pure: they are asked
        // cheapest first and none after the first that holds, where all of
        // them were asked of every capitalised run.
        let overlaps = || {
            known.iter().any(|m| {
                m.start <= run.0 && run.1 <= m.end
                    || (m.start < run.1 && run.0 < m.end && m.end - m.start >= run.1 - run.0)
            })
        };
        let is_noun = |j: usize| {
            in_word(
                j,
                table::PLACE_NOUNS | table::SETTLEMENTS | table::ADMIN_UNITS,
            )
        };
        let noun_only = || (k..=last).all(is_noun);
        // A facility's name ("Kenyatta National Hospital"), two words at
        // least, one of them a name: "Hospital" alone or "the General
        // Hospital" is no name.
        let facility = last > k
            && (k..=last).any(|j| in_word(j, table::FACILITIES))
            && (k..=last).any(|j| {
                !in_word(
                    j,
                    table::FACILITIES | table::NOT_PLACES | table::ORGANISATIONS | table::FILLERS,
                ) && !in_table(GENERIC_FACILITY, ltext(words[j]))
            });
        // "Union Island" is a place even though "Union" names organisations;
        // "the Island" alone is no name.
        let org = || {
            let named_place = last > k && is_noun(last) || facility;
            !named_place && (k..=last).any(excluded)
        };
        // "the Andean town", "the Sahelian village": an adjective of a
        // region before a place noun, not the place's name.
        let adjective = || {
            let t = ltext(words[k]);
            k == last && t.len() >= 6 && (t.ends_with("ean") || t.ends_with("ian"))
        };
        // "the International Organization for Migration": the tail of a longer name.
        // Not after a date or a known place: "fled Mambasa on Friday for
        // Komanda", "sent from Antigua to Union Island".
        // The sentence's first word is capitalised by position, not as a name
        // ("Residents of El Plateado"), unless it names an organisation.
        // An article may stand in the link: "the Office for the
        // Coordination of Humanitarian Affairs".
        let tail_of_name = || {
            let article = k >= 3 && ltext(words[k - 1]) == "the";
            let head = if article { k - 1 } else { k };
            head >= 2 && capital(words[head - 2]) && {
                let link = &lower[words[head - 1].0..words[head - 1].1];
                let date = in_word(head - 2, table::DATE_WORDS);
                let place = known
                    .iter()
                    .any(|m| m.start <= words[head - 2].0 && words[head - 2].1 <= m.end);
                let first = head == 2 && !in_word(head - 2, table::ORGANISATIONS);
                ["of", "and", "for", "on", "de", "du", "des"].contains(&link)
                    && !date
                    && !place
                    && !first
            }
        };
        // "from State House": the tail of a name whose head is no place.
        // (An article before the name is no such head: "The Balukhali camp".)
        let after_excluded = || {
            k >= 1
                && capital(words[k - 1])
                && joined(k - 1, k)
                && excluded(k - 1)
                && !["the", "a", "an"].contains(&ltext(words[k - 1]))
        };
        // "the Balochistan Liberation Army (BLA)": a name's abbreviation.
        let abbreviation =
            || k >= 1 && capital(words[k - 1]) && s[words[k - 1].1..run.0].trim() == "(";
        if overlaps()
            || noun_only()
            || org()
            || adjective()
            || abbreviation()
            || after_excluded()
            || tail_of_name()
        {
            k = last + 1;
            continue;
        }
        let next = words.get(last + 1).map(|&w| &lower[w.0..w.1]);
        // The tables of the next word, whole (with any possessive), looked
        // up once for the four questions asked of it.
        let next_tables = next.map_or(0, tables_of);
        let after_next = words.get(last + 2).map(|&w| &lower[w.0..w.1]);
        // "the Abu Shouk displacement camp", "the Nur Shams refugee camp".
        let compound =
            next_tables & table::PLACE_MODIFIERS != 0 && after_next.is_some_and(is_place_noun);
        // (A facility's noun too: "the Gabriel Toure hospital".)
        let place_noun = compound
            || next_tables & (table::PLACE_NOUNS | table::ADMIN_UNITS | table::FACILITIES) != 0;
        // "the Telegram messaging app": a name used as a modifier.
        let modifies = next.is_some_and(|n| {
            n.chars().all(char::is_lowercase)
                && !place_noun
                && !n.ends_with("ed")
                && !in_table(PAST_VERBS, n)
                && next_tables
                    & (table::FUNCTION | table::ADVERBS | table::FILLERS | table::LOCATIVE)
                    == 0
                && words
                    .get(last + 1)
                    .is_some_and(|w| s[run.1..w.0].trim().is_empty())
        });
        // "the Defense and Interior ministries": the first of two names
        // that share an organisation's noun.
        let shares_noun = || {
            next.is_some_and(|n| n == "and" || n == "or")
                && words.get(last + 2).is_some_and(|&w| capital(w))
                && words.get(last + 3).is_some_and(|&w| {
                    s.as_bytes()[w.0].is_ascii_lowercase()
                        && in_word(last + 3, table::ORGANISATIONS)
                })
        };
        if !modifies
            && (place_noun || facility || preposition_weight(s, run.0) > 0.0)
            && !shares_noun()
        {
            let end = if next_tables & (table::KEPT_SUFFIXES | table::ADMIN_UNITS) != 0 {
                words[last + 1].1
            } else if compound && after_next.is_some_and(|w| in_tables(w, table::ADMIN_UNITS)) {
                // "Bulape health zone": a unit's modifier and noun are both kept.
                words[last + 2].1
            } else {
                run.1
            };
            out.push((run.0, end));
        }
        k = last + 1;
    }
    out
}

/// A byte of a word: an ASCII letter, digit, hyphen or apostrophe.
const WORD: u8 = 1;
/// Any other ASCII byte.
const NOT_WORD: u8 = 0;
/// A byte of a longer character, which is read as a character.
const LONGER: u8 = 2;
/// What each byte is to [`word_spans`]. A table: it is asked of every byte
/// of a sentence.
const WORD_BYTES: [u8; 256] = {
    let mut t = [LONGER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() || c == b'-' || c == b'\'' {
            WORD
        } else {
            NOT_WORD
        };
        b += 1;
    }
    t
};

/// The words of `s`, as byte spans: runs of letters, digits, hyphens and
/// apostrophes.
fn word_spans(s: &str, words: &mut Vec<(usize, usize)>) {
    let bytes = s.as_bytes();
    // Room for words of four bytes and a space: growing the vector one
    // push at a time was an eighth of the name scan.
    words.clear();
    words.reserve(s.len() / 5 + 4);
    let mut i = 0;
    while i < bytes.len() {
        // ASCII characters (nearly all) are read by byte.
        if WORD_BYTES[bytes[i] as usize] == NOT_WORD {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() {
            match WORD_BYTES[bytes[i] as usize] {
                WORD => i += 1,
                NOT_WORD => break,
                _ => {
                    let c = char_at(s, i);
                    if !(c.is_alphanumeric() || c == '\u{2019}') {
                        break;
                    }
                    i += c.len_utf8();
                }
            }
        }
        if i > start {
            words.push((start, i));
        } else {
            i += char_at(s, i).len_utf8();
        }
    }
}

/// Lower-case words inside place names: "Steccato di Cutro", "Rio Grande do Sul".
const NAME_PARTICLES: &[&str] = &[
    "di", "de", "da", "do", "dos", "das", "del", "della", "du", "la", "le", "al", "el", "van",
    "von",
];

/// Phrases that point back to a place named before: "in the area".
const ANAPHORA: &[&str] = &[
    "in the area",
    "in the region",
    "in the city",
    "in the town",
    "in the province",
    "in the village",
    "in the camp",
    "in the district",
    "there",
    "across the state",
    "in the state",
    "across the province",
    "across the region",
    "across the city",
    "in the capital",
    "at the site",
    "across the district",
    "across the oblast",
    "in the oblast",
    "from the camp",
    "at the camp",
    "on the camp",
    "in the canyon",
];

/// Phrases that spread a count over the story's country ("in the country"
/// is left out: "accused of being in the country illegally").
const COUNTRY_ANAPHORA: &[&str] = &[
    "across the country",
    "nationwide",
    "countrywide",
    "across the nation",
    "throughout the country",
];

/// Words one of which every phrase of [`ANAPHORA`] and [`COUNTRY_ANAPHORA`]
/// holds: a byte search finds them, and the phrases are compared only
/// around them, where an automaton over all the phrases read every byte of
/// every sentence (3% of a run).
const ANCHORS: [&str; 2] = ["the", "wide"];

/// A phrase's index in [`ANAPHORA`] then [`COUNTRY_ANAPHORA`], its anchor's
/// offset in it, and the phrase.
type Anchored = (usize, usize, &'static str);

/// The bucket of [`ANCHORED`] for phrases that end before the byte that
/// picks a bucket.
const UNKEYED: usize = 256;

/// For each of [`ANCHORS`], the phrases whose first anchor it is, in
/// buckets by their byte two past the anchor ("the area": `a`, "there":
/// `e`), or in [`UNKEYED`]: at an anchor found in the text, only the
/// phrases of the text's byte there are compared, where all of them were
/// (a sentence holds several "the").
static ANCHORED: LazyLock<[Vec<Vec<Anchored>>; 2]> = LazyLock::new(|| {
    let mut by_anchor = [vec![Vec::new(); UNKEYED + 1], vec![Vec::new(); UNKEYED + 1]];
    for (k, p) in ANAPHORA.iter().chain(COUNTRY_ANAPHORA).enumerate() {
        let (a, o) = ANCHORS
            .iter()
            .enumerate()
            .find_map(|(a, w)| Some((a, p.find(w)?)))
            .expect("every anaphor phrase holds an anchor");
        let key = p
            .as_bytes()
            .get(o + ANCHORS[a].len() + 1)
            .map_or(UNKEYED, |&c| usize::from(c));
        by_anchor[a][key].push((k, o, *p));
    }
    by_anchor
});

/// The anchors' searchers, built once.
static ANCHOR_FINDERS: LazyLock<[memmem::Finder<'static>; 2]> =
    LazyLock::new(|| ANCHORS.map(memmem::Finder::new));

/// The phrases (indices into [`ANAPHORA`] then [`COUNTRY_ANAPHORA`]) that
/// `lower`, a sentence in ASCII lower case, holds as substrings.
fn anaphors(lower: &str) -> impl Iterator<Item = usize> + '_ {
    let b = lower.as_bytes();
    ANCHOR_FINDERS
        .iter()
        .zip(ANCHORED.iter())
        .zip(ANCHORS)
        .flat_map(move |((f, buckets), anchor)| {
            f.find_iter(b).map(move |at| (at, buckets, anchor.len()))
        })
        .flat_map(move |(at, buckets, len)| {
            let keyed: &[Anchored] = b
                .get(at + len + 1)
                .map_or(&[], |&c| &buckets[usize::from(c)]);
            keyed
                .iter()
                .chain(&buckets[UNKEYED])
                .filter_map(move |&(k, o, p)| {
                    // The first byte alone rules out nearly every phrase.
                    let from = at.checked_sub(o)?;
                    (b[from] == p.as_bytes()[0] && b[from..].starts_with(p.as_bytes())).then_some(k)
                })
        })
}

/// A scored place: its score, whether a locative preposition governs it,
/// and where it stands. Its [`Located`] (names and country, allocated) is
/// built for the winner only.
type Candidate<'n> = (f64, bool, Spot<'n>);

/// A place named in a sentence: one the gazetteer knows, or a capitalised
/// name it lacks (its byte span).
#[derive(Clone, Copy)]
enum Spot<'n> {
    Known(&'n Mention),
    Unknown(usize, usize),
}

impl Spot<'_> {
    /// The place as a figure's `where`; an unknown name takes `country`.
    fn located(self, s: &str, country: Option<&str>) -> Located {
        match self {
            Spot::Known(m) => located(s, m),
            Spot::Unknown(start, end) => Located {
                name: s[start..end].to_string(),
                country: country.map(str::to_string),
                lat: None,
                lon: None,
            },
        }
    }
}

/// The buffers of one [`Names::with`] call: the sentence in lower case, its
/// words and the tables each word is in.
#[derive(Default)]
struct WordScratch {
    lower: String,
    words: Vec<(usize, usize)>,
    looked: Vec<std::cell::Cell<u32>>,
}

thread_local! {
    /// Each thread's [`WordScratch`], reused: a call per sentence allocated
    /// three buffers and freed them again.
    static WORD_SCRATCH: std::cell::RefCell<WordScratch> =
        std::cell::RefCell::new(WordScratch::default());
}

/// The names of places in one sentence, found once for all its figures.
pub struct Names {
    all: Vec<Mention>,
    unknowns: Vec<(usize, usize)>,
    /// The phrases pointing back, found on first use: they are read only
    /// for a figure no located place wins, where they were searched for
    /// in every sentence.
    anaphors: OnceCell<Anaphors>,
}

/// The phrases of a sentence that point back to a place named before.
#[derive(Clone, Copy)]
struct Anaphors {
    /// "in the area", "there": the first phrase of [`ANAPHORA`] held.
    anaphora: bool,
    /// The anaphor's noun ("camp" in "from the camp"), to find its antecedent.
    noun: Option<&'static str>,
    /// "across the country", "nationwide": the story's country.
    country: bool,
}

impl Anaphors {
    /// The phrases of `s`.
    fn of(s: &str) -> Anaphors {
        WORD_SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut scratch) => Anaphors::with_lower(s, &mut scratch.lower),
            Err(_) => Anaphors::with_lower(s, &mut String::new()),
        })
    }

    /// [`Anaphors::of`] with a buffer for the sentence in lower case.
    fn with_lower(s: &str, lower: &mut String) -> Anaphors {
        lower.clear();
        lower.push_str(s);
        lower.make_ascii_lowercase();
        // Which phrases occur; the first of the table wins.
        let mut first = usize::MAX;
        let mut country = false;
        for k in anaphors(lower) {
            if k < ANAPHORA.len() {
                first = first.min(k);
            } else {
                country = true;
            }
        }
        let anaphor = ANAPHORA.get(first);
        Anaphors {
            anaphora: anaphor.is_some(),
            noun: anaphor
                .and_then(|a| a.rsplit(' ').next())
                .filter(|n| is_place_noun(n) || is_settlement(n)),
            country,
        }
    }
}

/// The gazetteer's place mentions in each sentence of one document, each
/// sentence scanned once however often it is asked: the story's lead, a
/// figure's own sentence and an anaphor's look back share the scans.
pub struct Sentences<'t> {
    text: &'t str,
    spans: &'t [Range<usize>],
    mentions: Vec<OnceCell<Vec<Mention>>>,
    names: Vec<OnceCell<Names>>,
}

impl<'t> Sentences<'t> {
    /// The sentences `spans` of `text`; nothing is scanned yet.
    pub fn new(text: &'t str, spans: &'t [Range<usize>]) -> Self {
        Sentences {
            text,
            spans,
            mentions: spans.iter().map(|_| OnceCell::new()).collect(),
            names: spans.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    /// Sentence `n`'s text.
    pub fn text(&self, n: usize) -> &'t str {
        &self.text[self.spans[n].clone()]
    }

    /// The mentions of sentence `n`, offsets within the sentence.
    pub fn mentions(&self, n: usize) -> &[Mention] {
        self.mentions[n].get_or_init(|| gazetteer().mentions(self.text(n)))
    }

    /// The names of sentence `n`, with the places the gazetteer lacks.
    pub fn names(&self, n: usize) -> &Names {
        self.names[n].get_or_init(|| Names::with(self.text(n), self.mentions(n).to_vec(), true))
    }

    /// The mentions that lie within the first `limit` bytes of the text,
    /// offsets within the text.
    fn lead(&self, limit: usize) -> impl Iterator<Item = Mention> + '_ {
        self.spans
            .iter()
            .enumerate()
            .take_while(move |(_, r)| r.start < limit)
            .flat_map(move |(n, r)| {
                self.mentions(n).iter().map(move |m| Mention {
                    start: m.start + r.start,
                    end: m.end + r.start,
                    ..*m
                })
            })
            .filter(move |m| m.end <= limit)
    }
}

impl Names {
    /// Gazetteer mentions and (with `unknown`) names the gazetteer lacks.
    pub fn of(s: &str, unknown: bool) -> Names {
        Names::with(s, gazetteer().mentions(s), unknown)
    }

    /// [`Names::of`] with the gazetteer's mentions `all` already found.
    pub fn with(s: &str, all: Vec<Mention>, unknown: bool) -> Names {
        WORD_SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut scratch) => Names::with_scratch(s, all, unknown, &mut scratch),
            Err(_) => Names::with_scratch(s, all, unknown, &mut WordScratch::default()),
        })
    }

    /// [`Names::with`] with buffers to reuse.
    fn with_scratch(s: &str, all: Vec<Mention>, unknown: bool, scratch: &mut WordScratch) -> Names {
        // Lower case keeps byte offsets (ASCII only changes); only the
        // scan for unknown names reads it.
        let unknowns = if unknown {
            let mut lower = std::mem::take(&mut scratch.lower);
            lower.clear();
            lower.push_str(s);
            lower.make_ascii_lowercase();
            let unknowns = unknown_places(s, &lower, &all, scratch);
            scratch.lower = lower;
            unknowns
        } else {
            Vec::new()
        };
        Names {
            all,
            unknowns,
            anaphors: OnceCell::new(),
        }
    }

    /// The phrases of `s`, the sentence these are the names of, that point back.
    fn anaphors(&self, s: &str) -> Anaphors {
        *self.anaphors.get_or_init(|| Anaphors::of(s))
    }

    /// The noun of the phrase of `s` (the sentence these are the names of)
    /// that points back ("camp" in "from the camp"), to find its antecedent.
    pub fn anaphor_noun(&self, s: &str) -> Option<&'static str> {
        self.anaphors(s).noun
    }
}

/// The best of the places a sentence names for a figure, scored (see the
/// module doc): the best that a locative preposition governs, and the best
/// of all (ties: the last, as `max_by`). Mentions inside the dateline are
/// left out: the dateline is the story's. The two are kept as the places
/// are scored, where a vector of every candidate cost an allocation per
/// figure. A place whose score cannot reach either best so far is left
/// out before its dear tests (container, speaker, clause): it would not
/// have changed them. So is one that cannot reach `floor`, a score below
/// which the caller does not want (`f64::NEG_INFINITY` for none): the two
/// are then the best of those that can.
fn candidates<'n>(
    s: &str,
    names: &'n Names,
    found: &Found,
    figures: &[(usize, usize)],
    dateline: usize,
    floor: f64,
) -> Best<'n> {
    let g = gazetteer();
    let distance = |start: usize, end: usize| {
        if end <= found.start {
            found.start - end
        } else {
            start.saturating_sub(found.end)
        }
    };
    // The place follows another figure closely, in the same phrase, so it
    // is that figure's: "almost 50 people in Bayda and a dozen in Susa",
    // "11 people, nine of them in the city of Sumy" (but not "seven people,
    // including three minors, were abducted from Komanda").
    let anothers_figure = |start: usize| {
        figures
            .iter()
            .filter(|f| f.1 <= start)
            .max_by_key(|f| f.1)
            .filter(|f| {
                **f != (found.start, found.end)
                    && start - f.1 <= 32
                    && !clause_break(&s[f.1..start])
            })
    };
    let anothers = |start: usize| anothers_figure(start).is_some();
    // A share of a total placed apart from it: "103 of them in Almaty".
    let share_of_total = |start: usize| {
        anothers_figure(start).is_some_and(|f| {
            let t = s[f.1..start].trim_start();
            t.starts_with("of them") || t.starts_with("of whom")
        })
    };
    // The score before its penalties and bonus: the preposition, how
    // specific the place is and how near it stands.
    let base = |start: usize, end: usize, spec: f64, prep: f64| {
        prep + spec - distance(start, end) as f64 / 40.0
    };
    // The most a place of that base can score: every later term takes away
    // but a destination's bonus (and floating-point sums keep their order,
    // so no rounding lifts the score past this). It is never -0.0, so
    // `total_cmp` orders it as the numbers are ordered.
    // A name labelling the figure's count in brackets: "Taroudant (492)".
    let labels = |end: usize| end <= found.start && s[end..found.start].trim() == "(";
    let most = |base: f64, prep: f64, end: usize| {
        let base = if labels(end) { base + 5.0 } else { base };
        if found.metric == Metric::Displaced && prep > 0.0 {
            base + 3.0
        } else {
            base
        }
    };
    let score = |start: usize, end: usize, prep: f64, base: f64| {
        let mut v = base;
        if prep == 0.0 && is_speaker(s, end) {
            v -= 2.0;
        }
        let modifier = is_modifier(s, end);
        if modifier {
            v -= 5.0;
        }
        // A place in a phrase or clause before the figure's: "In Donetsk
        // Oblast, three people were killed in Pokrovsk" (the fronted place
        // frames, the figure's own clause locates). Only for a real figure:
        // a headline or an earlier sentence is scored from a mere position.
        if !figures.is_empty()
            && end <= found.start
            && clause_break(&s[end..found.start])
            && !relative(&s[end..found.start])
        {
            v -= 1.5;
        }
        // People flee to a place: "fled Ntoyo for Manguredjipa" (§5).
        if found.metric == Metric::Displaced && prep > 0.0 && destination(s, start) {
            v += 3.0;
        }
        // A share's place does not locate its total: "157 were killed in
        // the unrest, 103 of them in Almaty" puts only the 103 there, and
        // the 157 falls back to the story's place.
        // (One before the figure is shared, as in "26 were killed in X and
        // 46 injured", and only counts against.)
        if labels(end) {
            return (v + 5.0, true);
        }
        let another = anothers(start);
        let other = another && start >= found.end && share_of_total(start);
        if other {
            v -= 5.0;
        } else if another {
            v -= 2.0;
        }
        (v, prep >= 1.0 && !modifier && !other)
    };
    // Where every place of the sentence is, to see which one locates another.
    // How specific each is: a name the gazetteer lacks is taken for the
    // smallest unit (a village, a neighbourhood).
    const UNKNOWN: f64 = 1.5;
    let mut spans: Vec<(usize, usize, f64)> =
        Vec::with_capacity(names.all.len() + names.unknowns.len());
    spans.extend(
        names
            .all
            .iter()
            .filter(|m| !m.demonym)
            .map(|m| (m.start, m.end, specificity(g.place(m.place).kind))),
    );
    spans.extend(names.unknowns.iter().map(|&(a, b)| (a, b, UNKNOWN)));
    // "X <unit> of Y" reads both ways ("the Nurgal district of Kunar", "the
    // Port-au-Prince neighbourhood of Carrefour-Feuilles"): the wider place
    // of the two is the container.
    // A facility is the other way round: "the Al-Aqsa Hospital in Deir
    // al-Balah" names the town as the figure's place, the hospital inside it.
    let facility = |b: usize, e: usize| {
        s[b..e]
            .split_whitespace()
            .any(|w| in_tables(w, table::FACILITIES))
    };
    let container = |start: usize, end: usize, rank: f64| {
        spans.iter().any(|&(b, e, r)| {
            e <= start
                && (locates(&s[e..start]) && !facility(b, e)
                    || (rank < r && unit_of(&s[b..e], &s[e..start])))
        }) || spans
            .iter()
            .any(|&(b, _, r)| b >= end && rank < r && names_settlement(&s[end..b]))
            || facility(start, end)
                && spans
                    .iter()
                    .any(|&(b, _, _)| b >= end && locates(&s[end..b]))
    };
    let score = |start: usize, end: usize, prep: f64, base: f64, rank: f64| {
        let (v, loc) = score(start, end, prep, base);
        // The container is less specific: for a figure it all but never
        // wins over the place it locates; for an anaphor ("in the area",
        // scored from a mere position) it is often the wider area meant.
        let penalty = if figures.is_empty() { 1.5 } else { 3.0 };
        (
            if container(start, end, rank) {
                v - penalty
            } else {
                v
            },
            loc,
        )
    };
    let mut out = Best {
        located: None,
        any: None,
        floor,
    };
    // A longer name the gazetteer lacks wins over a name inside it ("Mai Kadra" over "Mai").
    let inside_unknown = |m: &Mention| {
        names
            .unknowns
            .iter()
            .any(|u| u.0 <= m.start && m.end <= u.1)
    };
    for m in names
        .all
        .iter()
        .filter(|m| !m.demonym && m.start >= dateline && !inside_unknown(m))
    {
        let spec = specificity(g.place(m.place).kind);
        let prep = preposition_weight(s, m.start);
        let v = base(m.start, m.end, spec, prep);
        if !out.may_take(most(v, prep, m.end), prep >= 1.0) {
            continue;
        }
        let (v, loc) = score(m.start, m.end, prep, v, spec);
        out.push((v, loc, Spot::Known(m)));
    }
    for &(start, end) in names.unknowns.iter().filter(|u| u.0 >= dateline) {
        // Unknown to the gazetteer: a village or a district; its country is the story's.
        let prep = preposition_weight(s, start);
        let v = base(start, end, 1.0, prep);
        if !out.may_take(most(v, prep, end) - 0.25, prep >= 1.0) {
            continue;
        }
        let (v, loc) = score(start, end, prep, v, UNKNOWN);
        out.push((v - 0.25, loc, Spot::Unknown(start, end)));
    }
    out
}

/// Whether the words between two places make the second the container of
/// the first: "Borova in Kharkiv Oblast", "Lin Ta Lu village, in Myanmar's
/// Sagaing Region", "Steccato di Cutro, also in Calabria", "El Plateado, a
/// remote village in Cauca province", "the Nur Shams camp near Tulkarem".
/// The container is the less specific answer to "where".
fn locates(between: &str) -> bool {
    // Words other than fillers, place nouns, possessive places, articles and
    // "also": exactly one, and it is "in", "near" or "outside". No
    // allocation: this runs per pair of places.
    let mut rest = between
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .filter(|w| {
            let possessive = w.chars().next().is_some_and(char::is_uppercase)
                && (w.ends_with("'s") || w.ends_with("\u{2019}s"));
            !(possessive
                || in_table(&["also", "a", "an"], w)
                || in_tables(
                    w,
                    table::FILLERS
                        | table::PLACE_MODIFIERS
                        | table::PLACE_NOUNS
                        | table::ADMIN_UNITS
                        | table::SETTLEMENTS,
                ))
        });
    rest.next()
        .is_some_and(|w| in_table(&["in", "near", "outside"], w))
        && rest.next().is_none()
}

fn in_table(table: &[&str], w: &str) -> bool {
    table.iter().any(|t| t.eq_ignore_ascii_case(w))
}

/// The word tables above, by bit: [`tables_of`] answers "which tables hold
/// this word" with one hash lookup, where walking each table in turn cost
/// a tenth of the run (the name scan asks about every capitalised word).
mod table {
    pub const NOT_PLACES: u32 = 1;
    pub const ORGANISATIONS: u32 = 1 << 1;
    pub const DATE_WORDS: u32 = 1 << 2;
    pub const NAME_PARTICLES: u32 = 1 << 3;
    pub const PLACE_MODIFIERS: u32 = 1 << 4;
    pub const FUNCTION: u32 = 1 << 5;
    pub const ADVERBS: u32 = 1 << 6;
    pub const FILLERS: u32 = 1 << 7;
    pub const LOCATIVE: u32 = 1 << 8;
    pub const KEPT_SUFFIXES: u32 = 1 << 9;
    pub const ADMIN_UNITS: u32 = 1 << 10;
    pub const PLACE_NOUNS: u32 = 1 << 11;
    pub const SETTLEMENTS: u32 = 1 << 12;
    pub const FACILITIES: u32 = 1 << 13;
}

/// Longest word the tables may hold: a word is packed with its length into
/// one `u128` ([`word_key`]), 15 bytes and a length byte.
const MAX_WORD: usize = 15;

/// A word (ASCII letters in lower case) and its length as one number: the
/// index compares keys with one comparison instead of hashing and comparing
/// slices. `None` for a word longer than any of the tables'.
fn word_key(w: &[u8]) -> Option<u128> {
    if w.len() > MAX_WORD {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..w.len()].copy_from_slice(w);
    buf[MAX_WORD] = w.len() as u8;
    let half = |h: &[u8]| lower_ascii(u64::from_le_bytes(h.try_into().unwrap_or_default()));
    Some(u128::from(half(&buf[..8])) | u128::from(half(&buf[8..])) << 64)
}

/// Eight bytes at once in ASCII lower case (`u8::to_ascii_lowercase` on
/// each): a byte from `A` to `Z`, and no other, gains the 0x20 bit.
fn lower_ascii(x: u64) -> u64 {
    x | ascii_in_range(x, b'A', b'Z') >> 2
}

/// The slot a key's probe starts at, in a table of `1 << (64 - shift)` slots.
fn word_slot(key: u128, shift: u32) -> usize {
    let h = (key as u64 ^ (key >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> shift) as usize
}

/// Every word of the tables (all lower case) with the bits of the tables
/// that hold it: an open-addressed table of (key, bits) by [`word_key`]
/// (0 is a free slot), and its shift for [`word_slot`].
static TABLES: LazyLock<(Vec<(u128, u32)>, u32)> = LazyLock::new(|| {
    let tables: [(u32, Vec<&'static str>); 14] = [
        (table::NOT_PLACES, NOT_PLACES.to_vec()),
        (table::ORGANISATIONS, ORGANISATIONS.to_vec()),
        (
            table::DATE_WORDS,
            MONTHS
                .iter()
                .map(|e| e.0)
                .chain(WEEKDAYS.iter().map(|e| e.0))
                .collect(),
        ),
        (table::NAME_PARTICLES, NAME_PARTICLES.to_vec()),
        (table::PLACE_MODIFIERS, PLACE_MODIFIERS.to_vec()),
        (table::FUNCTION, FUNCTION.to_vec()),
        (table::ADVERBS, ADVERBS.to_vec()),
        (table::FILLERS, FILLERS.to_vec()),
        (table::LOCATIVE, LOCATIVE.iter().map(|e| e.0).collect()),
        (table::KEPT_SUFFIXES, KEPT_SUFFIXES.to_vec()),
        (table::ADMIN_UNITS, ADMIN_UNITS.to_vec()),
        (table::PLACE_NOUNS, PLACE_NOUNS.to_vec()),
        (table::SETTLEMENTS, SETTLEMENTS.to_vec()),
        (table::FACILITIES, FACILITIES.to_vec()),
    ];
    let words: usize = tables.iter().map(|t| t.1.len()).sum();
    // At most a quarter full: probes stay short.
    let size = (4 * words).next_power_of_two();
    let shift = 64 - size.trailing_zeros();
    let mut slots = vec![(0u128, 0u32); size];
    for (bit, words) in tables {
        for w in words {
            let key = word_key(w.as_bytes()).expect("no table word is longer than MAX_WORD");
            let mut i = word_slot(key, shift);
            while slots[i].0 != 0 && slots[i].0 != key {
                i = (i + 1) & (size - 1);
            }
            slots[i] = (key, slots[i].1 | bit);
        }
    }
    (slots, shift)
});

/// The tables (bits of [`table`]) holding `w`, compared as [`in_table`]
/// does: ASCII letters in any case.
fn tables_of(w: &str) -> u32 {
    key_tables(w.as_bytes())
}

/// [`tables_of`] for a word's bytes.
fn key_tables(w: &[u8]) -> u32 {
    let (slots, shift) = &*TABLES;
    let Some(key) = word_key(w) else {
        return 0;
    };
    let mask = slots.len() - 1;
    let mut i = word_slot(key, *shift);
    loop {
        let (k, bits) = slots[i];
        if k == key {
            return bits;
        }
        if k == 0 {
            return 0;
        }
        i = (i + 1) & mask;
    }
}

/// Whether one of the tables in `mask` holds `w` (any ASCII case).
fn in_tables(w: &str, mask: u32) -> bool {
    tables_of(w) & mask != 0
}

/// "town", "camp", or an administrative unit.
fn is_settlement(w: &str) -> bool {
    in_tables(w, table::SETTLEMENTS | table::ADMIN_UNITS)
}

/// "camp", "village", "border", or an administrative unit.
fn is_place_noun(w: &str) -> bool {
    in_tables(w, table::PLACE_NOUNS | table::ADMIN_UNITS)
}

/// Whether a place and the words after it make the next place its container:
/// "the Nurgal district of Kunar", "the Loi Mamund tehsil of Bajaur
/// district" (an administrative unit of a wider one), "the Cal Miskaad
/// mountains of Bari region" (land in a unit).
fn unit_of(place: &str, between: &str) -> bool {
    let unit = |w: &str| in_tables(w, table::ADMIN_UNITS | table::PLACE_NOUNS);
    let mut words = between.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some(of), None, None) if of.eq_ignore_ascii_case("of") => {
            place.rsplit(' ').next().is_some_and(unit)
        }
        (Some(noun), Some(of), None) => of.eq_ignore_ascii_case("of") && unit(noun),
        _ => false,
    }
}

/// Whether the words between two places name the second as a settlement of
/// the first: "the Port-au-Prince neighbourhood of Carrefour-Feuilles", "the
/// Gaza City suburb of Shejaiya". The first is then the container.
fn names_settlement(between: &str) -> bool {
    let mut words = between.split_whitespace();
    let (Some(noun), Some(of), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    of.eq_ignore_ascii_case("of") && is_settlement(noun)
}

/// Administrative units, the one table of them: they follow a name ("Nurgal
/// district", kept in `where`), introduce one ("the province of Idlib") and
/// are named after the unit they belong to ("the X district of Y").
/// ("department" is left out: "a Health department official".)
const ADMIN_UNITS: &[&str] = &[
    "district",
    "province",
    "region",
    "state",
    "county",
    "municipality",
    "governorate",
    "oblast",
    "township",
    "tehsil",
    "upazila",
    "territory",
    "sector",
    "commune",
    "prefecture",
    "subdistrict",
    "raion",
    "barangay",
    "parish",
    // Ethiopia's and Congo's units: "Doolo Zone", "Galhamur woreda",
    // "Bulape health zone".
    "zone",
    "woreda",
    "kebele",
];

/// Whether the text between a place and a figure after it opens a relative
/// clause on the place: "In Cox's Bazar, which hosts nearly 1 million refugees".
fn relative(between: &str) -> bool {
    let t = between.trim_start_matches([',', ' ']);
    let first = t.split_whitespace().next().unwrap_or("");
    ["which", "where", "home"].contains(&first) && !clause_break(t)
}

/// Whether the place at byte `at` is a destination: "to", "for", "into" or
/// "towards" governs it.
fn destination(s: &str, at: usize) -> bool {
    s[..at]
        .split_whitespace()
        .rev()
        .take(5)
        .map(|w| w.trim_matches(','))
        .find(|w| !in_tables(w, table::FILLERS))
        .is_some_and(|w| in_table(&["to", "for", "into", "towards"], w))
}

/// Whether a stretch of text holds a comma, semicolon or dash that is not
/// inside a number ("320,000"). The dashes (U+2013, U+2014) are looked for
/// by character only where their first byte occurs.
fn clause_break(between: &str) -> bool {
    let b = between.as_bytes();
    // Only at the three bytes that can start one (a search that skips the
    // rest, where a test of every byte ran once per place per figure).
    memchr::memchr3_iter(b',', b';', 0xE2, b).any(|i| match b[i] {
        b',' => {
            let digit = |j: Option<&u8>| j.is_some_and(u8::is_ascii_digit);
            !(i > 0 && digit(b.get(i - 1)) && digit(b.get(i + 1)))
        }
        b';' => true,
        _ => ["\u{2014}", "\u{2013}"]
            .iter()
            .any(|d| b[i..].starts_with(d.as_bytes())),
    })
}

/// The best candidates of a sentence, as [`candidates`] scores them.
struct Best<'n> {
    /// The best that a locative preposition governs.
    located: Option<Candidate<'n>>,
    /// The best of all.
    any: Option<Candidate<'n>>,
    /// The least score the caller wants.
    floor: f64,
}

impl<'n> Best<'n> {
    /// Whether a candidate scoring at most `most` (and governed by a
    /// locative preposition only if `may_locate`) could take either place:
    /// [`Best::push`] of one that cannot changes nothing. One that cannot
    /// reach the floor is not wanted.
    fn may_take(&self, most: f64, may_locate: bool) -> bool {
        let below = |best: &Option<Candidate>| best.is_some_and(|b| most.total_cmp(&b.0).is_lt());
        most.total_cmp(&self.floor).is_ge()
            && (!below(&self.any) || (may_locate && !below(&self.located)))
    }

    /// Takes in one more candidate: a tie goes to the later one, as
    /// `Iterator::max_by` has it.
    fn push(&mut self, c: Candidate<'n>) {
        let wins = |best: &Option<Candidate>| best.is_none_or(|b| c.0.total_cmp(&b.0).is_ge());
        if c.1 && wins(&self.located) {
            self.located = Some(c);
        }
        if wins(&self.any) {
            self.any = Some(c);
        }
    }
}

/// The best place a sentence names, with its score.
pub fn in_sentence(
    s: &str,
    found: &Found,
    country: Option<&str>,
    dateline: usize,
    unknown: bool,
) -> Option<(f64, Located)> {
    best_named(s, &Names::of(s, unknown), found, country, dateline)
}

/// [`in_sentence`] with the sentence's names already found.
fn best_named(
    s: &str,
    names: &Names,
    found: &Found,
    country: Option<&str>,
    dateline: usize,
) -> Option<(f64, Located)> {
    candidates(s, names, found, &[], dateline, f64::NEG_INFINITY)
        .any
        .map(|(v, _, spot)| (v, spot.located(s, country)))
}

/// The place of `found` in sentence `s`: a place the sentence puts it in
/// ("in Jenin"); else, when the sentence points back ("in the area"), the
/// last place named before; else a place it names at all (not as a speaker
/// or a modifier); else the story's. `story` and `previous` are only looked
/// up when needed.
pub fn place(
    s: &str,
    names: &Names,
    found: &Found,
    figures: &[(usize, usize)],
    story: impl Fn() -> Option<Located>,
    previous: impl FnOnce() -> Option<Located>,
    dateline: usize,
) -> Option<Located> {
    let unknown_country = || story().and_then(|p| p.country);
    // A name the gazetteer lacks takes the story's country, looked up only
    // for such a winner: the story's place is found once a document needs it.
    let at = |spot: Spot| match spot {
        Spot::Unknown(..) => spot.located(s, unknown_country().as_deref()),
        Spot::Known(_) => spot.located(s, None),
    };
    let cands = candidates(s, names, found, figures, dateline, f64::NEG_INFINITY);
    if let Some((_, _, spot)) = cands.located {
        return Some(at(spot));
    }
    if names.anaphors(s).anaphora {
        // "The Sindh health department said 10 deaths in the province":
        // the province named before the figure in the same sentence.
        if let Some(kinds) = names.anaphors(s).noun.and_then(unit_kinds) {
            let g = gazetteer();
            let own = names.all.iter().rev().find(|m| {
                !m.demonym
                    && m.start >= dateline
                    && m.end <= found.start
                    && kinds.contains(&g.place(m.place).kind)
            });
            if let Some(m) = own {
                return Some(located(s, m));
            }
        }
        if let Some(mut p) = previous() {
            // A village named earlier: its country is the story's.
            if p.country.is_none() {
                p.country = unknown_country();
            }
            return Some(p);
        }
    }
    match cands.any {
        Some((v, _, spot)) if v >= -1.5 => Some(at(spot)),
        _ if names.anaphors(s).country => {
            // "injured across the country": the country of the story's place.
            let g = gazetteer();
            let story = story();
            let country = story.as_ref().and_then(|p| p.country.as_deref());
            match country.and_then(|c| g.country(c)) {
                Some(c) => Some(at_place(c.name.clone(), c)),
                None => story,
            }
        }
        _ => story(),
    }
}

/// The kinds of gazetteer place an anaphor's noun can point back to, for
/// the nouns of a first-level unit ("the province", "the state"): "the
/// province" after "Karachi ... Sindh" means Sindh, not the last place.
fn unit_kinds(noun: &str) -> Option<&'static [PlaceKind]> {
    match noun {
        "province" | "state" | "oblast" => Some(&[PlaceKind::Admin1]),
        "region" => Some(&[PlaceKind::Admin1, PlaceKind::Region]),
        _ => None,
    }
}

/// How many sentences back an anaphor with a noun ("in the district")
/// looks for the place it names: a story names its district once, in the
/// lead, and comes back to it paragraphs later.
const NOUN_REACH: usize = 40;

/// The last place that one of the sentences `earlier` puts something in; for
/// an anaphor with a noun, the last place named with that noun up to
/// [`NOUN_REACH`] sentences back.
pub fn previous_place(
    sentences: &Sentences,
    earlier: Range<usize>,
    noun: Option<&str>,
) -> Option<Located> {
    // "the camp" points back to a place named as a camp ("the Abu Shouk
    // displacement camp"), not to whatever place came last.
    if let Some(noun) = noun {
        let reach = earlier.end.saturating_sub(NOUN_REACH)..earlier.end;
        let named = reach.clone().rev().find_map(|n| {
            let s = sentences.text(n);
            // Both ways below name the place with the noun itself: a sentence
            // without it has no such place, and its names (the dear scan) are
            // not found for this.
            if !holds_ignoring_case(s, noun) {
                return None;
            }
            let names = sentences.names(n);
            let known = &names.all;
            // "the district" after "Wayanad district": a known place named with the noun.
            let with_noun = known.iter().rev().find(|m| {
                !m.demonym
                    && s[m.start..m.end]
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| w.eq_ignore_ascii_case(noun))
            });
            if let Some(m) = with_noun {
                return Some(located(s, m));
            }
            names.unknowns.iter().rev().find_map(|&(a, b)| {
                let after: Vec<&str> = s[b..].split_whitespace().take(2).collect();
                let before: Vec<&str> = s[..a].split_whitespace().rev().take(2).collect();
                let is_noun = |w: &&str| {
                    w.trim_matches(|c: char| !c.is_alphabetic())
                        .eq_ignore_ascii_case(noun)
                };
                (after.iter().any(is_noun)
                    || (before.first() == Some(&"of") && before.get(1).is_some_and(is_noun)))
                .then(|| Located {
                    name: s[a..b].to_string(),
                    country: None,
                    lat: None,
                    lon: None,
                })
            })
        });
        if named.is_some() {
            return named;
        }
        // "the province": the last first-level unit named (as a place, not
        // a demonym), however named ("Sindh", "Punjab province").
        if let Some(kinds) = unit_kinds(noun) {
            let g = gazetteer();
            let unit = reach.rev().find_map(|n| {
                let s = sentences.text(n);
                sentences
                    .mentions(n)
                    .iter()
                    .rev()
                    .find(|m| !m.demonym && kinds.contains(&g.place(m.place).kind))
                    .map(|m| located(s, m))
            });
            if unit.is_some() {
                return unit;
            }
        }
    }
    earlier.rev().find_map(|n| {
        let s = sentences.text(n);
        // Only a place that can score 2 is scored in full, and built only
        // for a sentence whose best one is kept.
        candidates(s, sentences.names(n), &Found::at(s.len()), &[], 0, 2.0)
            .any
            .filter(|(v, _, _)| *v >= 2.0)
            .map(|(_, _, spot)| spot.located(s, None))
    })
}

/// Whether `s` holds `word` in any ASCII case, as [`str::eq_ignore_ascii_case`]
/// compares (an empty `word` is taken to be held).
fn holds_ignoring_case(s: &str, word: &str) -> bool {
    word.is_empty()
        || find_any_case(s.as_bytes(), word.as_bytes())
            .next()
            .is_some()
}

/// Bytes of a sentence (starting at `sentence_start` in the text) that belong
/// to the document's dateline (from [`dateline`]).
pub fn dateline_in(dateline: Option<(usize, usize)>, sentence_start: usize) -> usize {
    match dateline {
        Some((line, dash)) if line == sentence_start => dash - line,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each figure's `where` in a document of `text`, in order.
    fn places(text: &str) -> Vec<String> {
        let doc =
            crate::document::Document::new("t", chrono::NaiveDate::from_ymd_opt(2025, 3, 12), text);
        super::super::figures(&doc)
            .into_iter()
            .map(|f| f.place.unwrap_or_default())
            .collect()
    }

    /// A page's time stamp ("Updated - July 02, 2025") is no dateline, so
    /// no place.
    #[test]
    fn a_time_stamp_is_no_dateline() {
        let page = "Factory blast\n\nUpdated - July 02, 2025 09:40 IST\n\n\
                    Seven workers were killed on the spot.";
        assert_eq!(dateline(page), None);
        assert_eq!(places(page), [""]);
    }

    /// A title with a colon and a compound name joined by a dash ("UNHCR
    /// Flash Update #7: Lebanon–Syria Emergency") is no dateline.
    #[test]
    fn a_title_with_a_colon_is_no_dateline() {
        let page = "UNHCR Regional Flash Update #7: Lebanon\u{2013}Syria Emergency\n\n\
                    Some 97,000 people crossed into Syria.";
        assert_eq!(dateline(page), None);
    }

    /// A date line with its time and outlet ("July 1, 2025 (00:20) —
    /// Sudan Tribune") is no dateline: the dateline below it is.
    #[test]
    fn a_time_stamp_with_its_outlet_is_no_dateline() {
        let page = "Mine collapse\n\nJuly 1, 2025 (00:20) \u{2014} Sudan Tribune\n\n\
                    PORT SUDAN \u{2014} At least 19 miners were killed, the company said.";
        let (line, _) = dateline(page).expect("the dateline below the stamp");
        assert!(page[line..].starts_with("PORT SUDAN"));
    }

    /// A Spanish-language wire's dateline ends its agency's bracket with
    /// ".-": the town is then the story's place (the figures below name
    /// none), as with an em dash.
    #[test]
    fn a_dateline_may_end_in_a_full_stop_and_hyphen() {
        let efe = "Headline\n\nPalmira, Colombia, Mar 11 (EFE).- Floods hit the region.\n\nAt least 12 people died on Tuesday, officials said.";
        assert!(dateline(efe).is_some());
        assert_eq!(places(efe), ["Palmira"]);
        let plain = "Headline\n\nPalmira, Colombia, Mar 11 (EFE) Floods hit the region.\n\nAt least 12 people died on Tuesday, officials said.";
        assert_eq!(dateline(plain), None);
    }

    /// A dateline in title case with a spaced hyphen ("Sawla - The toll")
    /// is a dateline; a line whose words before the hyphen are not all
    /// capitalised is not.
    #[test]
    fn a_title_case_dateline_with_a_hyphen() {
        let text = "Toll climbs\n\nTulembe - The death toll from Sunday's landslide has risen.\n\nAt least 55 people died, officials said.";
        assert!(dateline(text).is_some());
        assert_eq!(places(text), ["Tulembe"]);
        let prose =
            "Toll climbs\n\nLive updates - The death toll from Sunday's landslide has risen.";
        assert_eq!(dateline(prose), None);
    }

    /// A place that attacks is an actor: the headline's place is the one
    /// attacked; a place before a noun ("Tulembe strikes") stays a scene.
    #[test]
    fn an_attacker_is_not_the_scene() {
        let (_, l) =
            in_sentence("Zambia pounds Malawi again", &Found::at(0), None, 0, true).unwrap();
        assert_eq!(l.name, "Malawi");
        let (_, l) = in_sentence("Zambia strikes kill 30", &Found::at(0), None, 0, true).unwrap();
        assert_eq!(l.name, "Zambia");
    }

    /// An adjective of a city's rank ("commercial") stands between a
    /// preposition and the city as "northern" does.
    #[test]
    fn a_commercial_capital_is_governed_by_its_preposition() {
        assert_eq!(
            places(
                "Seven people died in a crush in Zambia's commercial capital Kitwe on Saturday."
            ),
            ["Kitwe"]
        );
        assert_eq!(
            places("Seven people died in a crush in Zambia's commercial sector on Saturday."),
            ["Zambia"]
        );
    }

    /// Ethiopia's woredas and zones and Congo's health zones are units
    /// kept in `where`, as "district" is.
    #[test]
    fn woredas_and_health_zones_are_units() {
        assert_eq!(
            places("Four children have died of measles in Tulembe woreda since February."),
            ["Tulembe woreda"]
        );
        assert_eq!(
            places("Twelve deaths have been reported in Tulembe health zone since May."),
            ["Tulembe health zone"]
        );
        assert_eq!(
            places(
                "A first group of 460 refugees was relocated to the new Tulembe site on Friday."
            ),
            ["Tulembe"]
        );
        assert_eq!(
            places("Twelve deaths have been reported in the Tulembe refugee camp since May."),
            ["Tulembe"]
        );
    }

    /// A named hospital is the place its patients are treated in, with its
    /// noun before the name, after it, or a "medical" centre; a bare
    /// "the Hospital" or a hospital's name modifying a noun is not.
    #[test]
    fn a_named_hospital_is_a_place() {
        assert_eq!(
            places("Nine wounded people were being treated at the Hospital Rosales on Tuesday."),
            ["Hospital Rosales"]
        );
        assert_eq!(
            places("Nine wounded people were being treated at the Ngomba Hospital in Kitwe."),
            ["Kitwe"]
        );
        assert_eq!(
            places("The Ndola Teaching Hospital received 14 wounded on Tuesday."),
            ["Ndola Teaching Hospital"]
        );
        assert_eq!(
            places("At the Mirpur Medical Centre, doctors said 31 people had died since Friday."),
            ["Mirpur Medical Centre"]
        );
        assert_eq!(
            places("Nine wounded were being treated at the Tulembe hospital on Tuesday."),
            ["Tulembe hospital"]
        );
        assert_eq!(
            places("Nine wounded people were being treated at the General Hospital in Dhaka."),
            ["Dhaka"]
        );
        assert_eq!(
            places("The Mirpur Hospital director said 31 people had died in Dhaka since Friday."),
            ["Dhaka"]
        );
    }

    /// An irregular past tense after a name is its verb, not a noun the
    /// name modifies.
    #[test]
    fn a_name_before_an_irregular_past_tense_is_a_place() {
        assert_eq!(
            places("The toll from the riot in Tulembe rose to 41 on Tuesday."),
            ["Tulembe"]
        );
        assert_ne!(
            places("The toll from the riot in Tulembe camps climbed to 41 on Tuesday."),
            ["Tulembe"]
        );
    }

    /// "the Andean town" is an adjective before a place noun, not a
    /// village named Andean; "the Tulembe town" names one.
    #[test]
    fn a_regional_adjective_is_no_place_name() {
        assert_ne!(
            places("Nine people died in a landslide that hit the Andean town on Sunday."),
            ["Andean"]
        );
        assert_eq!(
            places("Nine people died in a landslide that hit the Tulembe town on Sunday."),
            ["Tulembe"]
        );
    }

    /// "the province" points back to the province named before it in the
    /// sentence, or in an earlier one, not to the last city.
    #[test]
    fn the_province_points_back_to_a_province() {
        assert_eq!(
            places("The Punjab health department said 10 deaths in the province were confirmed."),
            ["Punjab"]
        );
        let text = "Heat gripped Sindh this week. Hospitals in Karachi were full.\n\nOnly 10 deaths in the province had been confirmed.";
        assert_eq!(places(text), ["Sindh"]);
        let city = "Heat gripped Sindh this week. Hospitals in Karachi were full.\n\nOnly 10 deaths in the city had been confirmed.";
        assert_eq!(places(city), ["Karachi"]);
    }

    #[test]
    fn a_dateline_is_names_and_a_caption_in_capitals_is_not() {
        let text = "MAIDUGURI, Nigeria (AP) \u{2014} Gunmen killed 12 people.";
        assert_eq!(dateline(text), Some((0, text.find('\u{2014}').unwrap())));
        let caption = "FLOODED CITY Rescuers in rubber boats ferry residents through floodwaters. \u{2014}PHOTO\nText.";
        assert_eq!(dateline(caption), None);
    }

    /// The search answers as comparing every stretch of the text with
    /// `eq_ignore_ascii_case` would, in any case, beside non-ASCII text and
    /// at either end.
    #[test]
    fn holding_a_word_in_any_case_is_a_case_blind_comparison() {
        let texts = [
            "",
            "a",
            "In the AREA",
            "the Area's camps",
            "are a rea",
            "Ärea \u{2014} área, aREa",
            "the arena",
            "ar",
        ];
        for s in texts {
            for w in ["area", "AREA", "a", "", "ärea", "rea"] {
                let slow = w.is_empty()
                    || s.as_bytes()
                        .windows(w.len())
                        .any(|x| x.eq_ignore_ascii_case(w.as_bytes()));
                assert_eq!(holds_ignoring_case(s, w), slow, "{s:?} {w:?}");
            }
        }
    }

    /// The index answers as a walk through the tables would: every entry is
    /// lower case (so exact and case-blind lookups agree), and each word is
    /// found in exactly the tables that list it.
    #[test]
    fn the_table_index_agrees_with_the_tables() {
        let tables: [(u32, &[&str]); 11] = [
            (table::PLACE_MODIFIERS, PLACE_MODIFIERS),
            (table::ADVERBS, ADVERBS),
            (table::KEPT_SUFFIXES, KEPT_SUFFIXES),
            (table::NOT_PLACES, NOT_PLACES),
            (table::ORGANISATIONS, ORGANISATIONS),
            (table::NAME_PARTICLES, NAME_PARTICLES),
            (table::FILLERS, FILLERS),
            (table::ADMIN_UNITS, ADMIN_UNITS),
            (table::PLACE_NOUNS, PLACE_NOUNS),
            (table::SETTLEMENTS, SETTLEMENTS),
            (table::FUNCTION, FUNCTION),
        ];
        for (bit, words) in tables {
            for w in words {
                assert_eq!(*w, w.to_ascii_lowercase(), "{w} is not lower case");
                assert!(in_tables(w, bit), "{w}");
                assert!(in_tables(&w.to_ascii_uppercase(), bit), "{w}");
            }
        }
        for (w, _) in LOCATIVE {
            assert!(in_tables(w, table::LOCATIVE) && *w == w.to_ascii_lowercase());
        }
        for w in MONTHS
            .iter()
            .map(|e| e.0)
            .chain(WEEKDAYS.iter().map(|e| e.0))
        {
            assert!(in_tables(w, table::DATE_WORDS) && w == w.to_ascii_lowercase());
        }
        assert!(in_tables("March", table::DATE_WORDS));
        assert!(in_tables("near", table::LOCATIVE));
        assert!(!in_tables("Kuriga", u32::MAX));
        assert_eq!(
            in_table(PLACE_MODIFIERS, "refugee"),
            in_tables("refugee", table::PLACE_MODIFIERS)
        );
    }

    /// The word-wide lower-casing agrees with the byte one on every byte.
    #[test]
    fn lower_ascii_agrees_with_to_ascii_lowercase() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let x = u64::from(b) << (8 * pos) | 0x4142_5a5b_6061_7a40 & !(0xff << (8 * pos));
                let want = u64::from_le_bytes(x.to_le_bytes().map(|c| c.to_ascii_lowercase()));
                assert_eq!(lower_ascii(x), want, "{b:#x} at {pos}");
            }
        }
    }

    /// The anchored search finds the phrases a plain substring search
    /// finds, overlapping and inside words too.
    #[test]
    fn the_anchored_search_finds_every_phrase() {
        let phrases: Vec<&str> = ANAPHORA.iter().chain(COUNTRY_ANAPHORA).copied().collect();
        for s in [
            "Three were killed in the area and across the country.",
            "THERE were attacks nationwide, in the city and thereabouts",
            "Fighting spread countrywide and across the nation; in the camps",
            "Theirs: other, then, they. Within the oblast, at the site",
            "the",
            "",
        ] {
            let lower = s.to_ascii_lowercase();
            assert!(phrases.iter().all(|p| *p == p.to_ascii_lowercase()));
            let mut found: Vec<usize> = anaphors(&lower).collect();
            found.sort_unstable();
            found.dedup();
            let want: Vec<usize> = (0..phrases.len())
                .filter(|&k| lower.contains(phrases[k]))
                .collect();
            assert_eq!(found, want, "{s}");
        }
    }
}
